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
	return db.listQueue(ctx, f, queuePlan{useCounts: true})
}

// queuePlan is how the queue is read; every plan gives the same page.
type queuePlan struct {
	// read is queueReadAuto, queueReadSort or queueReadWalk.
	read int
	// useCounts counts from queue_counts (and, for an age, the days of its
	// month from the index) rather than every match from the index.
	useCounts bool
}

// The ways of reading a page of the queue.
const (
	// queueReadAuto walks when that reads fewer index entries than sorting.
	queueReadAuto = iota
	// queueReadSort sorts the requests matching (index requests_queue_match).
	queueReadSort
	// queueReadWalk walks every transmitted request in transmission order
	// until the page is full (index requests_queue_order).
	queueReadWalk
)

// walkQueue says whether walking the transmitted requests in order reads
// fewer index entries than sorting the total matching: the walk reads about
// (offset+limit) × all / total entries, the sort total (all: the number of
// requests).
func walkQueue(ctx context.Context, tx *sql.Tx, plan queuePlan, offset, limit, total int) (bool, error) {
	if plan.read != queueReadAuto {
		return plan.read == queueReadWalk, nil
	}
	// The greatest rowid is about the number of requests (an estimate is
	// enough to choose, and reading it is one step down a b-tree).
	var all int
	if err := tx.QueryRowContext(ctx, `SELECT coalesce(max(rowid), 0) FROM requests`).Scan(&all); err != nil {
		return false, fmt.Errorf("store: unable to estimate the number of requests: %w", err)
	}
	return (offset+limit)*all <= total*total, nil
}

func (db *DB) listQueue(ctx context.Context, f erpps.QueueFilter, plan queuePlan) (*erpps.QueuePage, error) {
	q, err := newQueueQuery(f)
	if err != nil {
		return nil, err
	}
	page := &erpps.QueuePage{Items: []erpps.QueueItem{}, Offset: max(f.Offset, 0), Limit: f.Limit}
	if page.Limit <= 0 {
		page.Limit = defaultQueueLimit
	}
	page.Limit = min(page.Limit, maxQueueLimit)

	err = db.inReadTx(ctx, func(tx *sql.Tx) error {
		count, args := q.count(plan.useCounts)
		if err := tx.QueryRowContext(ctx, count, args...).Scan(&page.Total); err != nil {
			return fmt.Errorf("store: unable to count the queue: %w", err)
		}
		if page.Offset >= page.Total {
			return nil
		}
		// Only an index is read, then the page's rows.
		walk, err := walkQueue(ctx, tx, plan, page.Offset, page.Limit, page.Total)
		if err != nil {
			return err
		}
		index := "requests_queue_match"
		if walk {
			index = "requests_queue_order"
		}
		where, args := q.where()
		rows, err := tx.QueryContext(ctx, `
			SELECT q.id, q.rpps, p.exercise_name, p.birth_name, p.exercise_first_name, p.first_name,
			       q.kind, q.status, q.department, q.revision, q.transmitted_at, q.updated_at, q.deadline,
			       q.assigned_role, q.assigned_id, q.assigned_name
			FROM (SELECT r.rowid AS k, r.transmitted_at AS sent, r.id AS id FROM requests r INDEXED BY `+index+`
			      WHERE `+where+` ORDER BY r.transmitted_at, r.id LIMIT ? OFFSET ?) page
			JOIN requests q ON q.rowid = page.k
			JOIN practitioners p ON p.rpps = q.rpps
			ORDER BY page.sent, page.id`, append(args, page.Limit, page.Offset)...)
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

// queueQuery is a filter checked and turned into query arguments.
type queueQuery struct {
	departments, statuses []any
	kind                  string
	before                string // stored time, "" for none
}

// newQueueQuery checks f.
func newQueueQuery(f erpps.QueueFilter) (*queueQuery, error) {
	if len(f.Departments) == 0 {
		return nil, erpps.Invalid("La file d'attente est limitée aux départements de la région : précisez-les.")
	}
	q := &queueQuery{}
	for _, d := range f.Departments {
		q.departments = append(q.departments, d)
	}
	statuses := f.Statuses
	if len(statuses) == 0 {
		statuses = defaultQueueStatuses
	}
	for _, s := range statuses {
		if !s.Valid() {
			return nil, erpps.Invalid("Statut de demande inconnu.")
		}
		if s != erpps.StatusDraft {
			q.statuses = append(q.statuses, string(s))
		}
	}
	if f.Kind != "" {
		if !f.Kind.Valid() {
			return nil, erpps.Invalid("Type de demande inconnu.")
		}
		q.kind = string(f.Kind)
	}
	if f.TransmittedBefore != nil {
		q.before = formatTime(*f.TransmittedBefore)
	}
	return q, nil
}

// where returns the conditions on requests r and their arguments.
func (q *queueQuery) where() (string, []any) {
	conds := []string{"r.transmitted_at IS NOT NULL",
		"r.department IN (" + placeholders(len(q.departments)) + ")",
		"r.status IN (" + placeholders(len(q.statuses)) + ")"}
	args := append(append([]any{}, q.departments...), q.statuses...)
	if q.kind != "" {
		conds, args = append(conds, "r.kind = ?"), append(args, q.kind)
	}
	if q.before != "" {
		conds, args = append(conds, "r.transmitted_at < ?"), append(args, q.before)
	}
	return strings.Join(conds, " AND "), args
}

// count returns the query counting the requests matching: with useCounts,
// the sum of queue_counts, or, for an age, the sum of the months before it
// and the count in the index of the days of its month before it; without,
// the count in the index.
func (q *queueQuery) count(useCounts bool) (string, []any) {
	if !useCounts {
		where, args := q.where()
		return `SELECT count(*) FROM requests r INDEXED BY requests_queue_match WHERE ` + where, args
	}
	sum := `SELECT coalesce(sum(n), 0) FROM queue_counts WHERE department IN (` + placeholders(len(q.departments)) +
		`) AND status IN (` + placeholders(len(q.statuses)) + `)`
	args := append(append([]any{}, q.departments...), q.statuses...)
	if q.kind != "" {
		sum, args = sum+` AND kind = ?`, append(args, q.kind)
	}
	if q.before == "" {
		return sum, args
	}
	month := q.before[:len("2006-01")]
	sum, args = sum+` AND month < ?`, append(args, month)
	// Every kind is named, so that the index (department, status, kind,
	// transmitted_at) is searched by ranges of days.
	kinds := []any{q.kind}
	if q.kind == "" {
		kinds = kinds[:0]
		for _, k := range erpps.AllRequestKinds {
			kinds = append(kinds, string(k.Value))
		}
	}
	days := `SELECT count(*) FROM requests r INDEXED BY requests_queue_match
		WHERE r.transmitted_at IS NOT NULL AND r.department IN (` + placeholders(len(q.departments)) + `)
		AND r.status IN (` + placeholders(len(q.statuses)) + `) AND r.kind IN (` + placeholders(len(kinds)) + `)
		AND r.transmitted_at >= ? AND r.transmitted_at < ?`
	args = append(append(append(append(args, q.departments...), q.statuses...), kinds...), month, q.before)
	return `SELECT (` + sum + `) + (` + days + `)`, args
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
