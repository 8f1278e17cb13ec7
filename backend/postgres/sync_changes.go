package postgres

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"erpps/backend/erpps"
	"erpps/backend/internal/storekit"
)

// decodeResult reads a stored mutation result.
func decodeResult(text []byte) (*erpps.MutationResult, error) {
	var r erpps.MutationResult
	if err := json.Unmarshal(text, &r); err != nil {
		return nil, erpps.Internal(fmt.Errorf("store: bad stored mutation result: %w", err))
	}
	return &r, nil
}

// ListChanges returns up to limit changes after cursor to the records of
// rpps and their requests, the newest state of each object once, oldest
// first, in one read transaction; a page without change has the sequence it
// was read at as its cursor (changes commit in seq order: none is
// skipped); Resync when cursor is below the pruned part of the log or past
// its end (a log that is not the client's).
func (db *DB) ListChanges(ctx context.Context, cursor int64, rpps []string, limit int) (*erpps.PullResponse, error) {
	page, _, err := db.ListChangesTo(ctx, cursor, rpps, limit)
	return page, err
}

// ListChangesTo is ListChanges, and the change sequence the page was read
// at (every change up to it is in the snapshot read): a pull's cursor moves
// to it after the last page, past the changes of others' records, without
// reading the sequence again.
func (db *DB) ListChangesTo(ctx context.Context, cursor int64, rpps []string, limit int) (*erpps.PullResponse, int64, error) {
	limit = storekit.ChangesPageSize(limit)
	if len(rpps) > 0 {
		page, end, ok, err := db.pipelinedChanges(ctx, cursor, rpps, limit)
		if err != nil || ok {
			return page, end, err
		}
	}
	out := &erpps.PullResponse{Changes: []erpps.Change{}, Cursor: cursor}
	var end int64
	err := db.inReadTx(ctx, "list the changes", func(tx pgx.Tx) error {
		// The counter and the lines in one round trip (the lines are
		// dropped when the cursor needs a resync).
		b := &pgx.Batch{}
		b.Queue(`SELECT seq, horizon FROM sync_counter WHERE id = 1`)
		if len(rpps) > 0 {
			b.Queue(linesQuery, cursor, rpps, limit+1)
		}
		br := tx.SendBatch(ctx, b)
		defer br.Close()
		var horizon int64
		if err := br.QueryRow().Scan(&end, &horizon); err != nil {
			return fmt.Errorf("read the change counter: %w", err)
		}
		if cursor < horizon || cursor > end {
			out.Resync = true
			return nil
		}
		if len(rpps) == 0 {
			out.Cursor = end
			return nil
		}
		rows, err := br.Query()
		if err != nil {
			return fmt.Errorf("read the change log: %w", err)
		}
		lines, err := pgx.CollectRows(rows, scanLine)
		if err != nil {
			return fmt.Errorf("read the change log: %w", err)
		}
		if err := br.Close(); err != nil {
			return fmt.Errorf("read the change log: %w", err)
		}
		lines, out.More, out.Cursor = storekit.CutPage(lines, limit, end)
		out.Changes, err = changesOf(ctx, tx, lines)
		return err
	})
	if err != nil {
		return nil, 0, err
	}
	return out, end, nil
}

// changesOf reads the current state of the objects of lines: in one read
// transaction, that is the state of each line (the newest of its object).
func changesOf(ctx context.Context, tx pgx.Tx, lines []storekit.ChangeLine) ([]erpps.Change, error) {
	ids := storekit.RequestIDs(lines)
	requests := map[string]*erpps.Request{}
	if len(ids) > 0 {
		// The requests and their histories in one round trip.
		b := &pgx.Batch{}
		b.Queue(`SELECT `+requestColumns+` FROM requests WHERE id = ANY($1)`, ids)
		b.Queue(historyQuery, ids)
		br := tx.SendBatch(ctx, b)
		list, err := scanRequests(br)
		if err != nil {
			br.Close()
			return nil, err
		}
		for _, r := range list {
			requests[r.ID] = r
		}
		if err := scanHistory(br, requests); err != nil {
			br.Close()
			return nil, err
		}
		if err := br.Close(); err != nil {
			return nil, fmt.Errorf("read the requests: %w", err)
		}
	}
	return storekit.Changes(lines, requests, func(rpps string) (*erpps.Practitioner, error) {
		return findPractitioner(ctx, tx, rpps)
	})
}

// SnapshotOf returns the records of rpps and their requests (oldest first,
// with their histories), at the change sequence they are at, in one read
// transaction.
func (db *DB) SnapshotOf(ctx context.Context, rpps []string) (*erpps.Snapshot, error) {
	out := &erpps.Snapshot{Practitioners: []*erpps.Practitioner{}, Requests: []*erpps.Request{}}
	err := db.inReadTx(ctx, "take the snapshot", func(tx pgx.Tx) error {
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
		if out.Requests, err = queryRequests(ctx, tx, `SELECT `+requestColumns+` FROM requests
			WHERE rpps = ANY($1) ORDER BY created_at, seq`, rpps); err != nil {
			return err
		}
		return attachHistory(ctx, tx, out.Requests)
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// PruneChanges forgets the change lines older than before, except the
// newest of each object that still exists, and raises the horizon to the
// newest line forgotten: a cursor below it gets Resync.
func (db *DB) PruneChanges(ctx context.Context, before time.Time) (int, error) {
	var n int
	err := db.writeTx(ctx, "prune the change log", nil, func(tx pgx.Tx) error {
		var newest *int64
		if err := tx.QueryRow(ctx, `
			WITH gone AS (
				DELETE FROM sync_changes c WHERE c.at < $1 AND NOT (
					c.seq = (SELECT max(n.seq) FROM sync_changes n WHERE n.kind = c.kind AND n.object_id = c.object_id)
					AND CASE c.kind
						WHEN 'request' THEN EXISTS (SELECT 1 FROM requests r WHERE r.id = c.object_id)
						ELSE EXISTS (SELECT 1 FROM practitioners p WHERE p.rpps = c.object_id)
					END)
				RETURNING c.seq)
			SELECT count(*), max(seq) FROM gone`, stamp(before)).Scan(&n, &newest); err != nil {
			return fmt.Errorf("prune the change log: %w", err)
		}
		if newest == nil {
			return nil
		}
		if _, err := tx.Exec(ctx, `UPDATE sync_counter SET horizon = greatest(horizon, $1) WHERE id = 1`, *newest); err != nil {
			return fmt.Errorf("record the change log's horizon: %w", err)
		}
		return nil
	})
	if err != nil {
		return 0, err
	}
	return n, nil
}
