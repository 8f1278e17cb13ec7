package postgres

import (
	"context"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"

	"erpps/backend/erpps"
	"erpps/backend/internal/storekit"
)

// maxGroup bounds the receipted writes committed together.
const maxGroup = 64

// groupCommit commits the receipted writes (the desktops' mutations, see
// writeTx) in groups: the writes that queued while a group was in flight
// run in one transaction, each in its own savepoint, and are committed
// together. The change counter's lock, which every write of the log waits
// for, is taken once per group and held over one COMMIT for the group
// instead of one per write.
//
// Exactly once holds as for a transaction of its own: a write, its receipt
// (the client's seq advanced, the client named for the triggers) and its
// result are in the same savepoint of the same transaction; a write that
// fails is rolled back to its savepoint (its seq not advanced, nothing of
// it kept) and the others go on; the results are handed back only once the
// group is committed, and a group that fails to commit (or whose
// transaction is lost) hands an error to every write of it: nothing of any
// was kept, the desktops send them again. Several server processes on one
// database each group their own writes: a group is one ordinary
// transaction, ordered with the others by the counter's lock.
type groupCommit = storekit.Grouper[*groupedWrite]

// groupedWrite is a receipted write waiting for its group's commit.
type groupedWrite struct {
	what    string
	receipt erpps.Receipt
	fn      func(tx pgx.Tx) error
	result  *erpps.MutationResult
	err     error
	done    chan struct{}
}

// groupWrite runs fn with receipt r in the next group and returns once the
// group is committed (or failed).
func (db *DB) groupWrite(ctx context.Context, what string, r erpps.Receipt, fn func(tx pgx.Tx) error) error {
	if db.pool == nil {
		return erpps.Internal(errors.New("store: the database is not open"))
	}
	if err := ctx.Err(); err != nil {
		return storeError(what, err)
	}
	w := &groupedWrite{what: what, receipt: r, fn: fn, done: make(chan struct{})}
	db.group.Join(w, maxGroup, db.commitGroup)
	<-w.done
	if w.err != nil {
		return w.err
	}
	if r.Result != nil && w.result != nil {
		*r.Result = *w.result // committed
	}
	return nil
}

// commitGroup runs the writes of batch in one transaction, each in its own
// savepoint, commits, and releases their callers.
func (db *DB) commitGroup(batch []*groupedWrite) {
	defer func() {
		for _, w := range batch {
			close(w.done)
		}
	}()
	if err := db.runGroup(batch); err != nil {
		for _, w := range batch {
			if w.err == nil {
				w.err = storeError(w.what, err)
			}
			w.result = nil
		}
	}
}

// runGroup is commitGroup's transaction: a write's own error is its alone
// (w.err); the error returned fails every write of the group.
func (db *DB) runGroup(batch []*groupedWrite) error {
	// The group's transaction is no caller's: a caller gone does not
	// cancel it (receipted writes run without their request's cancel).
	ctx := context.Background()
	conn, err := db.pool.Acquire(ctx)
	if err != nil {
		return err
	}
	defer conn.Release()
	tx := pipedTx{conn.Conn()}
	committed := false
	defer func() {
		if !committed && conn.Conn().PgConn().TxStatus() != 'I' {
			_ = tx.Rollback(ctx)
		}
	}()
	begun := false
	for i, w := range batch {
		last := i == len(batch)-1
		var err error
		w.result, err = db.groupedStep(ctx, tx, w, !begun, last)
		begun = true
		if err == nil {
			if last {
				committed = true
			}
			continue
		}
		w.result = nil
		if st := conn.Conn().PgConn().TxStatus(); st != 'T' && st != 'E' {
			// The transaction is gone (lost connection, rolled back as a
			// whole, commit failed): nothing of the group was kept.
			return fmt.Errorf("the group's transaction was lost: %w", err)
		}
		w.err = storeError(w.what, err)
		b := &pgx.Batch{}
		b.Queue(`ROLLBACK TO SAVEPOINT receipted`)
		b.Queue(`RELEASE SAVEPOINT receipted`)
		if last {
			b.Queue(`COMMIT`)
		}
		if err := db.sendEnd(ctx, tx, b, last); err != nil {
			return fmt.Errorf("roll back a write to its savepoint: %w", err)
		}
		if last {
			committed = true
		}
	}
	return nil
}

// groupedStep runs w in its savepoint: with the group's BEGIN and the
// counter's lock when first, the savepoint and the receipt's claim in one
// round trip; fn; the request read back; the result stored and the
// savepoint released (with the group's COMMIT when last) in one round trip.
func (db *DB) groupedStep(ctx context.Context, tx pipedTx, w *groupedWrite, first, last bool) (*erpps.MutationResult, error) {
	if first {
		if err := lockAndClaim(ctx, tx, w.receipt, `SAVEPOINT receipted`); err != nil {
			return nil, err
		}
	} else if err := claim(ctx, tx, w.receipt, `SAVEPOINT receipted`); err != nil {
		return nil, err
	}
	if err := w.fn(tx); err != nil {
		return nil, err
	}
	res, text, err := receiptResult(ctx, tx, w.receipt)
	if err != nil {
		return nil, err
	}
	r := w.receipt
	b := &pgx.Batch{}
	b.Queue(insertResultQuery, res.ClientID, res.Seq, res.MutationID, r.RequestID, string(res.Outcome), string(text), db.now())
	b.Queue(`RELEASE SAVEPOINT receipted`)
	if last {
		b.Queue(`COMMIT`)
	}
	if err := db.sendEnd(ctx, tx, b, last); err != nil {
		return nil, fmt.Errorf("store the mutation result: %w", err)
	}
	return res, nil
}

// sendEnd sends b, whose last statement is COMMIT when commit is set, and
// checks that the transaction was committed.
func (db *DB) sendEnd(ctx context.Context, tx pipedTx, b *pgx.Batch, commit bool) error {
	br := tx.SendBatch(ctx, b)
	var tag string
	var errs []error
	for range b.Len() {
		t, err := br.Exec()
		errs = append(errs, err)
		tag = t.String()
	}
	if err := errors.Join(append(errs, br.Close())...); err != nil {
		return err
	}
	if commit && tag != "COMMIT" {
		return fmt.Errorf("commit: %s", tag)
	}
	return nil
}
