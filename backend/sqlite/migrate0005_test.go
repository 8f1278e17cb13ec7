package sqlite

import (
	"context"
	"database/sql"
	"path/filepath"
	"testing"

	"erpps/backend/erpps"
)

// TestMigration0005 opens a desktop's store written at schema 3, with
// transmitted requests and drafts: the server's tables (0004) are added
// empty, the queue's counts (0005, 0006) count what was transmitted, and the
// queue lists it.
func TestMigration0005(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "erpps.db")
	migrations, err := loadMigrations()
	if err != nil {
		t.Fatal(err)
	}
	old, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	if err := migrate(ctx, old, migrations[:3], path); err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		`INSERT INTO practitioners (rpps, exercise_name, first_name, updated_at) VALUES ('10000000001', 'Testeur', 'Alix', '2026-01-01T00:00:00.000000000Z')`,
		`INSERT INTO requests (id, rpps, kind, status, department, payload, revision, created_at, updated_at, transmitted_at)
		 VALUES ('r1', '10000000001', 'contact', 'transmitted', '75', '{}', 2, '2026-01-01T00:00:00.000000000Z',
		         '2026-01-02T00:00:00.000000000Z', '2026-01-02T00:00:00.000000000Z'),
		        ('r2', '10000000001', 'exercise_name', 'under_review', '75', '{}', 2, '2026-01-01T00:00:00.000000000Z',
		         '2026-01-03T00:00:00.000000000Z', '2026-01-01T12:00:00.000000000Z'),
		        ('r3', '10000000001', 'new_profession', 'draft', '75', '{}', 1, '2026-01-01T00:00:00.000000000Z',
		         '2026-01-01T00:00:00.000000000Z', NULL)`,
	} {
		if _, err := old.ExecContext(ctx, q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	if err := old.Close(); err != nil {
		t.Fatal(err)
	}

	db := NewDB(path)
	if err := db.Open(ctx); err != nil {
		t.Fatal(err)
	}
	defer MustCloseDB(t, db)
	if err := db.Ready(ctx); err != nil {
		t.Fatal(err)
	}
	page, err := db.ListQueue(ctx, erpps.QueueFilter{Departments: []string{"75"}})
	if err != nil {
		t.Fatal(err)
	}
	if page.Total != 2 || len(page.Items) != 2 || page.Items[0].ID != "r2" || page.Items[1].ID != "r1" ||
		page.Items[0].PractitionerName != "Testeur Alix" || page.Items[0].AssignedTo != nil {
		t.Fatalf("queue after migration: %+v", page)
	}
	var counted int
	if err := db.read.QueryRowContext(ctx, `SELECT sum(n) FROM queue_counts`).Scan(&counted); err != nil || counted != 2 {
		t.Fatalf("queue_counts holds %d (%v), want 2", counted, err)
	}
	if accounts, err := db.ListAccounts(ctx, ""); err != nil || len(accounts) != 0 {
		t.Fatalf("accounts %v, %v", accounts, err)
	}
	if err := db.IntegrityCheck(ctx); err != nil {
		t.Fatal(err)
	}
}
