package postgres

import (
	"context"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"erpps/backend/erpps"
)

// CommitDecision commits a decision planned by the back office in one
// transaction: the request's (and its linked pair's) status, reason,
// deadline and assignment, the history step and the decision record, and
// for an acceptance the practitioner's record as it becomes. The request
// (and pair and record) rows are locked first: of two agents deciding the
// same request at once, in any processes, the second waits, then finds the
// revision, status or record moved and gets ECONFLICT; nothing is written.
func (db *DB) CommitDecision(ctx context.Context, plan erpps.DecisionPlan) (*erpps.Request, error) {
	at := plan.At
	if at.IsZero() {
		at = db.now()
	}
	at = stamp(at)
	var r *erpps.Request
	err := db.inTx(ctx, "record the decision", func(tx pgx.Tx) error {
		cur, err := readStep(ctx, tx, plan.Step, plan.Principal)
		if err != nil {
			return err
		}
		var linked *state
		if plan.Linked != nil {
			st, err := readStep(ctx, tx, *plan.Linked, plan.Principal)
			if err != nil {
				return err
			}
			linked = &st
		}
		if plan.Record != nil {
			if err := writeRecord(ctx, tx, plan, at); err != nil {
				return err
			}
		}
		if err := decide(ctx, tx, cur, plan.Step.To, plan, at); err != nil {
			return err
		}
		if linked != nil {
			if err := decide(ctx, tx, *linked, plan.Linked.To, plan, at); err != nil {
				return err
			}
		}
		r, err = findRequest(ctx, tx, cur.id)
		return err
	})
	if err != nil {
		return nil, err
	}
	return r, nil
}

// staleDecision is the error of a decision on a request (or record) that
// changed since it was planned.
func staleDecision() *erpps.Error {
	return erpps.Errorf(erpps.ECONFLICT,
		"Cette demande a changé depuis que vous l'avez ouverte (un autre agent a pu agir) : rechargez-la.")
}

// readStep locks the request of step and checks it is still as planned.
func readStep(ctx context.Context, tx pgx.Tx, step erpps.RequestStep, principal string) (state, error) {
	cur, err := readState(ctx, tx, step.RequestID)
	if err != nil {
		return cur, err
	}
	if cur.rpps != principal {
		return cur, erpps.Errorf(erpps.EFORBIDDEN, "Cette demande ne relève pas de ce dossier.")
	}
	if cur.revision != step.BaseRevision || cur.status != step.From {
		return cur, staleDecision()
	}
	return cur, nil
}

// writeRecord replaces the practitioner's record by plan.Record when it is
// still as read at plan.RecordUpdatedAt (ECONFLICT otherwise).
func writeRecord(ctx context.Context, tx pgx.Tx, plan erpps.DecisionPlan, at time.Time) error {
	rec := *plan.Record
	if rec.RPPS != plan.Principal {
		return erpps.Errorf(erpps.EFORBIDDEN, "Ce dossier n'est pas celui de la demande.")
	}
	var updatedAt time.Time
	err := tx.QueryRow(ctx, `SELECT updated_at FROM practitioners WHERE rpps = $1 FOR UPDATE`, rec.RPPS).Scan(&updatedAt)
	if errNoRows(err) {
		return practitionerNotFound()
	}
	if err != nil {
		return fmt.Errorf("read the record: %w", err)
	}
	if !updatedAt.Equal(stamp(plan.RecordUpdatedAt)) {
		return erpps.Errorf(erpps.ECONFLICT,
			"Le dossier de ce professionnel a changé depuis que vous l'avez ouvert : rechargez la demande.")
	}
	if err := checkPractitioner(&rec); err != nil {
		return err
	}
	rec.UpdatedAt = at
	if !at.After(updatedAt) {
		rec.UpdatedAt = updatedAt.Add(time.Microsecond) // the record must be seen to change
	}
	return writePractitioner(ctx, tx, &rec)
}

// decide moves one request to `to` as the plan says, with its history step
// and its decision record.
func decide(ctx context.Context, tx pgx.Tx, cur state, to erpps.RequestStatus, plan erpps.DecisionPlan, at time.Time) error {
	if err := erpps.CheckTransition(cur.status, to, plan.Actor); err != nil {
		return err
	}
	actor := plan.Actor
	a := args{string(to), at, string(actor.Role), actor.ID, actor.Name}
	query := `UPDATE requests SET status = $1, updated_at = $2,
		updated_by_role = $3, updated_by_id = $4, updated_by_name = $5`
	switch to {
	case erpps.StatusUnderReview:
		query += `, assigned_role = $3, assigned_id = $4, assigned_name = $5`
	case erpps.StatusRefused:
		query += `, reason = ` + a.add(plan.Reason)
	case erpps.StatusComplementRequested:
		query += `, reason = ` + a.add(plan.Reason) + `, deadline = ` + a.add(plan.Deadline)
	}
	query += ` WHERE id = ` + a.add(cur.id)
	if _, err := tx.Exec(ctx, query, a...); err != nil {
		return fmt.Errorf("update the request status: %w", err)
	}
	step := erpps.RequestEvent{From: cur.status, To: to, At: at, Actor: actor, Principal: cur.rpps, Comment: plan.Reason}
	if err := insertEvent(ctx, tx, cur.id, step); err != nil {
		return err
	}
	deadline := ""
	if to == erpps.StatusComplementRequested {
		deadline = plan.Deadline
	}
	if _, err := tx.Exec(ctx, `
		INSERT INTO decisions (request_id, action, actor_role, actor_id, actor_name, principal, reason, deadline, at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
		cur.id, string(plan.Action), string(actor.Role), actor.ID, actor.Name, plan.Principal,
		plan.Reason, deadline, at); err != nil {
		return fmt.Errorf("record the decision: %w", err)
	}
	return nil
}

// ListDecisions returns the decisions on a request, oldest first.
func (db *DB) ListDecisions(ctx context.Context, requestID string) ([]erpps.Decision, error) {
	rows, err := db.pool.Query(ctx, `
		SELECT id, request_id, action, actor_role, actor_id, actor_name, principal, reason, deadline, at
		FROM decisions WHERE request_id = $1 ORDER BY id`, requestID)
	if err != nil {
		return nil, storeError("list the decisions", err)
	}
	defer rows.Close()
	out := []erpps.Decision{}
	for rows.Next() {
		var d erpps.Decision
		var action, role string
		if err := rows.Scan(&d.ID, &d.RequestID, &action, &role, &d.Actor.ID, &d.Actor.Name,
			&d.Principal, &d.Reason, &d.Deadline, &d.At); err != nil {
			return nil, storeError("list the decisions", err)
		}
		d.Action, d.Actor.Role, d.At = erpps.DecisionAction(action), erpps.Role(role), d.At.UTC()
		out = append(out, d)
	}
	if err := rows.Err(); err != nil {
		return nil, storeError("list the decisions", err)
	}
	return out, nil
}

// ListExpiredComplements returns up to limit (0: 100) requests whose
// complement deadline (YYYY-MM-DD) is before today, earliest deadline first,
// with their histories.
func (db *DB) ListExpiredComplements(ctx context.Context, today string, limit int) ([]*erpps.Request, error) {
	if limit <= 0 {
		limit = 100
	}
	var out []*erpps.Request
	err := db.inReadTx(ctx, "list the expired complements", func(tx pgx.Tx) error {
		var err error
		out, err = queryRequests(ctx, tx, `SELECT `+requestColumns+` FROM requests
			WHERE status = $1 AND deadline <> '' AND deadline < $2
			ORDER BY deadline, seq LIMIT $3`, string(erpps.StatusComplementRequested), today, limit)
		if err != nil {
			return err
		}
		return attachHistory(ctx, tx, out)
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}
