package postgres

import (
	"context"
	"strings"
	"time"

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
// number of requests matching, both read in one statement (one snapshot).
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
	inDepts, inStatuses := a.add(filter.Departments), a.add(kept)
	conds := []string{"r.transmitted_at IS NOT NULL", "r.department = ANY(" + inDepts + ")", "r.status = ANY(" + inStatuses + ")"}
	counted := "department = ANY(" + inDepts + ") AND status = ANY(" + inStatuses + ")"
	if filter.Kind != "" {
		kind := a.add(string(filter.Kind))
		conds = append(conds, "r.kind = "+kind)
		counted += " AND kind = " + kind
	}
	where := " WHERE " + strings.Join(conds, " AND ")
	// The total: the sum of the lines of queue_counts (kept by a trigger);
	// for a filter on the transmission time, a count of the requests.
	total := `SELECT coalesce(sum(n), 0)::bigint FROM queue_counts WHERE ` + counted
	if filter.TransmittedBefore != nil {
		where += " AND r.transmitted_at < " + a.add(*filter.TransmittedBefore)
		total = `SELECT count(*) FROM requests r` + where
	}
	// One statement, so one snapshot and one round trip: the total, then
	// the page (none past the end), cut from the requests alone (an index
	// walk) before it is joined to the practitioners' names.
	query := `
		SELECT t.total, q.id, q.rpps, q.name, q.kind, q.status, q.department, q.revision,
		       q.transmitted_at, q.updated_at, q.deadline, q.assigned_role, q.assigned_id, q.assigned_name
		FROM (` + total + `) t (total)
		LEFT JOIN LATERAL (
			SELECT r.id, r.rpps,
			       trim(CASE WHEN p.exercise_name <> '' THEN p.exercise_name ELSE p.birth_name END || ' ' ||
			            CASE WHEN p.exercise_first_name <> '' THEN p.exercise_first_name ELSE p.first_name END) AS name,
			       r.kind, r.status, r.department, r.revision, r.transmitted_at, r.updated_at, r.deadline,
			       r.assigned_role, r.assigned_id, r.assigned_name
			FROM (SELECT r.id FROM requests r` + where + `
			      ORDER BY r.transmitted_at, r.id
			      LIMIT ` + a.add(limit) + ` OFFSET ` + a.add(offset) + `) page
			JOIN requests r ON r.id = page.id
			JOIN practitioners p ON p.rpps = r.rpps
		) q ON true
		ORDER BY q.transmitted_at, q.id`

	page := &erpps.QueuePage{Items: []erpps.QueueItem{}, Offset: offset, Limit: limit}
	rows, err := db.pool.Query(ctx, query, a...)
	if err != nil {
		return nil, storeError("list the queue", err)
	}
	defer rows.Close()
	for rows.Next() {
		var total int64
		var id, rpps, name, kind, status, department, deadline, role, agent, agentName *string
		var revision *int64
		var transmittedAt, updatedAt *time.Time
		if err := rows.Scan(&total, &id, &rpps, &name, &kind, &status, &department, &revision,
			&transmittedAt, &updatedAt, &deadline, &role, &agent, &agentName); err != nil {
			return nil, storeError("read the queue", err)
		}
		page.Total = int(total)
		if id == nil {
			continue // past the end: the total alone
		}
		it := erpps.QueueItem{ID: *id, RPPS: *rpps, PractitionerName: *name, Kind: erpps.RequestKind(*kind),
			Status: erpps.RequestStatus(*status), Department: *department, Revision: *revision,
			TransmittedAt: transmittedAt.UTC(), UpdatedAt: updatedAt.UTC(), Deadline: *deadline}
		if *agent != "" {
			it.AssignedTo = &erpps.Actor{Role: erpps.Role(*role), ID: *agent, Name: *agentName}
		}
		page.Items = append(page.Items, it)
	}
	if err := rows.Err(); err != nil {
		return nil, storeError("read the queue", err)
	}
	return page, nil
}
