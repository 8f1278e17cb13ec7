package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"erpps/backend/erpps"
)

// GetSetting returns the value stored under key, or ENOTFOUND.
func (db *DB) GetSetting(ctx context.Context, key string) ([]byte, error) {
	var value []byte
	err := db.inReadTx(ctx, func(tx *sql.Tx) error {
		err := tx.QueryRowContext(ctx, `SELECT value FROM settings WHERE key = ?`, key).Scan(&value)
		if errors.Is(err, sql.ErrNoRows) {
			return erpps.NotFound("Ce réglage n'est pas enregistré.")
		}
		if err != nil {
			return fmt.Errorf("store: unable to read a setting: %w", err)
		}
		return nil
	})
	if err != nil {
		return nil, db.storeError("read a setting", err)
	}
	return value, nil
}

// SetSetting stores value under key, replacing any previous value.
func (db *DB) SetSetting(ctx context.Context, key string, value []byte) error {
	if key == "" {
		return erpps.Invalid("Le nom du réglage est obligatoire.")
	}
	if value == nil {
		value = []byte{}
	}
	err := db.inWriteTx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `
			INSERT INTO settings (key, value) VALUES (?, ?)
			ON CONFLICT (key) DO UPDATE SET value = excluded.value`, key, value); err != nil {
			return fmt.Errorf("store: unable to write a setting: %w", err)
		}
		return nil
	})
	return db.storeError("write a setting", err)
}

// DeleteSetting removes key, if present. The freed pages are overwritten
// (secure_delete), so that a secret moved out of the store does not stay
// readable in its file.
func (db *DB) DeleteSetting(ctx context.Context, key string) error {
	err := db.inWriteTx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `PRAGMA secure_delete = ON`); err != nil {
			return fmt.Errorf("store: unable to delete a setting securely: %w", err)
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM settings WHERE key = ?`, key); err != nil {
			return fmt.Errorf("store: unable to delete a setting: %w", err)
		}
		return nil
	})
	return db.storeError("delete a setting", err)
}
