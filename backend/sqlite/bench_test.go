package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"erpps/backend/erpps"
)

// benchRequests is the size of the store the benchmarks work on.
const benchRequests = 10_000

// openSeededDB opens a store with the given synchronous setting holding
// benchRequests requests of 1,000 practitioners (seeded in one
// transaction), and returns the ids of its drafts.
func openSeededDB(b *testing.B, syncMode string) (*DB, []string) {
	b.Helper()
	db := NewDB(filepath.Join(b.TempDir(), "erpps.db"))
	db.Synchronous = syncMode
	if err := db.Open(context.Background()); err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { db.Close() })
	return db, seedRequests(b, db, benchRequests)
}

// seedRequests inserts n requests, seven in ten of them drafts, with a
// creation event each, in one transaction.
func seedRequests(b *testing.B, db *DB, n int) []string {
	b.Helper()
	ctx := context.Background()
	var drafts []string
	now := formatTime(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
	err := db.inWriteTx(ctx, func(tx *sql.Tx) error {
		for i := range n / 10 {
			if _, err := tx.ExecContext(ctx, `INSERT INTO practitioners (rpps, exercise_name, search_text, sort_key, updated_at)
				VALUES (?, ?, ?, ?, ?)`, fmt.Sprintf("1%010d", i), "Nom", "nom", "nom", now); err != nil {
				return err
			}
		}
		insReq, err := tx.PrepareContext(ctx, `INSERT INTO requests (id, rpps, kind, status, target_id, payload, revision, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?)`)
		if err != nil {
			return err
		}
		insEvent, err := tx.PrepareContext(ctx, `INSERT INTO request_events (request_id, to_status, at, actor_role) VALUES (?, ?, ?, ?)`)
		if err != nil {
			return err
		}
		for i := range n {
			id := fmt.Sprintf("req-%06d", i)
			status := erpps.StatusDraft
			if i%10 >= 7 {
				status = erpps.StatusTransmitted
			} else {
				drafts = append(drafts, id)
			}
			if _, err := insReq.ExecContext(ctx, id, fmt.Sprintf("1%010d", i/10), string(erpps.KindNewActivity),
				string(status), id, string(benchPayload(i)), now, now); err != nil {
				return err
			}
			if _, err := insEvent.ExecContext(ctx, id, string(erpps.StatusDraft), now, string(erpps.RoleProfessional)); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		b.Fatalf("seed: %v", err)
	}
	return drafts
}

// benchPayload is a realistic new-activity form, about 800 bytes.
func benchPayload(i int) json.RawMessage {
	data, _ := json.Marshal(erpps.NewActivityPayload{
		ProfessionCode: "10", LookupBy: "siret",
		Structure: erpps.Structure{SIRET: "00000000000018", SIREN: "000000000", CompanyName: fmt.Sprintf("Cabinet d'exemple n° %d", i),
			TradeName: "Cabinet du Test", Phone: "+33100000000", Email: "cabinet@example.invalid", Department: "75",
			Address: erpps.Address{Number: "12", StreetType: "rue", Street: "de l'Exemple", PostalCode: "75000", City: "Paris", Country: "FR"}},
		ModeCode: "L", SectorCode: "SA07", FunctionCode: "FON-01", GenreCode: "GENR01", StartDate: "2026-01-01",
	})
	return data
}

var benchActor = erpps.Actor{Role: erpps.RoleProfessional, ID: "10000000000", Name: "Banc d'essai"}

var benchSyncModes = []string{SyncNormal, SyncFull}

// BenchmarkSaveDraft autosaves drafts of a store holding 10,000 requests.
func BenchmarkSaveDraft(b *testing.B) {
	for _, mode := range benchSyncModes {
		b.Run("synchronous="+mode, func(b *testing.B) {
			db, drafts := openSeededDB(b, mode)
			ctx := context.Background()
			revs := make([]int64, len(drafts))
			i := 0
			for b.Loop() {
				k := i % len(drafts)
				r, err := db.SaveDraft(ctx, drafts[k], max(revs[k], 1), benchPayload(i), benchActor)
				if err != nil {
					b.Fatal(err)
				}
				revs[k] = r.Revision
				i++
			}
		})
	}
}

// BenchmarkSaveDraftLatency reports the median and 99th percentile of
// SaveDraft's duration (target: p99 under 5 ms).
func BenchmarkSaveDraftLatency(b *testing.B) {
	for _, mode := range benchSyncModes {
		b.Run("synchronous="+mode, func(b *testing.B) {
			db, drafts := openSeededDB(b, mode)
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
		})
	}
}

// BenchmarkOpen measures Open (and Close) on a store holding 10,000
// requests, with and without PRAGMA quick_check.
func BenchmarkOpen(b *testing.B) {
	db, _ := openSeededDB(b, SyncNormal)
	path := db.Path()
	if err := db.Close(); err != nil {
		b.Fatal(err)
	}
	info, err := os.Stat(path)
	if err != nil {
		b.Fatal(err)
	}
	for _, quick := range []bool{false, true} {
		b.Run(fmt.Sprintf("quick_check=%v", quick), func(b *testing.B) {
			for b.Loop() {
				db := NewDB(path)
				db.QuickCheck = quick
				if err := db.Open(context.Background()); err != nil {
					b.Fatal(err)
				}
				if err := db.Close(); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(info.Size())/(1<<20), "file-MiB")
		})
	}
}
