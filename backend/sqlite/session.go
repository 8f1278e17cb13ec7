package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"erpps/backend/erpps"
	"erpps/backend/internal/storekit"
)

// sessionInvalid is the one error of a token that opens no session.
func sessionInvalid() *erpps.Error {
	return erpps.Errorf(erpps.EUNAUTHORIZED, "Votre session a expiré ou n'est pas valide : reconnectez-vous.")
}

// CreateSession keeps s under the hash of its token. An empty ID is replaced
// by a random UUID; the account must exist (ENOTFOUND); a token hash already
// kept is ECONFLICT.
func (db *DB) CreateSession(ctx context.Context, s *erpps.Session, tokenHash []byte) error {
	if s == nil || s.Account.ID == "" || len(tokenHash) == 0 || !s.ExpiresAt.After(s.CreatedAt) {
		return erpps.Invalid("La session doit avoir un compte, un jeton et une expiration après sa création.")
	}
	if s.ID == "" {
		id, err := storekit.NewID()
		if err != nil {
			return db.storeError("create the session", err)
		}
		s.ID = id
	}
	err := db.inWriteTx(ctx, func(tx *sql.Tx) error {
		var known int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM accounts WHERE id = ?`, s.Account.ID).Scan(&known); err != nil {
			return fmt.Errorf("store: unable to check the account: %w", err)
		}
		if known == 0 {
			return erpps.NotFound("Aucun compte ne correspond.")
		}
		_, err := tx.ExecContext(ctx, `
			INSERT INTO sessions (id, token_hash, account_id, created_at, expires_at) VALUES (?, ?, ?, ?, ?)`,
			s.ID, tokenHash, s.Account.ID, formatTime(s.CreatedAt), formatTime(s.ExpiresAt))
		if isConstraint(err) {
			return erpps.Errorf(erpps.ECONFLICT, "Cette session existe déjà.")
		}
		if err != nil {
			return fmt.Errorf("store: unable to insert the session: %w", err)
		}
		return nil
	})
	return db.storeError("create the session", err)
}

// FindSessionByTokenHash returns the session with its account; EUNAUTHORIZED
// when the hash is unknown (or revoked), the session expired at now
// (ExpiresAt <= now) or the account is disabled.
func (db *DB) FindSessionByTokenHash(ctx context.Context, tokenHash []byte, now time.Time) (*erpps.Session, error) {
	var s erpps.Session
	err := func() error {
		rows, err := db.readOne(ctx, `
			SELECT a.id, a.login, a.role, a.name, a.rpps, a.region, a.disabled, a.created_at,
			       s.id, s.created_at, s.expires_at
			FROM sessions s JOIN accounts a ON a.id = s.account_id
			WHERE s.token_hash = ?`, tokenHash)
		if err != nil {
			return fmt.Errorf("store: unable to read the session: %w", err)
		}
		defer rows.Close()
		if !rows.Next() {
			if err := rows.Err(); err != nil {
				return fmt.Errorf("store: unable to read the session: %w", err)
			}
			return sessionInvalid()
		}
		var created, expires string
		a, err := scanAccount(rows, &s.ID, &created, &expires)
		if err != nil {
			return err
		}
		s.Account = *a
		if s.CreatedAt, err = parseTime(created); err != nil {
			return err
		}
		s.ExpiresAt, err = parseTime(expires)
		return err
	}()
	if err != nil {
		return nil, db.storeError("find the session", err)
	}
	if !now.Before(s.ExpiresAt) || s.Account.Disabled {
		return nil, sessionInvalid()
	}
	return &s, nil
}

// DeleteSession revokes the session of that token hash; an unknown hash is
// not an error (signing out twice).
func (db *DB) DeleteSession(ctx context.Context, tokenHash []byte) error {
	err := db.inWriteTx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `DELETE FROM sessions WHERE token_hash = ?`, tokenHash); err != nil {
			return fmt.Errorf("store: unable to delete the session: %w", err)
		}
		return nil
	})
	return db.storeError("delete the session", err)
}

// ExtendSession moves the expiry of the session of that token hash to
// expiresAt; an unknown hash is not an error.
func (db *DB) ExtendSession(ctx context.Context, tokenHash []byte, expiresAt time.Time) error {
	err := db.inWriteTx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `UPDATE sessions SET expires_at = ? WHERE token_hash = ?`, formatTime(expiresAt), tokenHash); err != nil {
			return fmt.Errorf("store: unable to extend the session: %w", err)
		}
		return nil
	})
	return db.storeError("extend the session", err)
}

// DeleteExpiredSessions deletes the sessions expired at now and says how many.
func (db *DB) DeleteExpiredSessions(ctx context.Context, now time.Time) (int, error) {
	var n int64
	err := db.inWriteTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `DELETE FROM sessions WHERE expires_at <= ?`, formatTime(now))
		if err != nil {
			return fmt.Errorf("store: unable to delete expired sessions: %w", err)
		}
		n, err = res.RowsAffected()
		if err != nil {
			return fmt.Errorf("store: unable to count expired sessions: %w", err)
		}
		return nil
	})
	if err != nil {
		return 0, db.storeError("delete expired sessions", err)
	}
	return int(n), nil
}
