package postgres

import (
	"context"
	"errors"
	"fmt"
	"sync/atomic"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"erpps/backend/erpps"
)

// The store implements every interface of the server.
var (
	_ erpps.ServerStore = (*DB)(nil)
	_ erpps.Outbox      = (*DB)(nil)
)

// DB is the PostgreSQL store: a pool of connections to one database.
type DB struct {
	pool   *pgxpool.Pool
	closed atomic.Bool
	// migrations is the schema this build knows.
	migrations []migration
	// Now returns the current time; tests replace it before use.
	Now func() time.Time
	// group commits the desktops' mutations in groups (groupcommit.go).
	group groupCommit
}

// Open connects to the database at url (postgres://user@host:port/db?...),
// brings its schema up to date and returns the store. A database that
// cannot be reached is EUNAVAILABLE.
func Open(ctx context.Context, url string) (*DB, error) {
	db, err := Connect(ctx, url)
	if err != nil {
		return nil, err
	}
	if err := db.Migrate(ctx); err != nil {
		db.Close()
		return nil, err
	}
	return db, nil
}

// Connect returns a store on the database at url without migrating it
// (erpps-server migrate, tests of the migrations); call Migrate before use.
func Connect(ctx context.Context, url string) (*DB, error) {
	migrations, err := loadMigrations()
	if err != nil {
		return nil, err
	}
	cfg, err := pgxpool.ParseConfig(url)
	if err != nil {
		return nil, erpps.Errorf(erpps.EINVALID, "L'adresse de la base PostgreSQL est invalide.")
	}
	cfg.ConnConfig.RuntimeParams["timezone"] = "UTC"
	cfg.ConnConfig.RuntimeParams["application_name"] = "erpps-server"
	if cfg.ConnConfig.ConnectTimeout == 0 {
		cfg.ConnConfig.ConnectTimeout = 5 * time.Second
	}
	// A connection idle for a while is checked before use: after a restart
	// of the server, a dead connection is dropped rather than failing a call.
	cfg.HealthCheckPeriod = 5 * time.Second
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, storeError("connect to the database", err)
	}
	if err := pool.Ping(ctx); err != nil {
		pool.Close()
		return nil, storeError("connect to the database", err)
	}
	return &DB{pool: pool, migrations: migrations, Now: time.Now}, nil
}

// Close closes every connection.
func (db *DB) Close() error {
	if db.pool != nil && !db.closed.Swap(true) {
		db.pool.Close()
	}
	return nil
}

// Ready says whether the database is reachable and its schema is the one
// this build knows; EUNAVAILABLE otherwise.
func (db *DB) Ready(ctx context.Context) error {
	if db.closed.Load() {
		return unavailable(errors.New("store: closed"))
	}
	version, err := db.schemaVersion(ctx)
	if err != nil {
		return erpps.AsError(err)
	}
	if version != len(db.migrations) {
		return erpps.Errorf(erpps.EUNAVAILABLE,
			"La base de données n'est pas à jour (schéma %d, attendu %d) : lancez « erpps-server migrate ».",
			version, len(db.migrations))
	}
	return nil
}

// now returns the current time in UTC, to the microsecond as stored.
func (db *DB) now() time.Time { return stamp(db.Now()) }

// stamp returns t in UTC to the microsecond, as PostgreSQL keeps it.
func stamp(t time.Time) time.Time { return t.UTC().Truncate(time.Microsecond) }

// inTx runs fn in a write transaction and commits when fn succeeds; what
// was being done ("save the draft") names the errors. When ctx carries an
// erpps.Receipt, the transaction also handles the client's mutation (see
// writeTx).
func (db *DB) inTx(ctx context.Context, what string, fn func(tx pgx.Tx) error) error {
	if r, ok := erpps.ReceiptFrom(ctx); ok {
		return db.writeTx(ctx, what, &r, fn)
	}
	return db.writeTx(ctx, what, nil, fn)
}

// writeTx runs fn in a write transaction that first takes the change
// counter's lock (every write of the log takes it at its first change: taken
// first, no transaction waits for it while holding a row another one
// needs). With a receipt, in the same transaction: the client's next seq is
// checked before fn (ECONFLICT, nothing written, when it is not
// receipt.Seq), the triggers attribute the changes to the client, and after
// fn the request is read back, the result stored and the client's seq
// advanced.
func (db *DB) writeTx(ctx context.Context, what string, receipt *erpps.Receipt, fn func(tx pgx.Tx) error) error {
	if receipt != nil {
		return db.groupWrite(ctx, what, *receipt, fn)
	}
	return db.plainTx(ctx, what, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, lockCounter); err != nil {
			return fmt.Errorf("lock the change counter: %w", err)
		}
		return fn(tx)
	})
}

// plainTx runs fn in a transaction and commits when fn succeeds.
func (db *DB) plainTx(ctx context.Context, what string, fn func(tx pgx.Tx) error) error {
	if db.pool == nil {
		return erpps.Internal(errors.New("store: the database is not open"))
	}
	tx, err := db.pool.Begin(ctx)
	if err != nil {
		return storeError(what, err)
	}
	defer tx.Rollback(context.WithoutCancel(ctx))
	if err := fn(tx); err != nil {
		return storeError(what, err)
	}
	if err := tx.Commit(ctx); err != nil {
		return storeError(what, fmt.Errorf("commit: %w", err))
	}
	return nil
}

// inReadTx runs fn in a read-only transaction at REPEATABLE READ: every
// query of fn sees one state of the database.
func (db *DB) inReadTx(ctx context.Context, what string, fn func(tx pgx.Tx) error) error {
	if db.pool == nil {
		return erpps.Internal(errors.New("store: the database is not open"))
	}
	tx, err := db.pool.BeginTx(ctx, pgx.TxOptions{IsoLevel: pgx.RepeatableRead, AccessMode: pgx.ReadOnly})
	if err != nil {
		return storeError(what, err)
	}
	defer tx.Rollback(context.WithoutCancel(ctx))
	if err := fn(tx); err != nil {
		return storeError(what, err)
	}
	if err := tx.Commit(ctx); err != nil {
		return storeError(what, err)
	}
	return nil
}
