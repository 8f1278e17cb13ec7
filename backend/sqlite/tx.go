package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"erpps/backend/erpps"
)

// timeLayout is RFC 3339 in UTC with a fixed nine-digit fraction, so that
// stored times sort as text (time.RFC3339Nano drops trailing zeros, which
// breaks text order). time.RFC3339Nano parses it back.
const timeLayout = "2006-01-02T15:04:05.000000000Z07:00"

// formatTime writes t as stored text.
func formatTime(t time.Time) string { return t.UTC().Format(timeLayout) }

// parseTime reads a stored time.
func parseTime(s string) (time.Time, error) {
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("store: bad time %q: %w", s, err)
	}
	return t.UTC(), nil
}

// inWriteTx runs fn in a write transaction (BEGIN IMMEDIATE on the single
// write connection) and commits when fn succeeds. When ctx carries an
// erpps.Receipt, the transaction also handles the client's mutation (see
// writeTx).
func (db *DB) inWriteTx(ctx context.Context, fn func(tx *sql.Tx) error) error {
	if r, ok := erpps.ReceiptFrom(ctx); ok {
		return db.writeTx(ctx, &r, fn)
	}
	return db.writeTx(ctx, nil, fn)
}

// writeTx runs fn in a write transaction and commits when it succeeds; on
// the server's store (or with a receipt) through loggedWrite.
func (db *DB) writeTx(ctx context.Context, receipt *erpps.Receipt, fn func(tx *sql.Tx) error) error {
	if db.write == nil {
		return fmt.Errorf("store: the database is not open")
	}
	err := db.runWriteTx(ctx, receipt, fn)
	if db.logs || receipt != nil {
		// The log's and the receipt's statements a transaction missed
		// are prepared once it is over (see stmtCache).
		db.stmts.prepareWanted(ctx)
	}
	return err
}

// runWriteTx is writeTx's transaction; on the server's store, a receipted
// write is committed with the others queued with it (see groupCommit).
func (db *DB) runWriteTx(ctx context.Context, receipt *erpps.Receipt, fn func(tx *sql.Tx) error) error {
	if receipt != nil && db.logs {
		return db.groupWrite(ctx, receipt, fn)
	}
	tx, err := db.write.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("store: unable to begin a transaction: %w", err)
	}
	defer tx.Rollback()
	var result *erpps.MutationResult
	if db.logs || receipt != nil {
		result, err = db.loggedWrite(ctx, tx, receipt, fn)
	} else {
		err = fn(tx) // a desktop's store: no change log to keep
	}
	if err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("store: unable to commit: %w", err)
	}
	if receipt != nil && receipt.Result != nil && result != nil {
		*receipt.Result = *result
	}
	return nil
}

// loggedWrite runs fn in tx and collapses the change lines it adds to the
// newest of each object. With a receipt, in the same transaction: the
// client's seq is advanced to receipt.Seq before fn (ECONFLICT, nothing
// written, when it is not the next one); after it the lines are attributed
// to the client, the request is read back and the result stored (and
// returned).
func (db *DB) loggedWrite(ctx context.Context, sqlTx *sql.Tx, receipt *erpps.Receipt, fn func(tx *sql.Tx) error) (*erpps.MutationResult, error) {
	// The log's and the receipt's statements run prepared: parsing them
	// again in every write transaction, which the writes queue behind, was
	// most of the receipt's cost.
	tx := cachedTx{sqlTx, &db.stmts, db.write}
	start, err := changeSeq(ctx, tx)
	if err != nil {
		return nil, err
	}
	if receipt != nil {
		if err := claimReceipt(ctx, tx, *receipt); err != nil {
			return nil, err
		}
	}
	if err := fn(sqlTx); err != nil {
		return nil, err
	}
	end, err := changeSeq(ctx, tx)
	if err != nil {
		return nil, err
	}
	if end-start > 1 {
		if err := collapseChanges(ctx, tx, start); err != nil {
			return nil, err
		}
	}
	if receipt != nil {
		return commitReceipt(ctx, tx, *receipt, start, end, db.now())
	}
	return nil, nil
}

// inReadTx runs fn in a read transaction on a query-only connection: every
// query of fn sees the same state of the file.
func (db *DB) inReadTx(ctx context.Context, fn func(tx *sql.Tx) error) error {
	if db.read == nil {
		return fmt.Errorf("store: the database is not open")
	}
	tx, err := db.read.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return fmt.Errorf("store: unable to begin a read transaction: %w", err)
	}
	defer tx.Rollback()
	return fn(tx)
}
