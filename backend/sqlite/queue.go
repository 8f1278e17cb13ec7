package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"erpps/backend/erpps"
)

// The size of a page of the queue.
const (
	defaultQueueLimit = 20
	maxQueueLimit     = 100
)

// defaultQueueStatuses are the requests an agent has to deal with.
var defaultQueueStatuses = []erpps.RequestStatus{
	erpps.StatusTransmitted, erpps.StatusUnderReview, erpps.StatusComplementRequested,
}

// ListQueue returns a page of the transmitted requests of the filter's
// départements (required: EINVALID without), oldest transmission first (then
// by id), with the number of requests matching. A draft is never listed. A
// limit of 0 is 20, one above 100 is 100; a negative offset is 0.
func (db *DB) ListQueue(ctx context.Context, f erpps.QueueFilter) (*erpps.QueuePage, error) {
	where, args, err := queueWhere(f)
	if err != nil {
		return nil, err
	}
	page := &erpps.QueuePage{Items: []erpps.QueueItem{}, Offset: max(f.Offset, 0), Limit: f.Limit}
	if page.Limit <= 0 {
		page.Limit = defaultQueueLimit
	}
	page.Limit = min(page.Limit, maxQueueLimit)

	err = db.inReadTx(ctx, func(tx *sql.Tx) error {
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM requests r WHERE `+where, args...).
			Scan(&page.Total); err != nil {
			return fmt.Errorf("store: unable to count the queue: %w", err)
		}
		rows, err := tx.QueryContext(ctx, `
			SELECT r.id, r.rpps, p.exercise_name, p.birth_name, p.exercise_first_name, p.first_name,
			       r.kind, r.status, r.department, r.revision, r.transmitted_at, r.updated_at, r.deadline,
			       r.assigned_role, r.assigned_id, r.assigned_name
			FROM requests r JOIN practitioners p ON p.rpps = r.rpps
			WHERE `+where+`
			ORDER BY r.transmitted_at, r.id LIMIT ? OFFSET ?`, append(args, page.Limit, page.Offset)...)
		if err != nil {
			return fmt.Errorf("store: unable to list the queue: %w", err)
		}
		defer rows.Close()
		for rows.Next() {
			it, err := scanQueueItem(rows)
			if err != nil {
				return err
			}
			page.Items = append(page.Items, it)
		}
		return rows.Err()
	})
	if err != nil {
		return nil, db.storeError("list the queue", err)
	}
	return page, nil
}

// queueWhere turns a filter into the conditions on requests r.
func queueWhere(f erpps.QueueFilter) (string, []any, error) {
	if len(f.Departments) == 0 {
		return "", nil, erpps.Invalid("La file d'attente est limitée aux départements de la région : précisez-les.")
	}
	statuses := f.Statuses
	if len(statuses) == 0 {
		statuses = defaultQueueStatuses
	}
	conds := []string{"r.transmitted_at IS NOT NULL"}
	var args []any
	conds = append(conds, "r.department IN ("+placeholders(len(f.Departments))+")")
	for _, d := range f.Departments {
		args = append(args, d)
	}
	var kept []any
	for _, s := range statuses {
		if !s.Valid() {
			return "", nil, erpps.Invalid("Statut de demande inconnu.")
		}
		if s != erpps.StatusDraft {
			kept = append(kept, string(s))
		}
	}
	conds = append(conds, "r.status IN ("+placeholders(len(kept))+")")
	args = append(args, kept...)
	if f.Kind != "" {
		if !f.Kind.Valid() {
			return "", nil, erpps.Invalid("Type de demande inconnu.")
		}
		conds, args = append(conds, "r.kind = ?"), append(args, string(f.Kind))
	}
	if f.TransmittedBefore != nil {
		conds, args = append(conds, "r.transmitted_at < ?"), append(args, formatTime(*f.TransmittedBefore))
	}
	return strings.Join(conds, " AND "), args, nil
}

// scanQueueItem reads one line of the queue.
func scanQueueItem(rows *sql.Rows) (erpps.QueueItem, error) {
	var it erpps.QueueItem
	var exerciseName, birthName, exerciseFirst, first, kind, status, transmitted, updated string
	var role, id, name string
	if err := rows.Scan(&it.ID, &it.RPPS, &exerciseName, &birthName, &exerciseFirst, &first,
		&kind, &status, &it.Department, &it.Revision, &transmitted, &updated, &it.Deadline,
		&role, &id, &name); err != nil {
		return it, fmt.Errorf("store: unable to read the queue: %w", err)
	}
	it.PractitionerName = practitionerName(exerciseName, birthName, exerciseFirst, first)
	it.Kind, it.Status = erpps.RequestKind(kind), erpps.RequestStatus(status)
	var err error
	if it.TransmittedAt, err = parseTime(transmitted); err != nil {
		return it, err
	}
	if it.UpdatedAt, err = parseTime(updated); err != nil {
		return it, err
	}
	if id != "" {
		it.AssignedTo = &erpps.Actor{Role: erpps.Role(role), ID: id, Name: name}
	}
	return it, nil
}

// practitionerName is the name a queue shows: the exercise (or birth) name,
// then the exercise (or civil) first name.
func practitionerName(exerciseName, birthName, exerciseFirst, first string) string {
	name := exerciseName
	if name == "" {
		name = birthName
	}
	if exerciseFirst != "" {
		first = exerciseFirst
	}
	return strings.TrimSpace(name + " " + first)
}
