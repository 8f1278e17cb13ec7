package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
	"testing"

	"erpps/backend/erpps"
)

// groupTestStore is a server's store with a practitioner, n drafts and n
// sync clients ("client-0"…), client i bound to its account.
func groupTestStore(t *testing.T, n int) (*DB, []*erpps.Request) {
	t.Helper()
	ctx := context.Background()
	db, err := Open(ctx, filepath.Join(t.TempDir(), "server.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { MustCloseDB(t, db) })
	mustSavePractitioner(t, db, professional.ID, "Testeur", "Alix")
	drafts := make([]*erpps.Request, n)
	for i := range drafts {
		drafts[i] = mustCreateDraft(t, db, professional.ID, `{}`)
		if _, err := db.BindSyncClient(ctx, fmt.Sprintf("client-%d", i), fmt.Sprintf("account-%d", i)); err != nil {
			t.Fatal(err)
		}
	}
	return db, drafts
}

// bump is a receipted write of the group tests: request id's revision + 1
// (its change line logged by the trigger), then fail if fail is set.
func bump(id string, fail error) func(tx *sql.Tx) error {
	return func(tx *sql.Tx) error {
		if _, err := tx.Exec(`UPDATE requests SET revision = revision + 1 WHERE id = ?`, id); err != nil {
			return err
		}
		return fail
	}
}

func groupedWriteOf(client int, seq int64, id string, fn func(tx *sql.Tx) error) *groupedWrite {
	c := fmt.Sprintf("client-%d", client)
	return &groupedWrite{ctx: context.Background(), fn: fn, done: make(chan struct{}),
		receipt: &erpps.Receipt{ClientID: c, Seq: seq, MutationID: fmt.Sprintf("m-%s-%d", c, seq), RequestID: id}}
}

// lastSeq is the last seq handled for client i.
func lastSeq(t *testing.T, db *DB, i int) int64 {
	t.Helper()
	last, err := db.BindSyncClient(context.Background(), fmt.Sprintf("client-%d", i), fmt.Sprintf("account-%d", i))
	if err != nil {
		t.Fatal(err)
	}
	return last
}

func revisionOf(t *testing.T, db *DB, id string) int64 {
	t.Helper()
	r, err := db.FindRequestByID(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	return r.Revision
}

// TestGroupCommitKeepsEachWriteApart: in one group, a write whose receipt
// is not the client's next seq, and a write that fails halfway, keep
// nothing (seq not advanced, no result, their change undone); the others
// are applied with their receipts and their results, each change
// attributed to its own client.
func TestGroupCommitKeepsEachWriteApart(t *testing.T) {
	ctx := context.Background()
	db, drafts := groupTestStore(t, 3)
	refused := errors.New("refused halfway")
	batch := []*groupedWrite{
		groupedWriteOf(0, 1, drafts[0].ID, bump(drafts[0].ID, nil)),
		groupedWriteOf(1, 2, drafts[1].ID, bump(drafts[1].ID, nil)), // early: client-1 expects 1
		groupedWriteOf(2, 1, drafts[2].ID, bump(drafts[2].ID, refused)),
		groupedWriteOf(1, 1, drafts[1].ID, bump(drafts[1].ID, nil)),
	}
	db.commitGroup(batch)
	for i, w := range batch {
		select {
		case <-w.done:
		default:
			t.Fatalf("write %d not released", i)
		}
	}
	if batch[0].err != nil || batch[3].err != nil {
		t.Fatalf("applied writes failed: %v, %v", batch[0].err, batch[3].err)
	}
	wantCode(t, batch[1].err, erpps.ECONFLICT)
	if !errors.Is(batch[2].err, refused) {
		t.Fatalf("failed write: %v", batch[2].err)
	}
	for i, want := range []int64{1, 1, 0} {
		if got := lastSeq(t, db, i); got != want {
			t.Fatalf("client-%d's last seq = %d, want %d", i, got, want)
		}
	}
	for _, c := range []struct {
		draft  *erpps.Request
		client string
		w      *groupedWrite
	}{{drafts[0], "client-0", batch[0]}, {drafts[1], "client-1", batch[3]}} {
		got, err := db.FindMutationResult(ctx, c.client, 1)
		if err != nil {
			t.Fatal(err)
		}
		if got.Outcome != erpps.OutcomeApplied || got.Version != c.draft.Revision+1 || got.Request == nil ||
			got.Request.ID != c.draft.ID || c.w.result == nil || c.w.result.Version != got.Version || c.w.result.ChangeSeq != got.ChangeSeq {
			t.Fatalf("%s: stored %+v, handed back %+v", c.client, got, c.w.result)
		}
		if revisionOf(t, db, c.draft.ID) != c.draft.Revision+1 {
			t.Fatalf("%s's write not applied", c.client)
		}
		// The change is the client's own, nobody else's.
		if changed, err := db.ChangedByOthersSince(ctx, c.draft.ID, c.draft.Revision, c.client); err != nil || changed {
			t.Fatalf("%s's own change seen as another's (%v)", c.client, err)
		}
		if changed, err := db.ChangedByOthersSince(ctx, c.draft.ID, c.draft.Revision, "client-2"); err != nil || !changed {
			t.Fatalf("%s's change not seen by another client (%v)", c.client, err)
		}
	}
	_, err := db.FindMutationResult(ctx, "client-2", 1)
	wantCode(t, err, erpps.ENOTFOUND)
	if got := revisionOf(t, db, drafts[2].ID); got != drafts[2].Revision {
		t.Fatalf("the failed write was kept: revision %d, want %d", got, drafts[2].Revision)
	}
}

// TestGroupCommitFailsWholeWhenTransactionGone: a write under which the
// transaction is rolled back as a whole (here by the write itself) fails
// every write of its group, those before it included: nothing of any is
// kept, and none is told it was applied.
func TestGroupCommitFailsWholeWhenTransactionGone(t *testing.T) {
	ctx := context.Background()
	db, drafts := groupTestStore(t, 3)
	batch := []*groupedWrite{
		groupedWriteOf(0, 1, drafts[0].ID, bump(drafts[0].ID, nil)),
		groupedWriteOf(1, 1, drafts[1].ID, func(tx *sql.Tx) error {
			if _, err := tx.Exec(`ROLLBACK`); err != nil {
				return err
			}
			return errors.New("the transaction is gone")
		}),
		groupedWriteOf(2, 1, drafts[2].ID, bump(drafts[2].ID, nil)),
	}
	db.commitGroup(batch)
	for i, w := range batch {
		if w.err == nil || w.result != nil {
			t.Fatalf("write %d: err %v, result %+v: want an error and no result", i, w.err, w.result)
		}
		if got := lastSeq(t, db, i); got != 0 {
			t.Fatalf("client-%d's last seq = %d, want 0", i, got)
		}
		_, err := db.FindMutationResult(ctx, fmt.Sprintf("client-%d", i), 1)
		wantCode(t, err, erpps.ENOTFOUND)
		if got := revisionOf(t, db, drafts[i].ID); got != drafts[i].Revision {
			t.Fatalf("draft %d: revision %d, want %d", i, got, drafts[i].Revision)
		}
	}
	// The store goes on: the next write is applied.
	if _, err := db.SaveDraft(erpps.WithReceipt(ctx, erpps.Receipt{ClientID: "client-0", Seq: 1, MutationID: "m", RequestID: drafts[0].ID}),
		drafts[0].ID, drafts[0].Revision, json.RawMessage(`{"email":"a@example.invalid"}`), professional); err != nil {
		t.Fatal(err)
	}
	if got := lastSeq(t, db, 0); got != 1 {
		t.Fatalf("client-0's last seq = %d after its write, want 1", got)
	}
}
