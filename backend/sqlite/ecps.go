package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"erpps/backend/erpps"
	"erpps/backend/internal/storekit"
)

// ECPSSecret implements erpps.ECPSStore.
func (db *DB) ECPSSecret(ctx context.Context, fresh []byte) ([]byte, error) {
	if len(fresh) < 32 {
		return nil, erpps.Invalid("Le secret e-CPS doit comporter au moins 32 octets.")
	}
	var kept []byte
	err := db.inWriteTx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `INSERT INTO ecps_secret (id, secret) VALUES (1, ?) ON CONFLICT (id) DO NOTHING`, fresh); err != nil {
			return fmt.Errorf("store: unable to keep the e-CPS secret: %w", err)
		}
		return tx.QueryRowContext(ctx, `SELECT secret FROM ecps_secret WHERE id = 1`).Scan(&kept)
	})
	if err != nil {
		return nil, db.storeError("read the e-CPS secret", err)
	}
	return kept, nil
}

// SetECPSPassword implements erpps.ECPSStore.
func (db *DB) SetECPSPassword(ctx context.Context, rpps, hash string, at time.Time) error {
	if rpps == "" || hash == "" {
		return erpps.Invalid("L'enrôlement e-CPS doit nommer le professionnel et l'empreinte du mot de passe.")
	}
	err := db.inWriteTx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `
			INSERT INTO ecps_enrolments (rpps, password_hash, updated_at) VALUES (?, ?, ?)
			ON CONFLICT (rpps) DO UPDATE SET password_hash = excluded.password_hash, updated_at = excluded.updated_at`,
			rpps, hash, formatTime(at))
		return err
	})
	return db.storeError("keep the e-CPS password", err)
}

// ECPSPassword implements erpps.ECPSStore.
func (db *DB) ECPSPassword(ctx context.Context, rpps string) (string, error) {
	var hash string
	err := db.inReadTx(ctx, func(tx *sql.Tx) error {
		return tx.QueryRowContext(ctx, `SELECT password_hash FROM ecps_enrolments WHERE rpps = ?`, rpps).Scan(&hash)
	})
	if errors.Is(err, sql.ErrNoRows) {
		return "", erpps.NotFound("Ce professionnel n'a pas activé e-CPS.")
	}
	if err != nil {
		return "", db.storeError("read the e-CPS password", err)
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
			return db.storeError("enrol the device", err)
		}
		d.ID = id
	}
	err := db.inWriteTx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO ecps_devices (id, rpps, name, public_key, created_at) VALUES (?, ?, ?, ?, ?)`,
			d.ID, d.RPPS, d.Name, d.PublicKey, formatTime(d.CreatedAt))
		if isConstraint(err) {
			return erpps.Errorf(erpps.ECONFLICT, "Cet appareil est déjà enrôlé.")
		}
		return err
	})
	if err != nil {
		return db.storeError("enrol the device", err)
	}
	d.RevokedAt = nil
	return nil
}

// FindECPSDevice implements erpps.ECPSStore.
func (db *DB) FindECPSDevice(ctx context.Context, id string) (*erpps.ECPSDevice, error) {
	var d erpps.ECPSDevice
	var created string
	var revoked sql.NullString
	err := db.inReadTx(ctx, func(tx *sql.Tx) error {
		return tx.QueryRowContext(ctx, `SELECT id, rpps, name, public_key, created_at, revoked_at FROM ecps_devices WHERE id = ?`, id).
			Scan(&d.ID, &d.RPPS, &d.Name, &d.PublicKey, &created, &revoked)
	})
	if errors.Is(err, sql.ErrNoRows) {
		return nil, erpps.NotFound("Cet appareil n'est pas enrôlé.")
	}
	if err != nil {
		return nil, db.storeError("find the device", err)
	}
	if d.CreatedAt, err = parseTime(created); err != nil {
		return nil, err
	}
	if revoked.Valid {
		t, err := parseTime(revoked.String)
		if err != nil {
			return nil, err
		}
		d.RevokedAt = &t
	}
	return &d, nil
}

// RevokeECPSDevice implements erpps.ECPSStore.
func (db *DB) RevokeECPSDevice(ctx context.Context, id string, at time.Time) error {
	err := db.inWriteTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE ecps_devices SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL`, formatTime(at), id)
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil || n == 1 {
			return err
		}
		var one int
		if err := tx.QueryRowContext(ctx, `SELECT 1 FROM ecps_devices WHERE id = ?`, id).Scan(&one); errors.Is(err, sql.ErrNoRows) {
			return erpps.NotFound("Cet appareil n'est pas enrôlé.")
		}
		return erpps.Errorf(erpps.ECONFLICT, "Cet appareil est déjà révoqué.")
	})
	return db.storeError("revoke the device", err)
}

// CreateECPSNonce implements erpps.ECPSStore.
func (db *DB) CreateECPSNonce(ctx context.Context, deviceID string, nonceHash []byte, expiresAt time.Time) error {
	err := db.inWriteTx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO ecps_nonces (nonce_hash, device_id, expires_at) VALUES (?, ?, ?)`,
			nonceHash, deviceID, formatTime(expiresAt))
		if isConstraint(err) {
			return erpps.Errorf(erpps.ECONFLICT, "Ce défi existe déjà.")
		}
		return err
	})
	return db.storeError("keep the challenge", err)
}

// UseECPSNonce implements erpps.ECPSStore.
func (db *DB) UseECPSNonce(ctx context.Context, deviceID string, nonceHash []byte, now time.Time) error {
	err := db.inWriteTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE ecps_nonces SET used_at = ?
			WHERE nonce_hash = ? AND device_id = ? AND used_at IS NULL AND expires_at > ?`,
			formatTime(now), nonceHash, deviceID, formatTime(now))
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil {
			return err
		} else if n != 1 {
			return erpps.Errorf(erpps.EUNAUTHORIZED, erpps.MsgECPSBadSignature)
		}
		// Spent challenges of a minute ago are no use to anyone.
		_, err = tx.ExecContext(ctx, `DELETE FROM ecps_nonces WHERE expires_at < ?`, formatTime(now.Add(-time.Hour)))
		return err
	})
	return db.storeError("use the challenge", err)
}

// ecpsTxColumns are the columns scanECPSTransaction reads, in its order.
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
			return db.storeError("create the e-CPS transaction", err)
		}
		t.ID = id
	}
	t.Status, t.Message, t.DecidedAt, t.CompletedAt, t.ApprovalID = erpps.ECPSPending, "", nil, nil, ""
	err := db.inWriteTx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO ecps_transactions (id, type, rpps, label, status, created_at,
				expires_at, auth_request_id, code, choices, request_id, revision, payload_hash, binding_code, requested_by)
			VALUES (?, ?, ?, ?, 'pending', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			t.ID, string(t.Type), t.RPPS, t.Label, formatTime(t.CreatedAt), formatTime(t.ExpiresAt), t.AuthRequestID,
			t.Code, strings.Join(t.Choices, ","), t.RequestID, t.Revision, t.PayloadHash, t.BindingCode, t.RequestedBy)
		if isConstraint(err) {
			return erpps.Errorf(erpps.ECONFLICT, "Cette transaction existe déjà.")
		}
		return err
	})
	return db.storeError("create the e-CPS transaction", err)
}

// FindECPSTransaction implements erpps.ECPSStore.
func (db *DB) FindECPSTransaction(ctx context.Context, id string) (*erpps.ECPSTransaction, error) {
	var t *erpps.ECPSTransaction
	err := db.inReadTx(ctx, func(tx *sql.Tx) error {
		var err error
		t, err = scanECPSTransaction(tx.QueryRowContext(ctx, `SELECT `+ecpsTxColumns+` FROM ecps_transactions WHERE id = ?`, id))
		return err
	})
	if err != nil {
		return nil, db.storeError("find the e-CPS transaction", err)
	}
	return t, nil
}

// PendingECPSTransactions implements erpps.ECPSStore.
func (db *DB) PendingECPSTransactions(ctx context.Context, rpps string, now time.Time) ([]*erpps.ECPSTransaction, error) {
	var out []*erpps.ECPSTransaction
	err := db.inReadTx(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT `+ecpsTxColumns+` FROM ecps_transactions
			WHERE rpps = ? AND status = 'pending' AND expires_at > ? ORDER BY created_at, id`, rpps, formatTime(now))
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			t, err := scanECPSTransaction(rows)
			if err != nil {
				return err
			}
			out = append(out, t)
		}
		return rows.Err()
	})
	if err != nil {
		return nil, db.storeError("list the pending e-CPS transactions", err)
	}
	return out, nil
}

// DecideECPSTransaction implements erpps.ECPSStore.
func (db *DB) DecideECPSTransaction(ctx context.Context, id string, d erpps.ECPSDecision) error {
	if d.Status != erpps.ECPSApproved && d.Status != erpps.ECPSRefused && d.Status != erpps.ECPSCancelled {
		return erpps.Invalid("Une transaction e-CPS s'achève approuvée, refusée ou annulée.")
	}
	err := db.inWriteTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE ecps_transactions SET status = ?, message = ?, approval_id = ?, decided_at = ?
			WHERE id = ? AND status = 'pending' AND expires_at > ?`,
			string(d.Status), d.Message, d.ApprovalID, formatTime(d.At), id, formatTime(d.At))
		if err != nil {
			return err
		}
		return oneRowOrWhy(ctx, tx, res, id)
	})
	return db.storeError("end the e-CPS transaction", err)
}

// CompleteECPSLogin implements erpps.ECPSStore.
func (db *DB) CompleteECPSLogin(ctx context.Context, id, authRequestID string, at time.Time) error {
	err := db.inWriteTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE ecps_transactions SET completed_at = ?
			WHERE id = ? AND type = 'login' AND status = 'approved' AND completed_at IS NULL
				AND auth_request_id = ? AND auth_request_id <> ''`,
			formatTime(at), id, authRequestID)
		if err != nil {
			return err
		}
		return oneRowOrWhy(ctx, tx, res, id)
	})
	return db.storeError("complete the e-CPS login", err)
}

// DeleteExpiredECPS implements erpps.ECPSStore.
func (db *DB) DeleteExpiredECPS(ctx context.Context, before time.Time) (int, error) {
	n := 0
	err := db.inWriteTx(ctx, func(tx *sql.Tx) error {
		for _, q := range []string{`DELETE FROM ecps_transactions WHERE expires_at < ?`, `DELETE FROM ecps_nonces WHERE expires_at < ?`} {
			res, err := tx.ExecContext(ctx, q, formatTime(before))
			if err != nil {
				return err
			}
			k, err := res.RowsAffected()
			if err != nil {
				return err
			}
			n += int(k)
		}
		return nil
	})
	if err != nil {
		return 0, db.storeError("forget the expired e-CPS transactions", err)
	}
	return n, nil
}

// oneRowOrWhy is nil when res changed one row; else ENOTFOUND when the
// transaction does not exist, ECONFLICT when it is not in the state needed.
func oneRowOrWhy(ctx context.Context, tx *sql.Tx, res sql.Result, id string) error {
	if n, err := res.RowsAffected(); err != nil || n == 1 {
		return err
	}
	var one int
	if err := tx.QueryRowContext(ctx, `SELECT 1 FROM ecps_transactions WHERE id = ?`, id).Scan(&one); errors.Is(err, sql.ErrNoRows) {
		return ecpsTxNotFound()
	}
	return erpps.Errorf(erpps.ECONFLICT, erpps.MsgECPSTransactionOver)
}

func ecpsTxNotFound() *erpps.Error { return erpps.NotFound("Cette transaction e-CPS n'existe pas.") }

// scanECPSTransaction reads the ecpsTxColumns of one row.
func scanECPSTransaction(row scanner) (*erpps.ECPSTransaction, error) {
	var t erpps.ECPSTransaction
	var typ, status, created, expires, choices string
	var decided, completed sql.NullString
	err := row.Scan(&t.ID, &typ, &t.RPPS, &t.Label, &status, &t.Message, &created, &expires, &decided,
		&t.AuthRequestID, &t.Code, &choices, &completed, &t.RequestID, &t.Revision, &t.PayloadHash, &t.BindingCode,
		&t.RequestedBy, &t.ApprovalID)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, ecpsTxNotFound()
	}
	if err != nil {
		return nil, fmt.Errorf("store: unable to read an e-CPS transaction: %w", err)
	}
	t.Type, t.Status = erpps.ECPSTransactionType(typ), erpps.ECPSStatus(status)
	if choices != "" {
		t.Choices = strings.Split(choices, ",")
	}
	if t.CreatedAt, err = parseTime(created); err != nil {
		return nil, err
	}
	if t.ExpiresAt, err = parseTime(expires); err != nil {
		return nil, err
	}
	for _, p := range []struct {
		in  sql.NullString
		out **time.Time
	}{{decided, &t.DecidedAt}, {completed, &t.CompletedAt}} {
		if p.in.Valid {
			v, err := parseTime(p.in.String)
			if err != nil {
				return nil, err
			}
			*p.out = &v
		}
	}
	return &t, nil
}
