package sqlite

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"time"

	"erpps/backend/erpps"
	"erpps/backend/internal/storekit"
)

// approvalColumns are the columns scanApproval reads, in its order.
const approvalColumns = `id, request_id, revision, payload_hash, approved_by_role, approved_by_id,
	approved_by_name, approved_at, expires_at, used_at`

// CreateApproval keeps a practitioner's approval. An empty ID is replaced by
// a random UUID; the request must exist (ENOTFOUND); an id already taken is
// ECONFLICT.
func (db *DB) CreateApproval(ctx context.Context, a *erpps.Approval) error {
	if a == nil || a.RequestID == "" || a.Revision < 1 || strings.TrimSpace(a.PayloadHash) == "" ||
		!a.ExpiresAt.After(a.ApprovedAt) {
		return erpps.Invalid("L'accord doit nommer la demande, sa version, l'empreinte de son contenu et expirer après avoir été donné.")
	}
	if a.ID == "" {
		id, err := storekit.NewID()
		if err != nil {
			return db.storeError("create the approval", err)
		}
		a.ID = id
	}
	err := db.inWriteTx(ctx, func(tx *sql.Tx) error {
		if _, err := readState(ctx, tx, a.RequestID); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `
			INSERT INTO approvals (id, request_id, revision, payload_hash, approved_by_role, approved_by_id,
				approved_by_name, approved_at, expires_at, used_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)`,
			a.ID, a.RequestID, a.Revision, a.PayloadHash, string(a.ApprovedBy.Role), a.ApprovedBy.ID,
			a.ApprovedBy.Name, formatTime(a.ApprovedAt), formatTime(a.ExpiresAt))
		if isConstraint(err) {
			return erpps.Errorf(erpps.ECONFLICT, "Cet accord existe déjà.")
		}
		if err != nil {
			return fmt.Errorf("store: unable to insert the approval: %w", err)
		}
		return nil
	})
	if err != nil {
		return db.storeError("create the approval", err)
	}
	a.UsedAt = nil
	return nil
}

// FindApprovalByID returns the approval, ENOTFOUND when none has that id.
func (db *DB) FindApprovalByID(ctx context.Context, id string) (*erpps.Approval, error) {
	var a *erpps.Approval
	err := db.inReadTx(ctx, func(tx *sql.Tx) error {
		var err error
		a, err = scanApproval(tx.QueryRowContext(ctx, `SELECT `+approvalColumns+` FROM approvals WHERE id = ?`, id))
		return err
	})
	if err != nil {
		return nil, db.storeError("find the approval", err)
	}
	return a, nil
}

// payloadHash is the hex SHA-256 of a payload's bytes as stored: what an
// approval is bound to (requests.PayloadHash computes the same).
func payloadHash(payload []byte) string {
	sum := sha256.Sum256(payload)
	return hex.EncodeToString(sum[:])
}

// useApproval checks, in the transmit transaction, that the approval exists,
// is unused and unexpired at use.At, and names this request, the revision
// transmitted and the hash of the payload stored at that revision, then
// marks it used. Anything else is EFORBIDDEN.
func useApproval(ctx context.Context, tx *sql.Tx, requestID string, revision int64, use erpps.ApprovalUse) error {
	refused := erpps.Errorf(erpps.EFORBIDDEN,
		"L'accord du professionnel ne porte pas sur cette version de la demande, a déjà servi ou a expiré : demandez-lui de l'approuver à nouveau.")
	a, err := scanApproval(tx.QueryRowContext(ctx, `SELECT `+approvalColumns+` FROM approvals WHERE id = ?`, use.ID))
	if erpps.ErrorCode(err) == erpps.ENOTFOUND {
		return refused
	}
	if err != nil {
		return err
	}
	var payload string
	if err := tx.QueryRowContext(ctx, `SELECT payload FROM requests WHERE id = ?`, requestID).Scan(&payload); err != nil {
		return fmt.Errorf("store: unable to read the approved payload: %w", err)
	}
	if a.RequestID != requestID || a.UsedAt != nil || !use.At.Before(a.ExpiresAt) ||
		a.Revision != revision || use.Revision != revision ||
		a.PayloadHash != use.PayloadHash || a.PayloadHash != payloadHash([]byte(payload)) {
		return refused
	}
	res, err := tx.ExecContext(ctx, `UPDATE approvals SET used_at = ? WHERE id = ? AND used_at IS NULL`,
		formatTime(use.At), a.ID)
	if err != nil {
		return fmt.Errorf("store: unable to use the approval: %w", err)
	}
	if n, err := res.RowsAffected(); err != nil {
		return fmt.Errorf("store: unable to use the approval: %w", err)
	} else if n != 1 {
		return refused
	}
	return nil
}

func approvalNotFound() *erpps.Error { return erpps.NotFound("Cet accord n'existe pas.") }

// scanApproval reads the approvalColumns of one row.
func scanApproval(row scanner) (*erpps.Approval, error) {
	var a erpps.Approval
	var role, approved, expires string
	var used sql.NullString
	err := row.Scan(&a.ID, &a.RequestID, &a.Revision, &a.PayloadHash, &role, &a.ApprovedBy.ID,
		&a.ApprovedBy.Name, &approved, &expires, &used)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, approvalNotFound()
	}
	if err != nil {
		return nil, fmt.Errorf("store: unable to read an approval: %w", err)
	}
	a.ApprovedBy.Role = erpps.Role(role)
	if a.ApprovedAt, err = parseTime(approved); err != nil {
		return nil, err
	}
	if a.ExpiresAt, err = parseTime(expires); err != nil {
		return nil, err
	}
	if used.Valid {
		t, err := parseTime(used.String)
		if err != nil {
			return nil, err
		}
		a.UsedAt = &t
	}
	return &a, nil
}

// usedAt is the time an approval is used when the plan gives none.
func usedAt(use *erpps.ApprovalUse, now time.Time) {
	if use.At.IsZero() {
		use.At = now
	}
}
