package sqlite

import (
	"context"
	"path/filepath"
	"testing"

	"erpps/backend/erpps"
	"erpps/backend/storetest"
)

// TestServerStore runs the server stores' contract on real files.
func TestServerStore(t *testing.T) {
	storetest.Run(t, func(t *testing.T) erpps.ServerStore {
		db, err := Open(context.Background(), filepath.Join(t.TempDir(), "erpps.db"))
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { MustCloseDB(t, db) })
		return db
	})
}

// TestReady: a store is not ready once closed, nor when its file was
// migrated by a newer version meanwhile.
func TestReady(t *testing.T) {
	ctx := context.Background()
	t.Run("Closed", func(t *testing.T) {
		db := MustOpenDB(t)
		if err := db.Ready(ctx); err != nil {
			t.Fatal(err)
		}
		MustCloseDB(t, db)
		wantCode(t, db.Ready(ctx), erpps.EUNAVAILABLE)
	})
	t.Run("NewerSchema", func(t *testing.T) {
		db := MustOpenDB(t)
		if _, err := db.write.Exec("PRAGMA user_version = 999"); err != nil {
			t.Fatal(err)
		}
		wantCode(t, db.Ready(ctx), erpps.EUNAVAILABLE)
	})
}
