package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"erpps/backend/erpps"
)

// ReceiveRequest stores a request transmitted elsewhere (a desktop) as it
// is: its status, revision, times, last writer and history. An id already
// known is ECONFLICT; an unknown practitioner is ENOTFOUND.
func (db *DB) ReceiveRequest(ctx context.Context, r *erpps.Request) error {
	if err := r.CheckReceived(); err != nil {
		return err
	}
	var transmitted any
	if r.TransmittedAt != nil {
		transmitted = formatTime(*r.TransmittedAt)
	}
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
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			r.ID, r.RPPS, string(r.Kind), string(r.Status), r.TargetID, r.LinkedRequestID, r.Department,
			string(r.Payload), r.Revision, r.Deadline, r.Reason, formatTime(r.CreatedAt), formatTime(r.UpdatedAt),
			transmitted, string(r.UpdatedBy.Role), r.UpdatedBy.ID, r.UpdatedBy.Name); err != nil {
			if isConstraint(err) && strings.Contains(err.Error(), "requests.id") {
				return erpps.Errorf(erpps.ECONFLICT, "Cette demande a déjà été reçue.")
			}
			if isConstraint(err) {
				return erpps.Errorf(erpps.ECONFLICT, "Une demande de ce type est déjà en cours de préparation pour ce dossier.")
			}
			return fmt.Errorf("store: unable to insert the received request: %w", err)
		}
		for _, e := range r.History {
			if err := insertEvent(ctx, tx, r.ID, e); err != nil {
				return err
			}
		}
		return nil
	})
	return db.storeError("receive the request", err)
}
