package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"erpps/backend/erpps"
)

// requestColumns are the columns scanRequest reads, in its order.
const requestColumns = `id, rpps, kind, status, target_id, linked_request_id, department,
	payload, revision, deadline, reason, created_at, updated_at, transmitted_at,
	updated_by_role, updated_by_id, updated_by_name`

// scanner is a *sql.Row or *sql.Rows.
type scanner interface{ Scan(dest ...any) error }

// scanRequest reads the requestColumns of one row.
func scanRequest(row scanner) (*erpps.Request, error) {
	var r erpps.Request
	var kind, status, payload, createdAt, updatedAt, updatedByRole string
	var transmittedAt sql.NullString
	if err := row.Scan(&r.ID, &r.RPPS, &kind, &status, &r.TargetID, &r.LinkedRequestID,
		&r.Department, &payload, &r.Revision, &r.Deadline, &r.Reason,
		&createdAt, &updatedAt, &transmittedAt,
		&updatedByRole, &r.UpdatedBy.ID, &r.UpdatedBy.Name); err != nil {
		return nil, err
	}
	r.Kind, r.Status, r.Payload = erpps.RequestKind(kind), erpps.RequestStatus(status), []byte(payload)
	r.UpdatedBy.Role = erpps.Role(updatedByRole)
	var err error
	if r.CreatedAt, err = parseTime(createdAt); err != nil {
		return nil, err
	}
	if r.UpdatedAt, err = parseTime(updatedAt); err != nil {
		return nil, err
	}
	if transmittedAt.Valid {
		t, err := parseTime(transmittedAt.String)
		if err != nil {
			return nil, err
		}
		r.TransmittedAt = &t
	}
	r.History = []erpps.RequestEvent{}
	return &r, nil
}

// requestNotFound is the error for an unknown request id.
func requestNotFound() *erpps.Error {
	return erpps.NotFound("Cette demande n'existe pas ou a été supprimée.")
}

// findRequest reads one request with its history, or ENOTFOUND.
func findRequest(ctx context.Context, tx querier, id string) (*erpps.Request, error) {
	r, err := scanRequest(tx.QueryRowContext(ctx,
		`SELECT `+requestColumns+` FROM requests WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, requestNotFound()
	}
	if err != nil {
		return nil, fmt.Errorf("store: unable to read the request: %w", err)
	}
	if err := attachHistory(ctx, tx, []*erpps.Request{r}); err != nil {
		return nil, err
	}
	return r, nil
}

// historyBatch bounds the ids of one query for histories.
const historyBatch = 500

// attachHistory fills the History of each request, oldest step first.
func attachHistory(ctx context.Context, tx querier, requests []*erpps.Request) error {
	byID := make(map[string]*erpps.Request, len(requests))
	for _, r := range requests {
		byID[r.ID] = r
	}
	for start := 0; start < len(requests); start += historyBatch {
		batch := requests[start:min(start+historyBatch, len(requests))]
		ids := make([]any, len(batch))
		for i, r := range batch {
			ids[i] = r.ID
		}
		if err := readEvents(ctx, tx, ids, byID); err != nil {
			return err
		}
	}
	return nil
}

func readEvents(ctx context.Context, tx querier, ids []any, byID map[string]*erpps.Request) error {
	query := `SELECT request_id, from_status, to_status, at, actor_role, actor_id, actor_name, principal, comment
		FROM request_events WHERE request_id IN (` + placeholders(len(ids)) + `)
		ORDER BY request_id, id`
	if len(ids) == 1 {
		query = strings.Replace(query, "IN (?)", "= ?", 1)
	}
	rows, err := tx.QueryContext(ctx, query, ids...)
	if err != nil {
		return fmt.Errorf("store: unable to read request history: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id, from, to, at, role string
		var e erpps.RequestEvent
		if err := rows.Scan(&id, &from, &to, &at, &role, &e.Actor.ID, &e.Actor.Name, &e.Principal, &e.Comment); err != nil {
			return fmt.Errorf("store: unable to read a request event: %w", err)
		}
		e.From, e.To, e.Actor.Role = erpps.RequestStatus(from), erpps.RequestStatus(to), erpps.Role(role)
		if e.At, err = parseTime(at); err != nil {
			return err
		}
		if r := byID[id]; r != nil {
			r.History = append(r.History, e)
		}
	}
	return rows.Err()
}

// insertEvent records one step of a request's life.
func insertEvent(ctx context.Context, tx querier, id string, e erpps.RequestEvent) error {
	if _, err := tx.ExecContext(ctx, `
		INSERT INTO request_events (request_id, from_status, to_status, at,
			actor_role, actor_id, actor_name, principal, comment)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		id, string(e.From), string(e.To), formatTime(e.At),
		string(e.Actor.Role), e.Actor.ID, e.Actor.Name, e.Principal, e.Comment); err != nil {
		return fmt.Errorf("store: unable to record the request event: %w", err)
	}
	return nil
}
