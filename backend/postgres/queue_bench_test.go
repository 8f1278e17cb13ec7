package postgres

import (
	"context"
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

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
// transmitted in a random order over a year — the data of the SQLite
// store's BenchmarkQueue — copied in, then vacuumed and analysed (what
// autovacuum does to a table that received that much).
func openQueueDB(b *testing.B, departments []string) *DB {
	b.Helper()
	ctx := context.Background()
	db := mustOpen(b)
	start := time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC)
	statuses := []erpps.RequestStatus{erpps.StatusTransmitted, erpps.StatusTransmitted, erpps.StatusTransmitted,
		erpps.StatusUnderReview, erpps.StatusUnderReview, erpps.StatusComplementRequested,
		erpps.StatusAccepted, erpps.StatusAccepted, erpps.StatusRefused, erpps.StatusWithdrawn}
	practitioners := make([][]any, 10_000)
	for i := range practitioners {
		name := fmt.Sprintf("Nom%04d", i)
		practitioners[i] = []any{fmt.Sprintf("1%010d", i), name, "Prénom", name, name, start}
	}
	requests := make([][]any, queueBenchRequests)
	for i := range requests {
		// A permutation of 0..n-1 (7919 is prime to n): transmission order
		// is not insertion order.
		sent := start.Add(time.Duration((i*7919)%queueBenchRequests) * 5 * time.Minute)
		status := statuses[(i/7)%len(statuses)]
		var role, id, agentName string
		if status != erpps.StatusTransmitted {
			role, id, agentName = string(erpps.RoleARSAgent), "agent-1", "Agent de test"
		}
		requests[i] = []any{fmt.Sprintf("q-%06d", i), fmt.Sprintf("1%010d", i%10_000),
			string(erpps.AllRequestKinds[i%len(erpps.AllRequestKinds)].Value), string(status),
			departments[(i/3)%len(departments)], fmt.Sprintf(`{"n":%d,"email":"q%d@example.invalid"}`, i, i), int64(2),
			sent.Add(-time.Hour), sent, sent, role, id, agentName}
	}
	err := db.inTx(ctx, "seed", func(tx pgx.Tx) error {
		// The test server commits asynchronously; VACUUM cannot mark pages
		// all-visible (index-only scans) while their inserter's commit may
		// not be on disk: this one is.
		if _, err := tx.Exec(ctx, `SET LOCAL synchronous_commit = on`); err != nil {
			return err
		}
		if _, err := tx.CopyFrom(ctx, pgx.Identifier{"practitioners"},
			[]string{"rpps", "exercise_name", "first_name", "search_text", "sort_key", "updated_at"},
			pgx.CopyFromRows(practitioners)); err != nil {
			return err
		}
		_, err := tx.CopyFrom(ctx, pgx.Identifier{"requests"},
			[]string{"id", "rpps", "kind", "status", "department", "payload", "revision",
				"created_at", "updated_at", "transmitted_at", "assigned_role", "assigned_id", "assigned_name"},
			pgx.CopyFromRows(requests))
		return err
	})
	if err != nil {
		b.Fatalf("seed: %v", err)
	}
	if _, err := db.pool.Exec(ctx, `VACUUM ANALYZE`); err != nil {
		b.Fatal(err)
	}
	var visible, pages int64
	if err := db.pool.QueryRow(ctx, `SELECT relallvisible, relpages FROM pg_class WHERE relname = 'requests'`).Scan(&visible, &pages); err != nil {
		b.Fatal(err)
	}
	b.Logf("%d of %d pages of requests all-visible", visible, pages)
	return db
}

// BenchmarkQueue reports the median and 99th percentile of ListQueue's
// duration on a store of 100,000 requests (target: first page p99 under 20
// ms): spread over France, an agent of Île-de-France (8 of 101
// départements); all in Île-de-France, the same agent (the worst case: the
// whole store is theirs to count). The same cases as the SQLite store's.
func BenchmarkQueue(b *testing.B) {
	before := time.Date(2025, 9, 1, 0, 0, 0, 0, time.UTC)
	filters := []struct {
		name   string
		filter erpps.QueueFilter
	}{
		{"FirstPage", erpps.QueueFilter{Departments: ileDeFrance}},
		{"Page50", erpps.QueueFilter{Departments: ileDeFrance, Offset: 49 * 20}},
		{"OneDepartment", erpps.QueueFilter{Departments: []string{"93"}}},
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
