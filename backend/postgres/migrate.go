package postgres

import (
	"context"
	"embed"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"

	"erpps/backend/erpps"
	"erpps/backend/internal/storekit"
)

// migrationFiles holds the schema's history: NNNN_name.sql, numbered from
// 0001 without gaps, append-only: never edit a released file, add the next.
//
//go:embed migrations/*.sql
var migrationFiles embed.FS

// migrationLock is the key of the advisory lock held while migrating, so
// that two processes starting together apply each migration once.
const migrationLock = 0x65727070 // "erpp"

// migration is one step of the schema.
type migration = storekit.Migration

// loadMigrations reads the embedded migrations in order and checks their
// numbering.
func loadMigrations() ([]migration, error) { return storekit.LoadMigrations(migrationFiles) }

// Migrate applies the migrations the database has not seen, each in its own
// transaction with its record in schema_migrations. A database migrated by a
// newer version is ESTORENEWER and is not touched.
func (db *DB) Migrate(ctx context.Context) error {
	for _, m := range db.migrations {
		if err := db.plainTx(ctx, "apply migration "+m.Name, func(tx pgx.Tx) error {
			return applyMigration(ctx, tx, m, len(db.migrations))
		}); err != nil {
			return err
		}
	}
	return nil
}

// applyMigration applies m unless another process did, under the advisory
// lock (released at the end of the transaction), which also covers the
// creation of the table of migrations.
func applyMigration(ctx context.Context, tx pgx.Tx, m migration, known int) error {
	if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock($1)`, migrationLock); err != nil {
		return fmt.Errorf("lock: %w", err)
	}
	if _, err := tx.Exec(ctx, `
		CREATE TABLE IF NOT EXISTS schema_migrations (
			version    integer PRIMARY KEY,
			name       text NOT NULL,
			applied_at timestamptz NOT NULL DEFAULT now()
		)`); err != nil {
		return fmt.Errorf("prepare the migrations: %w", err)
	}
	var current int
	if err := tx.QueryRow(ctx, `SELECT coalesce(max(version), 0) FROM schema_migrations`).Scan(&current); err != nil {
		return fmt.Errorf("read the schema version: %w", err)
	}
	if current > known {
		return erpps.Errorf(erpps.ESTORENEWER,
			"La base de données a été mise à jour par une version plus récente d'erpps-server (schéma %d, cette version connaît %d).",
			current, known)
	}
	if current >= m.Version {
		return nil
	}
	if _, err := tx.Exec(ctx, m.SQL); err != nil {
		return fmt.Errorf("apply: %w", err)
	}
	if _, err := tx.Exec(ctx, `INSERT INTO schema_migrations (version, name) VALUES ($1, $2)`, m.Version, m.Name); err != nil {
		return fmt.Errorf("record: %w", err)
	}
	return nil
}

// schemaVersion returns the latest migration applied (0 for none).
func (db *DB) schemaVersion(ctx context.Context) (int, error) {
	var version int
	err := db.pool.QueryRow(ctx, `SELECT coalesce(max(version), 0) FROM schema_migrations`).Scan(&version)
	if pgCode(err) == "42P01" { // undefined table: never migrated
		return 0, nil
	}
	if err != nil && !errors.Is(err, pgx.ErrNoRows) {
		return 0, storeError("read the schema version", err)
	}
	return version, nil
}
