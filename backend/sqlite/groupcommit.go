package sqlite

import (
	"context"
	"database/sql"
	"fmt"

	"erpps/backend/erpps"
	"erpps/backend/internal/storekit"
)

// maxGroup bounds the receipted writes committed together.
const maxGroup = 64

// groupCommit commits the receipted writes of the server's store (the
// desktops' mutations, see loggedWrite) in groups: the writes that queued
// while the write connection was busy run in one transaction, each in its
// own savepoint, and are committed together. A commit (the WAL's pages
// written once for the group) was most of a mutation's write.
//
// Exactly once holds as for a transaction of its own: a write, its receipt
// (the client's seq advanced) and its result are in the same savepoint of
// the same transaction; a write that fails is rolled back to its savepoint
// (its seq not advanced, nothing of it kept) and the others go on; the
// results are handed back only once the group is committed, and a group
// that fails to commit hands an error to every write of it (nothing of any
// was kept: the desktops send them again). Should the transaction be
// rolled back as a whole under a write (SQLite does so on some errors), its
// savepoint is gone: the group stops there and every write of it gets an
// error.
type groupCommit = storekit.Grouper[*groupedWrite]

// groupedWrite is a receipted write waiting for its group's commit.
type groupedWrite struct {
	ctx     context.Context
	receipt *erpps.Receipt
	fn      func(tx *sql.Tx) error
	result  *erpps.MutationResult
	err     error
	done    chan struct{}
}

// groupWrite runs fn with receipt in the next group and returns once the
// group is committed (or failed).
func (db *DB) groupWrite(ctx context.Context, receipt *erpps.Receipt, fn func(tx *sql.Tx) error) error {
	w := &groupedWrite{ctx: ctx, receipt: receipt, fn: fn, done: make(chan struct{})}
	db.group.Join(w, maxGroup, db.commitGroup)
	<-w.done
	if w.err != nil {
		return w.err
	}
	if receipt.Result != nil && w.result != nil {
		*receipt.Result = *w.result
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
	err := db.runGroup(batch)
	db.stmts.prepareWanted(context.Background())
	if err != nil {
		for _, w := range batch {
			if w.err == nil {
				w.err, w.result = err, nil
			}
		}
	}
}

// runGroup is commitGroup's transaction: a write's own error is its
// alone (w.err); the error returned fails every write of the group.
func (db *DB) runGroup(batch []*groupedWrite) error {
	// The group's transaction is no caller's: a caller gone does not
	// cancel it (each write runs with its own context).
	ctx := context.Background()
	sqlTx, err := db.write.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("store: unable to begin a transaction: %w", err)
	}
	defer sqlTx.Rollback()
	tx := cachedTx{sqlTx, &db.stmts, db.write}
	for _, w := range batch {
		if err := w.ctx.Err(); err != nil {
			w.err = err // gone before its turn: not run
			continue
		}
		if _, err := tx.ExecContext(ctx, `SAVEPOINT receipted`); err != nil {
			return fmt.Errorf("store: unable to start a savepoint: %w", err)
		}
		w.result, w.err = db.loggedWrite(w.ctx, sqlTx, w.receipt, w.fn)
		if w.err != nil {
			w.result = nil
			if _, err := tx.ExecContext(ctx, `ROLLBACK TO receipted`); err != nil {
				return fmt.Errorf("store: unable to roll back a savepoint: %w", err)
			}
		}
		if _, err := tx.ExecContext(ctx, `RELEASE receipted`); err != nil {
			return fmt.Errorf("store: unable to release a savepoint: %w", err)
		}
	}
	if err := sqlTx.Commit(); err != nil {
		return fmt.Errorf("store: unable to commit: %w", err)
	}
	return nil
}
