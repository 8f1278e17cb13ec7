package storetest

import (
	"context"
	"encoding/json"
	"sync"
	"testing"

	"erpps/backend/erpps"
)

// racers is how many callers race for the same thing.
const racers = 8

// race runs fn from racers goroutines at once and returns their errors.
func race(fn func(i int) error) []error {
	errs := make([]error, racers)
	var start, done sync.WaitGroup
	start.Add(1)
	for i := range racers {
		done.Add(1)
		go func() {
			defer done.Done()
			start.Wait()
			errs[i] = fn(i)
		}()
	}
	start.Done()
	done.Wait()
	return errs
}

// oneWins fails unless exactly one error is nil and every other one has a
// code of losers.
func oneWins(t *testing.T, errs []error, losers ...string) {
	t.Helper()
	won := 0
	for _, err := range errs {
		if err == nil {
			won++
			continue
		}
		ok := false
		for _, code := range losers {
			ok = ok || erpps.ErrorCode(err) == code
		}
		if !ok {
			t.Fatalf("a racer failed with %q (%v), want one of %v", erpps.ErrorCode(err), err, losers)
		}
	}
	if won != 1 {
		t.Fatalf("%d racers won, want 1: %v", won, errs)
	}
}

// testRaces: what the store holds unique stays unique when callers race
// (several server processes on one database).
func testRaces(t *testing.T, open func(t *testing.T) erpps.ServerStore) {
	ctx := context.Background()
	const rpps = "10000000001"

	t.Run("Take", func(t *testing.T) {
		s := open(t)
		mustSave(t, s, practitioner(rpps, "Testeur", "Alix", "75"))
		r := receive(t, s, received("R-1", rpps, erpps.StatusTransmitted, "75", at(1)))
		errs := race(func(i int) error {
			a := agent
			a.ID = a.ID + string(rune('a'+i))
			_, err := s.CommitDecision(ctx, planFor(r, erpps.DecisionTake, a))
			return err
		})
		oneWins(t, errs, erpps.ECONFLICT)
		if d := decisions(t, s, r.ID); len(d) != 1 {
			t.Fatalf("decisions %+v", d)
		}
		if got := mustFind(t, s, r.ID); len(got.History) != len(r.History)+1 {
			t.Fatalf("history %+v", got.History)
		}
	})

	t.Run("OneDraftPerObject", func(t *testing.T) {
		s := open(t)
		mustSave(t, s, practitioner(rpps, "Testeur", "Alix", "75"))
		errs := race(func(int) error {
			return s.CreateRequest(ctx, &erpps.Request{RPPS: rpps, Kind: erpps.KindCeaseActivity, TargetID: "ACT-" + rpps + "-1",
				Payload: json.RawMessage(`{}`)}, professional(rpps))
		})
		oneWins(t, errs, erpps.ECONFLICT)
		if list, err := s.ListRequests(ctx, erpps.RequestFilter{RPPS: rpps}); err != nil || len(list) != 1 {
			t.Fatalf("drafts %d, %v", len(list), err)
		}
	})

	t.Run("Login", func(t *testing.T) {
		s := open(t)
		errs := race(func(i int) error {
			return s.CreateAccount(ctx, &erpps.Account{Login: "same@ars.example", Role: erpps.RoleARSAgent, Name: "Agent"}, "h")
		})
		oneWins(t, errs, erpps.ECONFLICT)
		if list, err := s.ListAccounts(ctx, ""); err != nil || len(list) != 1 {
			t.Fatalf("accounts %d, %v", len(list), err)
		}
	})

	t.Run("ApprovalUsedOnce", func(t *testing.T) {
		s := open(t)
		mustSave(t, s, practitioner(rpps, "Testeur", "Alix", "75"))
		r, a := prepared(t, s, rpps, erpps.KindContact)
		errs := race(func(int) error {
			_, err := s.CommitTransmit(ctx, erpps.TransmitPlan{RequestID: r.ID, BaseRevision: r.Revision, Payload: r.Payload,
				Department: "75", Actor: secretary, Principal: rpps,
				Approval: &erpps.ApprovalUse{ID: a.ID, Revision: a.Revision, PayloadHash: a.PayloadHash, At: at(10)}})
			return err
		})
		oneWins(t, errs, erpps.ECONFLICT, erpps.EFORBIDDEN)
		if got := mustFind(t, s, r.ID); got.Status != erpps.StatusTransmitted || len(got.History) != 2 {
			t.Fatalf("transmitted %+v", got)
		}
	})
}
