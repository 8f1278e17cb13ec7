package requests

import (
	"context"
	"encoding/json"
	"testing"

	"erpps/backend/erpps"
	"erpps/backend/sqlite"
)

// agent is an ARS agent examining requests.
var agent = erpps.Actor{Role: erpps.RoleARSAgent, ID: "ARS-75-1", Name: "Agent instructeur"}

// TestStaleSaveRefused: two tabs opened the same draft; the first one's save
// is kept, the second one's older copy is refused and does not come back.
func TestStaleSaveRefused(t *testing.T) {
	ctx := context.Background()
	s := mustService(t)
	opened := start(t, s, erpps.KindCeaseActivity, "act-1")
	first, _ := json.Marshal(erpps.CeaseActivityPayload{ActivityID: "act-1", EndDate: "2026-12-31", ReasonCode: "RL"})
	second, _ := json.Marshal(erpps.CeaseActivityPayload{ActivityID: "act-1", EndDate: "2026-12-30", ReasonCode: "CHL"})
	saved, err := s.SaveDraft(ctx, opened.Request.ID, opened.Request.Revision, first, me)
	if err != nil {
		t.Fatal(err)
	}
	_, err = s.SaveDraft(ctx, opened.Request.ID, opened.Request.Revision, second, me)
	if erpps.ErrorCode(err) != erpps.ECONFLICT || erpps.ErrorMessage(err) != "Ce brouillon a été modifié ailleurs (autre onglet ou fenêtre) depuis que vous l'avez ouvert." {
		t.Fatalf("stale save: got %v, want ECONFLICT with the French message", err)
	}
	got, err := s.Get(ctx, opened.Request.ID, me)
	if err != nil {
		t.Fatal(err)
	}
	if string(got.Request.Payload) != string(first) || got.Request.Revision != saved.Request.Revision {
		t.Fatalf("after the stale save: revision %d payload %s, want revision %d payload %s",
			got.Request.Revision, got.Request.Payload, saved.Request.Revision, first)
	}
	// The second tab, once it has the newer revision, saves again.
	if _, err := s.SaveDraft(ctx, opened.Request.ID, got.Request.Revision, second, me); err != nil {
		t.Fatalf("save over the newer revision: %v", err)
	}
}

// transmitMove transmits a moved cabinet from act-1 to Lyon and returns the
// new activity and its linked cessation.
func transmitMove(t *testing.T, s *Service) (*erpps.Request, *erpps.Request) {
	t.Helper()
	ctx := context.Background()
	v := start(t, s, erpps.KindNewActivity, "")
	p := lyonActivity(t)
	p.ReplacesActivityID = "act-1"
	save(t, s, v.Request.ID, p)
	sent, err := s.Transmit(ctx, v.Request.ID, me)
	if err != nil {
		t.Fatal(err)
	}
	return sent.Request, linkedCessationOf(t, s, sent.Request.ID)
}

func linkedCessationOf(t *testing.T, s *Service, id string) *erpps.Request {
	t.Helper()
	ceases, err := s.List(context.Background(), erpps.RequestFilter{RPPS: rpps, Kind: erpps.KindCeaseActivity})
	if err != nil {
		t.Fatal(err)
	}
	var linked []*erpps.Request
	for _, c := range ceases {
		if c.LinkedRequestID == id {
			linked = append(linked, c)
		}
	}
	if len(linked) != 1 {
		t.Fatalf("%d cessations linked to %s, want 1", len(linked), id)
	}
	return linked[0]
}

func TestMovedCabinetPair(t *testing.T) {
	ctx := context.Background()
	t.Run("ReplacesTheCessationDraft", func(t *testing.T) {
		s := mustService(t)
		d := start(t, s, erpps.KindCeaseActivity, "act-1")
		na, cease := transmitMove(t, s)
		if _, err := s.Get(ctx, d.Request.ID, me); erpps.ErrorCode(err) != erpps.ENOTFOUND {
			t.Fatalf("the cessation draft of act-1 is still there: %v", err)
		}
		if cease.Status != erpps.StatusTransmitted || na.Status != erpps.StatusTransmitted {
			t.Fatalf("pair %s / %s", na.Status, cease.Status)
		}
	})
	t.Run("WithdrawingTheCessationWithdrawsTheNewActivity", func(t *testing.T) {
		s := mustService(t)
		na, cease := transmitMove(t, s)
		w, err := s.Withdraw(ctx, cease.ID, me, "je reste")
		if err != nil {
			t.Fatal(err)
		}
		after, err := s.Get(ctx, na.ID, me)
		if err != nil {
			t.Fatal(err)
		}
		if w.Request.Status != erpps.StatusWithdrawn || after.Request.Status != erpps.StatusWithdrawn {
			t.Fatalf("cessation %s, new activity %s: want both withdrawn", w.Request.Status, after.Request.Status)
		}
	})
	t.Run("TransmittedAgainKeepsItsCessation", func(t *testing.T) {
		s := mustService(t)
		db := s.Requests.(*sqlite.DB)
		na, cease := transmitMove(t, s)
		for _, to := range []erpps.RequestStatus{erpps.StatusUnderReview, erpps.StatusComplementRequested} {
			if _, err := db.TransitionRequest(ctx, na.ID, to, agent, "Joindre le bail"); err != nil {
				t.Fatal(err)
			}
		}
		p := lyonActivity(t)
		p.ReplacesActivityID = "act-1"
		save(t, s, na.ID, p)
		again, err := s.Transmit(ctx, na.ID, me)
		if err != nil {
			t.Fatal(err)
		}
		if again.Request.Status != erpps.StatusTransmitted {
			t.Fatalf("status %s", again.Request.Status)
		}
		if got := linkedCessationOf(t, s, na.ID); got.ID != cease.ID {
			t.Fatalf("a second cessation %s was created beside %s", got.ID, cease.ID)
		}
	})
	t.Run("ErrStaleTransmit", func(t *testing.T) {
		s := mustService(t)
		db := s.Requests.(*sqlite.DB)
		v := start(t, s, erpps.KindContact, "")
		saved := save(t, s, v.Request.ID, contactWith("valide@example.org"))
		rec, err := db.FindRequestWithRecord(ctx, v.Request.ID)
		if err != nil {
			t.Fatal(err)
		}
		plan, err := s.planTransmit(rec, me)
		if err != nil {
			t.Fatal(err)
		}
		raw, _ := json.Marshal(contactWith("pas-une-adresse"))
		if _, err := s.SaveDraft(ctx, v.Request.ID, saved.Request.Revision, raw, me); err != nil {
			t.Fatal(err)
		}
		if _, err := db.CommitTransmit(ctx, *plan); erpps.ErrorCode(err) != erpps.ECONFLICT {
			t.Fatalf("transmit of a revision that moved: got %v, want ECONFLICT", err)
		}
	})
}
