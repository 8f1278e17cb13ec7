package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"erpps/backend/erpps"
)

// Outbox is implemented by *DB.
var _ erpps.Outbox = (*DB)(nil)

// enqueue queues an action on a revision of a request for the sync (once).
func enqueue(ctx context.Context, tx *sql.Tx, action erpps.OutboxAction, id string, revision int64, actor erpps.Actor, principal string, now time.Time) error {
	if _, err := tx.ExecContext(ctx, `
		INSERT INTO outbox (action, request_id, revision, actor_role, actor_id, actor_name, principal, queued_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (request_id, action, revision) DO NOTHING`,
		string(action), id, revision, string(actor.Role), actor.ID, actor.Name, principal, formatTime(now)); err != nil {
		return fmt.Errorf("store: unable to queue the request: %w", err)
	}
	return nil
}

// ListOutbox returns up to limit actions waiting for delivery (0: all), in
// the order they were committed.
func (db *DB) ListOutbox(ctx context.Context, limit int) ([]erpps.OutboxEntry, error) {
	query := `SELECT id, action, request_id, revision, actor_role, actor_id, actor_name, principal, queued_at
		FROM outbox ORDER BY id`
	var args []any
	if limit > 0 {
		query += ` LIMIT ?`
		args = append(args, limit)
	}
	out := []erpps.OutboxEntry{}
	err := db.inReadTx(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, query, args...)
		if err != nil {
			return fmt.Errorf("store: unable to read the outbox: %w", err)
		}
		defer rows.Close()
		for rows.Next() {
			var e erpps.OutboxEntry
			var action, role, queued string
			if err := rows.Scan(&e.ID, &action, &e.RequestID, &e.Revision, &role, &e.Actor.ID, &e.Actor.Name,
				&e.Principal, &queued); err != nil {
				return fmt.Errorf("store: unable to read the outbox: %w", err)
			}
			e.Action, e.Actor.Role = erpps.OutboxAction(action), erpps.Role(role)
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

// AckOutbox removes a delivered entry from the outbox. Acknowledging what is
// not queued (a repeated acknowledgement) is not an error.
func (db *DB) AckOutbox(ctx context.Context, id int64) error {
	err := db.inWriteTx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `DELETE FROM outbox WHERE id = ?`, id); err != nil {
			return fmt.Errorf("store: unable to acknowledge the outbox entry: %w", err)
		}
		return nil
	})
	return db.storeError("acknowledge the outbox entry", err)
}
