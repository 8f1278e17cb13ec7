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
// request whose complement the ARS asked) at revision baseRevision, records
// actor as its last writer and bumps its revision, in one transaction: a
// crash leaves either the previous or the new payload, whole (in Replica
// mode, with its mutation, coalesced into the last one when that one was not
// sent yet). ENOTFOUND when
// the request does not exist; ECONFLICT when it may no longer be changed or
// its revision moved since baseRevision (erpps.StaleDraft). The returned
// request has no History: a save adds no step.
func (db *DB) SaveDraft(ctx context.Context, id string, baseRevision int64, payload json.RawMessage, actor erpps.Actor) (*erpps.Request, error) {
	if err := erpps.CheckPayload(payload); err != nil {
		return nil, err
	}
	now := db.now()
	args := []any{string(payload), formatTime(now), string(actor.Role), actor.ID, actor.Name, id, baseRevision}
	args = append(args, editableStatuses()...)
	var r *erpps.Request
	err := db.inWriteTx(ctx, func(sqlTx *sql.Tx) error {
		tx := cachedTx{sqlTx, &db.stmts, db.write}
		var err error
		r, err = scanRequest(tx.QueryRowContext(ctx, `
			UPDATE requests SET payload = ?, revision = revision + 1, updated_at = ?,
				updated_by_role = ?, updated_by_id = ?, updated_by_name = ?
			WHERE id = ? AND revision = ? AND status IN (`+placeholders(len(args)-7)+`)
			RETURNING `+requestColumns, args...))
		if errors.Is(err, sql.ErrNoRows) {
			return whyNotSaved(ctx, sqlTx, id, baseRevision)
		}
		if err != nil {
			return fmt.Errorf("store: unable to update the draft: %w", err)
		}
		if db.Replica {
			return recordSave(ctx, tx, r, actor, now)
		}
		return nil
	})
	db.stmts.prepareWanted(ctx)
	if err != nil {
		return nil, db.storeError("save the draft", err)
	}
	return r, nil
}

// editableStatuses are the statuses of requests the applicant may change, as
// query arguments.
func editableStatuses() []any {
	var out []any
	for _, s := range statusesWhere(erpps.RequestStatus.Editable) {
		out = append(out, string(s))
	}
	return out
}

// whyNotSaved explains why a request could not be changed at baseRevision:
// ENOTFOUND, ECONFLICT naming its status, or erpps.StaleDraft.
func whyNotSaved(ctx context.Context, tx *sql.Tx, id string, baseRevision int64) error {
	var status string
	var revision int64
	err := tx.QueryRowContext(ctx, `SELECT status, revision FROM requests WHERE id = ?`, id).Scan(&status, &revision)
	if errors.Is(err, sql.ErrNoRows) {
		return requestNotFound()
	}
	if err != nil {
		return fmt.Errorf("store: unable to read the request status: %w", err)
	}
	if err := erpps.WhyNotSaved(erpps.RequestStatus(status), revision, baseRevision); err != nil {
		return err
	}
	return fmt.Errorf("store: request %s was not updated", id)
}

// DeleteDraft deletes a request that was never transmitted, with its
// history. ENOTFOUND when it does not exist, ECONFLICT when it was
// transmitted (it can then only be withdrawn). In Replica mode the deletion
// is recorded for the server (recordDelete), by the actor ctx carries
// (erpps.WithActor), else by the draft's last writer.
func (db *DB) DeleteDraft(ctx context.Context, id string) error {
	err := db.inWriteTx(ctx, func(tx *sql.Tx) error {
		var rpps, role string
		var lastWriter erpps.Actor
		var server serverBase
		err := tx.QueryRowContext(ctx, `DELETE FROM requests WHERE id = ? AND status = ?
			RETURNING rpps, updated_by_role, updated_by_id, updated_by_name, server_version, server_payload`,
			id, string(erpps.StatusDraft)).Scan(&rpps, &role, &lastWriter.ID, &lastWriter.Name,
			&server.version, &server.payload)
		if err == nil {
			if !db.Replica {
				return nil
			}
			lastWriter.Role = erpps.Role(role)
			actor, ok := erpps.ActorFrom(ctx)
			if !ok {
				actor = lastWriter
			}
			return recordDelete(ctx, tx, id, rpps, actor, server, db.now())
		}
		if !errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("store: unable to delete the draft: %w", err)
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
// actor do it, and records the dated, attributed step, in one transaction:
// the state machine for the ARS's and the system's decisions. Moving to
// transmitted stamps TransmittedAt; moving to withdrawn withdraws the linked
// request too; moving to refused or complement_requested keeps comment as
// the reason. It records no mutation in Replica mode (the server decides the
// same way). The applicant's transmissions go through CommitTransmit, which
// validates.
func (db *DB) TransitionRequest(ctx context.Context, id string, to erpps.RequestStatus, actor erpps.Actor, comment string) (*erpps.Request, error) {
	now := db.now()
	var r *erpps.Request
	err := db.inWriteTx(ctx, func(tx *sql.Tx) error {
		cur, err := readState(ctx, tx, id)
		if err != nil {
			return err
		}
		if to == erpps.StatusWithdrawn {
			err = withdrawPair(ctx, tx, cur, actor, comment, now)
		} else {
			err = transition(ctx, tx, cur, to, actor, comment, now)
		}
		if err != nil {
			return err
		}
		r, err = findRequest(ctx, tx, id)
		return err
	})
	if err != nil {
		return nil, db.storeError("change the request status", err)
	}
	return r, nil
}

// state is what a transition reads of a request.
type state struct {
	id, rpps, linked string
	status           erpps.RequestStatus
	revision         int64
}

// readState reads the state of request id, ENOTFOUND when there is none.
func readState(ctx context.Context, tx *sql.Tx, id string) (state, error) {
	st := state{id: id}
	var status string
	err := tx.QueryRowContext(ctx,
		`SELECT rpps, linked_request_id, status, revision FROM requests WHERE id = ?`, id).
		Scan(&st.rpps, &st.linked, &status, &st.revision)
	if errors.Is(err, sql.ErrNoRows) {
		return st, requestNotFound()
	}
	if err != nil {
		return st, fmt.Errorf("store: unable to read the request status: %w", err)
	}
	st.status = erpps.RequestStatus(status)
	return st, nil
}

// transition moves the request in cur to `to` when actor may and records the
// step.
func transition(ctx context.Context, tx *sql.Tx, cur state, to erpps.RequestStatus, actor erpps.Actor, comment string, now time.Time) error {
	if err := erpps.CheckTransition(cur.status, to, actor); err != nil {
		return err
	}
	if err := setStatus(ctx, tx, cur.id, to, actor, now, comment); err != nil {
		return err
	}
	step := erpps.RequestEvent{From: cur.status, To: to, At: now, Actor: actor, Principal: cur.rpps, Comment: comment}
	return insertEvent(ctx, tx, cur.id, step)
}

// setStatus writes the new status and what goes with it.
func setStatus(ctx context.Context, tx *sql.Tx, id string, to erpps.RequestStatus, actor erpps.Actor, now time.Time, comment string) error {
	query := `UPDATE requests SET status = ?, updated_at = ?,
		updated_by_role = ?, updated_by_id = ?, updated_by_name = ?`
	args := []any{string(to), formatTime(now), string(actor.Role), actor.ID, actor.Name}
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
