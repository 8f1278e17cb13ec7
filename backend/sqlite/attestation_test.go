package sqlite

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"erpps/backend/erpps"
)

// take records the next attestation of year, as the issuer does.
func take(t *testing.T, db *DB, year int) string {
	t.Helper()
	ctx := context.Background()
	n, err := db.PeekAttestationNumber(ctx, year)
	if err != nil {
		t.Fatal(err)
	}
	if err := db.RecordAttestation(ctx, erpps.IssuedAttestation{Number: n, RPPS: "10000000001", PayloadHash: "ab"}); err != nil {
		t.Fatal(err)
	}
	return n
}

func TestAttestations(t *testing.T) {
	ctx := context.Background()

	t.Run("NumbersFollowPerYear", func(t *testing.T) {
		db := MustOpenDB(t)
		for _, want := range []struct {
			year int
			num  string
		}{{2026, "ATT-2026-000001"}, {2026, "ATT-2026-000002"}, {2027, "ATT-2027-000001"}, {2026, "ATT-2026-000003"}} {
			if got := take(t, db, want.year); got != want.num {
				t.Fatalf("got %q; want %q", got, want.num)
			}
		}
		_, err := db.PeekAttestationNumber(ctx, 0)
		wantCode(t, err, erpps.EINVALID)
	})

	// Peeking takes nothing: only a recorded attestation uses a number.
	t.Run("PeekTakesNothing", func(t *testing.T) {
		db := MustOpenDB(t)
		for range 3 {
			if n, err := db.PeekAttestationNumber(ctx, 2026); err != nil || n != "ATT-2026-000001" {
				t.Fatalf("peek %q, %v", n, err)
			}
		}
	})

	t.Run("ErrNumberTakenMeanwhile", func(t *testing.T) {
		db := MustOpenDB(t)
		n, _ := db.PeekAttestationNumber(ctx, 2026)
		take(t, db, 2026)
		wantCode(t, db.RecordAttestation(ctx, erpps.IssuedAttestation{Number: n, RPPS: "10000000001"}), erpps.ECONFLICT)
		// Nor can a number be skipped.
		wantCode(t, db.RecordAttestation(ctx, erpps.IssuedAttestation{Number: "ATT-2026-000009", RPPS: "10000000001"}), erpps.ECONFLICT)
		wantCode(t, db.RecordAttestation(ctx, erpps.IssuedAttestation{Number: "ATT-2027-000002", RPPS: "10000000001"}), erpps.ECONFLICT)
		wantCode(t, db.RecordAttestation(ctx, erpps.IssuedAttestation{Number: "ATT-26-1", RPPS: "10000000001"}), erpps.EINVALID)
	})

	t.Run("ReleaseGivesTheNumberBack", func(t *testing.T) {
		db := MustOpenDB(t)
		first := take(t, db, 2026)
		second := take(t, db, 2026)
		if err := db.ReleaseAttestation(ctx, second); err != nil {
			t.Fatal(err)
		}
		_, err := db.FindAttestation(ctx, second)
		wantCode(t, err, erpps.ENOTFOUND)
		if again := take(t, db, 2026); again != second {
			t.Fatalf("after release, next is %s, want %s", again, second)
		}
		// Releasing a number that is not the last leaves a gap, never a duplicate.
		if err := db.ReleaseAttestation(ctx, first); err != nil {
			t.Fatal(err)
		}
		if next := take(t, db, 2026); next != "ATT-2026-000003" {
			t.Fatalf("next %s", next)
		}
		if err := db.ReleaseAttestation(ctx, "ATT-2026-000003"); err != nil {
			t.Fatal(err)
		}
		if err := db.ReleaseAttestation(ctx, "ATT-2026-000002"); err != nil {
			t.Fatal(err)
		}
		if next := take(t, db, 2026); next != "ATT-2026-000002" {
			t.Fatalf("next after releasing all %s", next)
		}
	})

	t.Run("NumbersAreUniqueUnderConcurrency", func(t *testing.T) {
		db := MustOpenDB(t)
		const workers, each = 8, 25
		var mu sync.Mutex
		seen := map[string]bool{}
		var wg sync.WaitGroup
		errs := make(chan error, workers)
		for range workers {
			wg.Go(func() {
				for range each {
					for {
						n, err := db.PeekAttestationNumber(ctx, 2026)
						if err != nil {
							errs <- err
							return
						}
						err = db.RecordAttestation(ctx, erpps.IssuedAttestation{Number: n, RPPS: "10000000001"})
						if erpps.ErrorCode(err) == erpps.ECONFLICT {
							continue
						}
						if err != nil {
							errs <- err
							return
						}
						mu.Lock()
						if seen[n] {
							errs <- fmt.Errorf("%s taken twice", n)
						}
						seen[n] = true
						mu.Unlock()
						break
					}
				}
			})
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			t.Fatal(err)
		}
		if len(seen) != workers*each || !seen[fmt.Sprintf("ATT-2026-%06d", workers*each)] {
			t.Fatalf("%d distinct numbers, want %d", len(seen), workers*each)
		}
	})

	t.Run("RecordAndFind", func(t *testing.T) {
		db := MustOpenDB(t)
		a := erpps.IssuedAttestation{Number: "ATT-2026-000001", RPPS: "10000000001",
			IssuedAt: time.Date(2026, 1, 2, 3, 4, 5, 6, time.UTC), PayloadHash: "ab12"}
		if err := db.RecordAttestation(ctx, a); err != nil {
			t.Fatal(err)
		}
		got, err := db.FindAttestation(ctx, a.Number)
		if err != nil || *got != a {
			t.Fatalf("got %+v, %v", got, err)
		}
		wantCode(t, db.RecordAttestation(ctx, a), erpps.ECONFLICT)
		_, err = db.FindAttestation(ctx, "ATT-1999-000001")
		wantCode(t, err, erpps.ENOTFOUND)
		wantCode(t, db.RecordAttestation(ctx, erpps.IssuedAttestation{}), erpps.EINVALID)
	})
}
