package postgres

import (
	"context"
	"encoding/json"
	"fmt"
	"sync"
	"testing"

	"erpps/backend/erpps"
	"erpps/backend/internal/pgtest"
)

// TestPullNeverSkipsALateCommit: writers in one process create requests
// while a client pulls through another process's pool, advancing its cursor
// as it goes. A change that took its seq before a newer one but committed
// after it would fall behind the cursor and never be pulled; every request
// created must be pulled, with its newest state.
func TestPullNeverSkipsALateCommit(t *testing.T) {
	ctx := context.Background()
	dbs := pools(t, 2)
	writer, reader := dbs[0], dbs[1]
	const rpps = "10000000001"
	p := &erpps.Practitioner{RPPS: rpps, ExerciseName: "Testeur", FirstName: "Alix"}
	if err := writer.SavePractitioner(ctx, p); err != nil {
		t.Fatal(err)
	}
	me := erpps.Actor{Role: erpps.RoleProfessional, ID: rpps, Name: "Dr Testeur"}
	const writers, each = 6, 15

	seen := map[string]int64{} // request id -> revision pulled last
	var cursor int64
	pull := func() bool {
		page, err := reader.ListChanges(ctx, cursor, []string{rpps}, 7)
		if err != nil {
			t.Fatal(err)
		}
		if page.Resync {
			t.Fatalf("resync at %d", cursor)
		}
		for _, c := range page.Changes {
			if c.Kind == erpps.ChangeRequest && c.Request != nil {
				seen[c.ID] = c.Request.Revision
			}
		}
		cursor = page.Cursor
		return page.More
	}

	done := make(chan struct{})
	var wg sync.WaitGroup
	for w := range writers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range each {
				r := &erpps.Request{ID: fmt.Sprintf("w%d-%d", w, i), RPPS: rpps, Kind: erpps.KindCeaseActivity,
					TargetID: fmt.Sprintf("ACT-%d-%d", w, i), Payload: json.RawMessage(`{}`)}
				if err := writer.CreateRequest(ctx, r, me); err != nil {
					t.Error(err)
					return
				}
				if _, err := writer.SaveDraft(ctx, r.ID, 1, json.RawMessage(`{"n":1}`), me); err != nil {
					t.Error(err)
					return
				}
			}
		}()
	}
	go func() { wg.Wait(); close(done) }()
	pulls := 0
	for running := true; running; pulls++ {
		select {
		case <-done:
			running = false
		default:
			pull()
		}
	}
	for pull() {
	}
	if t.Failed() {
		return
	}
	for w := range writers {
		for i := range each {
			id := fmt.Sprintf("w%d-%d", w, i)
			if rev, ok := seen[id]; !ok || rev != 2 {
				t.Fatalf("request %s pulled at revision %d (seen: %v) after %d pulls", id, rev, ok, pulls)
			}
		}
	}
	if len(seen) != writers*each {
		t.Fatalf("pulled %d requests, want %d", len(seen), writers*each)
	}
	t.Logf("%d pulls while writing", pulls)
}

// TestMigration0003 upgrades a database written at schema 2: what exists is
// the change log's first state, so that a client pulling from 0 gets it, and
// the counter goes on after it.
func TestMigration0003(t *testing.T) {
	ctx := context.Background()
	db, err := Connect(ctx, pgtest.NewDatabase(t))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	all := db.migrations
	db.migrations = all[:2]
	if err := db.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		`INSERT INTO practitioners (rpps, exercise_name, first_name, updated_at) VALUES ('10000000001', 'Testeur', 'Alix', '2026-01-01T00:00:00Z')`,
		`INSERT INTO requests (id, rpps, kind, status, department, payload, revision, created_at, updated_at, transmitted_at)
		 VALUES ('r1', '10000000001', 'contact', 'transmitted', '75', '{}', 2, '2026-01-01T00:00:00Z',
		         '2026-01-02T00:00:00Z', '2026-01-02T00:00:00Z')`,
	} {
		if _, err := db.pool.Exec(ctx, q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	db.migrations = all
	if err := db.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	page, err := db.ListChanges(ctx, 0, []string{"10000000001"}, 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(page.Changes) != 2 || page.Changes[0].Practitioner == nil || page.Changes[1].Request == nil ||
		page.Changes[1].Request.Revision != 2 || page.Cursor != 2 || page.More || page.Resync {
		t.Fatalf("changes after the migration: %+v", page)
	}
	if _, err := db.SaveDraft(ctx, "r1", 2, json.RawMessage(`{}`), erpps.Actor{Role: erpps.RoleProfessional, ID: "10000000001"}); erpps.ErrorCode(err) != erpps.ECONFLICT {
		t.Fatalf("save a transmitted request: %v", err)
	}
	if err := db.SavePractitioner(ctx, &erpps.Practitioner{RPPS: "10000000001", ExerciseName: "Testeur", FirstName: "Alix"}); err != nil {
		t.Fatal(err)
	}
	if seq, err := db.ChangeSeq(ctx); err != nil || seq != 3 {
		t.Fatalf("the change sequence after the first change: %d, %v, want 3", seq, err)
	}
}
