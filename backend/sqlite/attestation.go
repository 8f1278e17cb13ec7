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

// PeekAttestationNumber returns the number the next attestation of year would
// take, "ATT-2026-000001" then "ATT-2026-000002"..., without taking it.
func (db *DB) PeekAttestationNumber(ctx context.Context, year int) (string, error) {
	if err := erpps.CheckAttestationYear(year); err != nil {
		return "", err
	}
	var last int64
	err := db.inReadTx(ctx, func(tx *sql.Tx) error {
		err := tx.QueryRowContext(ctx, `SELECT last FROM attestation_counters WHERE year = ?`, year).Scan(&last)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("store: unable to read the attestation counter: %w", err)
		}
		return nil
	})
	if err != nil {
		return "", db.storeError("read the attestation counter", err)
	}
	return erpps.AttestationNumber(year, last+1), nil
}

// RecordAttestation takes a.Number, which must be the next number of its
// year, and keeps the record of the attestation, in one transaction: two
// callers never take the same number; the one that comes second gets
// ECONFLICT and draws again.
func (db *DB) RecordAttestation(ctx context.Context, a erpps.IssuedAttestation) error {
	year, seq, err := a.Slot()
	if err != nil {
		return err
	}
	if a.IssuedAt.IsZero() {
		a.IssuedAt = db.now()
	}
	taken := erpps.Errorf(erpps.ECONFLICT, "Ce numéro d'attestation a déjà été attribué.")
	err = db.inWriteTx(ctx, func(tx *sql.Tx) error {
		// The counter moves from seq-1 to seq, or nothing moves.
		query := `UPDATE attestation_counters SET last = ?2 WHERE year = ?1 AND last = ?2 - 1`
		if seq == 1 {
			query = `INSERT INTO attestation_counters (year, last) VALUES (?1, ?2)
				ON CONFLICT (year) DO UPDATE SET last = ?2 WHERE last = ?2 - 1`
		}
		res, err := tx.ExecContext(ctx, query, year, seq)
		if err != nil {
			return fmt.Errorf("store: unable to take an attestation number: %w", err)
		}
		if n, err := res.RowsAffected(); err != nil {
			return fmt.Errorf("store: unable to take an attestation number: %w", err)
		} else if n != 1 {
			return taken
		}
		_, err = tx.ExecContext(ctx, `
			INSERT INTO attestations (number, rpps, issued_at, payload_hash) VALUES (?, ?, ?, ?)`,
			a.Number, a.RPPS, formatTime(a.IssuedAt), a.PayloadHash)
		if isConstraint(err) {
			return taken
		}
		if err != nil {
			return fmt.Errorf("store: unable to record the attestation: %w", err)
		}
		return nil
	})
	return db.storeError("record the attestation", err)
}

// ReleaseAttestation gives back the number of an attestation that was not
// delivered: its record is deleted and, when it is the last number of its
// year, the counter steps back so that the next attestation takes it.
func (db *DB) ReleaseAttestation(ctx context.Context, number string) error {
	year, seq, err := erpps.ReadAttestationNumber(number)
	if err != nil {
		return err
	}
	err = db.inWriteTx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `DELETE FROM attestations WHERE number = ?`, number); err != nil {
			return fmt.Errorf("store: unable to release the attestation: %w", err)
		}
		if _, err := tx.ExecContext(ctx, `
			UPDATE attestation_counters SET last = last - 1 WHERE year = ? AND last = ?`, year, seq); err != nil {
			return fmt.Errorf("store: unable to release the attestation number: %w", err)
		}
		return nil
	})
	return db.storeError("release the attestation", err)
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
