package storetest

import (
	"context"
	"fmt"
	"sort"
	"sync"
	"testing"

	"erpps/backend/erpps"
)

func testAttestations(t *testing.T, open func(t *testing.T) erpps.ServerStore) {
	ctx := context.Background()

	peek := func(t *testing.T, s erpps.ServerStore, year int) string {
		t.Helper()
		n, err := s.PeekAttestationNumber(ctx, year)
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	record := func(s erpps.ServerStore, number string) error {
		return s.RecordAttestation(ctx, erpps.IssuedAttestation{Number: number, RPPS: "10000000001", IssuedAt: at(1), PayloadHash: "abc"})
	}

	t.Run("Numbering", func(t *testing.T) {
		s := open(t)
		if n := peek(t, s, 2026); n != "ATT-2026-000001" {
			t.Fatalf("first number %s", n)
		}
		if n := peek(t, s, 2026); n != "ATT-2026-000001" {
			t.Fatalf("peeking took a number: %s", n)
		}
		for _, n := range []string{"ATT-2026-000001", "ATT-2026-000002", "ATT-2027-000001"} {
			if err := record(s, n); err != nil {
				t.Fatalf("record %s: %v", n, err)
			}
		}
		if n := peek(t, s, 2026); n != "ATT-2026-000003" {
			t.Fatalf("next 2026 number %s", n)
		}
		wantCode(t, record(s, "ATT-2026-000002"), erpps.ECONFLICT) // taken
		wantCode(t, record(s, "ATT-2026-000005"), erpps.ECONFLICT) // not the next
		wantCode(t, record(s, "ATT-26-1"), erpps.EINVALID)
		got, err := s.FindAttestation(ctx, "ATT-2026-000002")
		if err != nil {
			t.Fatal(err)
		}
		if got.RPPS != "10000000001" || got.PayloadHash != "abc" || !got.IssuedAt.Equal(at(1)) {
			t.Fatalf("got %+v", got)
		}
		_, err = s.FindAttestation(ctx, "ATT-2026-000005")
		wantCode(t, err, erpps.ENOTFOUND)
	})

	t.Run("Release", func(t *testing.T) {
		s := open(t)
		for _, n := range []string{"ATT-2026-000001", "ATT-2026-000002"} {
			if err := record(s, n); err != nil {
				t.Fatal(err)
			}
		}
		if err := s.ReleaseAttestation(ctx, "ATT-2026-000002"); err != nil {
			t.Fatal(err)
		}
		_, err := s.FindAttestation(ctx, "ATT-2026-000002")
		wantCode(t, err, erpps.ENOTFOUND)
		if n := peek(t, s, 2026); n != "ATT-2026-000002" {
			t.Fatalf("the last number released is not taken again: next is %s", n)
		}
		// Releasing a number that is not the last keeps the counter.
		if err := record(s, "ATT-2026-000002"); err != nil {
			t.Fatal(err)
		}
		if err := s.ReleaseAttestation(ctx, "ATT-2026-000001"); err != nil {
			t.Fatal(err)
		}
		if n := peek(t, s, 2026); n != "ATT-2026-000003" {
			t.Fatalf("next is %s", n)
		}
	})

	t.Run("Concurrent", func(t *testing.T) {
		// Callers drawing at the same time never share a number and leave
		// no gap.
		s := open(t)
		const workers, each = 4, 5
		var mu sync.Mutex
		var taken []string
		var wg sync.WaitGroup
		errs := make(chan error, workers)
		for w := 0; w < workers; w++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := 0; i < each; i++ {
					for try := 0; ; try++ {
						n, err := s.PeekAttestationNumber(ctx, 2026)
						if err == nil {
							err = record(s, n)
						}
						if err == nil {
							mu.Lock()
							taken = append(taken, n)
							mu.Unlock()
							break
						}
						if erpps.ErrorCode(err) != erpps.ECONFLICT || try > 1000 {
							errs <- err
							return
						}
					}
				}
			}()
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			t.Fatal(err)
		}
		sort.Strings(taken)
		for i, n := range taken {
			if want := fmt.Sprintf("ATT-2026-%06d", i+1); n != want {
				t.Fatalf("numbers taken %v", taken)
			}
		}
		if len(taken) != workers*each {
			t.Fatalf("%d numbers taken, want %d", len(taken), workers*each)
		}
	})
}
