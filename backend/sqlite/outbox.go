package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

// OutboxEntry is a transmitted revision of a request that the sync has not
// delivered yet.
type OutboxEntry struct {
	RequestID string    `json:"requestId"`
	Revision  int64     `json:"revision"`
	QueuedAt  time.Time `json:"queuedAt"`
}

// enqueue puts a transmitted revision in the outbox (once).
func enqueue(ctx context.Context, tx *sql.Tx, id string, revision int64, now time.Time) error {
	if _, err := tx.ExecContext(ctx, `
		INSERT INTO outbox (request_id, revision, queued_at) VALUES (?, ?, ?)
		ON CONFLICT (request_id, revision) DO NOTHING`, id, revision, formatTime(now)); err != nil {
		return fmt.Errorf("store: unable to queue the request: %w", err)
	}
	return nil
}

// ListOutbox returns the revisions waiting for delivery, oldest first.
func (db *DB) ListOutbox(ctx context.Context) ([]OutboxEntry, error) {
	out := []OutboxEntry{}
	err := db.inReadTx(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx,
			`SELECT request_id, revision, queued_at FROM outbox ORDER BY queued_at, request_id, revision`)
		if err != nil {
			return fmt.Errorf("store: unable to read the outbox: %w", err)
		}
		defer rows.Close()
		for rows.Next() {
			var e OutboxEntry
			var queued string
			if err := rows.Scan(&e.RequestID, &e.Revision, &queued); err != nil {
				return fmt.Errorf("store: unable to read the outbox: %w", err)
			}
			if e.QueuedAt, err = parseTime(queued); err != nil {
				return err
			}
			out = append(out, e)
		}
		return rows.Err()
	})
	if err != nil {
		return nil, db.storeError("read the outbox", err)
	}
	return out, nil
}

// AckOutbox removes a delivered revision of a request from the outbox, with
// any older revision of the same request. Acknowledging what is not queued
// (a repeated acknowledgement) is not an error.
func (db *DB) AckOutbox(ctx context.Context, requestID string, revision int64) error {
	err := db.inWriteTx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx,
			`DELETE FROM outbox WHERE request_id = ? AND revision <= ?`, requestID, revision); err != nil {
			return fmt.Errorf("store: unable to acknowledge the outbox entry: %w", err)
		}
		return nil
	})
	return db.storeError("acknowledge the outbox entry", err)
}
