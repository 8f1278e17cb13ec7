package sqlite

import (
	"context"
	"path/filepath"
	"testing"

	"erpps/backend/erpps"
	"erpps/backend/storetest"
)

// TestRPPSSequenceSurvivesRestart: the server's file closed and opened
// again goes on with the sequence.
func TestRPPSSequenceSurvivesRestart(t *testing.T) {
	path := filepath.Join(t.TempDir(), "erpps.db")
	storetest.SequenceSurvivesRestart(t, func(t *testing.T) erpps.ServerStore {
		db, err := Open(context.Background(), path)
		if err != nil {
			t.Fatal(err)
		}
		return db
	})
}

// TestAssignedNumbersAreKept: the table of the numbers drawn refuses a
// deletion, so that nothing can make a number drawable again.
func TestAssignedNumbersAreKept(t *testing.T) {
	db := MustOpenDB(t)
	ctx := context.Background()
	if _, err := db.write.ExecContext(ctx, `INSERT INTO rpps_assigned (rpps, seq, registration_id, assigned_at) VALUES ('19000000018', 1, 'r', 'x')`); err != nil {
		t.Fatal(err)
	}
	if _, err := db.write.ExecContext(ctx, `DELETE FROM rpps_assigned`); err == nil {
		t.Fatal("deleting an assigned number succeeded")
	}
}
