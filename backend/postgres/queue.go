package postgres

import (
	"context"
	"fmt"
	"strings"

	"github.com/jackc/pgx/v5"

	"erpps/backend/erpps"
)

// Limits of a page of the queue.
const (
	defaultQueueLimit = 20
	maxQueueLimit     = 100
)

// defaultQueueStatuses are the statuses an agent's queue shows by default.
var defaultQueueStatuses = []erpps.RequestStatus{
	erpps.StatusTransmitted, erpps.StatusUnderReview, erpps.StatusComplementRequested}

// ListQueue returns a page of the transmitted requests of the filter's
// départements (never another's), oldest transmission first, with the
// number of requests matching, both read in one snapshot.
func (db *DB) ListQueue(ctx context.Context, filter erpps.QueueFilter) (*erpps.QueuePage, error) {
	if len(filter.Departments) == 0 {
		return nil, erpps.Invalid("La file d'attente est limitée aux départements de la région : précisez-les.")
	}
	limit := filter.Limit
	if limit <= 0 {
		limit = defaultQueueLimit
	}
	limit = min(limit, maxQueueLimit)
	offset := max(filter.Offset, 0)
	statuses := filter.Statuses
	if len(statuses) == 0 {
		statuses = defaultQueueStatuses
	}
	kept := []string{} // a draft is never listed
	for _, s := range statuses {
		if !s.Valid() {
			return nil, erpps.Invalid("Statut de demande inconnu.")
		}
		if s != erpps.StatusDraft {
			kept = append(kept, string(s))
		}
	}
	if filter.Kind != "" && !filter.Kind.Valid() {
		return nil, erpps.Invalid("Type de demande inconnu.")
	}
	var a args
	conds := []string{
		"r.transmitted_at IS NOT NULL",
		"r.department = ANY(" + a.add(filter.Departments) + ")",
		"r.status = ANY(" + a.add(kept) + ")",
	}
	if filter.Kind != "" {
		conds = append(conds, "r.kind = "+a.add(string(filter.Kind)))
	}
	if filter.TransmittedBefore != nil {
		conds = append(conds, "r.transmitted_at < "+a.add(*filter.TransmittedBefore))
	}
	where := " WHERE " + strings.Join(conds, " AND ")
	count, countArgs := queueCount(where, a, filter, kept)
	// The page is cut from the requests alone (an index walk), then joined
	// to the practitioners' names.
	query := `
		SELECT r.id, r.rpps,
		       trim(CASE WHEN p.exercise_name <> '' THEN p.exercise_name ELSE p.birth_name END || ' ' ||
		            CASE WHEN p.exercise_first_name <> '' THEN p.exercise_first_name ELSE p.first_name END),
		       r.kind, r.status, r.department, r.revision, r.transmitted_at, r.updated_at, r.deadline,
		       r.assigned_role, r.assigned_id, r.assigned_name
		FROM (SELECT r.id FROM requests r` + where + `
		      ORDER BY r.transmitted_at, r.id
		      LIMIT ` + a.add(limit) + ` OFFSET ` + a.add(offset) + `) page
		JOIN requests r ON r.id = page.id
		JOIN practitioners p ON p.rpps = r.rpps
		ORDER BY r.transmitted_at, r.id`

	page := &erpps.QueuePage{Items: []erpps.QueueItem{}, Offset: offset, Limit: limit}
	err := db.inReadTx(ctx, "list the queue", func(tx pgx.Tx) error {
		rows, err := tx.Query(ctx, query, a...)
		if err != nil {
			return fmt.Errorf("list the queue: %w", err)
		}
		defer rows.Close()
		for rows.Next() {
			var it erpps.QueueItem
			var kind, status, role, id, name string
			if err := rows.Scan(&it.ID, &it.RPPS, &it.PractitionerName, &kind, &status, &it.Department,
				&it.Revision, &it.TransmittedAt, &it.UpdatedAt, &it.Deadline, &role, &id, &name); err != nil {
				return fmt.Errorf("read the queue: %w", err)
			}
			it.Kind, it.Status = erpps.RequestKind(kind), erpps.RequestStatus(status)
			it.TransmittedAt, it.UpdatedAt = it.TransmittedAt.UTC(), it.UpdatedAt.UTC()
			if id != "" {
				it.AssignedTo = &erpps.Actor{Role: erpps.Role(role), ID: id, Name: name}
			}
			page.Items = append(page.Items, it)
		}
		if err := rows.Err(); err != nil {
			return fmt.Errorf("read the queue: %w", err)
		}
		var total int64
		if err := tx.QueryRow(ctx, count, countArgs...).Scan(&total); err != nil {
			return fmt.Errorf("count the queue: %w", err)
		}
		page.Total = int(total)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return page, nil
}

// queueCount returns the query counting the queue: the sum of the lines of
// queue_counts (kept by a trigger) for the filter's départements, statuses
// and kind, or, for a filter on the transmission time, a count of the
// requests (where and a are the page's conditions and arguments so far).
func queueCount(where string, a args, filter erpps.QueueFilter, statuses []string) (string, []any) {
	if filter.TransmittedBefore != nil {
		return `SELECT count(*) FROM requests r` + where, append([]any(nil), a...)
	}
	query := `SELECT coalesce(sum(n), 0)::bigint FROM queue_counts WHERE department = ANY($1) AND status = ANY($2)`
	countArgs := []any{filter.Departments, statuses}
	if filter.Kind != "" {
		query += ` AND kind = $3`
		countArgs = append(countArgs, string(filter.Kind))
	}
	return query, countArgs
}
