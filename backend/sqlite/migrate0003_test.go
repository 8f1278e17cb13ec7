package sqlite

import (
	"context"
	"database/sql"
	"path/filepath"
	"testing"
	"time"

	"erpps/backend/erpps"
)

// TestMigration0003 opens a store written at schema 2 with a transmitted
// request in its outbox: the entry becomes a « transmit » action with its
// actor and principal (a transmit mutation since 0007), and the history
// steps get their principal.
func TestMigration0003(t *testing.T) {
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
	if err := migrate(ctx, old, migrations[:2], path); err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		`INSERT INTO practitioners (rpps, updated_at) VALUES ('10000000001', '2026-01-01T00:00:00.000000000Z')`,
		`INSERT INTO requests (id, rpps, kind, status, payload, revision, created_at, updated_at, transmitted_at)
		 VALUES ('r1', '10000000001', 'contact', 'transmitted', '{}', 2, '2026-01-01T00:00:00.000000000Z',
		         '2026-01-02T00:00:00.000000000Z', '2026-01-02T00:00:00.000000000Z')`,
		`INSERT INTO request_events (request_id, to_status, at, actor_role, actor_id, actor_name)
		 VALUES ('r1', 'draft', '2026-01-01T00:00:00.000000000Z', 'professional', '10000000001', 'Dr Test')`,
		`INSERT INTO request_events (request_id, from_status, to_status, at, actor_role, actor_id, actor_name)
		 VALUES ('r1', 'draft', 'transmitted', '2026-01-02T00:00:00.000000000Z', 'secretary', 'SEC-1', 'Secrétariat')`,
		`INSERT INTO outbox (request_id, revision, queued_at) VALUES ('r1', 2, '2026-01-02T00:00:00.000000000Z')`,
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
	// 0007 made the entry a transmit mutation, after the save creating the
	// request on the server.
	mutations, err := db.ListPendingMutations(ctx, 0)
	if err != nil {
		t.Fatal(err)
	}
	secretary := erpps.Actor{Role: erpps.RoleSecretary, ID: "SEC-1", Name: "Secrétariat"}
	if len(mutations) != 2 || mutations[1].Kind != erpps.MutationTransmit || mutations[1].RequestID != "r1" ||
		mutations[1].Actor != secretary || mutations[1].Principal != "10000000001" ||
		!mutations[1].CreatedAt.Equal(mustParseTime(t, "2026-01-02T00:00:00.000000000Z")) {
		t.Fatalf("mutations %+v", mutations)
	}
	r, err := db.FindRequestByID(ctx, "r1")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range r.History {
		if e.Principal != "10000000001" {
			t.Fatalf("step %+v has no principal", e)
		}
	}
	if err := db.IntegrityCheck(ctx); err != nil {
		t.Fatal(err)
	}
}

func mustParseTime(t *testing.T, s string) time.Time {
	t.Helper()
	at, err := parseTime(s)
	if err != nil {
		t.Fatal(err)
	}
	return at
}
