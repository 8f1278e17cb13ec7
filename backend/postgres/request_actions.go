package postgres

import (
	"context"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"erpps/backend/erpps"
	"erpps/backend/internal/storekit"
)

// CommitTransmit commits a validated transmission whole, in one transaction
// holding the request's row lock: the approval used (for a secretary's
// transmission), the normalised payload (a new revision), the route, the
// status, the history step, the outbox entry and, for a moved cabinet, the
// linked cessation. ECONFLICT when the request is no longer at
// plan.BaseRevision or may not be transmitted; EFORBIDDEN when the approval
// does not fit; nothing is written then.
func (db *DB) CommitTransmit(ctx context.Context, plan erpps.TransmitPlan) (*erpps.Request, error) {
	if err := erpps.CheckPayload(plan.Payload); err != nil {
		return nil, err
	}
	now := db.now()
	var r *erpps.Request
	err := db.inTx(ctx, "transmit the request", func(tx pgx.Tx) error {
		cur, err := readPlanned(ctx, tx, plan.RequestID, plan.BaseRevision, plan.Principal)
		if err != nil {
			return err
		}
		if err := erpps.CheckTransition(cur.status, erpps.StatusTransmitted, plan.Actor); err != nil {
			return err
		}
		if plan.Approval != nil {
			use := *plan.Approval
			if use.At.IsZero() {
				use.At = now
			}
			if err := useApproval(ctx, tx, cur.id, cur.revision, use); err != nil {
				return err
			}
		}
		if _, err := tx.Exec(ctx, `
			UPDATE requests SET payload = $1, department = $2, revision = revision + 1
			WHERE id = $3 AND revision = $4`,
			string(plan.Payload), plan.Department, cur.id, cur.revision); err != nil {
			return fmt.Errorf("store the transmitted payload: %w", err)
		}
		cur.revision++
		if err := transition(ctx, tx, cur, erpps.StatusTransmitted, plan.Actor, "", now); err != nil {
			return err
		}
		if plan.LinkedCessation != nil {
			if err := transmitLinked(ctx, tx, cur, *plan.LinkedCessation, plan.Actor, now); err != nil {
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

// CommitWithdraw withdraws a request and the request linked to it (the two
// requests of a moved cabinet) in one transaction, each with its history step
// and its outbox entry. ECONFLICT when the request is no longer at
// plan.BaseRevision or may not be withdrawn.
func (db *DB) CommitWithdraw(ctx context.Context, plan erpps.WithdrawPlan) (*erpps.Request, error) {
	now := db.now()
	var r *erpps.Request
	err := db.inTx(ctx, "withdraw the request", func(tx pgx.Tx) error {
		cur, err := readPlanned(ctx, tx, plan.RequestID, plan.BaseRevision, plan.Principal)
		if err != nil {
			return err
		}
		if err := withdrawPair(ctx, tx, cur, plan.Actor, plan.Comment, now); err != nil {
			return err
		}
		r, err = findRequest(ctx, tx, cur.id)
		return err
	})
	if err != nil {
		return nil, err
	}
	return r, nil
}

// readPlanned reads and locks the request an action was planned on, and
// refuses it when it moved since or is not the principal's.
func readPlanned(ctx context.Context, tx pgx.Tx, id string, baseRevision int64, principal string) (state, error) {
	cur, err := readState(ctx, tx, id)
	if err != nil {
		return cur, err
	}
	return cur, erpps.CheckPlannedOn(cur.rpps, cur.revision, principal, baseRevision)
}

// withdrawPair withdraws the request in cur and, when it is one of a moved
// cabinet's pair, the other one if it is not decided yet.
func withdrawPair(ctx context.Context, tx pgx.Tx, cur state, actor erpps.Actor, comment string, now time.Time) error {
	if err := transition(ctx, tx, cur, erpps.StatusWithdrawn, actor, comment, now); err != nil {
		return err
	}
	partners, err := linkedTo(ctx, tx, cur)
	if err != nil {
		return err
	}
	for _, p := range partners {
		if erpps.CheckTransition(p.status, erpps.StatusWithdrawn, actor) != nil {
			continue // decided already, or never transmitted
		}
		if err := transition(ctx, tx, p, erpps.StatusWithdrawn, actor, "Retrait de la demande liée", now); err != nil {
			return err
		}
	}
	return nil
}

// linkedTo reads and locks the requests linked to cur: the new activity of a
// cessation, the cessation of a new activity.
func linkedTo(ctx context.Context, tx pgx.Tx, cur state) ([]state, error) {
	var ids []string
	if cur.linked != "" {
		ids = append(ids, cur.linked)
	}
	rows, err := tx.Query(ctx, `SELECT id FROM requests WHERE linked_request_id = $1 ORDER BY seq`, cur.id)
	if err != nil {
		return nil, fmt.Errorf("read the linked requests: %w", err)
	}
	more, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		return nil, fmt.Errorf("read the linked requests: %w", err)
	}
	ids = append(ids, more...)
	out := make([]state, 0, len(ids))
	for _, id := range ids {
		st, err := readState(ctx, tx, id)
		if erpps.ErrorCode(err) == erpps.ENOTFOUND {
			continue
		}
		if err != nil {
			return nil, err
		}
		out = append(out, st)
	}
	return out, nil
}

// transmitLinked creates the linked cessation of the moved cabinet in cur,
// transmitted, unless it has one already; a cessation draft of the same
// activity is replaced.
func transmitLinked(ctx context.Context, tx pgx.Tx, cur state, c erpps.Request, actor erpps.Actor, now time.Time) error {
	var existing int
	if err := tx.QueryRow(ctx,
		`SELECT count(*) FROM requests WHERE linked_request_id = $1`, cur.id).Scan(&existing); err != nil {
		return fmt.Errorf("read the linked requests: %w", err)
	}
	if existing > 0 {
		return nil // transmitted again after a complement: it keeps its cessation
	}
	if err := erpps.CheckPayload(c.Payload); err != nil {
		return err
	}
	var open int
	if err := tx.QueryRow(ctx, `SELECT count(*) FROM requests
		WHERE rpps = $1 AND kind = $2 AND target_id = $3 AND status = ANY($4)`,
		cur.rpps, string(erpps.KindCeaseActivity), c.TargetID, openStatuses[1:]).Scan(&open); err != nil {
		return fmt.Errorf("read the cessations: %w", err)
	}
	if open > 0 {
		return erpps.Errorf(erpps.ECONFLICT, "La cessation de l'activité que remplace la nouvelle est déjà transmise : retirez-la avant de déclarer le déménagement.")
	}
	if _, err := tx.Exec(ctx, `DELETE FROM requests WHERE rpps = $1 AND kind = $2 AND target_id = $3 AND status = $4`,
		cur.rpps, string(erpps.KindCeaseActivity), c.TargetID, string(erpps.StatusDraft)); err != nil {
		return fmt.Errorf("replace the cessation draft: %w", err)
	}
	// The plan names it (erpps.LinkedCessationID), so that the desktop and
	// the server create the same request.
	id := c.ID
	if id == "" {
		var err error
		if id, err = storekit.NewID(); err != nil {
			return err
		}
	}
	if _, err := tx.Exec(ctx, `
		INSERT INTO requests (id, rpps, kind, status, target_id, linked_request_id, department,
			payload, revision, created_at, updated_at, transmitted_at,
			updated_by_role, updated_by_id, updated_by_name)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 1, $9, $9, NULL, $10, $11, $12)`,
		id, cur.rpps, string(erpps.KindCeaseActivity), string(erpps.StatusDraft), c.TargetID, cur.id,
		c.Department, string(c.Payload), now, string(actor.Role), actor.ID, actor.Name); err != nil {
		return fmt.Errorf("insert the linked cessation: %w", err)
	}
	created := erpps.RequestEvent{To: erpps.StatusDraft, At: now, Actor: actor, Principal: cur.rpps}
	if err := insertEvent(ctx, tx, id, created); err != nil {
		return err
	}
	cease := state{id: id, rpps: cur.rpps, linked: cur.id, kind: erpps.KindCeaseActivity, status: erpps.StatusDraft, revision: 1}
	return transition(ctx, tx, cease, erpps.StatusTransmitted, actor, "Demande liée à un déménagement", now)
}
