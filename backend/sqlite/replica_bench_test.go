package sqlite

import (
	"context"
	"encoding/json"
	"fmt"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"erpps/backend/erpps"
)

// BenchmarkReplicaCatchUp: a desktop catching up 10,000 changed requests
// (each with a two-step history) in pages of 500, as the sync client pulls
// them, into a store that has none of them.
//
//	go test ./backend/sqlite -run '^$' -bench BenchmarkReplicaCatchUp -benchmem
func BenchmarkReplicaCatchUp(b *testing.B) {
	const changes, page = 10000, 500
	ctx := context.Background()
	at := testEpoch
	all := make([]erpps.Change, changes)
	for i := range all {
		r := &erpps.Request{ID: fmt.Sprintf("req-%05d", i), RPPS: fmt.Sprintf("1%010d", i%200), Kind: erpps.KindContact,
			Status: erpps.StatusTransmitted, TargetID: fmt.Sprintf("T%d", i), Department: "75",
			Payload: json.RawMessage(fmt.Sprintf(`{"email":"p%d@example.org","phone":"+33100000000"}`, i)), Revision: 2,
			CreatedAt: at, UpdatedAt: at, TransmittedAt: &at, UpdatedBy: professional,
			History: []erpps.RequestEvent{{To: erpps.StatusDraft, At: at, Actor: professional},
				{From: erpps.StatusDraft, To: erpps.StatusTransmitted, At: at, Actor: professional}}}
		all[i] = erpps.Change{Seq: int64(i + 1), Kind: erpps.ChangeRequest, ID: r.ID, Request: r}
	}
	for b.Loop() {
		b.StopTimer()
		db := NewDB(filepath.Join(b.TempDir(), "erpps.db"))
		db.Replica = true
		if err := db.Open(ctx); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		start := time.Now()
		for i := 0; i < changes; i += page {
			if err := db.ApplyChanges(ctx, all[i:i+page], int64(i+page), at); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(time.Since(start).Microseconds())/changes, "µs/change")
		b.StopTimer()
		MustCloseDB(b, db)
		b.StartTimer()
	}
}

// BenchmarkReplicaSaveDraftLatency is BenchmarkSaveDraftLatency in Replica
// mode: each autosave also coalesces into (or appends) its mutation, in the
// same transaction (target: p99 under 5 ms, as without).
//
//	go test ./backend/sqlite -run '^$' -bench 'SaveDraftLatency'
func BenchmarkReplicaSaveDraftLatency(b *testing.B) {
	db, drafts := openSeededDB(b, SyncNormal)
	db.Replica = true
	ctx := context.Background()
	var durations []time.Duration
	revs := make([]int64, len(drafts))
	i := 0
	for b.Loop() {
		payload := benchPayload(i)
		k := i % len(drafts)
		start := time.Now()
		r, err := db.SaveDraft(ctx, drafts[k], max(revs[k], 1), payload, benchActor)
		if err != nil {
			b.Fatal(err)
		}
		durations = append(durations, time.Since(start))
		revs[k] = r.Revision
		i++
	}
	slices.Sort(durations)
	ms := func(q float64) float64 {
		return float64(durations[int(q*float64(len(durations)-1))]) / float64(time.Millisecond)
	}
	b.ReportMetric(ms(0.50), "p50-ms")
	b.ReportMetric(ms(0.99), "p99-ms")
	b.ReportMetric(ms(1), "max-ms")
	var mutations int
	if err := db.read.QueryRow(`SELECT count(*) FROM replica_mutations`).Scan(&mutations); err != nil || mutations > len(drafts) {
		b.Fatalf("%d mutations for %d drafts (%v)", mutations, len(drafts), err)
	}
}
