package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"erpps/backend/erpps"
	"erpps/backend/internal/storekit"
)

// accountColumns are the columns scanAccount reads, in its order.
const accountColumns = `id, login, role, name, rpps, region, disabled, created_at`

// validRole tells whether r is one of the roles an account may have.
func validRole(r erpps.Role) bool {
	for _, v := range erpps.AllRoles {
		if v == r {
			return true
		}
	}
	return false
}

// CreateAccount adds a with its password hash. An empty ID is replaced by a
// random UUID and a zero CreatedAt by now; a login or an id already taken is
// ECONFLICT.
func (db *DB) CreateAccount(ctx context.Context, a *erpps.Account, passwordHash string) error {
	if a == nil || strings.TrimSpace(a.Login) == "" || !validRole(a.Role) {
		return erpps.Invalid("Le compte doit avoir un identifiant de connexion et un rôle connu.")
	}
	if a.ID == "" {
		id, err := storekit.NewID()
		if err != nil {
			return db.storeError("create the account", err)
		}
		a.ID = id
	}
	if a.CreatedAt.IsZero() {
		a.CreatedAt = db.now()
	}
	err := db.inWriteTx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `
			INSERT INTO accounts (id, login, role, name, rpps, region, disabled, password_hash, created_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			a.ID, a.Login, string(a.Role), a.Name, a.RPPS, a.Region, a.Disabled, passwordHash, formatTime(a.CreatedAt))
		if isConstraint(err) {
			return erpps.Errorf(erpps.ECONFLICT, "Un compte existe déjà avec cet identifiant.")
		}
		if err != nil {
			return fmt.Errorf("store: unable to insert the account: %w", err)
		}
		return nil
	})
	return db.storeError("create the account", err)
}

// FindAccountByLogin returns the account and its password hash, ENOTFOUND
// when no account has that login.
func (db *DB) FindAccountByLogin(ctx context.Context, login string) (*erpps.Account, string, error) {
	var a *erpps.Account
	var hash string
	err := db.inReadTx(ctx, func(tx *sql.Tx) error {
		var err error
		a, err = scanAccount(tx.QueryRowContext(ctx,
			`SELECT `+accountColumns+`, password_hash FROM accounts WHERE login = ?`, login), &hash)
		return err
	})
	if err != nil {
		return nil, "", db.storeError("find the account", err)
	}
	return a, hash, nil
}

// FindAccountByID returns the account, ENOTFOUND when none has that id.
func (db *DB) FindAccountByID(ctx context.Context, id string) (*erpps.Account, error) {
	var a *erpps.Account
	err := db.inReadTx(ctx, func(tx *sql.Tx) error {
		var err error
		a, err = scanAccount(tx.QueryRowContext(ctx,
			`SELECT `+accountColumns+` FROM accounts WHERE id = ?`, id))
		return err
	})
	if err != nil {
		return nil, db.storeError("find the account", err)
	}
	return a, nil
}

// ListAccounts returns the accounts of role (every account for ""), by login.
func (db *DB) ListAccounts(ctx context.Context, role erpps.Role) ([]*erpps.Account, error) {
	query := `SELECT ` + accountColumns + ` FROM accounts`
	var args []any
	if role != "" {
		query += ` WHERE role = ?`
		args = append(args, string(role))
	}
	query += ` ORDER BY login`
	out := []*erpps.Account{}
	err := db.inReadTx(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, query, args...)
		if err != nil {
			return fmt.Errorf("store: unable to list accounts: %w", err)
		}
		defer rows.Close()
		for rows.Next() {
			a, err := scanAccount(rows)
			if err != nil {
				return err
			}
			out = append(out, a)
		}
		return rows.Err()
	})
	if err != nil {
		return nil, db.storeError("list accounts", err)
	}
	return out, nil
}

// scanAccount reads the accountColumns of one row, then extra.
func scanAccount(row scanner, extra ...any) (*erpps.Account, error) {
	var a erpps.Account
	var role, created string
	dest := append([]any{&a.ID, &a.Login, &role, &a.Name, &a.RPPS, &a.Region, &a.Disabled, &created}, extra...)
	err := row.Scan(dest...)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, erpps.NotFound("Aucun compte ne correspond.")
	}
	if err != nil {
		return nil, fmt.Errorf("store: unable to read an account: %w", err)
	}
	a.Role = erpps.Role(role)
	if a.CreatedAt, err = parseTime(created); err != nil {
		return nil, err
	}
	return &a, nil
}
