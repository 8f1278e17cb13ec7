package requests

import (
	"context"
	"encoding/json"
	"testing"

	"erpps/backend/erpps"
	"erpps/backend/sqlite"
)

// secretary prepares and transmits requests that remain the practitioner's.
var secretary = erpps.Actor{Role: erpps.RoleSecretary, ID: "SEC-1", Name: "Secrétariat du cabinet"}

func TestProfessionalActsOnlyOnOwnRecord(t *testing.T) {
	ctx := context.Background()
	s := mustService(t)
	other := erpps.Actor{Role: erpps.RoleProfessional, ID: "10000000008", Name: "Un autre professionnel"}
	draft := start(t, s, erpps.KindContact, "")
	save(t, s, draft.Request.ID, contactWith("nouvelle@example.org"))
	cur, err := s.Get(ctx, draft.Request.ID, me)
	if err != nil {
		t.Fatal(err)
	}
	raw, _ := json.Marshal(contactWith("intrus@example.org"))
	calls := map[string]func() error{
		"Start": func() error {
			_, err := s.Start(ctx, StartInput{RPPS: rpps, Kind: erpps.KindExerciseName}, other)
			return err
		},
		"Get": func() error { _, err := s.Get(ctx, draft.Request.ID, other); return err },
		"SaveDraft": func() error {
			_, err := s.SaveDraft(ctx, draft.Request.ID, cur.Request.Revision, raw, other)
			return err
		},
		"Transmit": func() error { _, err := s.Transmit(ctx, draft.Request.ID, other); return err },
		"Withdraw": func() error { _, err := s.Withdraw(ctx, draft.Request.ID, other, ""); return err },
		"Delete":   func() error { return s.Delete(ctx, draft.Request.ID, other) },
	}
	for name, call := range calls {
		t.Run("Err"+name, func(t *testing.T) {
			if err := call(); erpps.ErrorCode(err) != erpps.EFORBIDDEN {
				t.Fatalf("got %v, want forbidden", err)
			}
		})
	}
	after, err := s.Get(ctx, draft.Request.ID, me)
	if err != nil || after.Request.Revision != cur.Request.Revision || after.Request.Status != erpps.StatusDraft {
		t.Fatalf("a refused call changed the draft: %+v, %v", after, err)
	}
}

// TestActorAndPrincipalRecorded: a secretary's save and transmission are
// recorded as the secretary's acts on the practitioner's record, in the
// history, as the last writer and on the replica's mutations for the
// server (the desktop's store).
func TestActorAndPrincipalRecorded(t *testing.T) {
	ctx := context.Background()
	s := mustService(t)
	s.Requests.(*sqlite.DB).Replica = true
	v := start(t, s, erpps.KindContact, "")
	raw, _ := json.Marshal(contactWith("secretariat@example.org"))
	saved, err := s.SaveDraft(ctx, v.Request.ID, v.Request.Revision, raw, secretary)
	if err != nil {
		t.Fatal(err)
	}
	if saved.Request.UpdatedBy != secretary {
		t.Fatalf("last writer %+v, want the secretary", saved.Request.UpdatedBy)
	}
	sent, err := s.Transmit(ctx, v.Request.ID, secretary)
	if err != nil {
		t.Fatal(err)
	}
	last := sent.Request.History[len(sent.Request.History)-1]
	if last.To != erpps.StatusTransmitted || last.Actor != secretary || last.Principal != rpps {
		t.Fatalf("transmission step %+v", last)
	}
	if first := sent.Request.History[0]; first.Actor != me || first.Principal != rpps {
		t.Fatalf("creation step %+v", first)
	}
	if _, err := s.Withdraw(ctx, v.Request.ID, me, "erreur"); err != nil {
		t.Fatal(err)
	}
	mutations, err := s.Requests.(*sqlite.DB).ListPendingMutations(ctx, 0)
	if err != nil {
		t.Fatal(err)
	}
	want := []struct {
		kind  erpps.MutationKind
		actor erpps.Actor
	}{
		{erpps.MutationSaveDraft, secretary}, // the creation, coalesced with the secretary's save
		{erpps.MutationTransmit, secretary},
		{erpps.MutationWithdraw, me},
	}
	if len(mutations) != len(want) {
		t.Fatalf("mutations %+v", mutations)
	}
	for i, w := range want {
		m := mutations[i]
		if m.Kind != w.kind || m.Actor != w.actor || m.Principal != rpps || m.RequestID != v.Request.ID {
			t.Fatalf("mutation %d = %+v, want %s by %+v", i, m, w.kind, w.actor)
		}
	}

}
