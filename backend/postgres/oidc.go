package postgres

import (
	"context"
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

const oidcColumns = `kind, id, grant_id, subject, data, expires_at`

// PutOIDCRecord adds rec; a (Kind, ID) already kept is ECONFLICT.
func (db *DB) PutOIDCRecord(ctx context.Context, rec *erpps.OIDCRecord) error {
	if err := oidcInvalid(rec); err != nil {
		return err
	}
	data := rec.Data
	if data == nil {
		data = []byte{}
	}
	_, err := db.pool.Exec(ctx, `
		INSERT INTO oidc_records (kind, id, grant_id, subject, data, expires_at) VALUES ($1, $2, $3, $4, $5, $6)`,
		rec.Kind, rec.ID, rec.GrantID, rec.Subject, data, stamp(rec.ExpiresAt))
	if isUnique(err, "") {
		return erpps.Errorf(erpps.ECONFLICT, "Cet enregistrement OpenID Connect existe déjà.")
	}
	return storeError("keep the OIDC record", err)
}

func scanOIDC(row interface{ Scan(...any) error }, now time.Time) (*erpps.OIDCRecord, error) {
	var rec erpps.OIDCRecord
	err := row.Scan(&rec.Kind, &rec.ID, &rec.GrantID, &rec.Subject, &rec.Data, &rec.ExpiresAt)
	if errNoRows(err) {
		return nil, oidcNotFound()
	}
	if err != nil {
		return nil, err
	}
	rec.ExpiresAt = rec.ExpiresAt.UTC()
	if !now.Before(rec.ExpiresAt) {
		return nil, oidcNotFound()
	}
	if rec.Data == nil {
		rec.Data = []byte{}
	}
	return &rec, nil
}

// GetOIDCRecord returns the record, ENOTFOUND when unknown or expired at now.
func (db *DB) GetOIDCRecord(ctx context.Context, kind, id string, now time.Time) (*erpps.OIDCRecord, error) {
	rec, err := scanOIDC(db.pool.QueryRow(ctx, `SELECT `+oidcColumns+` FROM oidc_records WHERE kind = $1 AND id = $2`, kind, id), now)
	if err != nil {
		return nil, storeError("read the OIDC record", err)
	}
	return rec, nil
}

// UpdateOIDCRecord replaces the grant, subject, data and expiry of a live record.
func (db *DB) UpdateOIDCRecord(ctx context.Context, rec *erpps.OIDCRecord, now time.Time) error {
	if err := oidcInvalid(rec); err != nil {
		return err
	}
	data := rec.Data
	if data == nil {
		data = []byte{}
	}
	tag, err := db.pool.Exec(ctx, `
		UPDATE oidc_records SET grant_id = $1, subject = $2, data = $3, expires_at = $4
		WHERE kind = $5 AND id = $6 AND expires_at > $7`,
		rec.GrantID, rec.Subject, data, stamp(rec.ExpiresAt), rec.Kind, rec.ID, stamp(now))
	if err != nil {
		return storeError("update the OIDC record", err)
	}
	if tag.RowsAffected() == 0 {
		return oidcNotFound()
	}
	return nil
}

// TakeOIDCRecord deletes the live record and returns it, in one statement.
func (db *DB) TakeOIDCRecord(ctx context.Context, kind, id string, now time.Time) (*erpps.OIDCRecord, error) {
	rec, err := scanOIDC(db.pool.QueryRow(ctx, `DELETE FROM oidc_records WHERE kind = $1 AND id = $2 RETURNING `+oidcColumns, kind, id), now)
	if err != nil {
		return nil, storeError("take the OIDC record", err)
	}
	return rec, nil
}

// DeleteOIDCRecord deletes one record; an unknown one is not an error.
func (db *DB) DeleteOIDCRecord(ctx context.Context, kind, id string) error {
	_, err := db.deleteOIDC(ctx, `DELETE FROM oidc_records WHERE kind = $1 AND id = $2`, kind, id)
	return err
}

// DeleteOIDCGrant deletes every record of the grant.
func (db *DB) DeleteOIDCGrant(ctx context.Context, grantID string) (int, error) {
	if grantID == "" {
		return 0, nil
	}
	return db.deleteOIDC(ctx, `DELETE FROM oidc_records WHERE grant_id = $1`, grantID)
}

// DeleteOIDCSubject deletes every record of the subject.
func (db *DB) DeleteOIDCSubject(ctx context.Context, subject string) (int, error) {
	if subject == "" {
		return 0, nil
	}
	return db.deleteOIDC(ctx, `DELETE FROM oidc_records WHERE subject = $1`, subject)
}

// DeleteExpiredOIDCRecords deletes the records expired at now.
func (db *DB) DeleteExpiredOIDCRecords(ctx context.Context, now time.Time) (int, error) {
	return db.deleteOIDC(ctx, `DELETE FROM oidc_records WHERE expires_at <= $1`, stamp(now))
}

func (db *DB) deleteOIDC(ctx context.Context, query string, args ...any) (int, error) {
	tag, err := db.pool.Exec(ctx, query, args...)
	if err != nil {
		return 0, storeError("delete OIDC records", err)
	}
	return int(tag.RowsAffected()), nil
}
