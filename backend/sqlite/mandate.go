package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"erpps/backend/erpps"
	"erpps/backend/internal/storekit"
)

// mandateColumns are the columns scanMandate reads, in its order.
const mandateColumns = `id, rpps, secretary_id, secretary_name, kinds, created_at, expires_at,
	revoked_at, revoked_by_role, revoked_by_id, revoked_by_name`

// CreateMandate keeps m. An empty ID is replaced by a random UUID and a zero
// CreatedAt by now; the rules of a mandate (who grants it, its length) are
// the delegation service's. An id already taken is ECONFLICT. On the
// server's store the grant logs the practitioner's record and each of their
// requests anew in the change log (trigger of migration 0009), so that the
// secretary's desktop pulls them.
func (db *DB) CreateMandate(ctx context.Context, m *erpps.Mandate) error {
	if err := checkMandate(m); err != nil {
		return err
	}
	if m.ID == "" {
		id, err := storekit.NewID()
		if err != nil {
			return db.storeError("create the mandate", err)
		}
		m.ID = id
	}
	if m.CreatedAt.IsZero() {
		m.CreatedAt = db.now()
	}
	kinds, err := json.Marshal(m.Kinds)
	if err != nil {
		return db.storeError("encode the mandate's kinds", err)
	}
	err = db.inWriteTx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `
			INSERT INTO mandates (id, rpps, secretary_id, secretary_name, kinds, created_at, expires_at)
			VALUES (?, ?, ?, ?, ?, ?, ?)`,
			m.ID, m.RPPS, m.SecretaryID, m.SecretaryName, string(kinds),
			formatTime(m.CreatedAt), formatTime(m.ExpiresAt))
		if isConstraint(err) {
			return erpps.Errorf(erpps.ECONFLICT, "Ce mandat existe déjà.")
		}
		if err != nil {
			return fmt.Errorf("store: unable to insert the mandate: %w", err)
		}
		return nil
	})
	if err != nil {
		return db.storeError("create the mandate", err)
	}
	m.RevokedAt, m.RevokedBy = nil, nil
	return nil
}

// checkMandate rejects what the schema cannot hold.
func checkMandate(m *erpps.Mandate) error {
	if m == nil || strings.TrimSpace(m.RPPS) == "" || strings.TrimSpace(m.SecretaryID) == "" ||
		len(m.Kinds) == 0 || m.ExpiresAt.IsZero() {
		return erpps.Invalid("Le mandat doit nommer le professionnel, le secrétariat, les types de demande et son expiration.")
	}
	for _, k := range m.Kinds {
		if !k.Valid() {
			return erpps.Invalid("Type de demande inconnu dans le mandat.")
		}
	}
	return nil
}

// FindMandateByID returns the mandate, ENOTFOUND when none has that id.
func (db *DB) FindMandateByID(ctx context.Context, id string) (*erpps.Mandate, error) {
	var m *erpps.Mandate
	err := db.inReadTx(ctx, func(tx *sql.Tx) error {
		var err error
		m, err = scanMandate(tx.QueryRowContext(ctx, `SELECT `+mandateColumns+` FROM mandates WHERE id = ?`, id))
		return err
	})
	if err != nil {
		return nil, db.storeError("find the mandate", err)
	}
	return m, nil
}

// ListMandates returns the mandates of a practitioner, of a secretary, or
// of both, oldest first, revoked and expired ones included. An empty filter
// is EINVALID: nobody lists every mandate.
func (db *DB) ListMandates(ctx context.Context, filter erpps.MandateFilter) ([]*erpps.Mandate, error) {
	var conds []string
	var args []any
	if filter.RPPS != "" {
		conds, args = append(conds, "rpps = ?"), append(args, filter.RPPS)
	}
	if filter.SecretaryID != "" {
		conds, args = append(conds, "secretary_id = ?"), append(args, filter.SecretaryID)
	}
	if len(conds) == 0 {
		return nil, erpps.Invalid("Précisez le professionnel ou le secrétariat dont lister les mandats.")
	}
	out := []*erpps.Mandate{}
	err := db.inReadTx(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT `+mandateColumns+` FROM mandates WHERE `+
			strings.Join(conds, " AND ")+` ORDER BY created_at, id`, args...)
		if err != nil {
			return fmt.Errorf("store: unable to list mandates: %w", err)
		}
		defer rows.Close()
		for rows.Next() {
			m, err := scanMandate(rows)
			if err != nil {
				return err
			}
			out = append(out, m)
		}
		return rows.Err()
	})
	if err != nil {
		return nil, db.storeError("list mandates", err)
	}
	return out, nil
}

// RevokeMandate ends the mandate at `at`, by `by`: ENOTFOUND when unknown,
// ECONFLICT when it was revoked already.
func (db *DB) RevokeMandate(ctx context.Context, id string, by erpps.Actor, at time.Time) error {
	err := db.inWriteTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `
			UPDATE mandates SET revoked_at = ?, revoked_by_role = ?, revoked_by_id = ?, revoked_by_name = ?
			WHERE id = ? AND revoked_at IS NULL`,
			append(append([]any{formatTime(at)}, actorArgs(by)...), id)...)
		if err != nil {
			return fmt.Errorf("store: unable to revoke the mandate: %w", err)
		}
		if n, err := res.RowsAffected(); err != nil {
			return fmt.Errorf("store: unable to revoke the mandate: %w", err)
		} else if n == 1 {
			return nil
		}
		var known int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM mandates WHERE id = ?`, id).Scan(&known); err != nil {
			return fmt.Errorf("store: unable to read the mandate: %w", err)
		}
		if known == 0 {
			return mandateNotFound()
		}
		return erpps.Errorf(erpps.ECONFLICT, "Ce mandat a déjà été révoqué.")
	})
	return db.storeError("revoke the mandate", err)
}

func mandateNotFound() *erpps.Error { return erpps.NotFound("Ce mandat n'existe pas.") }

// scanMandate reads the mandateColumns of one row.
func scanMandate(row scanner) (*erpps.Mandate, error) {
	var m erpps.Mandate
	var kinds, created, expires, byRole, byID, byName string
	var revoked sql.NullString
	err := row.Scan(&m.ID, &m.RPPS, &m.SecretaryID, &m.SecretaryName, &kinds, &created, &expires,
		&revoked, &byRole, &byID, &byName)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, mandateNotFound()
	}
	if err != nil {
		return nil, fmt.Errorf("store: unable to read a mandate: %w", err)
	}
	if err := json.Unmarshal([]byte(kinds), &m.Kinds); err != nil {
		return nil, fmt.Errorf("store: bad mandate kinds: %w", err)
	}
	if m.CreatedAt, err = parseTime(created); err != nil {
		return nil, err
	}
	if m.ExpiresAt, err = parseTime(expires); err != nil {
		return nil, err
	}
	if revoked.Valid {
		t, err := parseTime(revoked.String)
		if err != nil {
			return nil, err
		}
		m.RevokedAt = &t
		m.RevokedBy = &erpps.Actor{Role: erpps.Role(byRole), ID: byID, Name: byName}
	}
	return &m, nil
}
