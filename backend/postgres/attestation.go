package postgres

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"

	"erpps/backend/erpps"
)

// PeekAttestationNumber returns the number the next attestation of year would
// take, "ATT-2026-000001" then "ATT-2026-000002"..., without taking it.
func (db *DB) PeekAttestationNumber(ctx context.Context, year int) (string, error) {
	if err := erpps.CheckAttestationYear(year); err != nil {
		return "", err
	}
	var last int64
	err := db.pool.QueryRow(ctx, `SELECT last FROM attestation_counters WHERE year = $1`, year).Scan(&last)
	if err != nil && !errNoRows(err) {
		return "", storeError("read the attestation counter", err)
	}
	return erpps.AttestationNumber(year, last+1), nil
}

// RecordAttestation takes a.Number, which must be the next number of its
// year, and keeps the record of the attestation, in one transaction. The
// counter moves from seq-1 to seq by a conditional update: of two callers,
// in any processes, that drew the same number, the second waits for the
// first's row lock, then finds the counter moved and gets ECONFLICT.
func (db *DB) RecordAttestation(ctx context.Context, a erpps.IssuedAttestation) error {
	year, seq, err := a.Slot()
	if err != nil {
		return err
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
	year, seq, err := erpps.ReadAttestationNumber(number)
	if err != nil {
		return err
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
