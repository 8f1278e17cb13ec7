package postgres

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"erpps/backend/erpps"
)

// requestColumns are the columns scanRequest reads, in its order.
const requestColumns = `id, rpps, kind, status, target_id, linked_request_id, department,
	payload, revision, deadline, reason, created_at, updated_at, transmitted_at,
	updated_by_role, updated_by_id, updated_by_name`

// scanRequest reads the requestColumns of one row.
func scanRequest(row pgx.Row) (*erpps.Request, error) {
	var r erpps.Request
	var kind, status, updatedByRole string
	var payload []byte
	var transmittedAt *time.Time
	if err := row.Scan(&r.ID, &r.RPPS, &kind, &status, &r.TargetID, &r.LinkedRequestID,
		&r.Department, &payload, &r.Revision, &r.Deadline, &r.Reason,
		&r.CreatedAt, &r.UpdatedAt, &transmittedAt,
		&updatedByRole, &r.UpdatedBy.ID, &r.UpdatedBy.Name); err != nil {
		return nil, err
	}
	r.Kind, r.Status, r.Payload = erpps.RequestKind(kind), erpps.RequestStatus(status), payload
	r.UpdatedBy.Role = erpps.Role(updatedByRole)
	r.CreatedAt, r.UpdatedAt = r.CreatedAt.UTC(), r.UpdatedAt.UTC()
	if transmittedAt != nil {
		t := transmittedAt.UTC()
		r.TransmittedAt = &t
	}
	r.History = []erpps.RequestEvent{}
	return &r, nil
}

// requestNotFound is the error for an unknown request id.
func requestNotFound() *erpps.Error {
	return erpps.NotFound("Cette demande n'existe pas ou a été supprimée.")
}

// findRequest reads one request with its history, in one round trip, or
// ENOTFOUND.
func findRequest(ctx context.Context, q querier, id string) (*erpps.Request, error) {
	b := &pgx.Batch{}
	queueRequest(b, id)
	br := q.SendBatch(ctx, b)
	r, err := readRequest(br, id)
	if cerr := br.Close(); err == nil && cerr != nil {
		err = fmt.Errorf("read the request: %w", cerr)
	}
	if err != nil {
		return nil, err
	}
	return r, nil
}

// queueRequest queues the reads of request id and of its history;
// readRequest reads their results.
func queueRequest(b *pgx.Batch, id string) {
	b.Queue(`SELECT `+requestColumns+` FROM requests WHERE id = $1`, id)
	b.Queue(historyQuery, []string{id})
}

// readRequest reads the results queueRequest queued, or ENOTFOUND.
func readRequest(br pgx.BatchResults, id string) (*erpps.Request, error) {
	r, err := scanRequest(br.QueryRow())
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, requestNotFound()
	}
	if err != nil {
		return nil, fmt.Errorf("read the request: %w", err)
	}
	if err := scanHistory(br, map[string]*erpps.Request{id: r}); err != nil {
		return nil, err
	}
	return r, nil
}

// queryRequests reads the requests of a query selecting requestColumns.
func queryRequests(ctx context.Context, q querier, sql string, args ...any) ([]*erpps.Request, error) {
	return scanRequests(queryFunc(func() (pgx.Rows, error) { return q.Query(ctx, sql, args...) }))
}

// scanRequests reads the requests of a query selecting requestColumns (from
// q: a query, or the next result of a batch).
func scanRequests(q interface{ Query() (pgx.Rows, error) }) ([]*erpps.Request, error) {
	rows, err := q.Query()
	if err != nil {
		return nil, fmt.Errorf("list requests: %w", err)
	}
	defer rows.Close()
	out := []*erpps.Request{}
	for rows.Next() {
		r, err := scanRequest(rows)
		if err != nil {
			return nil, fmt.Errorf("read a request: %w", err)
		}
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list requests: %w", err)
	}
	return out, nil
}

// historyQuery reads the steps of the requests of ids ($1), oldest first.
const historyQuery = `
		SELECT request_id, from_status, to_status, at, actor_role, actor_id, actor_name, principal, comment
		FROM request_events WHERE request_id = ANY($1) ORDER BY request_id, id`

// attachHistory fills the History of each request, oldest step first.
func attachHistory(ctx context.Context, q querier, requests []*erpps.Request) error {
	if len(requests) == 0 {
		return nil
	}
	byID := make(map[string]*erpps.Request, len(requests))
	ids := make([]string, len(requests))
	for i, r := range requests {
		byID[r.ID], ids[i] = r, r.ID
	}
	return scanHistory(queryFunc(func() (pgx.Rows, error) { return q.Query(ctx, historyQuery, ids) }), byID)
}

// queryFunc runs a query given its SQL and arguments already.
type queryFunc func() (pgx.Rows, error)

func (f queryFunc) Query() (pgx.Rows, error) { return f() }

// scanHistory runs historyQuery (from q: a query, or the next result of a
// batch) and adds each step to its request in byID.
func scanHistory(q interface{ Query() (pgx.Rows, error) }, byID map[string]*erpps.Request) error {
	rows, err := q.Query()
	if err != nil {
		return fmt.Errorf("read request history: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id, from, to, role string
		var e erpps.RequestEvent
		if err := rows.Scan(&id, &from, &to, &e.At, &role, &e.Actor.ID, &e.Actor.Name, &e.Principal, &e.Comment); err != nil {
			return fmt.Errorf("read a request event: %w", err)
		}
		e.From, e.To, e.Actor.Role, e.At = erpps.RequestStatus(from), erpps.RequestStatus(to), erpps.Role(role), e.At.UTC()
		if r := byID[id]; r != nil {
			r.History = append(r.History, e)
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("read request history: %w", err)
	}
	return nil
}

// insertEvent records one step of a request's life.
func insertEvent(ctx context.Context, tx pgx.Tx, id string, e erpps.RequestEvent) error {
	if _, err := tx.Exec(ctx, `
		INSERT INTO request_events (request_id, from_status, to_status, at,
			actor_role, actor_id, actor_name, principal, comment)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
		id, string(e.From), string(e.To), stamp(e.At),
		string(e.Actor.Role), e.Actor.ID, e.Actor.Name, e.Principal, e.Comment); err != nil {
		return fmt.Errorf("record the request event: %w", err)
	}
	return nil
}
