package sqlite

import (
	"context"
	"database/sql"
	"path/filepath"
	"testing"

	"erpps/backend/erpps"
)

// TestMigration0007 upgrades a desktop's store written at schema 6 with
// pending outbox entries (two transmissions, a withdrawal) and drafts: every
// entry becomes a mutation, in the order of the outbox, each request first
// created on the server by a save_draft of its payload; the seqs have no
// gap, the next local change follows them, and the drafts are untouched. A
// server's file (it has accounts) keeps no mutation.
func TestMigration0007(t *testing.T) {
	ctx := context.Background()
	const (
		t1 = "2026-01-02T00:00:00.000000000Z"
		t2 = "2026-01-03T00:00:00.000000000Z"
		t3 = "2026-01-04T00:00:00.000000000Z"
	)
	build := func(t *testing.T, server bool) string {
		path := filepath.Join(t.TempDir(), "erpps.db")
		migrations, err := loadMigrations()
		if err != nil {
			t.Fatal(err)
		}
		old, err := sql.Open("sqlite", path)
		if err != nil {
			t.Fatal(err)
		}
		if err := migrate(ctx, old, migrations[:6], path); err != nil {
			t.Fatal(err)
		}
		queries := []string{
			`INSERT INTO practitioners (rpps, exercise_name, first_name, updated_at) VALUES ('10000000001', 'Testeur', 'Alix', '2026-01-01T00:00:00.000000000Z')`,
			`INSERT INTO requests (id, rpps, kind, status, target_id, department, payload, revision, created_at, updated_at, transmitted_at)
			 VALUES ('r1', '10000000001', 'cease_activity', 'withdrawn', 'ACT-1', '75', '{"r":1}', 3, '2026-01-01T00:00:00.000000000Z', '` + t3 + `', '` + t1 + `'),
			        ('r2', '10000000001', 'contact', 'transmitted', '', '75', '{"r":2}', 2, '2026-01-01T00:00:00.000000000Z', '` + t2 + `', '` + t2 + `'),
			        ('r3', '10000000001', 'new_profession', 'draft', '', '', '{"r":3}', 4, '2026-01-01T00:00:00.000000000Z', '2026-01-01T00:00:00.000000000Z', NULL)`,
			`INSERT INTO outbox (action, request_id, revision, actor_role, actor_id, actor_name, principal, queued_at) VALUES
			 ('transmit', 'r1', 2, 'secretary', 'SEC-1', 'Secrétariat', '10000000001', '` + t1 + `'),
			 ('transmit', 'r2', 2, 'professional', '10000000001', 'Alix Testeur', '10000000001', '` + t2 + `'),
			 ('withdraw', 'r1', 3, 'professional', '10000000001', 'Alix Testeur', '10000000001', '` + t3 + `')`,
		}
		if server {
			queries = append(queries, `INSERT INTO accounts (id, login, role, created_at) VALUES ('a1', 'agent@ars.example', 'ars_agent', '`+t1+`')`)
		}
		for _, q := range queries {
			if _, err := old.ExecContext(ctx, q); err != nil {
				t.Fatalf("%s: %v", q, err)
			}
		}
		if err := old.Close(); err != nil {
			t.Fatal(err)
		}
		return path
	}
	open := func(t *testing.T, path string) *DB {
		db := NewDB(path)
		db.Replica = true
		if err := db.Open(ctx); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { MustCloseDB(t, db) })
		return db
	}

	t.Run("Desktop", func(t *testing.T) {
		db := open(t, build(t, false))
		got := mustPending(t, db)
		secretary := erpps.Actor{Role: erpps.RoleSecretary, ID: "SEC-1", Name: "Secrétariat"}
		me := erpps.Actor{Role: erpps.RoleProfessional, ID: "10000000001", Name: "Alix Testeur"}
		want := []erpps.PendingMutation{
			{Mutation: erpps.Mutation{Seq: 1, Kind: erpps.MutationSaveDraft, RequestID: "r1", Actor: secretary,
				RequestKind: erpps.KindCeaseActivity, TargetID: "ACT-1", Payload: []byte(`{"r":1}`), CreatedAt: mustParseTime(t, t1)}},
			{Mutation: erpps.Mutation{Seq: 2, Kind: erpps.MutationTransmit, RequestID: "r1", Actor: secretary, CreatedAt: mustParseTime(t, t1)}},
			{Mutation: erpps.Mutation{Seq: 3, Kind: erpps.MutationSaveDraft, RequestID: "r2", Actor: me,
				RequestKind: erpps.KindContact, Payload: []byte(`{"r":2}`), CreatedAt: mustParseTime(t, t2)}},
			{Mutation: erpps.Mutation{Seq: 4, Kind: erpps.MutationTransmit, RequestID: "r2", Actor: me, CreatedAt: mustParseTime(t, t2)}},
			{Mutation: erpps.Mutation{Seq: 5, Kind: erpps.MutationWithdraw, RequestID: "r1", Actor: me, CreatedAt: mustParseTime(t, t3)}},
		}
		if len(got) != len(want) {
			t.Fatalf("mutations after the upgrade: %s", describe(got))
		}
		ids := map[string]bool{}
		for i, w := range want {
			g := got[i]
			if g.Seq != w.Seq || g.Kind != w.Kind || g.RequestID != w.RequestID || g.Actor != w.Actor ||
				g.Principal != "10000000001" || g.RequestKind != w.RequestKind || g.TargetID != w.TargetID ||
				string(g.Payload) != string(w.Payload) || !g.CreatedAt.Equal(w.CreatedAt) || g.BaseVersion != 0 ||
				g.Status != erpps.PendingQueued || len(g.ID) != 36 || ids[g.ID] || g.ClientID == "" {
				t.Fatalf("mutation %d = %+v\nwant %+v", i, g, w)
			}
			ids[g.ID] = true
		}
		checkSeqs(t, db, 1)
		// The draft was never in the outbox: its next save creates it.
		if _, err := db.SaveDraft(ctx, "r3", 4, []byte(`{"r":"3b"}`), me); err != nil {
			t.Fatal(err)
		}
		if got := mustPending(t, db); len(got) != 6 || got[5].Seq != 6 || got[5].RequestID != "r3" ||
			got[5].RequestKind != erpps.KindNewProfession {
			t.Fatalf("after a save: %s", describe(got))
		}
		if err := db.IntegrityCheck(ctx); err != nil {
			t.Fatal(err)
		}
	})

	t.Run("Server", func(t *testing.T) {
		db := open(t, build(t, true))
		if got := mustPending(t, db); len(got) != 0 {
			t.Fatalf("a server's outbox became mutations: %s", describe(got))
		}
		checkSeqs(t, db, 1)
	})
}
