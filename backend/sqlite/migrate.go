package sqlite

import (
	"context"
	"database/sql"
	"embed"
	"fmt"

	"erpps/backend/internal/storekit"
)

// migrationFiles holds the schema's history: NNNN_name.sql, numbered from
// 0001 without gaps, append-only. Migration N brings user_version to N.
//
//go:embed migrations/*.sql
var migrationFiles embed.FS

// migration is one step of the schema.
type migration = storekit.Migration

// loadMigrations reads the embedded migrations in order and checks their
// numbering.
func loadMigrations() ([]migration, error) { return storekit.LoadMigrations(migrationFiles) }

// migrate applies, each in its own transaction, the migrations newer than
// the file's user_version.
func migrate(ctx context.Context, db *sql.DB, migrations []migration, shown string) error {
	var current int
	if err := db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&current); err != nil {
		return openError(shown, fmt.Errorf("store: unable to read the schema version: %w", err))
	}
	if current > len(migrations) {
		// Written by a newer version between the check and now.
		return newerStore(shown, current, len(migrations))
	}
	for _, m := range migrations[current:] {
		if err := applyMigration(ctx, db, m); err != nil {
			return openError(shown, err)
		}
	}
	return nil
}

// applyMigration runs one migration and records its version atomically.
func applyMigration(ctx context.Context, db *sql.DB, m migration) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("store: unable to begin migration %s: %w", m.Name, err)
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, m.SQL); err != nil {
		return fmt.Errorf("store: unable to apply migration %s: %w", m.Name, err)
	}
	// PRAGMA takes no parameters; the version is an int from our own list.
	if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", m.Version)); err != nil {
		return fmt.Errorf("store: unable to record migration %s: %w", m.Name, err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("store: unable to commit migration %s: %w", m.Name, err)
	}
	return nil
}
