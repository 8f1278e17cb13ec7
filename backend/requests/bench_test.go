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
// pause in typing, on a store holding 10,000 requests of 1,000
// practitioners, and reports the median and the 99th percentile of two paths
// measured in the same run on the same store:
//
//	go test ./backend/requests -run '^$' -bench Autosave -benchtime 3000x
//
// path=old-sequence is the path before issue 6, four service↔store round
// trips (read the request, store, read the practitioner, list the other
// requests) with the payload decoded twice; path=one-read-one-write is
// Service.SaveDraft: one read transaction (request, record, other open
// requests), one write transaction, the payload decoded once. cpu-µs/op, the
// process's CPU time per save, does not depend on the machine's load as the
// percentiles do.
func BenchmarkAutosave(b *testing.B) {
	s, drafts := seedAutosaveBench(b)
	revs := map[string]int64{}
	for _, id := range drafts {
		revs[id] = 1
	}
	paths := []struct {
		name string
		save func(ctx context.Context, id string, payload json.RawMessage) (*View, error)
	}{
		{"old-sequence", func(ctx context.Context, id string, payload json.RawMessage) (*View, error) {
			return oldAutosave(ctx, s, id, payload)
		}},
		{"one-read-one-write", func(ctx context.Context, id string, payload json.RawMessage) (*View, error) {
			return s.SaveDraft(ctx, id, revs[id], payload, erpps.Actor{Role: erpps.RoleSecretary, ID: "bench"})
		}},
	}
	for _, p := range paths {
		b.Run("path="+p.name, func(b *testing.B) {
			ctx := context.Background()
			durations := make([]time.Duration, 0, b.N)
			cpu0 := cpuTime()
			for i := range b.N {
				payload := fmt.Sprintf(`{"email":"dr.%d@example.org","phone":"06 00 12 %02d %02d","address":{"street":"%d rue Pasteur","postalCode":"75011","city":"PARIS"}}`, i, i%100, (i/100)%100, i%200)
				id := drafts[i%len(drafts)]
				t0 := time.Now()
				v, err := p.save(ctx, id, json.RawMessage(payload))
				if err != nil {
					b.Fatal(err)
				}
				durations = append(durations, time.Since(t0))
				revs[id] = v.Request.Revision
			}
			b.StopTimer()
			b.ReportMetric(float64((cpuTime()-cpu0).Microseconds())/float64(b.N), "cpu-µs/op")
			slices.Sort(durations)
			pct := func(p float64) float64 {
				return float64(durations[int(p*float64(len(durations)-1))].Microseconds()) / 1000
			}
			b.ReportMetric(pct(0.50), "p50-ms")
			b.ReportMetric(pct(0.99), "p99-ms")
		})
	}
}

// oldAutosave is the autosave path before issue 6, call for call, on
// today's store: read the request, decode the payload, store it, read the
// practitioner, list the practitioner's open requests, validate (decoding
// the payload again).
func oldAutosave(ctx context.Context, s *Service, id string, payload json.RawMessage) (*View, error) {
	req, err := s.Requests.FindRequestByID(ctx, id)
	if err != nil {
		return nil, err
	}
	r, err := rulesFor(req.Kind)
	if err != nil {
		return nil, err
	}
	if _, err := r.decode(payload); err != nil {
		return nil, err
	}
	saved, err := s.Requests.SaveDraft(ctx, id, req.Revision, payload, erpps.Actor{Role: erpps.RoleSecretary, ID: "bench"})
	if err != nil {
		return nil, err
	}
	saved.History = req.History
	p, err := s.Practitioners.FindPractitionerByRPPS(ctx, saved.RPPS)
	if err != nil {
		return nil, err
	}
	all, err := s.Requests.ListRequests(ctx, erpps.RequestFilter{RPPS: p.RPPS, WithoutHistory: true, Statuses: []erpps.RequestStatus{
		erpps.StatusDraft, erpps.StatusTransmitted, erpps.StatusUnderReview, erpps.StatusComplementRequested,
	}})
	if err != nil {
		return nil, err
	}
	rec := &erpps.RequestWithRecord{Request: saved, Practitioner: p}
	for _, o := range all {
		if o.ID != id {
			rec.Others = append(rec.Others, o)
		}
	}
	return s.viewOf(ctx, rec, nil, erpps.Actor{Role: erpps.RoleProfessional, ID: rec.Request.RPPS})
}

// seedAutosaveBench opens a store of 1,000 demo practitioners and 10,000
// requests and returns the service and the contact drafts.
func seedAutosaveBench(b *testing.B) (*Service, []string) {
	b.Helper()
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
	return s, drafts
}
