package postgres

import (
	"context"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"

	"erpps/backend/erpps"
	"erpps/backend/internal/storekit"
)

// ECPSSecret implements erpps.ECPSStore.
func (db *DB) ECPSSecret(ctx context.Context, fresh []byte) ([]byte, error) {
	if len(fresh) < 32 {
		return nil, erpps.Invalid("Le secret e-CPS doit comporter au moins 32 octets.")
	}
	if _, err := db.pool.Exec(ctx, `INSERT INTO ecps_secret (id, secret) VALUES (1, $1) ON CONFLICT (id) DO NOTHING`, fresh); err != nil {
		return nil, storeError("keep the e-CPS secret", err)
	}
	var kept []byte
	if err := db.pool.QueryRow(ctx, `SELECT secret FROM ecps_secret WHERE id = 1`).Scan(&kept); err != nil {
		return nil, storeError("read the e-CPS secret", err)
	}
	return kept, nil
}

// SetECPSPassword implements erpps.ECPSStore.
func (db *DB) SetECPSPassword(ctx context.Context, rpps, hash string, at time.Time) error {
	if rpps == "" || hash == "" {
		return erpps.Invalid("L'enrôlement e-CPS doit nommer le professionnel et l'empreinte du mot de passe.")
	}
	_, err := db.pool.Exec(ctx, `
		INSERT INTO ecps_enrolments (rpps, password_hash, updated_at) VALUES ($1, $2, $3)
		ON CONFLICT (rpps) DO UPDATE SET password_hash = excluded.password_hash, updated_at = excluded.updated_at`,
		rpps, hash, stamp(at))
	return storeError("keep the e-CPS password", err)
}

// ECPSPassword implements erpps.ECPSStore.
func (db *DB) ECPSPassword(ctx context.Context, rpps string) (string, error) {
	var hash string
	err := db.pool.QueryRow(ctx, `SELECT password_hash FROM ecps_enrolments WHERE rpps = $1`, rpps).Scan(&hash)
	if errNoRows(err) {
		return "", erpps.NotFound("Ce professionnel n'a pas activé e-CPS.")
	}
	if err != nil {
		return "", storeError("read the e-CPS password", err)
	}
	return hash, nil
}

// CreateECPSDevice implements erpps.ECPSStore.
func (db *DB) CreateECPSDevice(ctx context.Context, d *erpps.ECPSDevice) error {
	if d == nil || d.RPPS == "" || len(d.PublicKey) == 0 || d.CreatedAt.IsZero() {
		return erpps.Invalid("L'appareil doit nommer le professionnel, sa clé publique et sa date d'enrôlement.")
	}
	if d.ID == "" {
		id, err := storekit.NewID()
		if err != nil {
			return storeError("enrol the device", err)
		}
		d.ID = id
	}
	d.CreatedAt = stamp(d.CreatedAt)
	_, err := db.pool.Exec(ctx, `INSERT INTO ecps_devices (id, rpps, name, public_key, created_at) VALUES ($1, $2, $3, $4, $5)`,
		d.ID, d.RPPS, d.Name, d.PublicKey, d.CreatedAt)
	if isUnique(err, "") {
		return erpps.Errorf(erpps.ECONFLICT, "Cet appareil est déjà enrôlé.")
	}
	if err != nil {
		return storeError("enrol the device", err)
	}
	d.RevokedAt = nil
	return nil
}

// FindECPSDevice implements erpps.ECPSStore.
func (db *DB) FindECPSDevice(ctx context.Context, id string) (*erpps.ECPSDevice, error) {
	var d erpps.ECPSDevice
	err := db.pool.QueryRow(ctx, `SELECT id, rpps, name, public_key, created_at, revoked_at FROM ecps_devices WHERE id = $1`, id).
		Scan(&d.ID, &d.RPPS, &d.Name, &d.PublicKey, &d.CreatedAt, &d.RevokedAt)
	if errNoRows(err) {
		return nil, erpps.NotFound("Cet appareil n'est pas enrôlé.")
	}
	if err != nil {
		return nil, storeError("find the device", err)
	}
	d.CreatedAt = d.CreatedAt.UTC()
	if d.RevokedAt != nil {
		t := d.RevokedAt.UTC()
		d.RevokedAt = &t
	}
	return &d, nil
}

// RevokeECPSDevice implements erpps.ECPSStore.
func (db *DB) RevokeECPSDevice(ctx context.Context, id string, at time.Time) error {
	tag, err := db.pool.Exec(ctx, `UPDATE ecps_devices SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL`, stamp(at), id)
	if err != nil {
		return storeError("revoke the device", err)
	}
	if tag.RowsAffected() == 1 {
		return nil
	}
	if _, err := db.FindECPSDevice(ctx, id); err != nil {
		return err
	}
	return erpps.Errorf(erpps.ECONFLICT, "Cet appareil est déjà révoqué.")
}

// CreateECPSNonce implements erpps.ECPSStore.
func (db *DB) CreateECPSNonce(ctx context.Context, deviceID string, nonceHash []byte, expiresAt time.Time) error {
	_, err := db.pool.Exec(ctx, `INSERT INTO ecps_nonces (nonce_hash, device_id, expires_at) VALUES ($1, $2, $3)`,
		nonceHash, deviceID, stamp(expiresAt))
	if isUnique(err, "") {
		return erpps.Errorf(erpps.ECONFLICT, "Ce défi existe déjà.")
	}
	return storeError("keep the challenge", err)
}

// UseECPSNonce implements erpps.ECPSStore.
func (db *DB) UseECPSNonce(ctx context.Context, deviceID string, nonceHash []byte, now time.Time) error {
	tag, err := db.pool.Exec(ctx, `UPDATE ecps_nonces SET used_at = $1
		WHERE nonce_hash = $2 AND device_id = $3 AND used_at IS NULL AND expires_at > $1`,
		stamp(now), nonceHash, deviceID)
	if err != nil {
		return storeError("use the challenge", err)
	}
	if tag.RowsAffected() != 1 {
		return erpps.Errorf(erpps.EUNAUTHORIZED, erpps.MsgECPSBadSignature)
	}
	_, err = db.pool.Exec(ctx, `DELETE FROM ecps_nonces WHERE expires_at < $1`, stamp(now.Add(-time.Hour)))
	return storeError("forget the spent challenges", err)
}

const ecpsTxColumns = `id, type, rpps, label, status, message, created_at, expires_at, decided_at,
	auth_request_id, code, choices, completed_at, request_id, revision, payload_hash, binding_code,
	requested_by, approval_id`

// CreateECPSTransaction implements erpps.ECPSStore.
func (db *DB) CreateECPSTransaction(ctx context.Context, t *erpps.ECPSTransaction) error {
	if t == nil || (t.Type != erpps.ECPSLogin && t.Type != erpps.ECPSApproval) || t.RPPS == "" ||
		!t.ExpiresAt.After(t.CreatedAt) {
		return erpps.Invalid("La transaction e-CPS doit avoir un type, nommer le professionnel et expirer après sa création.")
	}
	if t.ID == "" {
		id, err := storekit.NewID()
		if err != nil {
			return storeError("create the e-CPS transaction", err)
		}
		t.ID = id
	}
	t.Status, t.Message, t.DecidedAt, t.CompletedAt, t.ApprovalID = erpps.ECPSPending, "", nil, nil, ""
	t.CreatedAt, t.ExpiresAt = stamp(t.CreatedAt), stamp(t.ExpiresAt)
	_, err := db.pool.Exec(ctx, `INSERT INTO ecps_transactions (id, type, rpps, label, status, created_at,
			expires_at, auth_request_id, code, choices, request_id, revision, payload_hash, binding_code, requested_by)
		VALUES ($1, $2, $3, $4, 'pending', $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
		t.ID, string(t.Type), t.RPPS, t.Label, t.CreatedAt, t.ExpiresAt, t.AuthRequestID,
		t.Code, strings.Join(t.Choices, ","), t.RequestID, t.Revision, t.PayloadHash, t.BindingCode, t.RequestedBy)
	if isUnique(err, "") {
		return erpps.Errorf(erpps.ECONFLICT, "Cette transaction existe déjà.")
	}
	return storeError("create the e-CPS transaction", err)
}

// FindECPSTransaction implements erpps.ECPSStore.
func (db *DB) FindECPSTransaction(ctx context.Context, id string) (*erpps.ECPSTransaction, error) {
	t, err := scanECPSTransaction(db.pool.QueryRow(ctx, `SELECT `+ecpsTxColumns+` FROM ecps_transactions WHERE id = $1`, id))
	if errNoRows(err) {
		return nil, ecpsTxNotFound()
	}
	if err != nil {
		return nil, storeError("find the e-CPS transaction", err)
	}
	return t, nil
}

// PendingECPSTransactions implements erpps.ECPSStore.
func (db *DB) PendingECPSTransactions(ctx context.Context, rpps string, now time.Time) ([]*erpps.ECPSTransaction, error) {
	rows, err := db.pool.Query(ctx, `SELECT `+ecpsTxColumns+` FROM ecps_transactions
		WHERE rpps = $1 AND status = 'pending' AND expires_at > $2 ORDER BY created_at, id`, rpps, stamp(now))
	if err != nil {
		return nil, storeError("list the pending e-CPS transactions", err)
	}
	defer rows.Close()
	var out []*erpps.ECPSTransaction
	for rows.Next() {
		t, err := scanECPSTransaction(rows)
		if err != nil {
			return nil, storeError("list the pending e-CPS transactions", err)
		}
		out = append(out, t)
	}
	return out, storeError("list the pending e-CPS transactions", rows.Err())
}

// DecideECPSTransaction implements erpps.ECPSStore.
func (db *DB) DecideECPSTransaction(ctx context.Context, id string, d erpps.ECPSDecision) error {
	if d.Status != erpps.ECPSApproved && d.Status != erpps.ECPSRefused && d.Status != erpps.ECPSCancelled {
		return erpps.Invalid("Une transaction e-CPS s'achève approuvée, refusée ou annulée.")
	}
	tag, err := db.pool.Exec(ctx, `UPDATE ecps_transactions SET status = $1, message = $2, approval_id = $3, decided_at = $4
		WHERE id = $5 AND status = 'pending' AND expires_at > $4`,
		string(d.Status), d.Message, d.ApprovalID, stamp(d.At), id)
	return db.oneRowOrWhy(ctx, "end the e-CPS transaction", tag, err, id)
}

// CompleteECPSLogin implements erpps.ECPSStore.
func (db *DB) CompleteECPSLogin(ctx context.Context, id, authRequestID string, at time.Time) error {
	tag, err := db.pool.Exec(ctx, `UPDATE ecps_transactions SET completed_at = $1
		WHERE id = $2 AND type = 'login' AND status = 'approved' AND completed_at IS NULL
			AND auth_request_id = $3 AND auth_request_id <> ''`, stamp(at), id, authRequestID)
	return db.oneRowOrWhy(ctx, "complete the e-CPS login", tag, err, id)
}

// DeleteExpiredECPS implements erpps.ECPSStore.
func (db *DB) DeleteExpiredECPS(ctx context.Context, before time.Time) (int, error) {
	n := 0
	for _, q := range []string{`DELETE FROM ecps_transactions WHERE expires_at < $1`, `DELETE FROM ecps_nonces WHERE expires_at < $1`} {
		tag, err := db.pool.Exec(ctx, q, stamp(before))
		if err != nil {
			return n, storeError("forget the expired e-CPS transactions", err)
		}
		n += int(tag.RowsAffected())
	}
	return n, nil
}

// oneRowOrWhy is nil when the update changed one row; else ENOTFOUND when
// the transaction does not exist, ECONFLICT when not in the state needed.
func (db *DB) oneRowOrWhy(ctx context.Context, what string, tag pgconn.CommandTag, err error, id string) error {
	if err != nil {
		return storeError(what, err)
	}
	if tag.RowsAffected() == 1 {
		return nil
	}
	if _, err := db.FindECPSTransaction(ctx, id); err != nil {
		return err
	}
	return erpps.Errorf(erpps.ECONFLICT, erpps.MsgECPSTransactionOver)
}

func ecpsTxNotFound() *erpps.Error { return erpps.NotFound("Cette transaction e-CPS n'existe pas.") }

func scanECPSTransaction(row pgx.Row) (*erpps.ECPSTransaction, error) {
	var t erpps.ECPSTransaction
	var typ, status, choices string
	err := row.Scan(&t.ID, &typ, &t.RPPS, &t.Label, &status, &t.Message, &t.CreatedAt, &t.ExpiresAt, &t.DecidedAt,
		&t.AuthRequestID, &t.Code, &choices, &t.CompletedAt, &t.RequestID, &t.Revision, &t.PayloadHash, &t.BindingCode,
		&t.RequestedBy, &t.ApprovalID)
	if err != nil {
		return nil, err
	}
	t.Type, t.Status = erpps.ECPSTransactionType(typ), erpps.ECPSStatus(status)
	if choices != "" {
		t.Choices = strings.Split(choices, ",")
	}
	t.CreatedAt, t.ExpiresAt = t.CreatedAt.UTC(), t.ExpiresAt.UTC()
	for _, p := range []**time.Time{&t.DecidedAt, &t.CompletedAt} {
		if *p != nil {
			v := (*p).UTC()
			*p = &v
		}
	}
	return &t, nil
}
