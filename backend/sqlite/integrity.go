package sqlite

import (
	"context"
	"fmt"
)

// IntegrityCheck runs PRAGMA integrity_check and returns ESTORECORRUPT when
// SQLite finds anything wrong with the file.
func (db *DB) IntegrityCheck(ctx context.Context) error {
	if db.write == nil {
		return fmt.Errorf("store: the database is not open")
	}
	problems, err := checkPragma(ctx, db.read, "PRAGMA integrity_check")
	if err != nil {
		return db.storeError("check the database", err)
	}
	if problems != nil {
		return damagedStore(db.path, fmt.Errorf("integrity_check: %q", problems))
	}
	return nil
}
