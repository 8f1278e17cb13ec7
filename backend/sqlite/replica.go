package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"erpps/backend/erpps"
	"erpps/backend/internal/storekit"
)

// The store's Replica mode (DB.Replica, the desktop): each local change of a
// request appends a mutation to replica_mutations in the transaction of the
// change, so that a crash never keeps one without the other.
//
// Seqs: replica_state.last_seq is the last seq given; mutations are numbered
// last_seq+1 without gap. Queued mutations (never sent) always come after the
// sent and set-aside ones (MarkMutationsSent freezes a prefix), so dropping
// queued ones (a draft deleted before it was sent) renumbers the queued ones
// behind them: the server never saw those numbers.

// newMutation is a mutation to append.
type newMutation struct {
	kind        erpps.MutationKind
	requestID   string
	actor       erpps.Actor
	principal   string
	requestKind erpps.RequestKind
	targetID    string
	payload     json.RawMessage
	comment     string
	approvalID  string
}

// serverBase is the server's version of a request and its payload at that
// version (NULL: none).
type serverBase struct {
	version int64
	payload sql.NullString
}

// mutationBase returns the base of a new mutation of request id: the one of
// its oldest mutation still kept (in flight or set aside: the server must
// judge the new one from the same base, so that a change made by someone
// else since is still a conflict), else the request's server version. The
// mutations set aside out of the numbering (never sent) do not count.
func mutationBase(ctx context.Context, tx querier, id string) (serverBase, error) {
	var b serverBase
	err := tx.QueryRowContext(ctx, `SELECT base_version, base_payload FROM replica_mutations
		WHERE request_id = ? AND seq < ? ORDER BY seq LIMIT 1`, id, retiredSeqBase).Scan(&b.version, &b.payload)
	if errors.Is(err, sql.ErrNoRows) {
		err = tx.QueryRowContext(ctx, `SELECT server_version, server_payload FROM requests WHERE id = ?`, id).
			Scan(&b.version, &b.payload)
		if errors.Is(err, sql.ErrNoRows) {
			return serverBase{}, nil
		}
	}
	if err != nil {
		return serverBase{}, fmt.Errorf("store: unable to read the base of a mutation: %w", err)
	}
	return b, nil
}

// appendMutation appends m with the next seq.
func appendMutation(ctx context.Context, tx querier, m newMutation, now time.Time) error {
	base, err := mutationBase(ctx, tx, m.requestID)
	if err != nil {
		return err
	}
	return insertMutation(ctx, tx, m, base, now)
}

// insertMutation appends m, made on base, with the next seq.
func insertMutation(ctx context.Context, tx querier, m newMutation, base serverBase, now time.Time) error {
	id, err := storekit.NewID()
	if err != nil {
		return err
	}
	var seq int64
	if err := tx.QueryRowContext(ctx,
		`UPDATE replica_state SET last_seq = last_seq + 1 WHERE id = 1 RETURNING last_seq`).Scan(&seq); err != nil {
		return fmt.Errorf("store: unable to number the mutation: %w", err)
	}
	var payload any
	if m.payload != nil {
		payload = string(m.payload)
	}
	if _, err := tx.ExecContext(ctx, `
		INSERT INTO replica_mutations (seq, id, kind, request_id, base_version, actor_role, actor_id, actor_name,
			principal, request_kind, target_id, payload, comment, approval_id, created_at, status, base_payload)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'queued', ?)`,
		seq, id, string(m.kind), m.requestID, base.version, string(m.actor.Role), m.actor.ID, m.actor.Name,
		m.principal, string(m.requestKind), m.targetID, payload, m.comment, m.approvalID, formatTime(now),
		base.payload); err != nil {
		return fmt.Errorf("store: unable to queue the mutation: %w", err)
	}
	return nil
}

// recordSave records a save of request r (its payload as stored now): it
// coalesces into the request's last mutation when that one is a save not
// sent yet, else appends a save_draft.
func recordSave(ctx context.Context, tx querier, r *erpps.Request, actor erpps.Actor, now time.Time) error {
	res, err := tx.ExecContext(ctx, `
		UPDATE replica_mutations SET payload = ?, actor_role = ?, actor_id = ?, actor_name = ?
		WHERE seq = (SELECT max(seq) FROM replica_mutations WHERE request_id = ? AND seq < ?)
		  AND status = 'queued' AND kind = 'save_draft'`,
		string(r.Payload), string(actor.Role), actor.ID, actor.Name, r.ID, retiredSeqBase)
	if err != nil {
		return fmt.Errorf("store: unable to coalesce the save: %w", err)
	}
	if n, err := res.RowsAffected(); err != nil {
		return fmt.Errorf("store: unable to coalesce the save: %w", err)
	} else if n == 1 {
		return nil
	}
	return appendMutation(ctx, tx, newMutation{kind: erpps.MutationSaveDraft, requestID: r.ID, actor: actor,
		principal: r.RPPS, requestKind: r.Kind, targetID: r.TargetID, payload: r.Payload}, now)
}

// serverKnows tells whether the server has (or will have) request id: it
// has a server version, or one of its mutations went out.
func serverKnows(ctx context.Context, tx querier, id string) (bool, error) {
	var known bool
	err := tx.QueryRowContext(ctx, `SELECT
		coalesce((SELECT server_version > 0 FROM requests WHERE id = ?), 0)
		OR EXISTS (SELECT 1 FROM replica_mutations WHERE request_id = ? AND status <> 'queued')`,
		id, id).Scan(&known)
	if err != nil {
		return false, fmt.Errorf("store: unable to read what the server knows: %w", err)
	}
	return known, nil
}

// recordAction appends a transmit or withdraw of request id. A request the
// server does not know (made before the store was a replica) is first
// created there by a save_draft of its payload (before the action's change).
func recordAction(ctx context.Context, tx querier, before *erpps.Request, m newMutation, now time.Time) error {
	known, err := serverKnows(ctx, tx, m.requestID)
	if err != nil {
		return err
	}
	if !known && before != nil {
		var queued int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM replica_mutations WHERE request_id = ?`,
			m.requestID).Scan(&queued); err != nil {
			return fmt.Errorf("store: unable to read the mutations: %w", err)
		}
		if queued == 0 {
			if err := recordSave(ctx, tx, before, m.actor, now); err != nil {
				return err
			}
		}
	}
	return appendMutation(ctx, tx, m, now)
}

// recordDelete records the deletion of draft id (deleted already; server:
// what it had of the server) by actor (principal: its RPPS number): its
// mutations not sent yet and those set aside are dropped (the deletion
// supersedes them), and when the server knows the request a delete_draft is
// appended, based where its first mutation was.
func recordDelete(ctx context.Context, tx querier, id, principal string, actor erpps.Actor, server serverBase, now time.Time) error {
	var sent bool
	if err := tx.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM replica_mutations
		WHERE request_id = ? AND status <> 'queued')`, id).Scan(&sent); err != nil {
		return fmt.Errorf("store: unable to read the mutations: %w", err)
	}
	base, err := mutationBase(ctx, tx, id)
	if err != nil {
		return err
	}
	if base == (serverBase{}) {
		base = server // no mutation kept: the request's own
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM replica_mutations
		WHERE request_id = ? AND status IN ('conflict', 'rejected')`, id); err != nil {
		return fmt.Errorf("store: unable to drop the mutations: %w", err)
	}
	if err := dropQueued(ctx, tx, id); err != nil {
		return err
	}
	if !sent && server.version == 0 {
		return nil // the server never heard of it
	}
	// The base of the deletion is the one of the changes it supersedes.
	return insertMutation(ctx, tx, newMutation{kind: erpps.MutationDeleteDraft, requestID: id,
		actor: actor, principal: principal}, base, now)
}

// dropQueued deletes the queued mutations of request id and renumbers the
// queued mutations behind them, so that the seqs stay without gap.
func dropQueued(ctx context.Context, tx querier, id string) error {
	rows, err := tx.QueryContext(ctx, `SELECT seq, request_id = ? FROM replica_mutations
		WHERE status = 'queued' AND seq >= (SELECT min(seq) FROM replica_mutations
			WHERE request_id = ? AND status = 'queued')
		ORDER BY seq`, id, id)
	if err != nil {
		return fmt.Errorf("store: unable to read the queued mutations: %w", err)
	}
	type move struct {
		seq  int64
		drop bool
	}
	var moves []move
	for rows.Next() {
		var m move
		if err := rows.Scan(&m.seq, &m.drop); err != nil {
			rows.Close()
			return fmt.Errorf("store: unable to read the queued mutations: %w", err)
		}
		moves = append(moves, m)
	}
	if err := errors.Join(rows.Err(), rows.Close()); err != nil {
		return fmt.Errorf("store: unable to read the queued mutations: %w", err)
	}
	var dropped int64
	for _, m := range moves {
		// Ascending order: the seq a row moves to was freed before.
		switch {
		case m.drop:
			_, err = tx.ExecContext(ctx, `DELETE FROM replica_mutations WHERE seq = ?`, m.seq)
			dropped++
		case dropped > 0:
			_, err = tx.ExecContext(ctx, `UPDATE replica_mutations SET seq = ? WHERE seq = ?`, m.seq-dropped, m.seq)
		}
		if err != nil {
			return fmt.Errorf("store: unable to renumber the queued mutations: %w", err)
		}
	}
	if dropped == 0 {
		return nil
	}
	if _, err := tx.ExecContext(ctx, `UPDATE replica_state SET last_seq = last_seq - ? WHERE id = 1`, dropped); err != nil {
		return fmt.Errorf("store: unable to renumber the queued mutations: %w", err)
	}
	return nil
}
