package postgres

import (
	"context"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"erpps/backend/erpps"
)

// enqueue queues an action on a revision of a request (once).
func enqueue(ctx context.Context, tx pgx.Tx, action erpps.OutboxAction, id string, revision int64, actor erpps.Actor, principal string, now time.Time) error {
	if _, err := tx.Exec(ctx, `
		INSERT INTO outbox (action, request_id, revision, actor_role, actor_id, actor_name, principal, queued_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
		ON CONFLICT (request_id, action, revision) DO NOTHING`,
		string(action), id, revision, string(actor.Role), actor.ID, actor.Name, principal, now); err != nil {
		return fmt.Errorf("queue the request: %w", err)
	}
	return nil
}

// ListOutbox returns up to limit actions waiting for delivery (0: all), in
// the order they were committed.
func (db *DB) ListOutbox(ctx context.Context, limit int) ([]erpps.OutboxEntry, error) {
	query := `SELECT id, action, request_id, revision, actor_role, actor_id, actor_name, principal, queued_at
		FROM outbox ORDER BY id`
	var a args
	if limit > 0 {
		query += ` LIMIT ` + a.add(limit)
	}
	out := []erpps.OutboxEntry{}
	err := db.inReadTx(ctx, "read the outbox", func(tx pgx.Tx) error {
		rows, err := tx.Query(ctx, query, a...)
		if err != nil {
			return fmt.Errorf("read the outbox: %w", err)
		}
		defer rows.Close()
		for rows.Next() {
			var e erpps.OutboxEntry
			var action, role string
			if err := rows.Scan(&e.ID, &action, &e.RequestID, &e.Revision, &role, &e.Actor.ID, &e.Actor.Name,
				&e.Principal, &e.QueuedAt); err != nil {
				return fmt.Errorf("read the outbox: %w", err)
			}
			e.Action, e.Actor.Role, e.QueuedAt = erpps.OutboxAction(action), erpps.Role(role), e.QueuedAt.UTC()
			out = append(out, e)
		}
		return rows.Err()
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// AckOutbox removes a delivered entry from the outbox. Acknowledging what is
// not queued (a repeated acknowledgement) is not an error.
func (db *DB) AckOutbox(ctx context.Context, id int64) error {
	if _, err := db.pool.Exec(ctx, `DELETE FROM outbox WHERE id = $1`, id); err != nil {
		return storeError("acknowledge the outbox entry", err)
	}
	return nil
}
