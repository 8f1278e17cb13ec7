package postgres

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"

	"erpps/backend/erpps"
	"erpps/backend/internal/storekit"
)

// accountColumns are the columns scanAccount reads, in its order.
const accountColumns = `a.id, a.login, a.role, a.name, a.rpps, a.region, a.disabled, a.created_at`

func scanAccount(row pgx.Row, a *erpps.Account, more ...any) error {
	var role string
	if err := row.Scan(append([]any{&a.ID, &a.Login, &role, &a.Name, &a.RPPS, &a.Region, &a.Disabled, &a.CreatedAt}, more...)...); err != nil {
		return err
	}
	a.Role, a.CreatedAt = erpps.Role(role), a.CreatedAt.UTC()
	return nil
}

func accountNotFound() *erpps.Error { return erpps.NotFound("Aucun compte ne correspond.") }

// CreateAccount adds a with its password hash; a login (or id) already
// taken is ECONFLICT. An empty ID is drawn; a zero CreatedAt is now.
func (db *DB) CreateAccount(ctx context.Context, a *erpps.Account, passwordHash string) error {
	if a == nil || strings.TrimSpace(a.Login) == "" || !slices.Contains(erpps.AllRoles, a.Role) {
		return erpps.Invalid("Le compte doit avoir un identifiant de connexion et un rôle connu.")
	}
	if a.ID == "" {
		id, err := storekit.NewID()
		if err != nil {
			return storeError("create the account", err)
		}
		a.ID = id
	}
	if a.CreatedAt.IsZero() {
		a.CreatedAt = db.now()
	}
	a.CreatedAt = stamp(a.CreatedAt)
	_, err := db.pool.Exec(ctx, `
		INSERT INTO accounts (id, login, role, name, rpps, region, disabled, created_at, password_hash)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
		a.ID, a.Login, string(a.Role), a.Name, a.RPPS, a.Region, a.Disabled, a.CreatedAt, passwordHash)
	if isUnique(err, "") {
		return erpps.Errorf(erpps.ECONFLICT, "Un compte existe déjà avec cet identifiant.")
	}
	return storeError("create the account", err)
}

// FindAccountByLogin returns the account and its password hash, ENOTFOUND
// when none.
func (db *DB) FindAccountByLogin(ctx context.Context, login string) (*erpps.Account, string, error) {
	a := &erpps.Account{}
	var hash string
	err := scanAccount(db.pool.QueryRow(ctx, `SELECT `+accountColumns+`, a.password_hash FROM accounts a WHERE a.login = $1`, login), a, &hash)
	if errNoRows(err) {
		return nil, "", accountNotFound()
	}
	if err != nil {
		return nil, "", storeError("find the account", err)
	}
	return a, hash, nil
}

// FindAccountByID returns the account, ENOTFOUND when none.
func (db *DB) FindAccountByID(ctx context.Context, id string) (*erpps.Account, error) {
	a := &erpps.Account{}
	err := scanAccount(db.pool.QueryRow(ctx, `SELECT `+accountColumns+` FROM accounts a WHERE a.id = $1`, id), a)
	if errNoRows(err) {
		return nil, accountNotFound()
	}
	if err != nil {
		return nil, storeError("find the account", err)
	}
	return a, nil
}

// ListAccounts returns the accounts of role (every account when role is
// empty), by login.
func (db *DB) ListAccounts(ctx context.Context, role erpps.Role) ([]*erpps.Account, error) {
	rows, err := db.pool.Query(ctx, `SELECT `+accountColumns+` FROM accounts a
		WHERE $1 = '' OR a.role = $1 ORDER BY a.login`, string(role))
	if err != nil {
		return nil, storeError("list accounts", err)
	}
	defer rows.Close()
	out := []*erpps.Account{}
	for rows.Next() {
		a := &erpps.Account{}
		if err := scanAccount(rows, a); err != nil {
			return nil, storeError("list accounts", err)
		}
		out = append(out, a)
	}
	if err := rows.Err(); err != nil {
		return nil, storeError("list accounts", err)
	}
	return out, nil
}

// CreateSession keeps s under the hash of its token. An empty ID is drawn.
func (db *DB) CreateSession(ctx context.Context, s *erpps.Session, tokenHash []byte) error {
	if s == nil || s.Account.ID == "" || len(tokenHash) == 0 || !s.ExpiresAt.After(s.CreatedAt) {
		return erpps.Invalid("La session doit avoir un compte, un jeton et une expiration après sa création.")
	}
	if s.ID == "" {
		id, err := storekit.NewID()
		if err != nil {
			return storeError("open the session", err)
		}
		s.ID = id
	}
	s.CreatedAt, s.ExpiresAt = stamp(s.CreatedAt), stamp(s.ExpiresAt)
	_, err := db.pool.Exec(ctx, `
		INSERT INTO sessions (id, token_hash, account_id, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)`,
		s.ID, tokenHash, s.Account.ID, s.CreatedAt, s.ExpiresAt)
	switch {
	case isForeignKey(err):
		return accountNotFound()
	case isUnique(err, ""):
		return erpps.Errorf(erpps.ECONFLICT, "Cette session existe déjà.")
	}
	return storeError("open the session", err)
}

// sessionExpired is the one error of a session that is unknown, revoked,
// expired or whose account is disabled.
func sessionExpired() *erpps.Error {
	return erpps.Errorf(erpps.EUNAUTHORIZED, "Votre session a expiré ou n'est pas valide : reconnectez-vous.")
}

// FindSessionByTokenHash returns the session with its account, EUNAUTHORIZED
// when it is unknown, revoked or expired at now, or its account disabled.
func (db *DB) FindSessionByTokenHash(ctx context.Context, tokenHash []byte, now time.Time) (*erpps.Session, error) {
	s := &erpps.Session{}
	err := scanAccount(db.pool.QueryRow(ctx, `
		SELECT `+accountColumns+`, s.id, s.created_at, s.expires_at
		FROM sessions s JOIN accounts a ON a.id = s.account_id
		WHERE s.token_hash = $1`, tokenHash), &s.Account, &s.ID, &s.CreatedAt, &s.ExpiresAt)
	if errNoRows(err) {
		return nil, sessionExpired()
	}
	if err != nil {
		return nil, storeError("find the session", err)
	}
	s.CreatedAt, s.ExpiresAt = s.CreatedAt.UTC(), s.ExpiresAt.UTC()
	if !now.Before(s.ExpiresAt) || s.Account.Disabled {
		return nil, sessionExpired()
	}
	return s, nil
}

// DeleteSession revokes the session of tokenHash; an unknown one is not an
// error (signing out twice).
func (db *DB) DeleteSession(ctx context.Context, tokenHash []byte) error {
	_, err := db.pool.Exec(ctx, `DELETE FROM sessions WHERE token_hash = $1`, tokenHash)
	return storeError("close the session", err)
}

// ExtendSession moves the expiry of the session of tokenHash to expiresAt;
// an unknown one is not an error.
func (db *DB) ExtendSession(ctx context.Context, tokenHash []byte, expiresAt time.Time) error {
	_, err := db.pool.Exec(ctx, `UPDATE sessions SET expires_at = $1 WHERE token_hash = $2`, stamp(expiresAt), tokenHash)
	return storeError("extend the session", err)
}

// DeleteExpiredSessions removes the sessions expired at now and says how many.
func (db *DB) DeleteExpiredSessions(ctx context.Context, now time.Time) (int, error) {
	tag, err := db.pool.Exec(ctx, `DELETE FROM sessions WHERE expires_at <= $1`, now)
	if err != nil {
		return 0, storeError("remove expired sessions", fmt.Errorf("delete: %w", err))
	}
	return int(tag.RowsAffected()), nil
}
