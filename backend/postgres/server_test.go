package postgres

import (
	"context"
	"testing"

	"erpps/backend/erpps"
	"erpps/backend/internal/pgtest"
	"erpps/backend/storetest"
)

// TestServerStore runs the server stores' contract on a fresh PostgreSQL
// database per test.
func TestServerStore(t *testing.T) {
	storetest.Run(t, func(t *testing.T) erpps.ServerStore {
		db, err := Open(context.Background(), pgtest.NewDatabase(t))
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { db.Close() })
		return db
	})
}
