package postgres

import (
	"context"
	"errors"
	"fmt"
	"slices"

	"github.com/jackc/pgx/v5"

	"erpps/backend/erpps"
	"erpps/backend/internal/storekit"
)

// linesQuery reads up to $3 lines after cursor $1 of the records $2 and
// their requests, each the newest line of its object, oldest first.
const linesQuery = `
			SELECT c.seq, c.kind, c.object_id, c.deleted FROM sync_changes c
			WHERE c.seq > $1 AND c.rpps = ANY($2)
			  AND c.seq = (SELECT max(n.seq) FROM sync_changes n WHERE n.kind = c.kind AND n.object_id = c.object_id)
			ORDER BY c.seq LIMIT $3`

// linedRequests are the ids of the requests (not deleted) of linesQuery's
// lines.
const linedRequests = `SELECT l.object_id FROM (` + linesQuery + `) l WHERE l.kind = 'request' AND NOT l.deleted`

// scanLine reads a row of linesQuery.
func scanLine(row pgx.CollectableRow) (storekit.ChangeLine, error) {
	var l storekit.ChangeLine
	var kind string
	err := row.Scan(&l.Seq, &kind, &l.ID, &l.Deleted)
	l.Kind = erpps.ChangeKind(kind)
	return l, err
}

// pipelinedChanges is ListChangesTo's page of the records rpps in one round
// trip: the read-only transaction's BEGIN, the counter, the lines, their
// requests and the requests' histories (read by the lines' query again, in
// the same snapshot), and the ROLLBACK, sent together. A page with a change
// of a practitioner's record, whose reading takes more queries, is not
// answered (ok false): the caller reads it the long way.
func (db *DB) pipelinedChanges(ctx context.Context, cursor int64, rpps []string, limit int) (page *erpps.PullResponse, end int64, ok bool, err error) {
	if db.pool == nil {
		return nil, 0, false, erpps.Internal(errors.New("store: the database is not open"))
	}
	conn, err := db.pool.Acquire(ctx)
	if err != nil {
		return nil, 0, false, storeError("list the changes", err)
	}
	// A connection left inside the transaction (a query failed: the
	// ROLLBACK was not run) is closed by the pool, not reused.
	defer conn.Release()
	b := &pgx.Batch{}
	b.Queue(`BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY`)
	b.Queue(`SELECT seq, horizon FROM sync_counter WHERE id = 1`)
	b.Queue(linesQuery, cursor, rpps, limit+1)
	b.Queue(`SELECT `+requestColumns+` FROM requests WHERE id IN (`+linedRequests+`)`, cursor, rpps, limit+1)
	b.Queue(`
		SELECT request_id, from_status, to_status, at, actor_role, actor_id, actor_name, principal, comment
		FROM request_events WHERE request_id IN (`+linedRequests+`) ORDER BY request_id, id`, cursor, rpps, limit+1)
	b.Queue(`ROLLBACK`)
	br := conn.SendBatch(ctx, b)
	page, end, ok, err = readPipelinedChanges(br, cursor, limit)
	if cerr := br.Close(); err == nil && cerr != nil {
		err = fmt.Errorf("read the change log: %w", cerr)
	}
	if err != nil {
		return nil, 0, false, storeError("list the changes", err)
	}
	return page, end, ok, nil
}

// readPipelinedChanges reads the results pipelinedChanges queued.
func readPipelinedChanges(br pgx.BatchResults, cursor int64, limit int) (*erpps.PullResponse, int64, bool, error) {
	out := &erpps.PullResponse{Changes: []erpps.Change{}, Cursor: cursor}
	if _, err := br.Exec(); err != nil {
		return nil, 0, false, fmt.Errorf("begin: %w", err)
	}
	var end, horizon int64
	if err := br.QueryRow().Scan(&end, &horizon); err != nil {
		return nil, 0, false, fmt.Errorf("read the change counter: %w", err)
	}
	rows, err := br.Query()
	if err != nil {
		return nil, 0, false, fmt.Errorf("read the change log: %w", err)
	}
	lines, err := pgx.CollectRows(rows, scanLine)
	if err != nil {
		return nil, 0, false, fmt.Errorf("read the change log: %w", err)
	}
	list, err := scanRequests(br)
	if err != nil {
		return nil, 0, false, err
	}
	requests := make(map[string]*erpps.Request, len(list))
	for _, r := range list {
		requests[r.ID] = r
	}
	if err := scanHistory(br, requests); err != nil {
		return nil, 0, false, err
	}
	if _, err := br.Exec(); err != nil {
		return nil, 0, false, fmt.Errorf("end the read: %w", err)
	}
	if cursor < horizon || cursor > end {
		out.Resync = true
		return out, end, true, nil
	}
	lines, out.More, out.Cursor = storekit.CutPage(lines, limit, end)
	if slices.ContainsFunc(lines, func(l storekit.ChangeLine) bool { return l.Kind != erpps.ChangeRequest }) {
		return nil, 0, false, nil // a practitioner's record: the long way
	}
	if out.Changes, err = storekit.Changes(lines, requests, nil); err != nil {
		return nil, 0, false, err
	}
	return out, end, true, nil
}
