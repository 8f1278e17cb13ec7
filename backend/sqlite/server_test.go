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

// TestReadyWhenClosed: a closed store is not ready.
func TestReadyWhenClosed(t *testing.T) {
	db := MustOpenDB(t)
	if err := db.Ready(context.Background()); err != nil {
		t.Fatal(err)
	}
	MustCloseDB(t, db)
	wantCode(t, db.Ready(context.Background()), erpps.EUNAVAILABLE)
}
