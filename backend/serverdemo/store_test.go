package serverdemo

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"erpps/backend/sqlite"
)

// openStore opens the server's SQLite store on a file in t.TempDir().
func openStore(t *testing.T) *sqlite.DB {
	t.Helper()
	db := sqlite.NewDB(filepath.Join(t.TempDir(), "erpps-server.db"))
	db.Now = func() time.Time { return now }
	if err := db.Open(context.Background()); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = db.Close() })
	return db
}
