package sqlite

import (
	"context"
	"encoding/json"
	"path/filepath"
	"reflect"
	"testing"

	"erpps/backend/erpps"
)

// TestReplicaPullsFromAServerStore: what a real server store (the SQLite
// store's change log) answers to a pull or a snapshot applies to a desktop:
// the record and the request with its history, then the agent's decision
// (the revision bumped once), and nothing more when nothing changed.
func TestReplicaPullsFromAServerStore(t *testing.T) {
	ctx := context.Background()
	const rpps = "10000000001"
	server, err := Open(ctx, filepath.Join(t.TempDir(), "server.db")) // the server's store: it keeps the change log
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { MustCloseDB(t, server) })
	desktop := MustOpenReplica(t)
	mustSavePractitioner(t, server, rpps, "Testeur", "Alix")
	r := mustCreateDraft(t, server, rpps, `{"v":1}`)
	if _, err := server.SaveDraft(ctx, r.ID, 1, json.RawMessage(`{"v":2}`), professional); err != nil {
		t.Fatal(err)
	}
	mustWalk(t, server, r.ID, erpps.StatusTransmitted, erpps.StatusUnderReview)

	pull := func(cursor int64) *erpps.PullResponse {
		t.Helper()
		page, err := server.ListChanges(ctx, cursor, []string{rpps}, 500)
		if err != nil {
			t.Fatal(err)
		}
		if err := desktop.ApplyChanges(ctx, page.Changes, page.Cursor, testEpoch); err != nil {
			t.Fatal(err)
		}
		return page
	}
	same := func(t *testing.T, db *DB) *erpps.Request {
		t.Helper()
		want, err := server.FindRequestByID(ctx, r.ID)
		if err != nil {
			t.Fatal(err)
		}
		got, err := db.FindRequestByID(ctx, r.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.Status != want.Status || string(got.Payload) != string(want.Payload) || got.Reason != want.Reason ||
			!reflect.DeepEqual(got.History, want.History) || serverVersion(t, db, r.ID) != want.Revision {
			t.Fatalf("desktop %+v\nserver  %+v", got, want)
		}
		return got
	}

	page := pull(0)
	if len(page.Changes) < 2 || page.More {
		t.Fatalf("first pull: %+v", page)
	}
	if _, err := desktop.FindPractitionerByRPPS(ctx, rpps); err != nil {
		t.Fatal(err)
	}
	first := same(t, desktop)

	if _, err := server.TransitionRequest(ctx, r.ID, erpps.StatusComplementRequested, agent, "Joindre le diplôme"); err != nil {
		t.Fatal(err)
	}
	page = pull(page.Cursor)
	decided := same(t, desktop)
	if decided.Revision != first.Revision+1 || decided.Status != erpps.StatusComplementRequested {
		t.Fatalf("after the decision: %+v (revision was %d)", decided, first.Revision)
	}
	page = pull(page.Cursor)
	if len(page.Changes) != 0 {
		t.Fatalf("nothing changed, yet: %+v", page.Changes)
	}
	if again := same(t, desktop); again.Revision != decided.Revision {
		t.Fatalf("an empty pull bumped the request: %+v", again)
	}
	if summary, _ := desktop.SyncSummary(ctx); summary.Cursor != page.Cursor || pendingCount(t, desktop) != 0 {
		t.Fatalf("summary %+v", summary)
	}

	other := MustOpenReplica(t)
	snap, err := server.SnapshotOf(ctx, []string{rpps})
	if err != nil {
		t.Fatal(err)
	}
	if err := other.ApplySnapshot(ctx, snap, testEpoch); err != nil {
		t.Fatal(err)
	}
	same(t, other)
	if summary, _ := other.SyncSummary(ctx); summary.Cursor != snap.Cursor {
		t.Fatalf("snapshot cursor %d, want %d", summary.Cursor, snap.Cursor)
	}
}

// pendingCount counts the mutations of db: a pull records none.
func pendingCount(tb testing.TB, db *DB) int {
	tb.Helper()
	var n int
	if err := db.read.QueryRow(`SELECT count(*) FROM replica_mutations`).Scan(&n); err != nil {
		tb.Fatal(err)
	}
	return n
}
