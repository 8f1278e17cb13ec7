package postgres

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"

	"erpps/backend/erpps"
	"erpps/backend/internal/storekit"
)

const mandateColumns = `id, rpps, secretary_id, secretary_name, kinds, created_at, expires_at,
	revoked_at, revoked_by_role, revoked_by_id, revoked_by_name`

func scanMandate(row pgx.Row) (*erpps.Mandate, error) {
	m := &erpps.Mandate{}
	var kinds []string
	var revokedAt *time.Time
	var by erpps.Actor
	var role string
	if err := row.Scan(&m.ID, &m.RPPS, &m.SecretaryID, &m.SecretaryName, &kinds, &m.CreatedAt, &m.ExpiresAt,
		&revokedAt, &role, &by.ID, &by.Name); err != nil {
		return nil, err
	}
	m.CreatedAt, m.ExpiresAt = m.CreatedAt.UTC(), m.ExpiresAt.UTC()
	m.Kinds = make([]erpps.RequestKind, len(kinds))
	for i, k := range kinds {
		m.Kinds[i] = erpps.RequestKind(k)
	}
	if revokedAt != nil {
		t := revokedAt.UTC()
		by.Role = erpps.Role(role)
		m.RevokedAt, m.RevokedBy = &t, &by
	}
	return m, nil
}

func mandateNotFound() *erpps.Error { return erpps.NotFound("Ce mandat n'existe pas.") }

// CreateMandate keeps m; an empty ID is drawn, a zero CreatedAt is now.
// The grant logs the practitioner's record and each of their requests anew
// in the change log, so that the secretary's desktop pulls them.
func (db *DB) CreateMandate(ctx context.Context, m *erpps.Mandate) error {
	if m == nil || strings.TrimSpace(m.RPPS) == "" || strings.TrimSpace(m.SecretaryID) == "" ||
		len(m.Kinds) == 0 || m.ExpiresAt.IsZero() {
		return erpps.Invalid("Le mandat doit nommer le professionnel, le secrétariat, les types de demande et son expiration.")
	}
	for _, k := range m.Kinds {
		if !k.Valid() {
			return erpps.Invalid("Type de demande inconnu dans le mandat.")
		}
	}
	if m.ID == "" {
		id, err := storekit.NewID()
		if err != nil {
			return storeError("create the mandate", err)
		}
		m.ID = id
	}
	if m.CreatedAt.IsZero() {
		m.CreatedAt = db.now()
	}
	m.CreatedAt, m.ExpiresAt = stamp(m.CreatedAt), stamp(m.ExpiresAt)
	// A write transaction (the change counter's lock first): the grant logs
	// the practitioner's record and requests for the secretary's desktop
	// (trigger of migration 0004).
	err := db.inTx(ctx, "create the mandate", func(tx pgx.Tx) error {
		_, err := tx.Exec(ctx, `
			INSERT INTO mandates (id, rpps, secretary_id, secretary_name, kinds, created_at, expires_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7)`,
			m.ID, m.RPPS, m.SecretaryID, m.SecretaryName, strs(m.Kinds), m.CreatedAt, m.ExpiresAt)
		if isUnique(err, "") {
			return erpps.Errorf(erpps.ECONFLICT, "Ce mandat existe déjà.")
		}
		return err
	})
	if err != nil {
		return err
	}
	m.RevokedAt, m.RevokedBy = nil, nil
	return nil
}

// FindMandateByID returns the mandate, ENOTFOUND when none.
func (db *DB) FindMandateByID(ctx context.Context, id string) (*erpps.Mandate, error) {
	m, err := scanMandate(db.pool.QueryRow(ctx, `SELECT `+mandateColumns+` FROM mandates WHERE id = $1`, id))
	if errNoRows(err) {
		return nil, mandateNotFound()
	}
	if err != nil {
		return nil, storeError("find the mandate", err)
	}
	return m, nil
}

// ListMandates returns the mandates of a practitioner, of a secretary, or
// of both, oldest first, revoked and expired ones included. An empty filter
// is EINVALID: nobody lists every mandate.
func (db *DB) ListMandates(ctx context.Context, filter erpps.MandateFilter) ([]*erpps.Mandate, error) {
	if filter.RPPS == "" && filter.SecretaryID == "" {
		return nil, erpps.Invalid("Précisez le professionnel ou le secrétariat dont lister les mandats.")
	}
	rows, err := db.pool.Query(ctx, `SELECT `+mandateColumns+` FROM mandates
		WHERE ($1 = '' OR rpps = $1) AND ($2 = '' OR secretary_id = $2)
		ORDER BY created_at, id`, filter.RPPS, filter.SecretaryID)
	if err != nil {
		return nil, storeError("list mandates", err)
	}
	defer rows.Close()
	out := []*erpps.Mandate{}
	for rows.Next() {
		m, err := scanMandate(rows)
		if err != nil {
			return nil, storeError("list mandates", err)
		}
		out = append(out, m)
	}
	if err := rows.Err(); err != nil {
		return nil, storeError("list mandates", err)
	}
	return out, nil
}

// RevokeMandate ends the mandate at `at`, by `by`; revoking it twice is
// ECONFLICT (a conditional update: of two revocations at once, one wins).
func (db *DB) RevokeMandate(ctx context.Context, id string, by erpps.Actor, at time.Time) error {
	return db.inTx(ctx, "revoke the mandate", func(tx pgx.Tx) error {
		tag, err := tx.Exec(ctx, `
			UPDATE mandates SET revoked_at = $2, revoked_by_role = $3, revoked_by_id = $4, revoked_by_name = $5
			WHERE id = $1 AND revoked_at IS NULL`, id, stamp(at), string(by.Role), by.ID, by.Name)
		if err != nil {
			return fmt.Errorf("revoke: %w", err)
		}
		if tag.RowsAffected() == 1 {
			return nil
		}
		var n int
		if err := tx.QueryRow(ctx, `SELECT count(*) FROM mandates WHERE id = $1`, id).Scan(&n); err != nil {
			return fmt.Errorf("read the mandate: %w", err)
		}
		if n == 0 {
			return mandateNotFound()
		}
		return erpps.Errorf(erpps.ECONFLICT, "Ce mandat a déjà été révoqué.")
	})
}
