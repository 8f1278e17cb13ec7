package postgres

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"erpps/backend/erpps"
)

// SaveDraft replaces the payload of an editable request (a draft, or a
// request whose complement the ARS asked) at revision baseRevision, records
// actor as its last writer and bumps its revision, in one conditional
// update: of two saves on the same revision, from any process, one wins and
// the other is ECONFLICT (erpps.StaleDraft). ENOTFOUND when the request does
// not exist. The returned request has no History: a save adds no step.
func (db *DB) SaveDraft(ctx context.Context, id string, baseRevision int64, payload json.RawMessage, actor erpps.Actor) (*erpps.Request, error) {
	if err := erpps.CheckPayload(payload); err != nil {
		return nil, err
	}
	var r *erpps.Request
	err := db.inTx(ctx, "save the draft", func(tx pgx.Tx) error {
		var err error
		r, err = scanRequest(tx.QueryRow(ctx, `
			UPDATE requests SET payload = $1, revision = revision + 1, updated_at = $2,
				updated_by_role = $3, updated_by_id = $4, updated_by_name = $5
			WHERE id = $6 AND revision = $7 AND status = ANY($8)
			RETURNING `+requestColumns,
			string(payload), db.now(), string(actor.Role), actor.ID, actor.Name, id, baseRevision,
			statusesWhere(erpps.RequestStatus.Editable)))
		if errNoRows(err) {
			return whyNotSaved(ctx, tx, id, baseRevision)
		}
		if err != nil {
			return fmt.Errorf("update the draft: %w", err)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return r, nil
}

// whyNotSaved explains why a request could not be changed at baseRevision:
// ENOTFOUND, ECONFLICT naming its status, or erpps.StaleDraft.
func whyNotSaved(ctx context.Context, tx pgx.Tx, id string, baseRevision int64) error {
	var status string
	var revision int64
	err := tx.QueryRow(ctx, `SELECT status, revision FROM requests WHERE id = $1`, id).Scan(&status, &revision)
	if errNoRows(err) {
		return requestNotFound()
	}
	if err != nil {
		return fmt.Errorf("read the request status: %w", err)
	}
	if err := erpps.WhyNotSaved(erpps.RequestStatus(status), revision, baseRevision); err != nil {
		return err
	}
	return fmt.Errorf("request %s was not updated", id)
}

// DeleteDraft deletes a request that was never transmitted, with its
// history. ENOTFOUND when it does not exist, ECONFLICT when it was
// transmitted (it can then only be withdrawn).
func (db *DB) DeleteDraft(ctx context.Context, id string) error {
	return db.inTx(ctx, "delete the draft", func(tx pgx.Tx) error {
		tag, err := tx.Exec(ctx, `DELETE FROM requests WHERE id = $1 AND status = $2`, id, string(erpps.StatusDraft))
		if err != nil {
			return fmt.Errorf("delete the draft: %w", err)
		}
		if tag.RowsAffected() == 1 {
			return nil
		}
		var status string
		err = tx.QueryRow(ctx, `SELECT status FROM requests WHERE id = $1`, id).Scan(&status)
		if errNoRows(err) {
			return requestNotFound()
		}
		if err != nil {
			return fmt.Errorf("read the request status: %w", err)
		}
		return erpps.Errorf(erpps.ECONFLICT,
			"Cette demande est « %s » : seule une demande non transmise peut être supprimée ; vous pouvez la retirer.",
			erpps.RequestStatus(status).Label())
	})
}

// state is what a transition reads of a request.
type state struct {
	id, rpps, linked string
	kind             erpps.RequestKind
	status           erpps.RequestStatus
	revision         int64
}

// readState reads and locks (FOR UPDATE, until the end of the transaction)
// request id: whatever process decides or changes it meanwhile waits, then
// sees what this transaction wrote. ENOTFOUND when there is none.
func readState(ctx context.Context, tx pgx.Tx, id string) (state, error) {
	st := state{id: id}
	var status, kind string
	err := tx.QueryRow(ctx,
		`SELECT rpps, linked_request_id, kind, status, revision FROM requests WHERE id = $1 FOR UPDATE`, id).
		Scan(&st.rpps, &st.linked, &kind, &status, &st.revision)
	if errNoRows(err) {
		return st, requestNotFound()
	}
	if err != nil {
		return st, fmt.Errorf("read the request status: %w", err)
	}
	st.status, st.kind = erpps.RequestStatus(status), erpps.RequestKind(kind)
	return st, nil
}

// transition moves the request in cur to `to` when actor may, records the
// step and queues a transmission or a withdrawal in the outbox.
func transition(ctx context.Context, tx pgx.Tx, cur state, to erpps.RequestStatus, actor erpps.Actor, comment string, now time.Time) error {
	if err := erpps.CheckTransition(cur.status, to, actor); err != nil {
		return err
	}
	if err := setStatus(ctx, tx, cur.id, to, actor, now, comment); err != nil {
		return err
	}
	step := erpps.RequestEvent{From: cur.status, To: to, At: now, Actor: actor, Principal: cur.rpps, Comment: comment}
	if err := insertEvent(ctx, tx, cur.id, step); err != nil {
		return err
	}
	switch to {
	case erpps.StatusTransmitted:
		return enqueue(ctx, tx, erpps.OutboxTransmit, cur.id, cur.revision, actor, cur.rpps, now)
	case erpps.StatusWithdrawn:
		return enqueue(ctx, tx, erpps.OutboxWithdraw, cur.id, cur.revision, actor, cur.rpps, now)
	}
	return nil
}

// setStatus writes the new status and what goes with it.
func setStatus(ctx context.Context, tx pgx.Tx, id string, to erpps.RequestStatus, actor erpps.Actor, now time.Time, comment string) error {
	query := `UPDATE requests SET status = $1, updated_at = $2,
		updated_by_role = $3, updated_by_id = $4, updated_by_name = $5`
	a := args{string(to), now, string(actor.Role), actor.ID, actor.Name}
	switch to {
	case erpps.StatusTransmitted:
		query += `, transmitted_at = ` + a.add(now)
	case erpps.StatusRefused, erpps.StatusComplementRequested:
		query += `, reason = ` + a.add(comment)
	}
	query += ` WHERE id = ` + a.add(id)
	if _, err := tx.Exec(ctx, query, a...); err != nil {
		return fmt.Errorf("update the request status: %w", err)
	}
	return nil
}
