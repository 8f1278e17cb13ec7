package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"erpps/backend/erpps"
	"erpps/backend/internal/storekit"
)

// RequestService is implemented by *DB.
var _ erpps.RequestService = (*DB)(nil)

// CreateRequest stores r as a new draft at revision 1, its history starting
// with its creation by actor. An empty ID is replaced by a random UUID and an
// empty payload by {}. r is updated with what was stored.
func (db *DB) CreateRequest(ctx context.Context, r *erpps.Request, actor erpps.Actor) error {
	if err := storekit.PrepareNewRequest(r); err != nil {
		return db.storeError("create the request", err)
	}
	now := db.now()
	created := erpps.RequestEvent{From: "", To: erpps.StatusDraft, At: now, Actor: actor, Principal: r.RPPS}
	err := db.inWriteTx(ctx, func(tx *sql.Tx) error {
		var known int
		if err := tx.QueryRowContext(ctx,
			`SELECT count(*) FROM practitioners WHERE rpps = ?`, r.RPPS).Scan(&known); err != nil {
			return fmt.Errorf("store: unable to check the practitioner: %w", err)
		}
		if known == 0 {
			return erpps.NotFound("Aucun professionnel n'est enregistré sous ce numéro RPPS.")
		}
		if _, err := tx.ExecContext(ctx, `
			INSERT INTO requests (id, rpps, kind, status, target_id, linked_request_id, department,
				payload, revision, deadline, reason, created_at, updated_at, transmitted_at,
				updated_by_role, updated_by_id, updated_by_name)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?)`,
			r.ID, r.RPPS, string(r.Kind), string(erpps.StatusDraft), r.TargetID, r.LinkedRequestID,
			r.Department, string(r.Payload), r.Revision, r.Deadline, r.Reason, formatTime(now), formatTime(now),
			string(actor.Role), actor.ID, actor.Name); err != nil {
			if isConstraint(err) && strings.Contains(err.Error(), "requests.id") {
				return erpps.Errorf(erpps.ECONFLICT, "Une demande portant cet identifiant existe déjà.")
			}
			if isConstraint(err) {
				return erpps.Errorf(erpps.ECONFLICT, "Une demande de ce type est déjà en cours de préparation : reprenez-la dans « Consulter ma demande en cours ».")
			}
			return fmt.Errorf("store: unable to insert the request: %w", err)
		}
		if err := insertEvent(ctx, tx, r.ID, created); err != nil {
			return err
		}
		if db.Replica {
			return recordSave(ctx, tx, r, actor, now)
		}
		return nil
	})
	if err != nil {
		return db.storeError("create the request", err)
	}
	r.Status = erpps.StatusDraft
	r.CreatedAt, r.UpdatedAt, r.TransmittedAt, r.UpdatedBy = now, now, nil, actor
	r.History = []erpps.RequestEvent{created}
	return nil
}

// FindRequestByID returns the request with its history, or ENOTFOUND.
func (db *DB) FindRequestByID(ctx context.Context, id string) (*erpps.Request, error) {
	var r *erpps.Request
	err := db.inReadTx(ctx, func(sqlTx *sql.Tx) error {
		var err error
		r, err = findRequest(ctx, cachedTx{sqlTx, &db.stmts, db.read}, id)
		return err
	})
	db.stmts.prepareWanted(ctx)
	if err != nil {
		return nil, db.storeError("find the request", err)
	}
	return r, nil
}

// ListRequests returns the requests matching filter, newest first, with
// their histories. A limit of 0 means no limit.
func (db *DB) ListRequests(ctx context.Context, filter erpps.RequestFilter) ([]*erpps.Request, error) {
	var conds []string
	var args []any
	if filter.RPPS != "" {
		conds, args = append(conds, "rpps = ?"), append(args, filter.RPPS)
	}
	if filter.Kind != "" {
		conds, args = append(conds, "kind = ?"), append(args, string(filter.Kind))
	}
	if filter.TargetID != "" {
		conds, args = append(conds, "target_id = ?"), append(args, filter.TargetID)
	}
	if len(filter.Statuses) > 0 {
		conds = append(conds, "status IN ("+placeholders(len(filter.Statuses))+")")
		for _, s := range filter.Statuses {
			args = append(args, string(s))
		}
	}
	query := `SELECT ` + requestColumns + ` FROM requests`
	if len(conds) > 0 {
		query += ` WHERE ` + strings.Join(conds, " AND ")
	}
	query += ` ORDER BY created_at DESC, rowid DESC`
	if filter.Limit > 0 {
		query += ` LIMIT ?`
		args = append(args, filter.Limit)
	}

	out := []*erpps.Request{}
	err := db.inReadTx(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, query, args...)
		if err != nil {
			return fmt.Errorf("store: unable to list requests: %w", err)
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
			return fmt.Errorf("store: unable to list requests: %w", err)
		}
		if filter.WithoutHistory {
			return nil
		}
		return attachHistory(ctx, tx, out)
	})
	if err != nil {
		return nil, db.storeError("list requests", err)
	}
	return out, nil
}
