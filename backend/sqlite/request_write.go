package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"erpps/backend/erpps"
)

// SaveDraft replaces the payload of an editable request (a draft, or a
// request whose complement the ARS asked) and bumps its revision, in one
// transaction: a crash leaves either the previous or the new payload, whole.
// ENOTFOUND when the request does not exist, ECONFLICT when it may no longer
// be changed.
func (db *DB) SaveDraft(ctx context.Context, id string, payload json.RawMessage) (*erpps.Request, error) {
	if err := checkPayload(payload); err != nil {
		return nil, err
	}
	editable := statusesWhere(erpps.RequestStatus.Editable)
	args := []any{string(payload), formatTime(db.now()), id}
	for _, s := range editable {
		args = append(args, string(s))
	}
	var r *erpps.Request
	err := db.inWriteTx(ctx, func(tx *sql.Tx) error {
		var err error
		r, err = scanRequest(tx.QueryRowContext(ctx, `
			UPDATE requests SET payload = ?, revision = revision + 1, updated_at = ?
			WHERE id = ? AND status IN (`+placeholders(len(editable))+`)
			RETURNING `+requestColumns, args...))
		if errors.Is(err, sql.ErrNoRows) {
			return whyNotEditable(ctx, tx, id)
		}
		if err != nil {
			return fmt.Errorf("store: unable to update the draft: %w", err)
		}
		return attachHistory(ctx, tx, []*erpps.Request{r})
	})
	if err != nil {
		return nil, db.storeError("save the draft", err)
	}
	return r, nil
}

// whyNotEditable explains why a request could not be changed: ENOTFOUND, or
// ECONFLICT naming its status.
func whyNotEditable(ctx context.Context, tx *sql.Tx, id string) error {
	var status string
	err := tx.QueryRowContext(ctx, `SELECT status FROM requests WHERE id = ?`, id).Scan(&status)
	if errors.Is(err, sql.ErrNoRows) {
		return requestNotFound()
	}
	if err != nil {
		return fmt.Errorf("store: unable to read the request status: %w", err)
	}
	return erpps.Errorf(erpps.ECONFLICT,
		"Cette demande est « %s » : elle ne peut plus être modifiée.", erpps.RequestStatus(status).Label())
}

// DeleteDraft deletes a request that was never transmitted, with its
// history. ENOTFOUND when it does not exist, ECONFLICT when it was
// transmitted (it can then only be withdrawn).
func (db *DB) DeleteDraft(ctx context.Context, id string) error {
	err := db.inWriteTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx,
			`DELETE FROM requests WHERE id = ? AND status = ?`, id, string(erpps.StatusDraft))
		if err != nil {
			return fmt.Errorf("store: unable to delete the draft: %w", err)
		}
		n, err := res.RowsAffected()
		if err != nil {
			return fmt.Errorf("store: unable to delete the draft: %w", err)
		}
		if n == 1 {
			return nil
		}
		var status string
		err = tx.QueryRowContext(ctx, `SELECT status FROM requests WHERE id = ?`, id).Scan(&status)
		if errors.Is(err, sql.ErrNoRows) {
			return requestNotFound()
		}
		if err != nil {
			return fmt.Errorf("store: unable to read the request status: %w", err)
		}
		return erpps.Errorf(erpps.ECONFLICT,
			"Cette demande est « %s » : seule une demande non transmise peut être supprimée ; vous pouvez la retirer.",
			erpps.RequestStatus(status).Label())
	})
	return db.storeError("delete the draft", err)
}

// TransitionRequest moves a request to status `to` if the state machine lets
// actor do it, and records the dated, attributed step, in one transaction.
// Moving to transmitted stamps TransmittedAt and queues the revision in the
// outbox; moving to refused or complement_requested keeps comment as the
// reason.
func (db *DB) TransitionRequest(ctx context.Context, id string, to erpps.RequestStatus, actor erpps.Actor, comment string) (*erpps.Request, error) {
	now := db.now()
	var r *erpps.Request
	err := db.inWriteTx(ctx, func(tx *sql.Tx) error {
		var from string
		var revision int64
		err := tx.QueryRowContext(ctx,
			`SELECT status, revision FROM requests WHERE id = ?`, id).Scan(&from, &revision)
		if errors.Is(err, sql.ErrNoRows) {
			return requestNotFound()
		}
		if err != nil {
			return fmt.Errorf("store: unable to read the request status: %w", err)
		}
		if err := erpps.CheckTransition(erpps.RequestStatus(from), to, actor); err != nil {
			return err
		}
		if err := setStatus(ctx, tx, id, to, now, comment); err != nil {
			return err
		}
		step := erpps.RequestEvent{From: erpps.RequestStatus(from), To: to, At: now, Actor: actor, Comment: comment}
		if err := insertEvent(ctx, tx, id, step); err != nil {
			return err
		}
		if to == erpps.StatusTransmitted {
			if err := enqueue(ctx, tx, id, revision, now); err != nil {
				return err
			}
		}
		r, err = findRequest(ctx, tx, id)
		return err
	})
	if err != nil {
		return nil, db.storeError("change the request status", err)
	}
	return r, nil
}

// setStatus writes the new status and what goes with it.
func setStatus(ctx context.Context, tx *sql.Tx, id string, to erpps.RequestStatus, now time.Time, comment string) error {
	query := `UPDATE requests SET status = ?, updated_at = ?`
	args := []any{string(to), formatTime(now)}
	switch to {
	case erpps.StatusTransmitted:
		query += `, transmitted_at = ?`
		args = append(args, formatTime(now))
	case erpps.StatusRefused, erpps.StatusComplementRequested:
		query += `, reason = ?`
		args = append(args, comment)
	}
	query += ` WHERE id = ?`
	args = append(args, id)
	if _, err := tx.ExecContext(ctx, query, args...); err != nil {
		return fmt.Errorf("store: unable to update the request status: %w", err)
	}
	return nil
}
