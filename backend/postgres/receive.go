package postgres

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"

	"erpps/backend/erpps"
)

// ReceiveRequest stores a request transmitted elsewhere (a desktop) as it
// is, with its history, in one transaction; an id already known is
// ECONFLICT, a practitioner the register does not know ENOTFOUND.
func (db *DB) ReceiveRequest(ctx context.Context, r *erpps.Request) error {
	if err := r.CheckReceived(); err != nil {
		return err
	}
	r.CreatedAt, r.UpdatedAt = stamp(r.CreatedAt), stamp(r.UpdatedAt)
	if r.TransmittedAt != nil {
		t := stamp(*r.TransmittedAt)
		r.TransmittedAt = &t
	}
	for i := range r.History {
		r.History[i].At = stamp(r.History[i].At)
	}
	if r.History == nil {
		r.History = []erpps.RequestEvent{}
	}
	return db.inTx(ctx, "receive the request", func(tx pgx.Tx) error {
		_, err := tx.Exec(ctx, `
			INSERT INTO requests (id, rpps, kind, status, target_id, linked_request_id, department,
				payload, revision, deadline, reason, created_at, updated_at, transmitted_at,
				updated_by_role, updated_by_id, updated_by_name)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)`,
			r.ID, r.RPPS, string(r.Kind), string(r.Status), r.TargetID, r.LinkedRequestID, r.Department,
			string(r.Payload), r.Revision, r.Deadline, r.Reason, r.CreatedAt, r.UpdatedAt, r.TransmittedAt,
			string(r.UpdatedBy.Role), r.UpdatedBy.ID, r.UpdatedBy.Name)
		switch {
		case isForeignKey(err):
			return practitionerNotFound()
		case isUnique(err, "requests_pkey"):
			return erpps.Errorf(erpps.ECONFLICT, "Cette demande a déjà été reçue.")
		case isUnique(err, ""):
			return erpps.Errorf(erpps.ECONFLICT, "Une demande de ce type est déjà en cours de préparation pour ce dossier.")
		case err != nil:
			return fmt.Errorf("insert the request: %w", err)
		}
		for _, e := range r.History {
			if err := insertEvent(ctx, tx, r.ID, e); err != nil {
				return err
			}
		}
		return nil
	})
}
