package postgres

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"testing"

	"github.com/jackc/pgx/v5"

	"erpps/backend/erpps"
)

// groupTestStore is a server's store with a practitioner, n drafts and n
// sync clients ("client-0"…), client i bound to its account.
func groupTestStore(t *testing.T, n int) (*DB, []*erpps.Request) {
	t.Helper()
	ctx := context.Background()
	db := mustOpen(t)
	p := &erpps.Practitioner{RPPS: professional.ID, ExerciseName: "Testeur", FirstName: "Alix"}
	if err := db.SavePractitioner(ctx, p); err != nil {
		t.Fatal(err)
	}
	drafts := make([]*erpps.Request, n)
	for i := range drafts {
		r := &erpps.Request{ID: fmt.Sprintf("draft-%d", i), RPPS: professional.ID, Kind: erpps.KindCeaseActivity,
			TargetID: fmt.Sprintf("ACT-%d", i), Payload: json.RawMessage(`{}`)}
		if err := db.CreateRequest(ctx, r, professional); err != nil {
			t.Fatal(err)
		}
		drafts[i] = mustFind(t, db, r.ID)
		if _, err := db.BindSyncClient(ctx, fmt.Sprintf("client-%d", i), fmt.Sprintf("account-%d", i)); err != nil {
			t.Fatal(err)
		}
	}
	return db, drafts
}

func mustFind(t *testing.T, db *DB, id string) *erpps.Request {
	t.Helper()
	r, err := db.FindRequestByID(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// bump is a receipted write of the group tests: request id's revision + 1
// (its change line logged by the trigger), then fail if fail is set.
func bump(id string, fail error) func(tx pgx.Tx) error {
	return func(tx pgx.Tx) error {
		if _, err := tx.Exec(context.Background(), `UPDATE requests SET revision = revision + 1 WHERE id = $1`, id); err != nil {
			return err
		}
		return fail
	}
}

// bumpThenSQLError bumps request id then runs a statement that fails on
// the server (the transaction left aborted until rolled back to the
// write's savepoint).
func bumpThenSQLError(id string) func(tx pgx.Tx) error {
	return func(tx pgx.Tx) error {
		if err := bump(id, nil)(tx); err != nil {
			return err
		}
		_, err := tx.Exec(context.Background(), `UPDATE requests SET revision = revision / 0 WHERE id = $1`, id)
		if err == nil {
			return errors.New("division by zero accepted")
		}
		return err
	}
}

func groupedWriteOf(client int, seq int64, id string, fn func(tx pgx.Tx) error) *groupedWrite {
	c := fmt.Sprintf("client-%d", client)
	return &groupedWrite{what: "test", fn: fn, done: make(chan struct{}),
		receipt: erpps.Receipt{ClientID: c, Seq: seq, MutationID: fmt.Sprintf("m-%s-%d", c, seq), RequestID: id}}
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

func wantErrCode(t *testing.T, err error, code string) {
	t.Helper()
	if erpps.ErrorCode(err) != code {
		t.Fatalf("error %v, want code %s", err, code)
	}
}

// TestGroupCommitKeepsEachWriteApart: in one group, a write whose receipt
// is not the client's next seq, a write that fails halfway and a write
// whose statement fails on the server (the last of the group) keep nothing
// (seq not advanced, no result, their change undone); the others are
// applied with their receipts and their results, each change attributed to
// its own client.
func TestGroupCommitKeepsEachWriteApart(t *testing.T) {
	ctx := context.Background()
	db, drafts := groupTestStore(t, 4)
	refused := errors.New("refused halfway")
	batch := []*groupedWrite{
		groupedWriteOf(0, 1, drafts[0].ID, bump(drafts[0].ID, nil)),
		groupedWriteOf(1, 2, drafts[1].ID, bump(drafts[1].ID, nil)), // early: client-1 expects 1
		groupedWriteOf(2, 1, drafts[2].ID, bump(drafts[2].ID, refused)),
		groupedWriteOf(1, 1, drafts[1].ID, bump(drafts[1].ID, nil)),
		groupedWriteOf(3, 1, drafts[3].ID, bumpThenSQLError(drafts[3].ID)),
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
	wantErrCode(t, batch[1].err, erpps.ECONFLICT)
	if !errors.Is(batch[2].err, refused) {
		t.Fatalf("failed write: %v", batch[2].err)
	}
	if batch[4].err == nil || batch[4].result != nil {
		t.Fatalf("write failing on the server: err %v, result %+v", batch[4].err, batch[4].result)
	}
	for i, want := range []int64{1, 1, 0, 0} {
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
		if mustFind(t, db, c.draft.ID).Revision != c.draft.Revision+1 {
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
	for _, i := range []int{2, 3} {
		_, err := db.FindMutationResult(ctx, fmt.Sprintf("client-%d", i), 1)
		wantErrCode(t, err, erpps.ENOTFOUND)
		if got := mustFind(t, db, drafts[i].ID).Revision; got != drafts[i].Revision {
			t.Fatalf("the failed write %d was kept: revision %d, want %d", i, got, drafts[i].Revision)
		}
	}
}

// TestGroupCommitFailsWhole: a group whose transaction is lost under a
// write (here rolled back by the write itself), or whose COMMIT fails (a
// deferred constraint broken by its last write), fails every write of it,
// those before included: nothing of any is kept, none is told it was
// applied, and the store goes on.
func TestGroupCommitFailsWhole(t *testing.T) {
	lost := func(tx pgx.Tx) error {
		if _, err := tx.Exec(context.Background(), `ROLLBACK`); err != nil {
			return err
		}
		return errors.New("the transaction is gone")
	}
	brokenAtCommit := func(tx pgx.Tx) error {
		ctx := context.Background()
		if _, err := tx.Exec(ctx, `CREATE TEMP TABLE broken (id int PRIMARY KEY,
			ref int REFERENCES broken (id) DEFERRABLE INITIALLY DEFERRED) ON COMMIT DROP`); err != nil {
			return err
		}
		_, err := tx.Exec(ctx, `INSERT INTO broken VALUES (1, 2)`)
		return err
	}
	for _, tc := range []struct {
		name   string
		middle func(id string) func(tx pgx.Tx) error
		last   func(id string) func(tx pgx.Tx) error
	}{
		{"transaction lost", func(string) func(pgx.Tx) error { return lost }, func(id string) func(pgx.Tx) error { return bump(id, nil) }},
		{"commit fails", func(id string) func(pgx.Tx) error { return bump(id, nil) }, func(string) func(pgx.Tx) error { return brokenAtCommit }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ctx := context.Background()
			db, drafts := groupTestStore(t, 3)
			batch := []*groupedWrite{
				groupedWriteOf(0, 1, drafts[0].ID, bump(drafts[0].ID, nil)),
				groupedWriteOf(1, 1, drafts[1].ID, tc.middle(drafts[1].ID)),
				groupedWriteOf(2, 1, drafts[2].ID, tc.last(drafts[2].ID)),
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
				wantErrCode(t, err, erpps.ENOTFOUND)
				if got := mustFind(t, db, drafts[i].ID).Revision; got != drafts[i].Revision {
					t.Fatalf("draft %d: revision %d, want %d", i, got, drafts[i].Revision)
				}
			}
			if _, err := db.SaveDraft(erpps.WithReceipt(ctx, erpps.Receipt{ClientID: "client-0", Seq: 1, MutationID: "m", RequestID: drafts[0].ID}),
				drafts[0].ID, drafts[0].Revision, json.RawMessage(`{"email":"a@example.invalid"}`), professional); err != nil {
				t.Fatal(err)
			}
			if got := lastSeq(t, db, 0); got != 1 {
				t.Fatalf("client-0's last seq = %d after its write, want 1", got)
			}
		})
	}
}
