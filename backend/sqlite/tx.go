package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"time"
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
// write connection) and commits when fn succeeds.
func (db *DB) inWriteTx(ctx context.Context, fn func(tx *sql.Tx) error) error {
	if db.write == nil {
		return fmt.Errorf("store: the database is not open")
	}
	tx, err := db.write.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("store: unable to begin a transaction: %w", err)
	}
	defer tx.Rollback()
	if err := fn(tx); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("store: unable to commit: %w", err)
	}
	return nil
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
