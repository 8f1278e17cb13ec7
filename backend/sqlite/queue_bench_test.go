package sqlite

import (
	"context"
	"database/sql"
	"path/filepath"
	"testing"

	"erpps/backend/storetest"
)

// openQueueDB opens a store holding the queue benchmark's requests
// (storetest.QueueBenchData) spread over departments, then closes and opens
// it again (as a server does at restart: PRAGMA optimize ran).
func openQueueDB(b *testing.B, departments []string) *DB {
	b.Helper()
	ctx := context.Background()
	path := filepath.Join(b.TempDir(), "erpps.db")
	db, err := Open(ctx, path)
	if err != nil {
		b.Fatal(err)
	}
	start := formatTime(storetest.QueueBenchStart)
	err = db.inWriteTx(ctx, func(tx *sql.Tx) error {
		for _, p := range storetest.QueueBenchPractitioners() {
			if _, err := tx.ExecContext(ctx, `INSERT INTO practitioners (rpps, exercise_name, first_name, search_text, sort_key, updated_at)
				VALUES (?, ?, 'Prénom', ?, ?, ?)`, p.RPPS, p.Name, p.Name, p.Name, start); err != nil {
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
		payload := func(i int) string { return string(benchPayload(i)) }
		for _, r := range storetest.QueueBenchData(departments, payload) {
			if _, err := ins.ExecContext(ctx, r.ID, r.RPPS, string(r.Kind), string(r.Status), r.Department, r.Payload,
				formatTime(r.CreatedAt), formatTime(r.UpdatedAt), formatTime(r.TransmittedAt),
				r.AssignedRole, r.AssignedID, r.AssignedName); err != nil {
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
// ms), for the cases and spreads of storetest's queue benchmark.
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
