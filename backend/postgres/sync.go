package postgres

import (
	"context"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

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
	if db.pool == nil {
		return 0, erpps.Internal(fmt.Errorf("store: the database is not open"))
	}
	var bound string
	var last int64
	// A known client (every push but its first) is read, not written.
	err := db.pool.QueryRow(ctx, `SELECT account_id, last_seq FROM sync_clients WHERE client_id = $1`,
		clientID).Scan(&bound, &last)
	if errNoRows(err) {
		err = db.plainTx(ctx, "bind the sync client", func(tx pgx.Tx) error {
			if _, err := tx.Exec(ctx, `
				INSERT INTO sync_clients (client_id, account_id, last_seq, created_at) VALUES ($1, $2, 0, $3)
				ON CONFLICT (client_id) DO NOTHING`, clientID, accountID, db.now()); err != nil {
				return fmt.Errorf("record the sync client: %w", err)
			}
			if err := tx.QueryRow(ctx, `SELECT account_id, last_seq FROM sync_clients WHERE client_id = $1`,
				clientID).Scan(&bound, &last); err != nil {
				return fmt.Errorf("read the sync client: %w", err)
			}
			return nil
		})
	} else if err != nil {
		err = storeError("read the sync client", err)
	}
	if err != nil {
		return 0, err
	}
	if bound != accountID {
		return 0, erpps.Errorf(erpps.EFORBIDDEN, "Ce poste est rattaché à un autre compte : reconnectez-le au serveur.")
	}
	return last, nil
}

// FindMutationResult returns the stored result of a client's mutation,
// ENOTFOUND when none.
func (db *DB) FindMutationResult(ctx context.Context, clientID string, seq int64) (*erpps.MutationResult, error) {
	if db.pool == nil {
		return nil, erpps.Internal(fmt.Errorf("store: the database is not open"))
	}
	var text []byte
	err := db.pool.QueryRow(ctx, `SELECT result FROM sync_mutations WHERE client_id = $1 AND seq = $2`,
		clientID, seq).Scan(&text)
	if errNoRows(err) {
		return nil, erpps.NotFound("Le serveur n'a pas de résultat pour cette modification.")
	}
	if err != nil {
		return nil, storeError("find the mutation result", err)
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
	return db.plainTx(ctx, "record the mutation result", func(tx pgx.Tx) error {
		var last int64
		err := tx.QueryRow(ctx, `SELECT last_seq FROM sync_clients WHERE client_id = $1 FOR UPDATE`, r.ClientID).Scan(&last)
		if errNoRows(err) || (err == nil && last != r.Seq-1) {
			return receiptTaken()
		}
		if err != nil {
			return fmt.Errorf("read the sync client: %w", err)
		}
		if r.ChangeSeq == 0 {
			if r.ChangeSeq, err = changeSeq(ctx, tx); err != nil {
				return err
			}
		}
		return storeResult(ctx, tx, r, requestID, db.now())
	})
}

// ChangedByOthersSince tells whether request requestID changed after
// revision version by anything but clientID's mutations: a change line of a
// newer revision not attributed to the client, or, once the log was pruned,
// revisions after version that the client's lines do not account for. A
// decision keeps the revision: it is not a change of the version (the
// service then applies the mutation on the decided state, or the state
// machine rejects it).
func (db *DB) ChangedByOthersSince(ctx context.Context, requestID string, version int64, clientID string) (bool, error) {
	var others bool
	var versions, newest, horizon int64
	if db.pool == nil {
		return false, erpps.Internal(fmt.Errorf("store: the database is not open"))
	}
	// One statement sees one snapshot: no transaction around it (its BEGIN
	// and COMMIT were two more round trips of every push).
	err := db.pool.QueryRow(ctx, changedQuery, requestID, version, clientID).Scan(&others, &versions, &newest, &horizon)
	if err != nil {
		return false, storeError("read the request's changes", err)
	}
	return changedSince(others, versions, newest, version, horizon), nil
}

// changedQuery reads what changedSince decides from, for request $1 after
// revision $2 and client $3.
const changedQuery = `
		SELECT
			EXISTS (SELECT 1 FROM sync_changes WHERE kind = 'request' AND object_id = $1 AND version > $2
				AND client_id IS DISTINCT FROM $3),
			(SELECT count(DISTINCT version) FROM sync_changes WHERE kind = 'request' AND object_id = $1 AND version > $2),
			(SELECT coalesce(max(version), 0) FROM sync_changes WHERE kind = 'request' AND object_id = $1 AND version > $2),
			(SELECT horizon FROM sync_counter WHERE id = 1)`

// changedSince decides ChangedByOthersSince from what the log says: whether
// a line by others is newer than version; how many distinct revisions after
// version the log has, and the newest; the pruning horizon. Each write bumps
// a revision by one: once pruned, a revision the client's lines do not
// account for may have been anyone's.
func changedSince(others bool, versions, newest, version, horizon int64) bool {
	if others {
		return true
	}
	return horizon > 0 && versions > 0 && versions != newest-version
}

// RequestChangedSince returns request id as it stands, without its history
// (nil when there is none), and ChangedByOthersSince(id, version,
// clientID), in one round trip, the request read first: what deciding a
// desktop's mutation on the request needs (see backend/syncserver).
func (db *DB) RequestChangedSince(ctx context.Context, id string, version int64, clientID string) (*erpps.Request, bool, error) {
	if db.pool == nil {
		return nil, false, erpps.Internal(fmt.Errorf("store: the database is not open"))
	}
	b := &pgx.Batch{}
	b.Queue(`SELECT `+requestColumns+` FROM requests WHERE id = $1`, id)
	b.Queue(changedQuery, id, version, clientID)
	br := db.pool.SendBatch(ctx, b)
	defer br.Close()
	r, err := scanRequest(br.QueryRow())
	if errNoRows(err) {
		r = nil
	} else if err != nil {
		return nil, false, storeError("read the request", err)
	}
	var others bool
	var versions, newest, horizon int64
	if err := br.QueryRow().Scan(&others, &versions, &newest, &horizon); err != nil {
		return nil, false, storeError("read the request's changes", err)
	}
	if err := br.Close(); err != nil {
		return nil, false, storeError("read the request and its changes", err)
	}
	return r, changedSince(others, versions, newest, version, horizon), nil
}

// ChangeSeq returns the newest change sequence committed (0 when none).
func (db *DB) ChangeSeq(ctx context.Context) (int64, error) {
	if db.pool == nil {
		return 0, erpps.Internal(fmt.Errorf("store: the database is not open"))
	}
	seq, err := changeSeq(ctx, db.pool)
	if err != nil {
		return 0, storeError("read the change sequence", err)
	}
	return seq, nil
}

// PruneMutations forgets the results of the mutations handled before
// before; each client's last seq stays (sync_clients), so a replay of a
// pruned seq is never applied again.
func (db *DB) PruneMutations(ctx context.Context, before time.Time) (int, error) {
	var n int64
	err := db.writeTx(ctx, "prune the mutation results", nil, func(tx pgx.Tx) error {
		tag, err := tx.Exec(ctx, `DELETE FROM sync_mutations WHERE at < $1`, stamp(before))
		if err != nil {
			return fmt.Errorf("prune the mutation results: %w", err)
		}
		n = tag.RowsAffected()
		return nil
	})
	if err != nil {
		return 0, err
	}
	return int(n), nil
}

// BindSyncClientAndRead is BindSyncClient(clientID, accountID) and
// RequestChangedSince(id, version, clientID) in one round trip for a known
// client (the request read after the client's line); a client's first push
// binds it first.
func (db *DB) BindSyncClientAndRead(ctx context.Context, clientID, accountID, id string, version int64) (int64, *erpps.Request, bool, error) {
	if clientID == "" || accountID == "" {
		return 0, nil, false, erpps.Errorf(erpps.EINVALID, "L'identifiant du poste est obligatoire.")
	}
	if db.pool == nil {
		return 0, nil, false, erpps.Internal(fmt.Errorf("store: the database is not open"))
	}
	b := &pgx.Batch{}
	b.Queue(`SELECT account_id, last_seq FROM sync_clients WHERE client_id = $1`, clientID)
	b.Queue(`SELECT `+requestColumns+` FROM requests WHERE id = $1`, id)
	b.Queue(changedQuery, id, version, clientID)
	br := db.pool.SendBatch(ctx, b)
	var bound string
	var last int64
	err := br.QueryRow().Scan(&bound, &last)
	if errNoRows(err) {
		// A new client: bound by its first push, then read.
		if err := br.Close(); err != nil {
			return 0, nil, false, storeError("read the sync client", err)
		}
		if last, err = db.BindSyncClient(ctx, clientID, accountID); err != nil {
			return 0, nil, false, err
		}
		r, changed, err := db.RequestChangedSince(ctx, id, version, clientID)
		return last, r, changed, err
	}
	defer br.Close()
	if err != nil {
		return 0, nil, false, storeError("read the sync client", err)
	}
	r, err := scanRequest(br.QueryRow())
	if errNoRows(err) {
		r = nil
	} else if err != nil {
		return 0, nil, false, storeError("read the request", err)
	}
	var others bool
	var versions, newest, horizon int64
	if err := br.QueryRow().Scan(&others, &versions, &newest, &horizon); err != nil {
		return 0, nil, false, storeError("read the request's changes", err)
	}
	if err := br.Close(); err != nil {
		return 0, nil, false, storeError("bind the sync client", err)
	}
	if bound != accountID {
		return 0, nil, false, erpps.Errorf(erpps.EFORBIDDEN, "Ce poste est rattaché à un autre compte : reconnectez-le au serveur.")
	}
	return last, r, changedSince(others, versions, newest, version, horizon), nil
}
