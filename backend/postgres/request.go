package postgres

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/jackc/pgx/v5"

	"erpps/backend/erpps"
	"erpps/backend/internal/storekit"
)

// CreateRequest stores r as a new draft at revision 1, its history starting
// with its creation by actor. An empty ID is replaced by a random UUID and an
// empty payload by {}. r is updated with what was stored. A second draft of
// the same kind on the same object is ECONFLICT (a unique index holds it,
// whichever process creates it).
func (db *DB) CreateRequest(ctx context.Context, r *erpps.Request, actor erpps.Actor) error {
	if err := storekit.PrepareNewRequest(r); err != nil {
		return storeError("create the request", err)
	}
	now := db.now()
	created := erpps.RequestEvent{From: "", To: erpps.StatusDraft, At: now, Actor: actor, Principal: r.RPPS}
	err := db.inTx(ctx, "create the request", func(tx pgx.Tx) error {
		_, err := tx.Exec(ctx, `
			INSERT INTO requests (id, rpps, kind, status, target_id, linked_request_id, department,
				payload, revision, deadline, reason, created_at, updated_at, transmitted_at,
				updated_by_role, updated_by_id, updated_by_name)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $15, $9, $10, $11, $11, NULL, $12, $13, $14)`,
			r.ID, r.RPPS, string(r.Kind), string(erpps.StatusDraft), r.TargetID, r.LinkedRequestID,
			r.Department, string(r.Payload), r.Deadline, r.Reason, now,
			string(actor.Role), actor.ID, actor.Name, r.Revision)
		switch {
		case isForeignKey(err):
			return practitionerNotFound()
		case isUnique(err, "requests_pkey"):
			return erpps.Errorf(erpps.ECONFLICT, "Une demande portant cet identifiant existe déjà.")
		case isUnique(err, ""):
			return erpps.Errorf(erpps.ECONFLICT, "Une demande de ce type est déjà en cours de préparation : reprenez-la dans « Consulter ma demande en cours ».")
		case err != nil:
			return fmt.Errorf("insert the request: %w", err)
		}
		return insertEvent(ctx, tx, r.ID, created)
	})
	if err != nil {
		return err
	}
	r.Status = erpps.StatusDraft
	r.CreatedAt, r.UpdatedAt, r.TransmittedAt, r.UpdatedBy = now, now, nil, actor
	r.History = []erpps.RequestEvent{created}
	return nil
}

// FindRequestByID returns the request with its history, or ENOTFOUND.
func (db *DB) FindRequestByID(ctx context.Context, id string) (*erpps.Request, error) {
	var r *erpps.Request
	err := db.inReadTx(ctx, "find the request", func(tx pgx.Tx) error {
		var err error
		r, err = findRequest(ctx, tx, id)
		return err
	})
	if err != nil {
		return nil, err
	}
	return r, nil
}

// ListRequests returns the requests matching filter, newest first, with
// their histories (unless WithoutHistory). A limit of 0 means no limit.
func (db *DB) ListRequests(ctx context.Context, filter erpps.RequestFilter) ([]*erpps.Request, error) {
	var conds []string
	var a args
	if filter.RPPS != "" {
		conds = append(conds, "rpps = "+a.add(filter.RPPS))
	}
	if filter.Kind != "" {
		conds = append(conds, "kind = "+a.add(string(filter.Kind)))
	}
	if filter.TargetID != "" {
		conds = append(conds, "target_id = "+a.add(filter.TargetID))
	}
	if len(filter.Statuses) > 0 {
		conds = append(conds, "status = ANY("+a.add(strs(filter.Statuses))+")")
	}
	query := `SELECT ` + requestColumns + ` FROM requests`
	if len(conds) > 0 {
		query += ` WHERE ` + strings.Join(conds, " AND ")
	}
	query += ` ORDER BY created_at DESC, seq DESC`
	if filter.Limit > 0 {
		query += ` LIMIT ` + a.add(filter.Limit)
	}
	var out []*erpps.Request
	err := db.inReadTx(ctx, "list requests", func(tx pgx.Tx) error {
		var err error
		if out, err = queryRequests(ctx, tx, query, a...); err != nil {
			return err
		}
		if filter.WithoutHistory {
			return nil
		}
		return attachHistory(ctx, tx, out)
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// openStatuses are the statuses of requests still in the works.
var openStatuses = []string{string(erpps.StatusDraft), string(erpps.StatusTransmitted),
	string(erpps.StatusUnderReview), string(erpps.StatusComplementRequested)}

// FindRequestWithRecord reads, in one read transaction, the request with its
// history, its practitioner and the practitioner's other open requests
// (newest first, without history): every read in one round trip, the
// practitioner found from the request.
func (db *DB) FindRequestWithRecord(ctx context.Context, id string) (*erpps.RequestWithRecord, error) {
	const rppsOf = `(SELECT rpps FROM requests WHERE id = $1)`
	out := &erpps.RequestWithRecord{}
	err := db.inReadTx(ctx, "find the request", func(tx pgx.Tx) error {
		b := &pgx.Batch{}
		queueRequest(b, id)
		queuePractitioner(b, rppsOf, id)
		b.Queue(`SELECT `+requestColumns+` FROM requests
			WHERE rpps = `+rppsOf+` AND id <> $1 AND status = ANY($2)
			ORDER BY created_at DESC, seq DESC`, id, openStatuses)
		br := tx.SendBatch(ctx, b)
		err := readWithRecord(br, id, out)
		if cerr := br.Close(); err == nil && cerr != nil {
			err = fmt.Errorf("read the request: %w", cerr)
		}
		return err
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// readWithRecord reads the results of FindRequestWithRecord's batch.
func readWithRecord(br pgx.BatchResults, id string, out *erpps.RequestWithRecord) error {
	var err error
	if out.Request, err = readRequest(br, id); err != nil {
		return err
	}
	if out.Practitioner, err = readPractitioner(br, out.Request.RPPS); err != nil {
		return err
	}
	others, err := scanRequests(br)
	if len(others) > 0 {
		out.Others = others
	}
	return err
}

// errNoRows tells whether err is "no row".
func errNoRows(err error) bool { return errors.Is(err, pgx.ErrNoRows) }
