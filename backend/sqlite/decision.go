package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"erpps/backend/erpps"
)

// CommitDecision commits a decision whole, in one transaction: the request's
// new status (and its linked pair's), the reason or deadline, the agent who
// took it, the history steps and the decisions recorded, attributed to the
// actor and the principal, and, for an acceptance, the practitioner's
// record as it becomes (its UpdatedAt set to the decision's time). A
// decision keeps the request's revision: only the applicant's saves and
// transmissions change it. ECONFLICT, with nothing written, when a request
// is no longer at its step's BaseRevision or From status, or the record
// changed since RecordUpdatedAt.
func (db *DB) CommitDecision(ctx context.Context, plan erpps.DecisionPlan) (*erpps.Request, error) {
	if err := plan.Check(); err != nil {
		return nil, err
	}
	at := plan.At.UTC()
	if plan.At.IsZero() {
		at = db.now()
	}
	var r *erpps.Request
	err := db.inWriteTx(ctx, func(tx *sql.Tx) error {
		cur, err := readDecided(ctx, tx, plan.Step, plan.Principal)
		if err != nil {
			return err
		}
		if err := decide(ctx, tx, cur, plan, at); err != nil {
			return err
		}
		if plan.Linked != nil {
			linked, err := readDecided(ctx, tx, *plan.Linked, plan.Principal)
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
			if err := writeDecidedRecord(ctx, tx, *plan.Record, plan.RecordUpdatedAt, at); err != nil {
				return err
			}
		}
		r, err = findRequest(ctx, tx, cur.id)
		return err
	})
	if isConstraint(err) {
		return nil, erpps.Errorf(erpps.ECONFLICT, "Une des activités de ce dossier est déjà rattachée à un autre professionnel.")
	}
	if err != nil {
		return nil, db.storeError("commit the decision", err)
	}
	return r, nil
}

// readDecided reads the request a step was planned on: EFORBIDDEN when it is
// not the principal's, ECONFLICT when its revision or status moved since.
func readDecided(ctx context.Context, tx *sql.Tx, step erpps.RequestStep, principal string) (state, error) {
	cur, err := readState(ctx, tx, step.RequestID)
	if err != nil {
		return cur, err
	}
	return cur, step.CheckOn(cur.rpps, cur.revision, cur.status, principal)
}

// decide moves the request in cur as plan says, with its step and its
// decision.
func decide(ctx context.Context, tx *sql.Tx, cur state, plan erpps.DecisionPlan, at time.Time) error {
	to, _ := plan.Action.Target()
	if err := erpps.CheckTransition(cur.status, to, plan.Actor); err != nil {
		return err
	}
	query := `UPDATE requests SET status = ?, updated_at = ?, updated_by_role = ?, updated_by_id = ?, updated_by_name = ?`
	args := append([]any{string(to), formatTime(at)}, actorArgs(plan.Actor)...)
	switch plan.Action {
	case erpps.DecisionTake:
		query += `, reason = '', deadline = '', assigned_role = ?, assigned_id = ?, assigned_name = ?`
		args = append(args, actorArgs(plan.Actor)...)
	case erpps.DecisionRefuse:
		query += `, reason = ?`
		args = append(args, plan.Reason)
	case erpps.DecisionComplement:
		query += `, reason = ?, deadline = ?`
		args = append(args, plan.Reason, plan.Deadline)
	}
	query += ` WHERE id = ? AND revision = ? AND status = ?`
	args = append(args, cur.id, cur.revision, string(cur.status))
	res, err := tx.ExecContext(ctx, query, args...)
	if err != nil {
		return fmt.Errorf("store: unable to update the request status: %w", err)
	}
	if n, err := res.RowsAffected(); err != nil {
		return fmt.Errorf("store: unable to update the request status: %w", err)
	} else if n != 1 {
		return erpps.Errorf(erpps.ECONFLICT, "Cette demande a changé depuis que vous l'avez ouverte : rechargez-la.")
	}
	step := erpps.RequestEvent{From: cur.status, To: to, At: at, Actor: plan.Actor, Principal: plan.Principal, Comment: plan.Reason}
	if err := insertEvent(ctx, tx, cur.id, step); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `
		INSERT INTO decisions (request_id, action, actor_role, actor_id, actor_name, principal, reason, deadline, at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		cur.id, string(plan.Action), string(plan.Actor.Role), plan.Actor.ID, plan.Actor.Name,
		plan.Principal, plan.Reason, plan.Deadline, formatTime(at)); err != nil {
		return fmt.Errorf("store: unable to record the decision: %w", err)
	}
	return nil
}

// writeDecidedRecord writes the record an acceptance makes, unless it
// changed since base (ECONFLICT).
func writeDecidedRecord(ctx context.Context, tx *sql.Tx, p erpps.Practitioner, base, at time.Time) error {
	var updated string
	err := tx.QueryRowContext(ctx, `SELECT updated_at FROM practitioners WHERE rpps = ?`, p.RPPS).Scan(&updated)
	if errors.Is(err, sql.ErrNoRows) {
		return erpps.NotFound("Aucun professionnel n'est enregistré sous ce numéro RPPS.")
	}
	if err != nil {
		return fmt.Errorf("store: unable to read the practitioner: %w", err)
	}
	if updated != formatTime(base) {
		return erpps.Errorf(erpps.ECONFLICT, "Le dossier du professionnel a changé depuis que vous l'avez ouvert : rechargez-le.")
	}
	p.UpdatedAt = at
	return writePractitioner(ctx, tx, &p)
}

// ListDecisions returns the decisions on a request, oldest first; ENOTFOUND
// when the request does not exist. One statement reads both: the request
// joined to its decisions, a request without any giving one row of NULLs.
func (db *DB) ListDecisions(ctx context.Context, requestID string) ([]erpps.Decision, error) {
	out := []erpps.Decision{}
	err := func() error {
		rows, err := db.readOne(ctx, `
			SELECT d.id, d.request_id, d.action, d.actor_role, d.actor_id, d.actor_name, d.principal, d.reason, d.deadline, d.at
			FROM requests r LEFT JOIN decisions d ON d.request_id = r.id
			WHERE r.id = ? ORDER BY d.id`, requestID)
		if err != nil {
			return fmt.Errorf("store: unable to list decisions: %w", err)
		}
		defer rows.Close()
		found := false
		for rows.Next() {
			found = true
			var id sql.NullInt64
			var reqID, action, role, actorID, actorName, principal, reason, deadline, at sql.NullString
			if err := rows.Scan(&id, &reqID, &action, &role, &actorID, &actorName, &principal, &reason, &deadline, &at); err != nil {
				return fmt.Errorf("store: unable to read a decision: %w", err)
			}
			if !id.Valid {
				continue // the request, without decisions
			}
			d := erpps.Decision{ID: id.Int64, RequestID: reqID.String, Action: erpps.DecisionAction(action.String),
				Actor:     erpps.Actor{Role: erpps.Role(role.String), ID: actorID.String, Name: actorName.String},
				Principal: principal.String, Reason: reason.String, Deadline: deadline.String}
			if d.At, err = parseTime(at.String); err != nil {
				return err
			}
			out = append(out, d)
		}
		if err := rows.Err(); err != nil {
			return fmt.Errorf("store: unable to list decisions: %w", err)
		}
		if !found {
			return requestNotFound()
		}
		return nil
	}()
	if err != nil {
		return nil, db.storeError("list decisions", err)
	}
	return out, nil
}

// ListExpiredComplements returns, with their histories, the requests whose
// complement deadline (YYYY-MM-DD) is before today, earliest deadline first;
// a limit of 0 means no limit.
func (db *DB) ListExpiredComplements(ctx context.Context, today string, limit int) ([]*erpps.Request, error) {
	query := `SELECT ` + requestColumns + ` FROM requests
		WHERE status = ? AND deadline <> '' AND deadline < ? ORDER BY deadline, id`
	args := []any{string(erpps.StatusComplementRequested), today}
	if limit > 0 {
		query += ` LIMIT ?`
		args = append(args, limit)
	}
	out := []*erpps.Request{}
	err := db.inReadTx(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, query, args...)
		if err != nil {
			return fmt.Errorf("store: unable to list expired complements: %w", err)
		}
		for rows.Next() {
			r, err := scanRequest(rows)
			if err != nil {
				rows.Close()
				return fmt.Errorf("store: unable to read a request: %w", err)
			}
			out = append(out, r)
		}
		if err := errors.Join(rows.Err(), rows.Close()); err != nil {
			return fmt.Errorf("store: unable to list expired complements: %w", err)
		}
		return attachHistory(ctx, tx, out)
	})
	if err != nil {
		return nil, db.storeError("list expired complements", err)
	}
	return out, nil
}
