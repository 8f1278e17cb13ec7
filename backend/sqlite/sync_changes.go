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

// maxCachedRPPS bounds the number of records of a pull whose query is kept
// prepared (a practitioner's: one; a secretary's: one per mandate).
const maxCachedRPPS = 4

// decodeResult reads a stored mutation result.
func decodeResult(text string) (*erpps.MutationResult, error) {
	var r erpps.MutationResult
	if err := json.Unmarshal([]byte(text), &r); err != nil {
		return nil, erpps.Internal(fmt.Errorf("store: bad stored mutation result: %w", err))
	}
	return &r, nil
}

// ListChanges returns up to limit changes after cursor to the records of
// rpps and their requests, the newest state of each object once, oldest
// first, in one read transaction; a page without change has the sequence it
// was read at as its cursor; Resync when cursor is below the pruned
// part of the log or past its end (a log that is not the client's).
func (db *DB) ListChanges(ctx context.Context, cursor int64, rpps []string, limit int) (*erpps.PullResponse, error) {
	page, _, err := db.ListChangesTo(ctx, cursor, rpps, limit)
	return page, err
}

// ListChangesTo is ListChanges, and the change sequence the page was read
// at (every change up to it is in the state read): a pull's cursor moves
// to it after the last page, past the changes of others' records, without
// reading the sequence again.
func (db *DB) ListChangesTo(ctx context.Context, cursor int64, rpps []string, limit int) (*erpps.PullResponse, int64, error) {
	limit = storekit.ChangesPageSize(limit)
	out := &erpps.PullResponse{Changes: []erpps.Change{}, Cursor: cursor}
	var end int64
	err := db.inReadTx(ctx, func(sqlTx *sql.Tx) error {
		// The log's statements run prepared (see stmtCache); the reads
		// of the objects, whose text varies with their number, do not.
		tx := cachedTx{sqlTx, &db.stmts, db.read}
		var horizon int64
		if err := tx.QueryRowContext(ctx, `SELECT horizon FROM sync_log WHERE id = 1`).Scan(&horizon); err != nil {
			return fmt.Errorf("store: unable to read the change log's horizon: %w", err)
		}
		var err error
		if end, err = changeSeq(ctx, tx); err != nil {
			return err
		}
		if cursor < horizon || cursor > end {
			out.Resync = true
			return nil
		}
		if len(rpps) == 0 {
			out.Cursor = end
			return nil
		}
		var q querier = tx
		if len(rpps) > maxCachedRPPS {
			q = sqlTx // a text per number of records: not kept
		}
		lines, err := newestChanges(ctx, q, cursor, rpps, limit+1)
		if err != nil {
			return err
		}
		lines, out.More, out.Cursor = storekit.CutPage(lines, limit, end)
		out.Changes, err = changesOf(ctx, tx, sqlTx, lines)
		return err
	})
	db.stmts.prepareWanted(ctx)
	if err != nil {
		return nil, 0, db.storeError("list the changes", err)
	}
	return out, end, nil
}

// newestChanges reads up to limit lines after cursor of the records of rpps
// and their requests, each the newest line of its object, oldest first.
func newestChanges(ctx context.Context, tx querier, cursor int64, rpps []string, limit int) ([]storekit.ChangeLine, error) {
	args := []any{cursor}
	for _, r := range rpps {
		args = append(args, r)
	}
	args = append(args, limit)
	rows, err := tx.QueryContext(ctx, `
		SELECT c.seq, c.kind, c.object_id, c.deleted FROM sync_changes c
		WHERE c.seq > ? AND c.rpps IN (`+placeholders(len(rpps))+`)
		  AND c.seq = (SELECT max(n.seq) FROM sync_changes n WHERE n.kind = c.kind AND n.object_id = c.object_id)
		ORDER BY c.seq LIMIT ?`, args...)
	if err != nil {
		return nil, fmt.Errorf("store: unable to read the change log: %w", err)
	}
	var out []storekit.ChangeLine
	for rows.Next() {
		var l storekit.ChangeLine
		var kind string
		if err := rows.Scan(&l.Seq, &kind, &l.ID, &l.Deleted); err != nil {
			rows.Close()
			return nil, fmt.Errorf("store: unable to read a change: %w", err)
		}
		l.Kind = erpps.ChangeKind(kind)
		out = append(out, l)
	}
	if err := errors.Join(rows.Err(), rows.Close()); err != nil {
		return nil, fmt.Errorf("store: unable to read the change log: %w", err)
	}
	return out, nil
}

// changesOf reads the current state of the objects of lines: in one read
// transaction, that is the state of each line (the newest of its object).
// A few requests (a desktop's pull between two of its pushes: its own
// draft) are read with statements kept prepared (cached: the same
// transaction as tx); more, whose texts vary with their number, are not.
func changesOf(ctx context.Context, cached querier, tx *sql.Tx, lines []storekit.ChangeLine) ([]erpps.Change, error) {
	var ids []any
	for _, id := range storekit.RequestIDs(lines) {
		ids = append(ids, id)
	}
	var q querier = tx
	if len(ids) <= maxCachedRPPS {
		q = cached
	}
	requests, err := requestsByID(ctx, q, ids)
	if err != nil {
		return nil, err
	}
	return storekit.Changes(lines, requests, func(rpps string) (*erpps.Practitioner, error) {
		return findPractitioner(ctx, cached, rpps)
	})
}

// requestsByID reads the requests of ids with their histories, by id.
func requestsByID(ctx context.Context, tx querier, ids []any) (map[string]*erpps.Request, error) {
	out := make(map[string]*erpps.Request, len(ids))
	for start := 0; start < len(ids); start += historyBatch {
		batch := ids[start:min(start+historyBatch, len(ids))]
		list, err := queryRequests(ctx, tx, `SELECT `+requestColumns+` FROM requests WHERE id IN (`+placeholders(len(batch))+`)`, batch...)
		if err != nil {
			return nil, err
		}
		if err := attachHistory(ctx, tx, list); err != nil {
			return nil, err
		}
		for _, r := range list {
			out[r.ID] = r
		}
	}
	return out, nil
}

// queryRequests reads the requests a query of requestColumns returns.
func queryRequests(ctx context.Context, tx querier, query string, args ...any) ([]*erpps.Request, error) {
	rows, err := tx.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("store: unable to read requests: %w", err)
	}
	out := []*erpps.Request{}
	for rows.Next() {
		r, err := scanRequest(rows)
		if err != nil {
			rows.Close()
			return nil, fmt.Errorf("store: unable to read a request: %w", err)
		}
		out = append(out, r)
	}
	if err := errors.Join(rows.Err(), rows.Close()); err != nil {
		return nil, fmt.Errorf("store: unable to read requests: %w", err)
	}
	return out, nil
}

// SnapshotOf returns the records of rpps and their requests (oldest first,
// with their histories), at the change sequence they are at, in one read
// transaction.
func (db *DB) SnapshotOf(ctx context.Context, rpps []string) (*erpps.Snapshot, error) {
	out := &erpps.Snapshot{Practitioners: []*erpps.Practitioner{}, Requests: []*erpps.Request{}}
	err := db.inReadTx(ctx, func(tx *sql.Tx) error {
		var err error
		if out.Cursor, err = changeSeq(ctx, tx); err != nil {
			return err
		}
		for _, r := range rpps {
			p, err := findPractitioner(ctx, tx, r)
			if erpps.ErrorCode(err) == erpps.ENOTFOUND {
				continue
			}
			if err != nil {
				return err
			}
			out.Practitioners = append(out.Practitioners, p)
		}
		if len(rpps) == 0 {
			return nil
		}
		args := make([]any, len(rpps))
		for i, r := range rpps {
			args[i] = r
		}
		if out.Requests, err = queryRequests(ctx, tx, `SELECT `+requestColumns+` FROM requests
			WHERE rpps IN (`+placeholders(len(rpps))+`) ORDER BY created_at, id`, args...); err != nil {
			return err
		}
		return attachHistory(ctx, tx, out.Requests)
	})
	if err != nil {
		return nil, db.storeError("take the snapshot", err)
	}
	return out, nil
}

// PruneChanges forgets the change lines older than before, except the
// newest of each object that still exists, and raises the horizon to the
// newest line forgotten: a cursor below it gets Resync.
func (db *DB) PruneChanges(ctx context.Context, before time.Time) (int, error) {
	var n int
	err := db.writeTx(ctx, nil, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, `
			DELETE FROM sync_changes WHERE at < ? AND NOT (
				seq = (SELECT max(n.seq) FROM sync_changes n
					WHERE n.kind = sync_changes.kind AND n.object_id = sync_changes.object_id)
				AND CASE kind
					WHEN 'request' THEN EXISTS (SELECT 1 FROM requests r WHERE r.id = sync_changes.object_id)
					ELSE EXISTS (SELECT 1 FROM practitioners p WHERE p.rpps = sync_changes.object_id)
				END)
			RETURNING seq`, formatTime(before))
		if err != nil {
			return fmt.Errorf("store: unable to prune the change log: %w", err)
		}
		var newest int64
		for rows.Next() {
			var seq int64
			if err := rows.Scan(&seq); err != nil {
				rows.Close()
				return fmt.Errorf("store: unable to prune the change log: %w", err)
			}
			n, newest = n+1, max(newest, seq)
		}
		if err := errors.Join(rows.Err(), rows.Close()); err != nil {
			return fmt.Errorf("store: unable to prune the change log: %w", err)
		}
		if _, err := tx.ExecContext(ctx, `UPDATE sync_log SET horizon = max(horizon, ?) WHERE id = 1`, newest); err != nil {
			return fmt.Errorf("store: unable to record the change log's horizon: %w", err)
		}
		return nil
	})
	if err != nil {
		return 0, db.storeError("prune the change log", err)
	}
	return n, nil
}
