package postgres

import (
	"context"
	"testing"

	"erpps/backend/erpps"
	"erpps/backend/internal/pgtest"
	"erpps/backend/storetest"
)

// TestRPPSSequenceSurvivesRestart: the database reopened by a new store goes
// on with the sequence.
func TestRPPSSequenceSurvivesRestart(t *testing.T) {
	url := pgtest.NewDatabase(t)
	storetest.SequenceSurvivesRestart(t, func(t *testing.T) erpps.ServerStore {
		db, err := Open(context.Background(), url)
		if err != nil {
			t.Fatal(err)
		}
		return db
	})
}

// TestAssignedNumbersAreKept: the table of the numbers drawn refuses a
// deletion and a change.
func TestAssignedNumbersAreKept(t *testing.T) {
	db := mustOpen(t)
	ctx := context.Background()
	if _, err := db.pool.Exec(ctx, `INSERT INTO rpps_assigned (rpps, seq, registration_id, assigned_at) VALUES ('19000000018', 1, 'r', now())`); err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{`DELETE FROM rpps_assigned`, `UPDATE rpps_assigned SET rpps = '1'`} {
		if _, err := db.pool.Exec(ctx, q); err == nil {
			t.Fatalf("%s succeeded", q)
		}
	}
}
