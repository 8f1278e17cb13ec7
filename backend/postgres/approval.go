package postgres

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"

	"erpps/backend/erpps"
	"erpps/backend/internal/storekit"
)

const approvalColumns = `id, request_id, revision, payload_hash, approved_by_role, approved_by_id,
	approved_by_name, approved_at, expires_at, used_at`

func scanApproval(row pgx.Row) (*erpps.Approval, error) {
	a := &erpps.Approval{}
	var role string
	var usedAt *time.Time
	if err := row.Scan(&a.ID, &a.RequestID, &a.Revision, &a.PayloadHash, &role, &a.ApprovedBy.ID,
		&a.ApprovedBy.Name, &a.ApprovedAt, &a.ExpiresAt, &usedAt); err != nil {
		return nil, err
	}
	a.ApprovedBy.Role = erpps.Role(role)
	a.ApprovedAt, a.ExpiresAt = a.ApprovedAt.UTC(), a.ExpiresAt.UTC()
	if usedAt != nil {
		t := usedAt.UTC()
		a.UsedAt = &t
	}
	return a, nil
}

func approvalNotFound() *erpps.Error { return erpps.NotFound("Cet accord n'existe pas.") }

// CreateApproval keeps a; an empty ID is drawn, a zero ApprovedAt is now.
// The request must exist (ENOTFOUND).
func (db *DB) CreateApproval(ctx context.Context, a *erpps.Approval) error {
	if a == nil || a.RequestID == "" || a.Revision < 1 || strings.TrimSpace(a.PayloadHash) == "" ||
		!a.ExpiresAt.After(a.ApprovedAt) {
		return erpps.Invalid("L'accord doit nommer la demande, sa version, l'empreinte de son contenu et expirer après avoir été donné.")
	}
	if a.ID == "" {
		id, err := storekit.NewID()
		if err != nil {
			return storeError("record the approval", err)
		}
		a.ID = id
	}
	if a.ApprovedAt.IsZero() {
		a.ApprovedAt = db.now()
	}
	a.ApprovedAt, a.ExpiresAt = stamp(a.ApprovedAt), stamp(a.ExpiresAt)
	_, err := db.pool.Exec(ctx, `
		INSERT INTO approvals (id, request_id, revision, payload_hash, approved_by_role, approved_by_id,
			approved_by_name, approved_at, expires_at, used_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, NULL)`,
		a.ID, a.RequestID, a.Revision, a.PayloadHash, string(a.ApprovedBy.Role), a.ApprovedBy.ID,
		a.ApprovedBy.Name, a.ApprovedAt, a.ExpiresAt)
	switch {
	case isForeignKey(err):
		return requestNotFound()
	case isUnique(err, ""):
		return erpps.Errorf(erpps.ECONFLICT, "Cet accord existe déjà.")
	case err != nil:
		return storeError("record the approval", err)
	}
	a.UsedAt = nil
	return nil
}

// payloadHash is the hex SHA-256 of a payload's bytes as stored: what an
// approval is bound to.
func payloadHash(payload []byte) string {
	sum := sha256.Sum256(payload)
	return hex.EncodeToString(sum[:])
}

// FindApprovalByID returns the approval, ENOTFOUND when none.
func (db *DB) FindApprovalByID(ctx context.Context, id string) (*erpps.Approval, error) {
	a, err := scanApproval(db.pool.QueryRow(ctx, `SELECT `+approvalColumns+` FROM approvals WHERE id = $1`, id))
	if errNoRows(err) {
		return nil, approvalNotFound()
	}
	if err != nil {
		return nil, storeError("find the approval", err)
	}
	return a, nil
}

// useApproval checks, in the transmit transaction and under the approval's
// row lock, that the approval exists, is unused, unexpired at use.At and
// names this request, the revision transmitted and the hash of the payload
// stored at that revision, then marks it used: an approval is used once,
// whichever process transmits. EFORBIDDEN otherwise.
func useApproval(ctx context.Context, tx pgx.Tx, requestID string, revision int64, use erpps.ApprovalUse) error {
	refused := erpps.Errorf(erpps.EFORBIDDEN,
		"L'accord du professionnel ne porte pas sur cette version de la demande, a déjà servi ou a expiré : demandez-lui de l'approuver à nouveau.")
	a, err := scanApproval(tx.QueryRow(ctx, `SELECT `+approvalColumns+` FROM approvals WHERE id = $1 FOR UPDATE`, use.ID))
	if errNoRows(err) {
		return refused
	}
	if err != nil {
		return fmt.Errorf("read the approval: %w", err)
	}
	var payload []byte
	if err := tx.QueryRow(ctx, `SELECT payload FROM requests WHERE id = $1`, requestID).Scan(&payload); err != nil {
		return fmt.Errorf("read the approved payload: %w", err)
	}
	if a.RequestID != requestID || a.UsedAt != nil || !use.At.Before(a.ExpiresAt) ||
		a.Revision != revision || use.Revision != revision ||
		a.PayloadHash != use.PayloadHash || a.PayloadHash != payloadHash(payload) {
		return refused
	}
	if _, err := tx.Exec(ctx, `UPDATE approvals SET used_at = $2 WHERE id = $1`, a.ID, stamp(use.At)); err != nil {
		return fmt.Errorf("use the approval: %w", err)
	}
	return nil
}
