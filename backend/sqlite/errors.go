package sqlite

import (
	"errors"
	"fmt"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"

	"erpps/backend/erpps"
)

// sqliteCode returns the primary SQLite result code of err, 0 if err does not
// come from SQLite.
func sqliteCode(err error) int {
	var e *sqlite.Error
	if errors.As(err, &e) {
		return e.Code() & 0xff
	}
	return 0
}

// isCorruption tells whether SQLite found the file damaged or not a database.
func isCorruption(err error) bool {
	switch sqliteCode(err) {
	case sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB:
		return true
	}
	return false
}

// isConstraint tells whether err is a violated constraint (unique, foreign
// key, check).
func isConstraint(err error) bool {
	return sqliteCode(err) == sqlite3.SQLITE_CONSTRAINT
}

// storeError wraps an unexpected error of the store. An *erpps.Error passes
// unchanged; corruption found while working becomes ESTORECORRUPT; a full
// disk, a read-only file and a file held by another program are told as
// such (EDISKFULL, EREADONLY, ESTORELOCKED); anything else is internal.
// what says what was being done ("save the draft").
func (db *DB) storeError(what string, err error) error {
	if err == nil {
		return nil
	}
	var e *erpps.Error
	if errors.As(err, &e) {
		return err
	}
	if isCorruption(err) {
		return damagedStore(db.path, fmt.Errorf("store: unable to %s: %w", what, err))
	}
	if e := writeFault(fmt.Errorf("store: unable to %s: %w", what, err)); e != nil {
		return e
	}
	if sqliteCode(err) == sqlite3.SQLITE_IOERR {
		// SQLite does not say which: look at the files and the disk.
		if cause := diagnoseIO(db.path); cause != nil {
			if e := writeFault(cause); e != nil {
				e.Err = fmt.Errorf("store: unable to %s: %w (%v)", what, err, cause)
				return e
			}
		}
	}
	return erpps.Internal(fmt.Errorf("store: unable to %s: %w", what, err))
}
