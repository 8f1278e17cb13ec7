package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"erpps/backend/erpps"
)

var (
	_ erpps.AttestationRegistry = (*DB)(nil)
	_ erpps.SettingsStore       = (*DB)(nil)
)

// NextAttestationNumber draws the next number of year, "ATT-2026-000001"
// then "ATT-2026-000002"..., atomically: two callers never get the same one.
func (db *DB) NextAttestationNumber(ctx context.Context, year int) (string, error) {
	if year < 1 || year > 9999 {
		return "", erpps.Invalid("Année d'attestation invalide.")
	}
	var last int64
	err := db.inWriteTx(ctx, func(tx *sql.Tx) error {
		if err := tx.QueryRowContext(ctx, `
			INSERT INTO attestation_counters (year, last) VALUES (?, 1)
			ON CONFLICT (year) DO UPDATE SET last = last + 1
			RETURNING last`, year).Scan(&last); err != nil {
			return fmt.Errorf("store: unable to draw an attestation number: %w", err)
		}
		return nil
	})
	if err != nil {
		return "", db.storeError("draw an attestation number", err)
	}
	return fmt.Sprintf("ATT-%04d-%06d", year, last), nil
}

// RecordAttestation keeps the record of an issued attestation; a number
// already recorded is ECONFLICT.
func (db *DB) RecordAttestation(ctx context.Context, a erpps.IssuedAttestation) error {
	if a.Number == "" || a.RPPS == "" {
		return erpps.Invalid("Le numéro d'attestation et le numéro RPPS sont obligatoires.")
	}
	if a.IssuedAt.IsZero() {
		a.IssuedAt = db.now()
	}
	err := db.inWriteTx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `
			INSERT INTO attestations (number, rpps, issued_at, payload_hash) VALUES (?, ?, ?, ?)`,
			a.Number, a.RPPS, formatTime(a.IssuedAt), a.PayloadHash)
		if isConstraint(err) {
			return erpps.Errorf(erpps.ECONFLICT, "Ce numéro d'attestation a déjà été attribué.")
		}
		if err != nil {
			return fmt.Errorf("store: unable to record the attestation: %w", err)
		}
		return nil
	})
	return db.storeError("record the attestation", err)
}

// FindAttestation returns the record of an attestation by number, or
// ENOTFOUND.
func (db *DB) FindAttestation(ctx context.Context, number string) (*erpps.IssuedAttestation, error) {
	a := &erpps.IssuedAttestation{Number: number}
	err := db.inReadTx(ctx, func(tx *sql.Tx) error {
		var issued string
		err := tx.QueryRowContext(ctx,
			`SELECT rpps, issued_at, payload_hash FROM attestations WHERE number = ?`, number).
			Scan(&a.RPPS, &issued, &a.PayloadHash)
		if errors.Is(err, sql.ErrNoRows) {
			return erpps.NotFound("Aucune attestation ne porte ce numéro.")
		}
		if err != nil {
			return fmt.Errorf("store: unable to read the attestation: %w", err)
		}
		a.IssuedAt, err = parseTime(issued)
		return err
	})
	if err != nil {
		return nil, db.storeError("find the attestation", err)
	}
	return a, nil
}
