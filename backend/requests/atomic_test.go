package requests

import (
	"context"
	"encoding/json"
	"math/rand/v2"
	"sync"
	"testing"
	"time"

	"erpps/backend/erpps"
)

// contactWith is a complete change of contact details with that e-mail.
func contactWith(email string) erpps.ContactPayload {
	return erpps.ContactPayload{Email: email, Phone: "06 00 99 88 77",
		Address: erpps.Address{Street: "8 rue de la Roquette", PostalCode: "75011", City: "PARIS"}}
}

// TestTransmitRacingAutosave races Transmit against an autosave of the same
// draft, 200 times: a transmitted payload is always one that was validated,
// and an acknowledged save is never overwritten (the save either lands before
// Transmit read the draft, and is what Transmit validated, or Transmit fails
// with ECONFLICT, or the save fails).
func TestTransmitRacingAutosave(t *testing.T) {
	ctx := context.Background()
	rng := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 6))
	const (
		validated = "avant.course@example.org"
		goodLate  = "pendant.course@example.org"
		badLate   = "pendant.course.sans.arobase"
	)
	counts := map[string]int{}
	for run := range 200 {
		s := mustService(t)
		v := start(t, s, erpps.KindContact, "")
		base := save(t, s, v.Request.ID, contactWith(validated))
		late := goodLate
		if run%2 == 1 {
			late = badLate // what transmit would refuse, had it validated it
		}
		raw, _ := json.Marshal(contactWith(late))
		delay := time.Duration(rng.IntN(4000)) * time.Microsecond
		var transmitErr, saveErr error
		var wg sync.WaitGroup
		begin := make(chan struct{})
		wg.Go(func() {
			<-begin
			_, transmitErr = s.Transmit(ctx, v.Request.ID, me)
		})
		wg.Go(func() {
			<-begin
			time.Sleep(delay)
			_, saveErr = saveAt(ctx, s, v.Request.ID, base.Request.Revision, raw)
		})
		close(begin)
		wg.Wait()

		final, err := s.Requests.FindRequestByID(ctx, v.Request.ID)
		if err != nil {
			t.Fatal(err)
		}
		var got erpps.ContactPayload
		if err := json.Unmarshal(final.Payload, &got); err != nil {
			t.Fatal(err)
		}
		switch {
		case saveErr != nil && erpps.ErrorCode(saveErr) != erpps.ECONFLICT:
			t.Fatalf("run %d: save failed with %v, want ECONFLICT or success", run, saveErr)
		case transmitErr != nil && erpps.ErrorCode(transmitErr) != erpps.ECONFLICT && erpps.ErrorCode(transmitErr) != erpps.EINVALID:
			t.Fatalf("run %d: transmit failed with %v", run, transmitErr)
		case transmitErr == nil && final.Status != erpps.StatusTransmitted:
			t.Fatalf("run %d: transmit acknowledged, request %s", run, final.Status)
		case transmitErr == nil && got.Email == badLate:
			counts["unvalidated payload transmitted"]++
		case transmitErr == nil && saveErr == nil && got.Email != late:
			counts["acknowledged save overwritten by transmit"]++
		case transmitErr != nil && saveErr == nil && got.Email != late:
			counts["acknowledged save lost"]++
		default:
			counts["ok"]++
		}
	}
	t.Logf("outcomes: %v", counts)
	if counts["ok"] != 200 {
		t.Errorf("%d of 200 runs broke atomicity: %v", 200-counts["ok"], counts)
	}
}
