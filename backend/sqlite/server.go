package sqlite

import (
	"context"
	"fmt"

	"erpps/backend/erpps"
)

// ServerStore is implemented by *DB: erpps-server's embedded default.
var _ erpps.ServerStore = (*DB)(nil)

// Open opens (creating it when absent) the store at path and brings its
// schema up to date: erpps-server's SQLite store, which keeps the change log
// of the desktops' sync.
func Open(ctx context.Context, path string) (*DB, error) {
	db := NewDB(path)
	db.ChangeLog = true
	if err := db.Open(ctx); err != nil {
		return nil, err
	}
	return db, nil
}

// Ready says whether the file answers and carries every migration this
// version knows (the server's /readyz); EUNAVAILABLE otherwise.
func (db *DB) Ready(ctx context.Context) error {
	unavailable := func(err error) error {
		return &erpps.Error{Code: erpps.EUNAVAILABLE,
			Message: "La base de données n'est pas disponible pour le moment. Réessayez dans quelques instants.",
			Err:     err}
	}
	if db.read == nil {
		return unavailable(fmt.Errorf("store: the database is not open"))
	}
	var version int
	if err := db.read.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version); err != nil {
		return unavailable(fmt.Errorf("store: unable to read the schema version: %w", err))
	}
	if version != db.schema {
		return unavailable(fmt.Errorf("store: schema version %d, want %d", version, db.schema))
	}
	return nil
}

// actorArgs spreads an actor into query arguments.
func actorArgs(a erpps.Actor) []any { return []any{string(a.Role), a.ID, a.Name} }
