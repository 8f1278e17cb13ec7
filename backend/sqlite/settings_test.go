package sqlite

import (
	"bytes"
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"erpps/backend/erpps"
)

func TestSettings(t *testing.T) {
	ctx := context.Background()
	db := MustOpenDB(t)

	t.Run("ErrNotFound", func(t *testing.T) {
		_, err := db.GetSetting(ctx, "signing.seed")
		wantCode(t, err, erpps.ENOTFOUND)
	})
	t.Run("SetGetReplace", func(t *testing.T) {
		for _, value := range [][]byte{{0x00, 0xff, 0x10}, []byte("second"), {}} {
			if err := db.SetSetting(ctx, "signing.seed", value); err != nil {
				t.Fatal(err)
			}
			got, err := db.GetSetting(ctx, "signing.seed")
			if err != nil || !bytes.Equal(got, value) {
				t.Fatalf("got %x, %v; want %x", got, err, value)
			}
		}
	})
	t.Run("ErrKeyRequired", func(t *testing.T) {
		wantCode(t, db.SetSetting(ctx, "", []byte("x")), erpps.EINVALID)
	})
}

func TestAttestations(t *testing.T) {
	ctx := context.Background()

	t.Run("NumbersFollowPerYear", func(t *testing.T) {
		db := MustOpenDB(t)
		for _, want := range []struct {
			year int
			num  string
		}{{2026, "ATT-2026-000001"}, {2026, "ATT-2026-000002"}, {2027, "ATT-2027-000001"}, {2026, "ATT-2026-000003"}} {
			got, err := db.NextAttestationNumber(ctx, want.year)
			if err != nil || got != want.num {
				t.Fatalf("got %q, %v; want %q", got, err, want.num)
			}
		}
		_, err := db.NextAttestationNumber(ctx, 0)
		wantCode(t, err, erpps.EINVALID)
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
					n, err := db.NextAttestationNumber(ctx, 2026)
					if err != nil {
						errs <- err
						return
					}
					mu.Lock()
					seen[n] = true
					mu.Unlock()
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
