package postgres

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"erpps/backend/storetest"
)

// openQueueDB opens a store holding the queue benchmark's requests
// (storetest.QueueBenchData) spread over departments, copied in, then
// vacuumed and analysed (what autovacuum does to a table that received that
// much).
func openQueueDB(b *testing.B, departments []string) *DB {
	b.Helper()
	ctx := context.Background()
	db := mustOpen(b)
	var practitioners [][]any
	for _, p := range storetest.QueueBenchPractitioners() {
		practitioners = append(practitioners, []any{p.RPPS, p.Name, "Prénom", p.Name, p.Name, storetest.QueueBenchStart})
	}
	payload := func(i int) string { return fmt.Sprintf(`{"n":%d,"email":"q%d@example.invalid"}`, i, i) }
	var requests [][]any
	for _, r := range storetest.QueueBenchData(departments, payload) {
		requests = append(requests, []any{r.ID, r.RPPS, string(r.Kind), string(r.Status), r.Department, r.Payload, int64(2),
			r.CreatedAt, r.UpdatedAt, r.TransmittedAt, r.AssignedRole, r.AssignedID, r.AssignedName})
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
	// VACUUM marks the pages all-visible unless a transaction of the
	// cluster was open when it started: again, for up to 10 s.
	var visible, pages int64
	for try := 0; try < 100; try++ {
		if _, err := db.pool.Exec(ctx, `VACUUM ANALYZE requests`); err != nil {
			b.Fatal(err)
		}
		if err := db.pool.QueryRow(ctx, `SELECT relallvisible, relpages FROM pg_class WHERE relname = 'requests'`).Scan(&visible, &pages); err != nil {
			b.Fatal(err)
		}
		if visible == pages {
			break
		}
		time.Sleep(100 * time.Millisecond)
	}
	b.Logf("%d of %d pages of requests all-visible", visible, pages)
	if _, err := db.pool.Exec(ctx, `ANALYZE`); err != nil {
		b.Fatal(err)
	}
	return db
}

// BenchmarkQueue reports the median and 99th percentile of ListQueue's
// duration on a store of 100,000 requests (target: first page p99 under 20
// ms), for the cases and spreads of storetest's queue benchmark (the SQLite
// store's too).
func BenchmarkQueue(b *testing.B) {
	for _, spread := range storetest.QueueBenchSpreads() {
		b.Run(spread.Name, func(b *testing.B) {
			db := openQueueDB(b, spread.Departments)
			for _, c := range storetest.QueueBenchCases() {
				b.Run(c.Name, func(b *testing.B) { storetest.BenchQueue(b, db, c.Filter) })
			}
		})
	}
}
