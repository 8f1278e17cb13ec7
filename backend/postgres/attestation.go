package postgres

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"

	"erpps/backend/erpps"
)

// attestationNumber writes the number of the seq-th attestation of year.
func attestationNumber(year int, seq int64) string {
	return fmt.Sprintf("ATT-%04d-%06d", year, seq)
}

// parseAttestationNumber reads "ATT-2026-000001" back.
func parseAttestationNumber(number string) (year int, seq int64, ok bool) {
	if len(number) != len("ATT-2026-000001") {
		return 0, 0, false
	}
	if _, err := fmt.Sscanf(number, "ATT-%04d-%06d", &year, &seq); err != nil || year < 1 || seq < 1 {
		return 0, 0, false
	}
	return year, seq, attestationNumber(year, seq) == number
}

// PeekAttestationNumber returns the number the next attestation of year would
// take, "ATT-2026-000001" then "ATT-2026-000002"..., without taking it.
func (db *DB) PeekAttestationNumber(ctx context.Context, year int) (string, error) {
	if year < 1 || year > 9999 {
		return "", erpps.Invalid("Année d'attestation invalide.")
	}
	var last int64
	err := db.pool.QueryRow(ctx, `SELECT last FROM attestation_counters WHERE year = $1`, year).Scan(&last)
	if err != nil && !errNoRows(err) {
		return "", storeError("read the attestation counter", err)
	}
	return attestationNumber(year, last+1), nil
}

// RecordAttestation takes a.Number, which must be the next number of its
// year, and keeps the record of the attestation, in one transaction. The
// counter moves from seq-1 to seq by a conditional update: of two callers,
// in any processes, that drew the same number, the second waits for the
// first's row lock, then finds the counter moved and gets ECONFLICT.
func (db *DB) RecordAttestation(ctx context.Context, a erpps.IssuedAttestation) error {
	if a.Number == "" || a.RPPS == "" {
		return erpps.Invalid("Le numéro d'attestation et le numéro RPPS sont obligatoires.")
	}
	year, seq, ok := parseAttestationNumber(a.Number)
	if !ok {
		return erpps.Invalid("Numéro d'attestation invalide.")
	}
	if a.IssuedAt.IsZero() {
		a.IssuedAt = db.now()
	}
	taken := erpps.Errorf(erpps.ECONFLICT, "Ce numéro d'attestation a déjà été attribué.")
	return db.inTx(ctx, "record the attestation", func(tx pgx.Tx) error {
		query := `UPDATE attestation_counters SET last = $2 WHERE year = $1 AND last = $2 - 1`
		if seq == 1 {
			query = `INSERT INTO attestation_counters AS c (year, last) VALUES ($1, $2)
				ON CONFLICT (year) DO UPDATE SET last = $2 WHERE c.last = $2 - 1`
		}
		tag, err := tx.Exec(ctx, query, year, seq)
		if err != nil {
			return fmt.Errorf("take an attestation number: %w", err)
		}
		if tag.RowsAffected() != 1 {
			return taken
		}
		_, err = tx.Exec(ctx, `
			INSERT INTO attestations (number, rpps, issued_at, payload_hash) VALUES ($1, $2, $3, $4)`,
			a.Number, a.RPPS, stamp(a.IssuedAt), a.PayloadHash)
		if isUnique(err, "") {
			return taken
		}
		if err != nil {
			return fmt.Errorf("record the attestation: %w", err)
		}
		return nil
	})
}

// ReleaseAttestation gives back the number of an attestation that was not
// delivered: its record is deleted and, when it is the last number of its
// year, the counter steps back so that the next attestation takes it.
func (db *DB) ReleaseAttestation(ctx context.Context, number string) error {
	year, seq, ok := parseAttestationNumber(number)
	if !ok {
		return erpps.Invalid("Numéro d'attestation invalide.")
	}
	return db.inTx(ctx, "release the attestation", func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, `DELETE FROM attestations WHERE number = $1`, number); err != nil {
			return fmt.Errorf("release the attestation: %w", err)
		}
		if _, err := tx.Exec(ctx, `
			UPDATE attestation_counters SET last = last - 1 WHERE year = $1 AND last = $2`, year, seq); err != nil {
			return fmt.Errorf("release the attestation number: %w", err)
		}
		return nil
	})
}

// FindAttestation returns the record of an attestation by number, or
// ENOTFOUND.
func (db *DB) FindAttestation(ctx context.Context, number string) (*erpps.IssuedAttestation, error) {
	a := &erpps.IssuedAttestation{Number: number}
	err := db.pool.QueryRow(ctx, `SELECT rpps, issued_at, payload_hash FROM attestations WHERE number = $1`, number).
		Scan(&a.RPPS, &a.IssuedAt, &a.PayloadHash)
	if errNoRows(err) {
		return nil, erpps.NotFound("Aucune attestation ne porte ce numéro.")
	}
	if err != nil {
		return nil, storeError("find the attestation", err)
	}
	a.IssuedAt = a.IssuedAt.UTC()
	return a, nil
}
