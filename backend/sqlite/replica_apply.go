package sqlite

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"time"

	"erpps/backend/erpps"
)

// ApplyChanges applies pulled changes and advances the cursor to cursor, in
// one transaction: practitioners are upserted, requests brought to the
// server's state (applyServerRequest: a request with mutations keeps its
// local state and takes the server's as its base; one equal to the server's
// is not bumped).
func (db *DB) ApplyChanges(ctx context.Context, changes []erpps.Change, cursor int64, at time.Time) error {
	err := db.inWriteTx(ctx, func(sqlTx *sql.Tx) error {
		tx := newTxStmts(sqlTx)
		defer tx.close()
		// Records first: a request needs its practitioner.
		for _, c := range changes {
			if c.Kind == erpps.ChangePractitioner && !c.Deleted && c.Practitioner != nil {
				if err := applyPractitioner(ctx, sqlTx, c.Practitioner); err != nil {
					return err
				}
			}
		}
		for _, c := range changes {
			if c.Kind != erpps.ChangeRequest {
				continue
			}
			var r *erpps.Request
			if !c.Deleted {
				if r = c.Request; r == nil || r.ID != c.ID {
					return fmt.Errorf("store: change %d of request %s carries no such request", c.Seq, c.ID)
				}
			}
			if err := applyServerRequest(ctx, tx, c.ID, r, c.Seq, db.now(), skipOlder); err != nil {
				return err
			}
		}
		if err := retryDeferred(ctx, tx, db.now()); err != nil {
			return err
		}
		return setSynced(ctx, sqlTx, cursor, at)
	})
	return db.storeError("apply the server's changes", err)
}

// ApplySnapshot replaces the server's part of the local data by s, in one
// transaction: its records and requests are applied as changes, and a local
// request the server had (server version > 0) but no longer has, and that
// has no mutation, is removed. Requests never on the server stay.
func (db *DB) ApplySnapshot(ctx context.Context, s *erpps.Snapshot, at time.Time) error {
	if s == nil {
		return erpps.Invalid("L'instantané du serveur est vide.")
	}
	err := db.inWriteTx(ctx, func(sqlTx *sql.Tx) error {
		for _, p := range s.Practitioners {
			if err := applyPractitioner(ctx, sqlTx, p); err != nil {
				return err
			}
		}
		tx := newTxStmts(sqlTx)
		defer tx.close()
		if _, err := tx.ExecContext(ctx, `CREATE TEMP TABLE IF NOT EXISTS snapshot_ids (id TEXT PRIMARY KEY)`); err != nil {
			return fmt.Errorf("store: unable to apply the snapshot: %w", err)
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM temp.snapshot_ids`); err != nil {
			return fmt.Errorf("store: unable to apply the snapshot: %w", err)
		}
		for _, r := range s.Requests {
			if err := applyServerRequest(ctx, tx, r.ID, r, s.Cursor, db.now(), takeOlder); err != nil {
				return err
			}
			if _, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO temp.snapshot_ids (id) VALUES (?)`, r.ID); err != nil {
				return fmt.Errorf("store: unable to apply the snapshot: %w", err)
			}
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM requests WHERE server_version > 0
			AND id NOT IN (SELECT id FROM temp.snapshot_ids)
			AND id NOT IN (SELECT request_id FROM replica_mutations)`); err != nil {
			return fmt.Errorf("store: unable to remove what the server no longer has: %w", err)
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM temp.snapshot_ids`); err != nil {
			return fmt.Errorf("store: unable to apply the snapshot: %w", err)
		}
		if err := retryDeferred(ctx, tx, db.now()); err != nil {
			return err
		}
		return setSynced(ctx, sqlTx, s.Cursor, at)
	})
	return db.storeError("apply the server's snapshot", err)
}

// setSynced records the cursor and the time of the last successful sync.
func setSynced(ctx context.Context, tx *sql.Tx, cursor int64, at time.Time) error {
	if _, err := tx.ExecContext(ctx, `UPDATE replica_state SET cursor = ?, last_sync_at = ? WHERE id = 1`,
		cursor, formatTime(at)); err != nil {
		return fmt.Errorf("store: unable to advance the cursor: %w", err)
	}
	return nil
}

// applyPractitioner upserts the server's record p.
func applyPractitioner(ctx context.Context, tx *sql.Tx, p *erpps.Practitioner) error {
	if p == nil || p.RPPS == "" {
		return nil
	}
	if err := writePractitioner(ctx, tx, p); err != nil {
		if isConstraint(err) {
			// An activity moved to another record: the server's view wins,
			// the other record's copy of it goes.
			if _, derr := tx.ExecContext(ctx, `DELETE FROM activities WHERE rpps <> ? AND id IN (`+
				placeholders(len(p.Activities))+`)`, activityIDs(p)...); derr != nil {
				return fmt.Errorf("store: unable to apply the record: %w", derr)
			}
			return writePractitioner(ctx, tx, p)
		}
		return err
	}
	return nil
}

func activityIDs(p *erpps.Practitioner) []any {
	out := []any{p.RPPS}
	for _, a := range p.Activities {
		out = append(out, a.ID)
	}
	return out
}

// older says what applyServerRequest does with a state older than the
// server version known here.
type older bool

const (
	skipOlder older = false
	takeOlder older = true // a snapshot, or the state the user chose
)

// localRequest is what applyServerRequest reads of the local copy.
type localRequest struct {
	*erpps.Request
	serverSeq int64
	mutations bool
}

// applyServerRequest brings the local copy of request id to the server's
// state r (nil: the server has none). A request with mutations (pending or
// set aside) keeps its local state and takes r as its new base only. One
// without takes r whole; its revision (the editor's counter) moves only when
// what the user sees changes, so that an open editor of an equal request
// meets no conflict. seq is the server's change sequence of r: with
// skipOlder, a state older than the one known here is ignored (a stored
// result replayed after a decision was pulled).
func applyServerRequest(ctx context.Context, tx querier, id string, r *erpps.Request, seq int64, now time.Time, ifOlder older) error {
	local, err := readLocal(ctx, tx, id)
	if err != nil {
		return err
	}
	if ifOlder == skipOlder && local.Request != nil && seq < local.serverSeq {
		return nil // older than what this desktop has from the server already
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM replica_deferred WHERE id = ?`, id); err != nil {
		return fmt.Errorf("store: unable to apply a request: %w", err)
	}
	if local.Request == nil && local.mutations {
		// Deleted here, its deletion not settled: keep what the server
		// says of it, for ResolveConflict.
		return keepAbsent(ctx, tx, id, r, seq)
	}
	if r == nil {
		switch {
		case local.Request == nil:
			return nil
		case local.mutations:
			_, err = tx.ExecContext(ctx, `UPDATE requests SET server_version = 0, server_payload = NULL,
				server_state = NULL, server_seq = ? WHERE id = ?`, seq, id)
		default:
			_, err = tx.ExecContext(ctx, `DELETE FROM requests WHERE id = ?`, id)
		}
		if err != nil {
			return fmt.Errorf("store: unable to apply the deletion of a request: %w", err)
		}
		return nil
	}
	state, err := json.Marshal(r)
	if err != nil {
		return fmt.Errorf("store: unable to encode the server's request: %w", err)
	}
	if local.mutations {
		if _, err := tx.ExecContext(ctx, `UPDATE requests SET server_version = ?, server_payload = ?,
			server_state = ?, server_seq = ? WHERE id = ?`, r.Revision, string(r.Payload), string(state), seq, id); err != nil {
			return fmt.Errorf("store: unable to record the server's version: %w", err)
		}
		return nil
	}
	if err := erpps.CheckPayload(r.Payload); err != nil {
		return fmt.Errorf("store: the server's request %s: %w", id, err)
	}
	if r.Status == erpps.StatusDraft {
		// One draft per object: a local draft of the same object in the
		// way goes when the server never heard of it (the server's wins);
		// one with mutations stays, for the server to judge, and so does
		// one the server has (then r is older than a change still to come:
		// the server has one draft per object too); the server's waits in
		// replica_deferred until the way is clear.
		free, err := makeRoomForDraft(ctx, tx, r)
		if err != nil {
			return err
		}
		if !free {
			if _, err := tx.ExecContext(ctx, `INSERT INTO replica_deferred (id, state, seq) VALUES (?, ?, ?)`, id, string(state), seq); err != nil {
				return fmt.Errorf("store: unable to keep the server's request for later: %w", err)
			}
			return nil
		}
	}
	return writeServerRequest(ctx, tx, local.Request, r, string(state), seq, now)
}

// readLocal reads the local copy of request id (Request nil when none) and
// whether it has mutations.
func readLocal(ctx context.Context, tx querier, id string) (localRequest, error) {
	var out localRequest
	if err := tx.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM replica_mutations WHERE request_id = ?)`,
		id).Scan(&out.mutations); err != nil {
		return out, fmt.Errorf("store: unable to read the mutations: %w", err)
	}
	r, err := findRequest(ctx, tx, id)
	if erpps.ErrorCode(err) == erpps.ENOTFOUND {
		return out, nil
	}
	if err != nil {
		return out, err
	}
	if err := tx.QueryRowContext(ctx, `SELECT server_seq FROM requests WHERE id = ?`, id).
		Scan(&out.serverSeq); err != nil {
		return out, fmt.Errorf("store: unable to read the server's change sequence: %w", err)
	}
	out.Request = r
	return out, nil
}

// writeServerRequest writes the server's request r over local (nil: none),
// with its history.
func writeServerRequest(ctx context.Context, tx querier, local, r *erpps.Request, state string, seq int64, now time.Time) error {
	var transmitted any
	if r.TransmittedAt != nil {
		transmitted = formatTime(*r.TransmittedAt)
	}
	if local == nil {
		if _, err := tx.ExecContext(ctx, `INSERT INTO practitioners (rpps, updated_at) VALUES (?, ?)
			ON CONFLICT (rpps) DO NOTHING`, r.RPPS, formatTime(now)); err != nil {
			return fmt.Errorf("store: unable to apply a request: %w", err)
		}
		if _, err := tx.ExecContext(ctx, `
			INSERT INTO requests (id, rpps, kind, status, target_id, linked_request_id, department,
				payload, revision, deadline, reason, created_at, updated_at, transmitted_at,
				updated_by_role, updated_by_id, updated_by_name, server_version, server_payload, server_state, server_seq)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			r.ID, r.RPPS, string(r.Kind), string(r.Status), r.TargetID, r.LinkedRequestID, r.Department,
			string(r.Payload), max(r.Revision, 1), r.Deadline, r.Reason, formatTime(r.CreatedAt), formatTime(r.UpdatedAt),
			transmitted, string(r.UpdatedBy.Role), r.UpdatedBy.ID, r.UpdatedBy.Name,
			r.Revision, string(r.Payload), state, seq); err != nil {
			return fmt.Errorf("store: unable to insert the server's request: %w", err)
		}
		return replaceHistory(ctx, tx, r)
	}
	var bump int64
	if !sameForUser(local, r) {
		bump = 1
	}
	if _, err := tx.ExecContext(ctx, `
		UPDATE requests SET rpps = ?, kind = ?, status = ?, target_id = ?, linked_request_id = ?, department = ?,
			payload = ?, revision = revision + ?, deadline = ?, reason = ?, updated_at = ?, transmitted_at = ?,
			updated_by_role = ?, updated_by_id = ?, updated_by_name = ?,
			server_version = ?, server_payload = ?, server_state = ?, server_seq = ?
		WHERE id = ?`,
		r.RPPS, string(r.Kind), string(r.Status), r.TargetID, r.LinkedRequestID, r.Department,
		string(r.Payload), bump, r.Deadline, r.Reason, formatTime(r.UpdatedAt), transmitted,
		string(r.UpdatedBy.Role), r.UpdatedBy.ID, r.UpdatedBy.Name,
		r.Revision, string(r.Payload), state, seq, r.ID); err != nil {
		return fmt.Errorf("store: unable to update the request from the server: %w", err)
	}
	if reflect.DeepEqual(local.History, r.History) {
		return nil
	}
	return replaceHistory(ctx, tx, r)
}

// replaceHistory replaces the local history of r by the server's.
func replaceHistory(ctx context.Context, tx querier, r *erpps.Request) error {
	if _, err := tx.ExecContext(ctx, `DELETE FROM request_events WHERE request_id = ?`, r.ID); err != nil {
		return fmt.Errorf("store: unable to replace the history: %w", err)
	}
	for _, e := range r.History {
		if err := insertEvent(ctx, tx, r.ID, e); err != nil {
			return err
		}
	}
	return nil
}

// sameForUser tells whether the server's request r shows the user what the
// local one does: the same object, payload, status and decision.
func sameForUser(local, r *erpps.Request) bool {
	return local.RPPS == r.RPPS && local.Kind == r.Kind && local.Status == r.Status &&
		local.TargetID == r.TargetID && local.LinkedRequestID == r.LinkedRequestID &&
		local.Department == r.Department && local.Deadline == r.Deadline && local.Reason == r.Reason &&
		sameJSON(local.Payload, r.Payload)
}

// sameJSON tells whether a and b are the same JSON value (whatever their
// spacing or key order).
func sameJSON(a, b json.RawMessage) bool {
	if bytes.Equal(a, b) {
		return true
	}
	var va, vb any
	if errors.Join(json.Unmarshal(a, &va), json.Unmarshal(b, &vb)) != nil {
		return false
	}
	return reflect.DeepEqual(va, vb)
}
