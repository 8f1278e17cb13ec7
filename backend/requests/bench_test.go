package requests

import (
	"context"
	"encoding/json"
	"fmt"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"erpps/backend/demo"
	"erpps/backend/erpps"
	"erpps/backend/refdata"
	"erpps/backend/sqlite"
)

// BenchmarkAutosave measures the whole autosave path the UI calls on every
// pause in typing (read the request, decode, store in one transaction,
// validate against the record and the other requests) on a store holding
// 10,000 requests of 1,000 practitioners, and reports the 99th percentile.
//
//	go test ./backend/requests -run '^$' -bench Autosave -benchtime 3000x
func BenchmarkAutosave(b *testing.B) {
	ctx := context.Background()
	db := sqlite.NewDB(filepath.Join(b.TempDir(), "erpps.db"))
	if err := db.Open(ctx); err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { _ = db.Close() })
	cat, err := refdata.Load()
	if err != nil {
		b.Fatal(err)
	}
	list, err := demo.Generate(1000, demo.Seed)
	if err != nil {
		b.Fatal(err)
	}
	for _, p := range list {
		if err := db.SavePractitioner(ctx, p); err != nil {
			b.Fatal(err)
		}
	}
	s := &Service{Practitioners: db, Requests: db, Structures: db, Catalog: cat, Now: time.Now}
	kinds := []erpps.RequestKind{erpps.KindContact, erpps.KindExerciseName, erpps.KindNewProfession, erpps.KindNewActivity}
	var drafts []string
	for i := range 10_000 {
		p := list[i%len(list)]
		r := &erpps.Request{RPPS: p.RPPS, Kind: kinds[i%len(kinds)], TargetID: fmt.Sprintf("object-%d", i), Payload: json.RawMessage(`{}`)}
		if err := db.CreateRequest(ctx, r, erpps.Actor{Role: erpps.RoleProfessional, ID: p.RPPS}); err != nil {
			b.Fatal(err)
		}
		if r.Kind == erpps.KindContact {
			drafts = append(drafts, r.ID)
		}
	}
	durations := make([]time.Duration, 0, b.N)
	b.ResetTimer()
	for i := range b.N {
		payload := fmt.Sprintf(`{"email":"dr.%d@example.org","phone":"06 00 12 %02d %02d","address":{"street":"%d rue Pasteur","postalCode":"75011","city":"PARIS"}}`, i, i%100, (i/100)%100, i%200)
		t0 := time.Now()
		if _, err := s.SaveDraft(ctx, drafts[i%len(drafts)], json.RawMessage(payload)); err != nil {
			b.Fatal(err)
		}
		durations = append(durations, time.Since(t0))
	}
	b.StopTimer()
	slices.Sort(durations)
	pct := func(p float64) float64 {
		return float64(durations[int(p*float64(len(durations)-1))].Microseconds()) / 1000
	}
	b.ReportMetric(pct(0.50), "p50-ms")
	b.ReportMetric(pct(0.99), "p99-ms")
}
