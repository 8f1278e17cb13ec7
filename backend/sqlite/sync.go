package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"erpps/backend/erpps"
)

// SyncStore is implemented by *DB: the server's side of the sync.
var _ erpps.SyncStore = (*DB)(nil)

// BindSyncClient binds clientID to accountID on first use and returns the
// last seq handled for it; EFORBIDDEN when it is bound to another account.
func (db *DB) BindSyncClient(ctx context.Context, clientID, accountID string) (int64, error) {
	if clientID == "" || accountID == "" {
		return 0, erpps.Errorf(erpps.EINVALID, "L'identifiant du poste est obligatoire.")
	}
	var bound string
	var last int64
	// A known client (every push but its first) is read, not written.
	err := db.readRow(ctx, `SELECT account_id, last_seq FROM sync_clients WHERE client_id = ?`,
		[]any{clientID}, &bound, &last)
	if errors.Is(err, sql.ErrNoRows) {
		err = db.writeTx(ctx, nil, func(tx *sql.Tx) error {
			if _, err := tx.ExecContext(ctx, `
				INSERT INTO sync_clients (client_id, account_id, last_seq, created_at) VALUES (?, ?, 0, ?)
				ON CONFLICT (client_id) DO NOTHING`, clientID, accountID, formatTime(db.now())); err != nil {
				return fmt.Errorf("store: unable to record the sync client: %w", err)
			}
			if err := tx.QueryRowContext(ctx, `SELECT account_id, last_seq FROM sync_clients WHERE client_id = ?`,
				clientID).Scan(&bound, &last); err != nil {
				return fmt.Errorf("store: unable to read the sync client: %w", err)
			}
			return nil
		})
	}
	if err != nil {
		return 0, db.storeError("bind the sync client", err)
	}
	if bound != accountID {
		return 0, erpps.Errorf(erpps.EFORBIDDEN, "Ce poste est rattaché à un autre compte : reconnectez-le au serveur.")
	}
	return last, nil
}

// FindMutationResult returns the stored result of a client's mutation,
// ENOTFOUND when none.
func (db *DB) FindMutationResult(ctx context.Context, clientID string, seq int64) (*erpps.MutationResult, error) {
	var text string
	err := db.readRow(ctx, `SELECT result FROM sync_mutations WHERE client_id = ? AND seq = ?`,
		[]any{clientID, seq}, &text)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, erpps.NotFound("Le serveur n'a pas de résultat pour cette modification.")
	}
	if err != nil {
		return nil, db.storeError("find the mutation result", err)
	}
	return decodeResult(text)
}

// RecordMutationResult stores the result of a mutation that wrote nothing
// and advances the client's seq; ECONFLICT when r.Seq is not the next one.
// A zero ChangeSeq is set to the current one.
func (db *DB) RecordMutationResult(ctx context.Context, r erpps.MutationResult) error {
	requestID := ""
	if r.Request != nil {
		requestID = r.Request.ID
	}
	err := db.writeTx(ctx, nil, func(tx *sql.Tx) error {
		if r.ChangeSeq == 0 {
			seq, err := changeSeq(ctx, tx)
			if err != nil {
				return err
			}
			r.ChangeSeq = seq
		}
		return storeResult(ctx, tx, r, requestID, db.now())
	})
	return db.storeError("record the mutation result", err)
}

// ChangedByOthersSince tells whether request requestID changed after
// revision version by anything but clientID's mutations: a change line of
// a newer revision not attributed to the client, or, once the log was
// pruned, revisions after version that the client's lines do not account
// for. A decision keeps the revision: it is not a change of the version
// (the service then applies the mutation on the decided state, or rejects
// it by the state machine).
func (db *DB) ChangedByOthersSince(ctx context.Context, requestID string, version int64, clientID string) (bool, error) {
	var others bool
	var versions, newest, horizon int64
	// One statement (one state of the file), prepared once, without a
	// transaction around it.
	err := db.readRow(ctx, changedQuery, []any{requestID, version, clientID}, &others, &versions, &newest, &horizon)
	if err != nil {
		return false, db.storeError("read the request's changes", err)
	}
	return changedSince(others, versions, newest, version, horizon), nil
}

// changedQuery reads what changedSince decides from, for request ?1 after
// revision ?2 and client ?3.
const changedQuery = `
		SELECT
			EXISTS (SELECT 1 FROM sync_changes WHERE kind = 'request' AND object_id = ?1 AND version > ?2
				AND (client_id IS NULL OR client_id <> ?3)),
			(SELECT count(DISTINCT version) FROM sync_changes WHERE kind = 'request' AND object_id = ?1 AND version > ?2),
			(SELECT coalesce(max(version), 0) FROM sync_changes WHERE kind = 'request' AND object_id = ?1 AND version > ?2),
			(SELECT horizon FROM sync_log WHERE id = 1)`

// RequestChangedSince returns request id as it stands, without its history
// (nil when there is none), and ChangedByOthersSince(id, version,
// clientID), read in one read transaction: what deciding a desktop's
// mutation on the request needs (see backend/syncserver).
func (db *DB) RequestChangedSince(ctx context.Context, id string, version int64, clientID string) (*erpps.Request, bool, error) {
	var r *erpps.Request
	var changed bool
	err := db.inReadTx(ctx, func(sqlTx *sql.Tx) error {
		tx := cachedTx{sqlTx, &db.stmts, db.read}
		var err error
		r, err = scanRequest(tx.QueryRowContext(ctx, `SELECT `+requestColumns+` FROM requests WHERE id = ?`, id))
		if errors.Is(err, sql.ErrNoRows) {
			r = nil
		} else if err != nil {
			return fmt.Errorf("store: unable to read the request: %w", err)
		}
		var others bool
		var versions, newest, horizon int64
		if err := tx.QueryRowContext(ctx, changedQuery, id, version, clientID).Scan(&others, &versions, &newest, &horizon); err != nil {
			return fmt.Errorf("store: unable to read the request's changes: %w", err)
		}
		changed = changedSince(others, versions, newest, version, horizon)
		return nil
	})
	db.stmts.prepareWanted(ctx)
	if err != nil {
		return nil, false, db.storeError("read the request and its changes", err)
	}
	return r, changed, nil
}

// changedSince decides ChangedByOthersSince from what the log says: whether
// a line by others is newer than version; how many distinct revisions after
// version the log has, and the newest; the pruning horizon. Each write bumps
// a revision by one: once pruned, a missing revision may have been anyone's.
func changedSince(others bool, versions, newest, version, horizon int64) bool {
	if others {
		return true
	}
	return horizon > 0 && versions > 0 && versions != newest-version
}

// ChangeSeq returns the newest change sequence (0 when none).
func (db *DB) ChangeSeq(ctx context.Context) (int64, error) {
	var seq int64
	err := db.readRow(ctx, `SELECT seq FROM sqlite_sequence WHERE name = 'sync_changes'`, nil, &seq)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil
	}
	if err != nil {
		return 0, db.storeError("read the change sequence", err)
	}
	return seq, nil
}

// PruneMutations forgets the results of the mutations handled before
// before; each client's last seq stays (sync_clients), so a replay of a
// pruned seq is never applied again.
func (db *DB) PruneMutations(ctx context.Context, before time.Time) (int, error) {
	var n int64
	err := db.writeTx(ctx, nil, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `DELETE FROM sync_mutations WHERE at < ?`, formatTime(before))
		if err != nil {
			return fmt.Errorf("store: unable to prune the mutation results: %w", err)
		}
		n, err = res.RowsAffected()
		return err
	})
	if err != nil {
		return 0, db.storeError("prune the mutation results", err)
	}
	return int(n), nil
}
