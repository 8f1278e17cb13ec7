package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"erpps/backend/erpps"
)

// queueBenchRequests is the size of the store the queue benchmark works on.
const queueBenchRequests = 100_000

// allDepartments are France's départements, in which the requests of the
// queue benchmark are spread evenly.
var allDepartments = func() []string {
	var out []string
	for i := 1; i <= 95; i++ {
		switch i {
		case 20:
			out = append(out, "2A", "2B")
		default:
			out = append(out, fmt.Sprintf("%02d", i))
		}
	}
	return append(out, "971", "972", "973", "974", "976")
}()

// ileDeFrance is the largest region's départements.
var ileDeFrance = []string{"75", "77", "78", "91", "92", "93", "94", "95"}

// openQueueDB opens a store holding queueBenchRequests transmitted requests
// of 10,000 practitioners, spread over departments, six in ten still open,
// transmitted in a random order over a year, then closes and opens it again
// (as a server does at restart: PRAGMA optimize ran).
func openQueueDB(b *testing.B, departments []string) *DB {
	b.Helper()
	ctx := context.Background()
	path := filepath.Join(b.TempDir(), "erpps.db")
	db, err := Open(ctx, path)
	if err != nil {
		b.Fatal(err)
	}
	start := time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC)
	statuses := []erpps.RequestStatus{erpps.StatusTransmitted, erpps.StatusTransmitted, erpps.StatusTransmitted,
		erpps.StatusUnderReview, erpps.StatusUnderReview, erpps.StatusComplementRequested,
		erpps.StatusAccepted, erpps.StatusAccepted, erpps.StatusRefused, erpps.StatusWithdrawn}
	err = db.inWriteTx(ctx, func(tx *sql.Tx) error {
		for i := range 10_000 {
			name := fmt.Sprintf("Nom%04d", i)
			if _, err := tx.ExecContext(ctx, `INSERT INTO practitioners (rpps, exercise_name, first_name, search_text, sort_key, updated_at)
				VALUES (?, ?, 'Prénom', ?, ?, ?)`, fmt.Sprintf("1%010d", i), name, name, name, formatTime(start)); err != nil {
				return err
			}
		}
		ins, err := tx.PrepareContext(ctx, `INSERT INTO requests (id, rpps, kind, status, department, payload, revision,
			created_at, updated_at, transmitted_at, assigned_role, assigned_id, assigned_name)
			VALUES (?, ?, ?, ?, ?, ?, 2, ?, ?, ?, ?, ?, ?)`)
		if err != nil {
			return err
		}
		defer ins.Close()
		for i := range queueBenchRequests {
			// A permutation of 0..n-1 (7919 is prime to n): transmission
			// order is not insertion order.
			sent := start.Add(time.Duration((i*7919)%queueBenchRequests) * 5 * time.Minute)
			status := statuses[(i/7)%len(statuses)]
			var role, id, agentName string
			if status != erpps.StatusTransmitted {
				role, id, agentName = string(erpps.RoleARSAgent), "agent-1", "Agent de test"
			}
			if _, err := ins.ExecContext(ctx, fmt.Sprintf("q-%06d", i), fmt.Sprintf("1%010d", i%10_000),
				string(erpps.AllRequestKinds[i%len(erpps.AllRequestKinds)].Value), string(status),
				departments[(i/3)%len(departments)], string(benchPayload(i)),
				formatTime(sent.Add(-time.Hour)), formatTime(sent), formatTime(sent), role, id, agentName); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		b.Fatalf("seed: %v", err)
	}
	if err := db.Close(); err != nil {
		b.Fatal(err)
	}
	if db, err = Open(ctx, path); err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { db.Close() })
	return db
}

// BenchmarkQueue reports the median and 99th percentile of ListQueue's
// duration on a store of 100,000 requests (target: first page p99 under 20
// ms): spread over France, an agent of Île-de-France (8 of 101
// départements); all in Île-de-France, the same agent (the worst case: the
// whole store is theirs to count).
func BenchmarkQueue(b *testing.B) {
	before := time.Date(2025, 9, 1, 0, 0, 0, 0, time.UTC)
	filters := []struct {
		name   string
		filter erpps.QueueFilter
	}{
		{"FirstPage", erpps.QueueFilter{Departments: ileDeFrance}},
		{"Page50", erpps.QueueFilter{Departments: ileDeFrance, Offset: 49 * 20}},
		{"OneDepartment", erpps.QueueFilter{Departments: []string{"93"}}},
		{"Age", erpps.QueueFilter{Departments: ileDeFrance, TransmittedBefore: &before}},
		{"KindAndAge", erpps.QueueFilter{Departments: ileDeFrance, Kind: erpps.KindNewProfession, TransmittedBefore: &before}},
		{"UnderReview", erpps.QueueFilter{Departments: ileDeFrance, Statuses: []erpps.RequestStatus{erpps.StatusUnderReview}}},
	}
	for _, spread := range []struct {
		name        string
		departments []string
	}{{"France", allDepartments}, {"AllInRegion", ileDeFrance}} {
		b.Run(spread.name, func(b *testing.B) {
			db := openQueueDB(b, spread.departments)
			for _, f := range filters {
				b.Run(f.name, func(b *testing.B) { benchQueue(b, db, f.filter) })
			}
		})
	}
}

// benchQueue lists the queue with filter, reporting the total matched and
// the p50 and p99 durations.
func benchQueue(b *testing.B, db *DB, filter erpps.QueueFilter) {
	ctx := context.Background()
	var durations []time.Duration
	total := 0
	for b.Loop() {
		start := time.Now()
		page, err := db.ListQueue(ctx, filter)
		if err != nil {
			b.Fatal(err)
		}
		durations = append(durations, time.Since(start))
		if len(page.Items) == 0 {
			b.Fatalf("empty page: %+v", page)
		}
		total = page.Total
	}
	slices.Sort(durations)
	ms := func(q float64) float64 {
		return float64(durations[int(q*float64(len(durations)-1))]) / float64(time.Millisecond)
	}
	b.ReportMetric(ms(0.50), "p50-ms")
	b.ReportMetric(ms(0.99), "p99-ms")
	b.ReportMetric(float64(total), "matched")
}
