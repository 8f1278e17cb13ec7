package erpps

import (
	"errors"
	"fmt"
	"testing"
)

func TestCheckTransition(t *testing.T) {
	pro := Actor{Role: RoleProfessional}
	sec := Actor{Role: RoleSecretary}
	agent := Actor{Role: RoleARSAgent}
	system := Actor{Role: RoleSystem}
	tests := []struct {
		from, to RequestStatus
		actor    Actor
		code     string // "" when allowed
	}{
		{StatusDraft, StatusTransmitted, pro, ""},
		{StatusDraft, StatusTransmitted, sec, ""},
		{StatusDraft, StatusTransmitted, agent, EFORBIDDEN},
		{StatusTransmitted, StatusUnderReview, agent, ""},
		{StatusTransmitted, StatusUnderReview, pro, EFORBIDDEN},
		{StatusTransmitted, StatusWithdrawn, pro, ""},
		{StatusUnderReview, StatusAccepted, agent, ""},
		{StatusUnderReview, StatusAccepted, pro, EFORBIDDEN},
		{StatusUnderReview, StatusRefused, agent, ""},
		{StatusUnderReview, StatusComplementRequested, agent, ""},
		{StatusUnderReview, StatusWithdrawn, pro, ""},
		{StatusComplementRequested, StatusTransmitted, pro, ""},
		{StatusComplementRequested, StatusClosedNoAction, system, ""},
		{StatusComplementRequested, StatusClosedNoAction, pro, EFORBIDDEN},
		{StatusAccepted, StatusWithdrawn, pro, ECONFLICT},
		{StatusWithdrawn, StatusTransmitted, pro, ECONFLICT},
		{StatusDraft, StatusAccepted, agent, ECONFLICT},
		{StatusDraft, "shipped", pro, EINVALID},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%s_to_%s_by_%s", tt.from, tt.to, tt.actor.Role), func(t *testing.T) {
			err := CheckTransition(tt.from, tt.to, tt.actor)
			if ErrorCode(err) != tt.code {
				t.Fatalf("got %v, want code %q", err, tt.code)
			}
			if err != nil && ErrorMessage(err) == "" {
				t.Fatal("no French message")
			}
		})
	}
}

func TestStatusProperties(t *testing.T) {
	for _, s := range AllRequestStatuses {
		st := s.Value
		if !st.Valid() || st.Label() == string(st) {
			t.Errorf("%s has no label", st)
		}
		if st.Final() && (st.Open() || st.Editable() || len(NextStatuses(st, Actor{Role: RoleARSAgent})) > 0) {
			t.Errorf("final status %s still moves", st)
		}
		if st.Editable() && len(NextStatuses(st, Actor{Role: RoleProfessional})) == 0 {
			t.Errorf("editable status %s cannot be transmitted", st)
		}
	}
	for _, k := range AllRequestKinds {
		if !k.Value.Valid() || k.Value.Label() == string(k.Value) {
			t.Errorf("kind %s has no label", k.Value)
		}
	}
}

func TestErrors(t *testing.T) {
	wrapped := fmt.Errorf("store: unable to read: %w", NotFound("Introuvable."))
	if ErrorCode(wrapped) != ENOTFOUND || ErrorMessage(wrapped) != "Introuvable." {
		t.Fatalf("code %s message %s", ErrorCode(wrapped), ErrorMessage(wrapped))
	}
	plain := errors.New("disk on fire")
	if ErrorCode(plain) != EINTERNAL || ErrorMessage(plain) == plain.Error() {
		t.Fatal("an internal cause reached the user's message")
	}
	if ErrorCode(nil) != "" || AsError(nil) != nil {
		t.Fatal("nil is not an error")
	}
	fe := FieldErrorFor("email", Invalid("Adresse invalide."))
	if fe.Field != "email" || fe.Message != "Adresse invalide." {
		t.Fatalf("field error %+v", fe)
	}
}

// TestTransmittedSaysItWaits: a transmitted request is queued on this
// computer, not received by the ARS: its label says so.
func TestTransmittedSaysItWaits(t *testing.T) {
	if got := StatusTransmitted.Label(); got != "Transmise — en attente d'envoi au serveur" {
		t.Fatalf("label %q", got)
	}
}
