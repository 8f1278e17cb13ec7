package postgres

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"erpps/backend/erpps"
)

// CommitDecision commits a decision whole, in one transaction: the request's
// (and its linked pair's) status, reason, deadline and assignment, the
// history steps and the decisions recorded, attributed to the actor and the
// principal, and for an acceptance the practitioner's record as it becomes
// (its UpdatedAt set to the decision's time). A decision keeps the request's
// revision. The rows are locked as they are read (FOR UPDATE): of two agents
// deciding the same request at once, in any processes, the second waits,
// then finds the status or the record moved and gets ECONFLICT; nothing is
// written then.
func (db *DB) CommitDecision(ctx context.Context, plan erpps.DecisionPlan) (*erpps.Request, error) {
	if err := plan.Check(); err != nil {
		return nil, err
	}
	at := stamp(plan.At)
	if plan.At.IsZero() {
		at = db.now()
	}
	var r *erpps.Request
	err := db.inTx(ctx, "record the decision", func(tx pgx.Tx) error {
		if plan.Linked != nil {
			// Both requests of the pair are locked in the order of their
			// ids: an agent deciding from the other side waits, never
			// deadlocks.
			if _, err := tx.Exec(ctx, `SELECT 1 FROM requests WHERE id = ANY($1) ORDER BY id FOR UPDATE`,
				[]string{plan.Step.RequestID, plan.Linked.RequestID}); err != nil {
				return fmt.Errorf("lock the pair: %w", err)
			}
		}
		cur, err := readStep(ctx, tx, plan.Step, plan.Principal)
		if err != nil {
			return err
		}
		if err := decide(ctx, tx, cur, plan, at); err != nil {
			return err
		}
		if plan.Linked != nil {
			linked, err := readStep(ctx, tx, *plan.Linked, plan.Principal)
			if err != nil {
				return err
			}
			if err := erpps.CheckLinkedPair(cur.id, cur.linked, linked.id, linked.linked); err != nil {
				return err
			}
			if err := decide(ctx, tx, linked, plan, at); err != nil {
				return err
			}
		}
		if plan.Record != nil {
			if err := writeRecord(ctx, tx, *plan.Record, plan.RecordUpdatedAt, at); err != nil {
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

// readStep reads and locks the request a step was planned on: EFORBIDDEN
// when it is not the principal's, ECONFLICT when its revision or status
// moved since.
func readStep(ctx context.Context, tx pgx.Tx, step erpps.RequestStep, principal string) (state, error) {
	cur, err := readState(ctx, tx, step.RequestID)
	if err != nil {
		return cur, err
	}
	return cur, step.CheckOn(cur.rpps, cur.revision, cur.status, principal)
}

// writeRecord writes the record an acceptance makes, unless it changed
// since base (ECONFLICT); the record's row is locked first.
func writeRecord(ctx context.Context, tx pgx.Tx, p erpps.Practitioner, base, at time.Time) error {
	var updatedAt time.Time
	err := tx.QueryRow(ctx, `SELECT updated_at FROM practitioners WHERE rpps = $1 FOR UPDATE`, p.RPPS).Scan(&updatedAt)
	if errNoRows(err) {
		return practitionerNotFound()
	}
	if err != nil {
		return fmt.Errorf("read the record: %w", err)
	}
	if !updatedAt.Equal(stamp(base)) {
		return erpps.Errorf(erpps.ECONFLICT, "Le dossier du professionnel a changé depuis que vous l'avez ouvert : rechargez-le.")
	}
	p.UpdatedAt = at
	return writePractitioner(ctx, tx, &p)
}

// decide moves the request in cur as plan says, with its history step and
// its decision.
func decide(ctx context.Context, tx pgx.Tx, cur state, plan erpps.DecisionPlan, at time.Time) error {
	to, _ := plan.Action.Target()
	if err := erpps.CheckTransition(cur.status, to, plan.Actor); err != nil {
		return err
	}
	actor := plan.Actor
	a := args{string(to), at, string(actor.Role), actor.ID, actor.Name}
	query := `UPDATE requests SET status = $1, updated_at = $2,
		updated_by_role = $3, updated_by_id = $4, updated_by_name = $5`
	switch plan.Action {
	case erpps.DecisionTake:
		query += `, reason = '', deadline = '', assigned_role = $3, assigned_id = $4, assigned_name = $5`
	case erpps.DecisionRefuse:
		query += `, reason = ` + a.add(plan.Reason)
	case erpps.DecisionComplement:
		query += `, reason = ` + a.add(plan.Reason) + `, deadline = ` + a.add(plan.Deadline)
	}
	query += ` WHERE id = ` + a.add(cur.id) + ` AND revision = ` + a.add(cur.revision) + ` AND status = ` + a.add(string(cur.status))
	tag, err := tx.Exec(ctx, query, a...)
	if err != nil {
		return fmt.Errorf("update the request status: %w", err)
	}
	if tag.RowsAffected() != 1 {
		return erpps.Errorf(erpps.ECONFLICT, "Cette demande a changé depuis que vous l'avez ouverte : rechargez-la.")
	}
	step := erpps.RequestEvent{From: cur.status, To: to, At: at, Actor: actor, Principal: plan.Principal, Comment: plan.Reason}
	if err := insertEvent(ctx, tx, cur.id, step); err != nil {
		return err
	}
	if _, err := tx.Exec(ctx, `
		INSERT INTO decisions (request_id, action, actor_role, actor_id, actor_name, principal, reason, deadline, at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
		cur.id, string(plan.Action), string(actor.Role), actor.ID, actor.Name, plan.Principal,
		plan.Reason, plan.Deadline, at); err != nil {
		return fmt.Errorf("record the decision: %w", err)
	}
	return nil
}

// ListDecisions returns the decisions on a request, oldest first; ENOTFOUND
// when the request does not exist. One statement reads both: the request
// joined to its decisions, a request without any giving one row of NULLs.
func (db *DB) ListDecisions(ctx context.Context, requestID string) ([]erpps.Decision, error) {
	if db.pool == nil {
		return nil, erpps.Internal(errors.New("store: the database is not open"))
	}
	rows, err := db.pool.Query(ctx, `
		SELECT d.id, d.request_id, d.action, d.actor_role, d.actor_id, d.actor_name, d.principal, d.reason, d.deadline, d.at
		FROM requests r LEFT JOIN decisions d ON d.request_id = r.id
		WHERE r.id = $1 ORDER BY d.id`, requestID)
	if err != nil {
		return nil, storeError("list the decisions", err)
	}
	defer rows.Close()
	out := []erpps.Decision{}
	found := false
	for rows.Next() {
		found = true
		var id *int64
		var reqID, action, role, actorID, actorName, principal, reason, deadline *string
		var at *time.Time
		if err := rows.Scan(&id, &reqID, &action, &role, &actorID, &actorName, &principal, &reason, &deadline, &at); err != nil {
			return nil, storeError("list the decisions", fmt.Errorf("read a decision: %w", err))
		}
		if id == nil {
			continue // the request, without decisions
		}
		d := erpps.Decision{ID: *id, RequestID: deref(reqID), Action: erpps.DecisionAction(deref(action)),
			Actor:     erpps.Actor{Role: erpps.Role(deref(role)), ID: deref(actorID), Name: deref(actorName)},
			Principal: deref(principal), Reason: deref(reason), Deadline: deref(deadline)}
		if at != nil {
			d.At = at.UTC()
		}
		out = append(out, d)
	}
	if err := rows.Err(); err != nil {
		return nil, storeError("list the decisions", err)
	}
	if !found {
		return nil, requestNotFound()
	}
	return out, nil
}

// deref is *s, or "" for a NULL.
func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

// ListExpiredComplements returns, with their histories, the requests whose
// complement deadline (YYYY-MM-DD) is before today, earliest deadline first;
// a limit of 0 means no limit.
func (db *DB) ListExpiredComplements(ctx context.Context, today string, limit int) ([]*erpps.Request, error) {
	var bound any // NULL: no limit
	if limit > 0 {
		bound = limit
	}
	var out []*erpps.Request
	err := db.inReadTx(ctx, "list the expired complements", func(tx pgx.Tx) error {
		var err error
		out, err = queryRequests(ctx, tx, `SELECT `+requestColumns+` FROM requests
			WHERE status = $1 AND deadline <> '' AND deadline < $2
			ORDER BY deadline, id LIMIT $3`, string(erpps.StatusComplementRequested), today, bound)
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
