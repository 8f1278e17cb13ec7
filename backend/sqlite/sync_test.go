package sqlite

import (
	"context"
	"database/sql"
	"path/filepath"
	"testing"
)

// TestChangeLogOnlyOnTheServer: the server's store (Open) logs one line per
// transaction and object; the same file opened as a desktop's store (with or
// without Replica mode, even asking for the log in Replica mode) drops the
// log and logs nothing, having no clients to tell.
func TestChangeLogOnlyOnTheServer(t *testing.T) {
	ctx := context.Background()
	lines := func(db *DB) int {
		t.Helper()
		var n int
		if err := db.read.QueryRowContext(ctx, `SELECT count(*) FROM sync_changes`).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	for name, desktop := range map[string]func(path string) *DB{
		"Desktop": NewDB,
		"Replica": func(path string) *DB {
			db := NewDB(path)
			db.ChangeLog, db.Replica = true, true
			return db
		},
	} {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "erpps.db")
			server, err := Open(ctx, path)
			if err != nil {
				t.Fatal(err)
			}
			if err := server.SavePractitioner(ctx, loadPractitioner(t)); err != nil {
				t.Fatal(err)
			}
			if n := lines(server); n != 1 {
				t.Fatalf("the server's store logged %d lines, want 1 (one per transaction and object)", n)
			}
			MustCloseDB(t, server)

			db := desktop(path)
			if err := db.Open(ctx); err != nil {
				t.Fatal(err)
			}
			defer MustCloseDB(t, db)
			if err := db.SavePractitioner(ctx, loadPractitioner(t)); err != nil {
				t.Fatal(err)
			}
			if n := lines(db); n != 0 {
				t.Fatalf("a desktop's store keeps %d lines of change log", n)
			}
		})
	}
}

// TestMigration0008 opens a server's store written at schema 7: what exists
// is the change log's first state, so that a client pulling from 0 gets it.
func TestMigration0008(t *testing.T) {
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
	if err := migrate(ctx, old, migrations[:7], path); err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		`INSERT INTO practitioners (rpps, exercise_name, first_name, updated_at) VALUES ('10000000001', 'Testeur', 'Alix', '2026-01-01T00:00:00.000000000Z')`,
		`INSERT INTO requests (id, rpps, kind, status, department, payload, revision, created_at, updated_at, transmitted_at)
		 VALUES ('r1', '10000000001', 'contact', 'transmitted', '75', '{}', 2, '2026-01-01T00:00:00.000000000Z',
		         '2026-01-02T00:00:00.000000000Z', '2026-01-02T00:00:00.000000000Z')`,
	} {
		if _, err := old.ExecContext(ctx, q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	if err := old.Close(); err != nil {
		t.Fatal(err)
	}
	db, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer MustCloseDB(t, db)
	page, err := db.ListChanges(ctx, 0, []string{"10000000001"}, 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(page.Changes) != 2 || page.Changes[0].Practitioner == nil || page.Changes[1].Request == nil ||
		page.Changes[1].Request.Revision != 2 || page.Cursor != 2 || page.More || page.Resync {
		t.Fatalf("changes after the migration: %+v", page)
	}
	changed, err := db.ChangedByOthersSince(ctx, "r1", 1, "client-a")
	if err != nil || !changed {
		t.Fatalf("a request older than the log changed since revision 1: %v, %v", changed, err)
	}
	if err := db.IntegrityCheck(ctx); err != nil {
		t.Fatal(err)
	}
}
