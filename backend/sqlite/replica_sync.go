package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"

	"erpps/backend/erpps"
)

// Replica is implemented by *DB (in Replica mode).
var _ erpps.Replica = (*DB)(nil)

// SyncSummary returns the client id, the cursor, the counts of pending and
// set-aside mutations and the last successful sync.
func (db *DB) SyncSummary(ctx context.Context) (*erpps.SyncSummary, error) {
	s := &erpps.SyncSummary{}
	err := db.inReadTx(ctx, func(tx *sql.Tx) error {
		var last sql.NullString
		if err := tx.QueryRowContext(ctx, `SELECT client_id, cursor, last_sync_at,
			(SELECT count(*) FROM replica_mutations WHERE status IN ('queued', 'sent')),
			(SELECT count(*) FROM replica_mutations WHERE status IN ('conflict', 'rejected'))
			FROM replica_state WHERE id = 1`).Scan(&s.ClientID, &s.Cursor, &last, &s.Pending, &s.SetAside); err != nil {
			return fmt.Errorf("store: unable to read the sync state: %w", err)
		}
		if last.Valid {
			at, err := parseTime(last.String)
			if err != nil {
				return err
			}
			s.LastSyncAt = &at
		}
		return nil
	})
	if err != nil {
		return nil, db.storeError("read the sync state", err)
	}
	return s, nil
}

// mutationColumns are the columns scanMutation reads, in its order.
const mutationColumns = `seq, id, kind, request_id, base_version, actor_role, actor_id, actor_name, principal,
	request_kind, target_id, payload, comment, approval_id, created_at, status, result, base_payload`

// listMutations reads the mutations whose status is one of statuses, in seq
// order, up to limit (0: all).
func (db *DB) listMutations(ctx context.Context, what string, limit int, statuses ...erpps.PendingStatus) ([]erpps.PendingMutation, error) {
	var out []erpps.PendingMutation
	err := db.inReadTx(ctx, func(tx *sql.Tx) error {
		var err error
		out, err = readMutations(ctx, tx, what, limit, statuses...)
		return err
	})
	if err != nil {
		return nil, db.storeError(what, err)
	}
	return out, nil
}

// readMutations reads the mutations whose status is one of statuses, in seq
// order, up to limit (0: all), in tx.
func readMutations(ctx context.Context, tx *sql.Tx, what string, limit int, statuses ...erpps.PendingStatus) ([]erpps.PendingMutation, error) {
	args := make([]any, 0, len(statuses)+1)
	for _, s := range statuses {
		args = append(args, string(s))
	}
	query := `SELECT ` + mutationColumns + ` FROM replica_mutations
		WHERE status IN (` + placeholders(len(statuses)) + `) ORDER BY seq`
	if limit > 0 {
		query += ` LIMIT ?`
		args = append(args, limit)
	}
	var client string
	if err := tx.QueryRowContext(ctx, `SELECT client_id FROM replica_state WHERE id = 1`).Scan(&client); err != nil {
		return nil, fmt.Errorf("store: unable to read the client id: %w", err)
	}
	rows, err := tx.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("store: unable to %s: %w", what, err)
	}
	defer rows.Close()
	out := []erpps.PendingMutation{}
	for rows.Next() {
		m, err := scanMutation(rows)
		if err != nil {
			return nil, err
		}
		m.ClientID = client
		out = append(out, m)
	}
	return out, rows.Err()
}

// scanMutation reads the mutationColumns of one row.
func scanMutation(row scanner) (erpps.PendingMutation, error) {
	var m erpps.PendingMutation
	var kind, role, requestKind, created, status string
	var payload, result, basePayload sql.NullString
	if err := row.Scan(&m.Seq, &m.ID, &kind, &m.RequestID, &m.BaseVersion, &role, &m.Actor.ID, &m.Actor.Name,
		&m.Principal, &requestKind, &m.TargetID, &payload, &m.Comment, &m.ApprovalID, &created, &status,
		&result, &basePayload); err != nil {
		return m, fmt.Errorf("store: unable to read a mutation: %w", err)
	}
	m.Kind, m.Actor.Role, m.RequestKind = erpps.MutationKind(kind), erpps.Role(role), erpps.RequestKind(requestKind)
	m.Status = erpps.PendingStatus(status)
	if payload.Valid {
		m.Payload = json.RawMessage(payload.String)
	}
	if basePayload.Valid {
		m.BasePayload = json.RawMessage(basePayload.String)
	}
	if result.Valid {
		m.Result = &erpps.MutationResult{}
		if err := json.Unmarshal([]byte(result.String), m.Result); err != nil {
			return m, fmt.Errorf("store: bad result of mutation %d: %w", m.Seq, err)
		}
	}
	var err error
	m.CreatedAt, err = parseTime(created)
	return m, err
}

// ListPendingMutations returns up to limit queued or sent mutations (0: all),
// in seq order; set-aside ones are not among them (they never block). What
// it returns is frozen (sent) in the same transaction, as MarkMutationsSent
// does: whoever lists mutations may send them as listed, so a later autosave
// must append a new mutation rather than change one of these, and a draft
// deleted meanwhile must be deleted on the server too.
func (db *DB) ListPendingMutations(ctx context.Context, limit int) ([]erpps.PendingMutation, error) {
	const what = "list the pending mutations"
	var out []erpps.PendingMutation
	err := db.inWriteTx(ctx, func(tx *sql.Tx) error {
		var err error
		out, err = readMutations(ctx, tx, what, limit, erpps.PendingQueued, erpps.PendingSent)
		if err != nil || len(out) == 0 || out[len(out)-1].Status == erpps.PendingSent {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE replica_mutations SET status = 'sent'
			WHERE status = 'queued' AND seq <= ?`, out[len(out)-1].Seq); err != nil {
			return fmt.Errorf("store: unable to mark the mutations sent: %w", err)
		}
		for i := range out {
			out[i].FrozenNow = out[i].Status == erpps.PendingQueued
			out[i].Status = erpps.PendingSent
		}
		return nil
	})
	if err != nil {
		return nil, db.storeError(what, err)
	}
	return out, nil
}

// ListSetAside returns the conflicts and rejections to show, oldest first.
func (db *DB) ListSetAside(ctx context.Context) ([]erpps.PendingMutation, error) {
	return db.listMutations(ctx, "list the set-aside mutations", 0, erpps.PendingConflict, erpps.PendingRejected)
}

// MarkMutationsSent freezes the queued mutations up to seq: a later autosave
// appends a new mutation instead of changing one the server may have seen.
func (db *DB) MarkMutationsSent(ctx context.Context, upToSeq int64) error {
	err := db.inWriteTx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `UPDATE replica_mutations SET status = 'sent'
			WHERE status = 'queued' AND seq <= ?`, upToSeq); err != nil {
			return fmt.Errorf("store: unable to mark the mutations sent: %w", err)
		}
		return nil
	})
	return db.storeError("mark the mutations sent", err)
}

// RequeueMutations gives the sent mutations at seqs back to the queue
// (their push certainly never reached the server), keeping the queued ones
// after every sent or set-aside one: a seq followed by a mutation that stays
// sent or set aside is left sent.
func (db *DB) RequeueMutations(ctx context.Context, seqs []int64) error {
	if len(seqs) == 0 {
		return nil
	}
	args := make([]any, 0, 2*len(seqs))
	for _, s := range seqs {
		args = append(args, s)
	}
	args = append(append(args, retiredSeqBase), args...)
	in := placeholders(len(seqs))
	err := db.inWriteTx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `UPDATE replica_mutations SET status = 'queued'
			WHERE status = 'sent' AND seq IN (`+in+`)
			  AND seq > (SELECT coalesce(max(seq), 0) FROM replica_mutations
				WHERE status <> 'queued' AND seq < ? AND seq NOT IN (`+in+`))`, args...); err != nil {
			return fmt.Errorf("store: unable to queue the mutations again: %w", err)
		}
		return nil
	})
	return db.storeError("queue the mutations again", err)
}

// AckMutation applies the server's result r in one transaction: applied
// removes the mutation and brings the request to the server's state (only
// its base when other mutations of it remain); conflict and rejected set it
// aside with r; an applied save also clears the rejected saves of the same
// draft before it. A result for a seq no longer kept is not an error. A result
// for another mutation id at that seq (the server judged a version of it
// read before a later autosave changed it) leaves the local mutation queued
// again at the end, to be sent anew.
func (db *DB) AckMutation(ctx context.Context, r erpps.MutationResult) error {
	switch r.Outcome {
	case erpps.OutcomeApplied, erpps.OutcomeConflict, erpps.OutcomeRejected:
	default:
		return erpps.Invalid(fmt.Sprintf("Résultat de synchronisation inconnu : %q.", r.Outcome))
	}
	result, err := json.Marshal(r)
	if err != nil {
		return fmt.Errorf("store: unable to encode the result: %w", err)
	}
	err = db.inWriteTx(ctx, func(tx *sql.Tx) error {
		var client, id, requestID, kind string
		if err := tx.QueryRowContext(ctx, `SELECT client_id FROM replica_state WHERE id = 1`).Scan(&client); err != nil {
			return fmt.Errorf("store: unable to read the client id: %w", err)
		}
		if r.ClientID != "" && r.ClientID != client {
			return erpps.Invalid("Ce résultat de synchronisation est destiné à un autre poste.")
		}
		err := tx.QueryRowContext(ctx, `SELECT id, request_id, kind FROM replica_mutations WHERE seq = ?`, r.Seq).
			Scan(&id, &requestID, &kind)
		if errors.Is(err, sql.ErrNoRows) {
			return nil // acknowledged already
		}
		if err != nil {
			return fmt.Errorf("store: unable to read the mutation: %w", err)
		}
		if id != r.MutationID {
			return requeue(ctx, tx, r.Seq)
		}
		if r.Outcome != erpps.OutcomeApplied {
			if _, err := tx.ExecContext(ctx, `UPDATE replica_mutations SET status = ?, result = ? WHERE seq = ?`,
				string(r.Outcome), string(result), r.Seq); err != nil {
				return fmt.Errorf("store: unable to set the mutation aside: %w", err)
			}
			return nil
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM replica_mutations WHERE seq = ?`, r.Seq); err != nil {
			return fmt.Errorf("store: unable to remove the mutation: %w", err)
		}
		if kind == string(erpps.MutationSaveDraft) {
			// A save the server took supersedes the saves of the draft it
			// rejected before (a payload since corrected).
			if _, err := tx.ExecContext(ctx, `DELETE FROM replica_mutations WHERE request_id = ?
				AND kind = 'save_draft' AND status = 'rejected' AND seq < ?`, requestID, r.Seq); err != nil {
				return fmt.Errorf("store: unable to drop the superseded rejections: %w", err)
			}
		}
		if err := applyAcked(ctx, tx, requestID, r.Request, r.ChangeSeq, db); err != nil {
			return err
		}
		if r.Linked != nil {
			return applyAcked(ctx, tx, r.Linked.ID, r.Linked, r.ChangeSeq, db)
		}
		return nil
	})
	return db.storeError("acknowledge the mutation", err)
}

// applyAcked brings local request id to the server's state after one of its
// mutations was applied (r, at change sequence seq), or to a newer state a
// pull brought while the mutation was pending (it then only became the
// request's base: with the mutation gone, it is the state to show; a
// replayed result is older than a decision pulled meanwhile). A request
// deleted here since stays deleted (the pull says what became of it on the
// server).
func applyAcked(ctx context.Context, tx *sql.Tx, id string, r *erpps.Request, seq int64, db *DB) error {
	var known int64
	var state sql.NullString
	err := tx.QueryRowContext(ctx, `SELECT server_seq, server_state FROM requests WHERE id = ?`, id).Scan(&known, &state)
	if errors.Is(err, sql.ErrNoRows) {
		// Deleted here: once nothing of it is kept, neither is what the
		// server said of it.
		if _, err := tx.ExecContext(ctx, `DELETE FROM replica_absent WHERE id = ?
			AND NOT EXISTS (SELECT 1 FROM replica_mutations WHERE request_id = ?)`, id, id); err != nil {
			return fmt.Errorf("store: unable to forget a deleted request: %w", err)
		}
		return nil
	}
	if err != nil {
		return fmt.Errorf("store: unable to read the request: %w", err)
	}
	if known > seq {
		r, seq = nil, known
		if state.Valid {
			r = &erpps.Request{}
			if err := json.Unmarshal([]byte(state.String), r); err != nil {
				return fmt.Errorf("store: bad server state of request %s: %w", id, err)
			}
		}
	}
	return applyServerRequest(ctx, tx, id, r, seq, db.now(), skipOlder)
}

// requeue moves the mutation at seq to the end of the queue, queued again.
func requeue(ctx context.Context, tx *sql.Tx, seq int64) error {
	var next int64
	if err := tx.QueryRowContext(ctx,
		`UPDATE replica_state SET last_seq = last_seq + 1 WHERE id = 1 RETURNING last_seq`).Scan(&next); err != nil {
		return fmt.Errorf("store: unable to number the mutation: %w", err)
	}
	if _, err := tx.ExecContext(ctx, `UPDATE replica_mutations SET seq = ?, status = 'queued', result = NULL
		WHERE seq = ?`, next, seq); err != nil {
		return fmt.Errorf("store: unable to queue the mutation again: %w", err)
	}
	return nil
}

// ResolveConflict settles the set-aside mutations of request requestID.
// With payload (the user's choice) the draft takes it and a save_draft based
// on the server's version is queued; with nil the local request takes the
// server's state (or is removed when the server has none). Either way the
// request's set-aside and queued mutations are dropped. ENOTFOUND when
// nothing of it is set aside.
func (db *DB) ResolveConflict(ctx context.Context, requestID string, payload json.RawMessage, actor erpps.Actor) error {
	if payload != nil {
		if err := erpps.CheckPayload(payload); err != nil {
			return err
		}
	}
	now := db.now()
	err := db.inWriteTx(ctx, func(tx *sql.Tx) error {
		server, serverSeq, err := serverStateOf(ctx, tx, requestID)
		if err != nil {
			return err
		}
		local, err := findRequest(ctx, tx, requestID)
		if err != nil && erpps.ErrorCode(err) != erpps.ENOTFOUND {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM replica_mutations
			WHERE request_id = ? AND status IN ('conflict', 'rejected')`, requestID); err != nil {
			return fmt.Errorf("store: unable to drop the set-aside mutations: %w", err)
		}
		if err := dropQueued(ctx, tx, requestID); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM replica_absent WHERE id = ?`, requestID); err != nil {
			return fmt.Errorf("store: unable to settle the conflict: %w", err)
		}
		if payload == nil {
			if local != nil || server != nil {
				if err := applyServerRequest(ctx, tx, requestID, server, serverSeq, now, takeOlder); err != nil {
					return err
				}
			}
			// A draft of another desktop that this one kept out (one draft
			// per object) comes in now (synctest: it never did when it
			// waited for a change of it).
			return retryDeferred(ctx, tx, now)
		}
		if local == nil {
			return requestNotFound()
		}
		base := serverBase{}
		var state any
		if server != nil {
			base.version, base.payload = server.Revision, sql.NullString{String: string(server.Payload), Valid: true}
			data, err := json.Marshal(server)
			if err != nil {
				return fmt.Errorf("store: unable to encode the server's request: %w", err)
			}
			state = string(data)
		}
		if _, err := tx.ExecContext(ctx, `UPDATE requests SET payload = ?, revision = revision + 1, updated_at = ?,
			updated_by_role = ?, updated_by_id = ?, updated_by_name = ?,
			server_version = ?, server_payload = ?, server_state = ?, server_seq = ?
			WHERE id = ?`, string(payload), formatTime(now), string(actor.Role), actor.ID, actor.Name,
			base.version, base.payload, state, serverSeq, requestID); err != nil {
			return fmt.Errorf("store: unable to keep the chosen version: %w", err)
		}
		return insertMutation(ctx, tx, newMutation{kind: erpps.MutationSaveDraft, requestID: requestID,
			actor: actor, principal: local.RPPS, requestKind: local.Kind, targetID: local.TargetID,
			payload: payload}, base, now)
	})
	return db.storeError("settle the conflict", err)
}

// serverStateOf returns the newest state of request id the server told
// (nil: the server has none) and its change sequence: the last set-aside
// result's, or the one pulled since (a rejection need not tell the server's
// state: the last known then). ENOTFOUND when nothing of the request is set
// aside.
func serverStateOf(ctx context.Context, tx *sql.Tx, id string) (*erpps.Request, int64, error) {
	var result string
	err := tx.QueryRowContext(ctx, `SELECT result FROM replica_mutations
		WHERE request_id = ? AND status IN ('conflict', 'rejected') ORDER BY seq DESC LIMIT 1`, id).Scan(&result)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, 0, erpps.NotFound("Cette demande n'a pas de modification en attente de votre choix.")
	}
	if err != nil {
		return nil, 0, fmt.Errorf("store: unable to read the set-aside mutation: %w", err)
	}
	var r erpps.MutationResult
	if err := json.Unmarshal([]byte(result), &r); err != nil {
		return nil, 0, fmt.Errorf("store: bad result of a set-aside mutation: %w", err)
	}
	var known int64
	var state sql.NullString
	err = tx.QueryRowContext(ctx, `SELECT server_seq, server_state FROM requests WHERE id = ?`, id).Scan(&known, &state)
	if errors.Is(err, sql.ErrNoRows) {
		// Deleted here: what the server said of it since, if anything.
		err = tx.QueryRowContext(ctx, `SELECT seq, state FROM replica_absent WHERE id = ?`, id).Scan(&known, &state)
		if errors.Is(err, sql.ErrNoRows) {
			known, err = 0, nil
		}
	}
	if err != nil {
		return nil, 0, fmt.Errorf("store: unable to read the server's state: %w", err)
	}
	// A state pulled at a sequence past the answer's is newer. Otherwise
	// the answer's state may still be older than the pulled one (a conflict
	// reads the request before it takes the sequence it records): the
	// revision and the history, which every change of the server moves,
	// order the two. The sequence recorded is never more than what was
	// pulled, so that no later pull is skipped.
	if known == 0 {
		return r.Request, 0, nil // nil: the server has none
	}
	if !state.Valid {
		if known > r.ChangeSeq || r.Request == nil {
			return nil, known, nil // deleted there
		}
		return r.Request, known, nil
	}
	var pulled erpps.Request
	if err := json.Unmarshal([]byte(state.String), &pulled); err != nil {
		return nil, 0, fmt.Errorf("store: bad server state of request %s: %w", id, err)
	}
	switch {
	case known > r.ChangeSeq:
		return &pulled, known, nil
	case r.Request == nil && r.Outcome == erpps.OutcomeRejected:
		return &pulled, known, nil // a rejection need not tell the server's state
	case r.Request == nil:
		return nil, known, nil // deleted there when it answered
	case newerState(r.Request, &pulled):
		return r.Request, known, nil
	}
	return &pulled, known, nil
}

// newerState tells whether the server's state a is newer than b, of the same
// request: every change on the server bumps its revision (a save) or adds a
// step to its history (a decision).
func newerState(a, b *erpps.Request) bool {
	return a.Revision > b.Revision || (a.Revision == b.Revision && len(a.History) > len(b.History))
}

// PendingTransmits returns which of the requests ids have a transmission
// waiting for the server (queued or sent, not acknowledged yet).
func (db *DB) PendingTransmits(ctx context.Context, ids []string) (map[string]bool, error) {
	out := map[string]bool{}
	if len(ids) == 0 {
		return out, nil
	}
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	err := db.inReadTx(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT DISTINCT request_id FROM replica_mutations
			WHERE kind = 'transmit' AND status IN ('queued', 'sent') AND request_id IN (`+placeholders(len(ids))+`)`, args...)
		if err != nil {
			return fmt.Errorf("store: unable to read the pending transmissions: %w", err)
		}
		defer rows.Close()
		for rows.Next() {
			var id string
			if err := rows.Scan(&id); err != nil {
				return fmt.Errorf("store: unable to read a pending transmission: %w", err)
			}
			out[id] = true
		}
		return rows.Err()
	})
	if err != nil {
		return nil, db.storeError("read the pending transmissions", err)
	}
	return out, nil
}
