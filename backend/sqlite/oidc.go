package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"erpps/backend/erpps"
)

func oidcNotFound() *erpps.Error {
	return erpps.NotFound("Cette demande de connexion ou ce jeton n'existe pas ou a expiré.")
}

func oidcInvalid(rec *erpps.OIDCRecord) error {
	if rec == nil || rec.Kind == "" || rec.ID == "" || rec.ExpiresAt.IsZero() {
		return erpps.Invalid("Un enregistrement OpenID Connect doit avoir un type, un identifiant et une expiration.")
	}
	return nil
}

// PutOIDCRecord adds rec; a (Kind, ID) already kept is ECONFLICT.
func (db *DB) PutOIDCRecord(ctx context.Context, rec *erpps.OIDCRecord) error {
	if err := oidcInvalid(rec); err != nil {
		return err
	}
	err := db.inWriteTx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `
			INSERT INTO oidc_records (kind, id, grant_id, subject, data, expires_at) VALUES (?, ?, ?, ?, ?, ?)`,
			rec.Kind, rec.ID, rec.GrantID, rec.Subject, rec.Data, formatTime(rec.ExpiresAt))
		if isConstraint(err) {
			return erpps.Errorf(erpps.ECONFLICT, "Cet enregistrement OpenID Connect existe déjà.")
		}
		if err != nil {
			return fmt.Errorf("store: unable to insert the OIDC record: %w", err)
		}
		return nil
	})
	return db.storeError("keep the OIDC record", err)
}

func scanOIDC(row interface{ Scan(...any) error }, now time.Time) (*erpps.OIDCRecord, error) {
	var rec erpps.OIDCRecord
	var expires string
	err := row.Scan(&rec.Kind, &rec.ID, &rec.GrantID, &rec.Subject, &rec.Data, &expires)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, oidcNotFound()
	}
	if err != nil {
		return nil, fmt.Errorf("store: unable to read the OIDC record: %w", err)
	}
	if rec.ExpiresAt, err = parseTime(expires); err != nil {
		return nil, err
	}
	if !now.Before(rec.ExpiresAt) {
		return nil, oidcNotFound()
	}
	if rec.Data == nil {
		rec.Data = []byte{}
	}
	return &rec, nil
}

const oidcColumns = `kind, id, grant_id, subject, data, expires_at`

// GetOIDCRecord returns the record, ENOTFOUND when unknown or expired at now.
func (db *DB) GetOIDCRecord(ctx context.Context, kind, id string, now time.Time) (*erpps.OIDCRecord, error) {
	if db.read == nil {
		return nil, errors.New("store: the database is not open")
	}
	rec, err := scanOIDC(db.read.QueryRowContext(ctx, `SELECT `+oidcColumns+` FROM oidc_records WHERE kind = ? AND id = ?`, kind, id), now)
	if err != nil {
		return nil, db.storeError("read the OIDC record", err)
	}
	return rec, nil
}

// UpdateOIDCRecord replaces the grant, subject, data and expiry of a live record.
func (db *DB) UpdateOIDCRecord(ctx context.Context, rec *erpps.OIDCRecord, now time.Time) error {
	if err := oidcInvalid(rec); err != nil {
		return err
	}
	err := db.inWriteTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `
			UPDATE oidc_records SET grant_id = ?, subject = ?, data = ?, expires_at = ?
			WHERE kind = ? AND id = ? AND expires_at > ?`,
			rec.GrantID, rec.Subject, rec.Data, formatTime(rec.ExpiresAt), rec.Kind, rec.ID, formatTime(now))
		if err != nil {
			return fmt.Errorf("store: unable to update the OIDC record: %w", err)
		}
		if n, err := res.RowsAffected(); err != nil || n == 0 {
			if err != nil {
				return fmt.Errorf("store: unable to update the OIDC record: %w", err)
			}
			return oidcNotFound()
		}
		return nil
	})
	return db.storeError("update the OIDC record", err)
}

// TakeOIDCRecord deletes the live record and returns it, in one transaction.
func (db *DB) TakeOIDCRecord(ctx context.Context, kind, id string, now time.Time) (*erpps.OIDCRecord, error) {
	var rec *erpps.OIDCRecord
	err := db.inWriteTx(ctx, func(tx *sql.Tx) error {
		var err error
		rec, err = scanOIDC(tx.QueryRowContext(ctx, `DELETE FROM oidc_records WHERE kind = ? AND id = ? RETURNING `+oidcColumns, kind, id), now)
		return err
	})
	if err != nil {
		return nil, db.storeError("take the OIDC record", err)
	}
	return rec, nil
}

// DeleteOIDCRecord deletes one record; an unknown one is not an error.
func (db *DB) DeleteOIDCRecord(ctx context.Context, kind, id string) error {
	_, err := db.deleteOIDC(ctx, `DELETE FROM oidc_records WHERE kind = ? AND id = ?`, kind, id)
	return err
}

// DeleteOIDCGrant deletes every record of the grant.
func (db *DB) DeleteOIDCGrant(ctx context.Context, grantID string) (int, error) {
	if grantID == "" {
		return 0, nil
	}
	return db.deleteOIDC(ctx, `DELETE FROM oidc_records WHERE grant_id = ?`, grantID)
}

// DeleteOIDCSubject deletes every record of the subject.
func (db *DB) DeleteOIDCSubject(ctx context.Context, subject string) (int, error) {
	if subject == "" {
		return 0, nil
	}
	return db.deleteOIDC(ctx, `DELETE FROM oidc_records WHERE subject = ?`, subject)
}

// DeleteExpiredOIDCRecords deletes the records expired at now.
func (db *DB) DeleteExpiredOIDCRecords(ctx context.Context, now time.Time) (int, error) {
	return db.deleteOIDC(ctx, `DELETE FROM oidc_records WHERE expires_at <= ?`, formatTime(now))
}

func (db *DB) deleteOIDC(ctx context.Context, query string, args ...any) (int, error) {
	var n int64
	err := db.inWriteTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, query, args...)
		if err != nil {
			return fmt.Errorf("store: unable to delete OIDC records: %w", err)
		}
		n, err = res.RowsAffected()
		if err != nil {
			return fmt.Errorf("store: unable to count deleted OIDC records: %w", err)
		}
		return nil
	})
	if err != nil {
		return 0, db.storeError("delete OIDC records", err)
	}
	return int(n), nil
}
