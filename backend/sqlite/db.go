package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"path/filepath"
	"strings"
	"time"

	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

// Synchronous settings accepted by DB.Synchronous.
const (
	// SyncNormal is the default: in WAL mode a commit survives the crash of
	// the application; the last commits may be lost on a power cut.
	SyncNormal = "NORMAL"
	// SyncFull also makes every commit survive a power cut, at the cost of
	// one fsync per commit.
	SyncFull = "FULL"
)

// readConns is the size of the pool of read-only connections.
const readConns = 4

// DB is the local store: one SQLite file.
type DB struct {
	path string

	// write has one connection: every write transaction goes through it.
	write *sql.DB
	// read is a pool of query-only connections for reads outside writes.
	read *sql.DB
	// stmts keeps the autosave's statements prepared.
	stmts stmtCache
	// group commits the desktops' mutations in groups (groupcommit.go).
	group groupCommit

	// Now returns the current time; tests replace it.
	Now func() time.Time

	// Synchronous is SyncNormal (the default when empty) or SyncFull. Set it
	// before Open.
	Synchronous string

	// QuickCheck runs PRAGMA quick_check at Open (on by default with NewDB).
	QuickCheck bool

	// Replica makes the store the desktop's replica of the server's data:
	// every local change of a request (created, saved, deleted, transmitted,
	// withdrawn) appends a mutation for the server in its own transaction
	// (see replica.go). The server's store leaves it off. Set it before Open.
	Replica bool

	// ChangeLog keeps the change log the desktops' sync pulls from
	// (erpps.SyncStore): erpps-server's store (Open) sets it; a desktop's
	// store leaves it off, and a Replica never keeps it. Set it before Open.
	ChangeLog bool

	// logs is whether the change log is kept (ChangeLog and not Replica).
	logs bool

	// schema is the number of migrations this version applies: the
	// user_version of a file Ready accepts.
	schema int
}

// NewDB returns a store for the file at path; call Open before use.
func NewDB(path string) *DB {
	return &DB{path: path, Now: time.Now, QuickCheck: true}
}

// Path returns the path of the database file.
func (db *DB) Path() string { return db.path }

// Open checks the file, opens it, and brings its schema up to date. A file
// that is damaged or was written by a newer version gives an *erpps.Error
// (ESTORECORRUPT or ESTORENEWER) and is not modified.
func (db *DB) Open(ctx context.Context) (err error) {
	if db.path == "" {
		return errors.New("store: a database path is required")
	}
	if db.write != nil {
		return errors.New("store: already open")
	}
	if db.Now == nil {
		db.Now = time.Now
	}
	sync, err := db.synchronous()
	if err != nil {
		return err
	}
	abs, err := filepath.Abs(db.path)
	if err != nil {
		return fmt.Errorf("store: unable to resolve the database path: %w", err)
	}
	migrations, err := loadMigrations()
	if err != nil {
		return err
	}
	if err := prepareFile(abs, db.path); err != nil {
		return err
	}
	if err := preflight(ctx, abs, db.path, len(migrations), db.QuickCheck); err != nil {
		return err
	}

	// A new file is created by prepareFile with mode 0600; SQLite gives its
	// -wal and -shm files the same mode.
	write, err := sql.Open("sqlite", dsn(abs,
		"_pragma=busy_timeout(5000)",
		"_pragma=journal_mode(WAL)",
		"_pragma=foreign_keys(1)",
		"_pragma=synchronous("+sync+")",
		"_pragma=temp_store(2)", // statement journals in memory: a write with triggers journals every page it changes
		"_txlock=immediate",
	))
	if err != nil {
		return fmt.Errorf("store: unable to open the database: %w", err)
	}
	write.SetMaxOpenConns(1)
	write.SetMaxIdleConns(1)
	write.SetConnMaxLifetime(0)
	write.SetConnMaxIdleTime(0)
	defer func() {
		if err != nil {
			write.Close()
		}
	}()
	if err := migrate(ctx, write, migrations, db.path); err != nil {
		return err
	}
	logs := db.ChangeLog && !db.Replica
	if err := keepChangeLog(ctx, write, logs); err != nil {
		return openError(db.path, err)
	}

	read, err := sql.Open("sqlite", dsn(abs,
		"_pragma=busy_timeout(5000)",
		"_pragma=foreign_keys(1)",
		"_pragma=query_only(1)",
	))
	if err != nil {
		return fmt.Errorf("store: unable to open the database for reading: %w", err)
	}
	read.SetMaxOpenConns(readConns)
	read.SetMaxIdleConns(readConns)
	read.SetConnMaxIdleTime(5 * time.Minute)
	if err := read.PingContext(ctx); err != nil {
		read.Close()
		return openError(db.path, fmt.Errorf("store: unable to open the database for reading: %w", err))
	}

	db.write, db.read, db.schema, db.logs = write, read, len(migrations), logs
	return nil
}

// Close closes the database; the last connection to close checkpoints the
// write-ahead log into the file.
func (db *DB) Close() error {
	if db.write == nil {
		return nil
	}
	var errs []error
	if err := db.stmts.close(); err != nil {
		errs = append(errs, fmt.Errorf("store: unable to close statements: %w", err))
	}
	if err := db.read.Close(); err != nil {
		errs = append(errs, fmt.Errorf("store: unable to close the readers: %w", err))
	}
	if _, err := db.write.Exec("PRAGMA optimize"); err != nil {
		errs = append(errs, fmt.Errorf("store: unable to optimize: %w", err))
	}
	if err := db.write.Close(); err != nil {
		errs = append(errs, fmt.Errorf("store: unable to close the database: %w", err))
	}
	db.write, db.read = nil, nil
	return errors.Join(errs...)
}

// synchronous returns the PRAGMA synchronous value to use.
func (db *DB) synchronous() (string, error) {
	switch strings.ToUpper(db.Synchronous) {
	case "", SyncNormal:
		return SyncNormal, nil
	case SyncFull:
		return SyncFull, nil
	}
	return "", fmt.Errorf("store: unknown synchronous setting %q", db.Synchronous)
}

// now returns the current time in UTC.
func (db *DB) now() time.Time { return db.Now().UTC() }

// dsn builds a SQLite URI for an absolute path, so that any character of the
// path (spaces, '?', '#', '%') is escaped, with the driver's parameters.
func dsn(abs string, params ...string) string {
	p := filepath.ToSlash(abs)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // C:/Users/... becomes /C:/Users/..., as SQLite expects
	}
	u := url.URL{Scheme: "file", Path: p}
	return u.String() + "?" + strings.Join(params, "&")
}
