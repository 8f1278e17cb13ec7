package sqlite

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"erpps/backend/erpps"
)

// What a pull cannot write at once: a server's draft kept out by a local
// draft of the same object (replica_deferred, retried after every pull), and
// the server's state of a request deleted here whose deletion is not settled
// yet (replica_absent, for ResolveConflict).

// makeRoomForDraft removes the local drafts of the same object as the
// server's draft r that the server never heard of (no mutation, no server
// state), and tells whether r may be written.
func makeRoomForDraft(ctx context.Context, tx querier, r *erpps.Request) (bool, error) {
	rows, err := tx.QueryContext(ctx, `SELECT id, server_version > 0 OR server_seq > 0
			OR EXISTS (SELECT 1 FROM replica_mutations m WHERE m.request_id = requests.id)
		FROM requests WHERE rpps = ? AND kind = ? AND target_id = ? AND status = 'draft' AND id <> ?`,
		r.RPPS, string(r.Kind), r.TargetID, r.ID)
	if err != nil {
		return false, fmt.Errorf("store: unable to read the drafts: %w", err)
	}
	var drop []string
	free := true
	for rows.Next() {
		var id string
		var mutations bool
		if err := rows.Scan(&id, &mutations); err != nil {
			rows.Close()
			return false, fmt.Errorf("store: unable to read the drafts: %w", err)
		}
		if mutations {
			free = false
		} else {
			drop = append(drop, id)
		}
	}
	if err := errors.Join(rows.Err(), rows.Close()); err != nil {
		return false, fmt.Errorf("store: unable to read the drafts: %w", err)
	}
	if !free {
		return false, nil
	}
	for _, id := range drop {
		if _, err := tx.ExecContext(ctx, `DELETE FROM requests WHERE id = ?`, id); err != nil {
			return false, fmt.Errorf("store: unable to remove a draft: %w", err)
		}
	}
	return true, nil
}

// keepAbsent records the server's state r (nil: deleted there) at seq of
// request id, deleted here with mutations kept, unless a newer one is known.
func keepAbsent(ctx context.Context, tx querier, id string, r *erpps.Request, seq int64) error {
	var state any
	if r != nil {
		data, err := json.Marshal(r)
		if err != nil {
			return fmt.Errorf("store: unable to encode the server's request: %w", err)
		}
		state = string(data)
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO replica_absent (id, state, seq) VALUES (?, ?, ?)
		ON CONFLICT (id) DO UPDATE SET state = excluded.state, seq = excluded.seq WHERE excluded.seq >= seq`,
		id, state, seq); err != nil {
		return fmt.Errorf("store: unable to keep the server's state: %w", err)
	}
	return nil
}

// retryDeferred applies again the server's requests a pull could not write
// (replica_deferred): those whose way is clear now are written.
func retryDeferred(ctx context.Context, tx querier, now time.Time) error {
	rows, err := tx.QueryContext(ctx, `SELECT state, seq FROM replica_deferred ORDER BY id`)
	if err != nil {
		return fmt.Errorf("store: unable to read the deferred requests: %w", err)
	}
	var deferred []*erpps.Request
	var seqs []int64
	for rows.Next() {
		var state string
		var seq int64
		if err := rows.Scan(&state, &seq); err != nil {
			rows.Close()
			return fmt.Errorf("store: unable to read the deferred requests: %w", err)
		}
		r := &erpps.Request{}
		if err := json.Unmarshal([]byte(state), r); err != nil {
			rows.Close()
			return fmt.Errorf("store: bad deferred request: %w", err)
		}
		deferred, seqs = append(deferred, r), append(seqs, seq)
	}
	if err := errors.Join(rows.Err(), rows.Close()); err != nil {
		return fmt.Errorf("store: unable to read the deferred requests: %w", err)
	}
	for i, r := range deferred {
		if err := applyServerRequest(ctx, tx, r.ID, r, seqs[i], now, skipOlder); err != nil {
			return err
		}
	}
	return nil
}
