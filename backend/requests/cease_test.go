package requests

import (
	"context"
	"testing"

	"erpps/backend/erpps"
)

func TestCeaseActivity(t *testing.T) {
	tests := []struct {
		name    string
		payload erpps.CeaseActivityPayload
		want    map[string]string // field → code; empty when valid
	}{
		{"Valid", erpps.CeaseActivityPayload{ActivityID: "act-1", EndDate: "2026-12-31", ReasonCode: "RL"}, nil},
		{"ErrEndBeforeStart", erpps.CeaseActivityPayload{ActivityID: "act-1", EndDate: "2011-01-01", ReasonCode: "RL"}, map[string]string{"endDate": "before_start"}},
		{"ErrEndTooFar", erpps.CeaseActivityPayload{ActivityID: "act-1", EndDate: "2030-01-01", ReasonCode: "RL"}, map[string]string{"endDate": "too_late"}},
		{"ErrBadDate", erpps.CeaseActivityPayload{ActivityID: "act-1", EndDate: "31/12/2026", ReasonCode: "RL"}, map[string]string{"endDate": "format"}},
		{"ErrUnknownReason", erpps.CeaseActivityPayload{ActivityID: "act-1", EndDate: "2026-12-31", ReasonCode: "ZZZ"}, map[string]string{"reasonCode": "unknown"}},
		{"ErrEndedActivity", erpps.CeaseActivityPayload{ActivityID: "act-0", EndDate: "2026-12-31", ReasonCode: "RL"}, map[string]string{"activityId": "ended"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := mustService(t)
			v := start(t, s, erpps.KindCeaseActivity, "act-1")
			got := save(t, s, v.Request.ID, tt.payload)
			codes := fieldCodes(got.Validation)
			for f, c := range tt.want {
				if codes[f] != c {
					t.Fatalf("field %s: got %q, want %q (all: %v)", f, codes[f], c, codes)
				}
			}
			if len(tt.want) == 0 && (len(codes) > 0 || !got.Validation.Complete) {
				t.Fatalf("valid payload reported %v, complete=%v", codes, got.Validation.Complete)
			}
		})
	}
}

func TestCeaseActivityLife(t *testing.T) {
	ctx := context.Background()
	s := mustService(t)
	v := start(t, s, erpps.KindCeaseActivity, "act-1")
	if v.Request.Status != erpps.StatusDraft || v.Resumed {
		t.Fatalf("new draft: status %s resumed %v", v.Request.Status, v.Resumed)
	}
	t.Run("ResumesTheSameDraft", func(t *testing.T) {
		again := start(t, s, erpps.KindCeaseActivity, "act-1")
		if again.Request.ID != v.Request.ID || !again.Resumed {
			t.Fatalf("second start gave %s (resumed %v), want %s resumed", again.Request.ID, again.Resumed, v.Request.ID)
		}
		other := start(t, s, erpps.KindCeaseActivity, "act-2")
		if other.Request.ID == v.Request.ID {
			t.Fatal("a cessation of another activity reused the draft")
		}
	})
	t.Run("ErrTransmitIncomplete", func(t *testing.T) {
		_, err := s.Transmit(ctx, v.Request.ID, me)
		if erpps.ErrorCode(err) != erpps.EINVALID {
			t.Fatalf("got %v, want EINVALID", err)
		}
		codes := map[string]bool{}
		for _, f := range erpps.AsError(err).Fields {
			codes[f.Field] = f.Code == "required"
		}
		if !codes["endDate"] || !codes["reasonCode"] {
			t.Fatalf("missing fields not reported: %v", erpps.AsError(err).Fields)
		}
	})
	save(t, s, v.Request.ID, erpps.CeaseActivityPayload{ActivityID: "act-1", EndDate: "2026-12-31", ReasonCode: "RL"})
	sent, err := s.Transmit(ctx, v.Request.ID, me)
	if err != nil {
		t.Fatal(err)
	}
	if sent.Request.Department != "75" {
		t.Fatalf("routed to département %q, want 75", sent.Request.Department)
	}
	if sent.Request.Status != erpps.StatusTransmitted || sent.Request.TransmittedAt == nil {
		t.Fatalf("status %s after transmit", sent.Request.Status)
	}
	t.Run("ErrReadOnlyOnceTransmitted", func(t *testing.T) {
		_, err := s.SaveDraft(ctx, v.Request.ID, sent.Request.Revision, []byte(`{"activityId":"act-1","endDate":"2026-12-30","reasonCode":"RL"}`), me)
		if erpps.ErrorCode(err) != erpps.ECONFLICT {
			t.Fatalf("got %v, want ECONFLICT", err)
		}
	})
	t.Run("ErrSecondCessationOfTheSameActivity", func(t *testing.T) {
		d := start(t, s, erpps.KindCeaseActivity, "act-1")
		got := save(t, s, d.Request.ID, erpps.CeaseActivityPayload{ActivityID: "act-1", EndDate: "2026-12-31", ReasonCode: "RL"})
		if !hasGuidance(got.Validation, "already_ceasing") || got.Validation.Complete {
			t.Fatalf("guidance %v complete %v", got.Validation.Guidance, got.Validation.Complete)
		}
	})
	w, err := s.Withdraw(ctx, v.Request.ID, me, "Erreur de date")
	if err != nil {
		t.Fatal(err)
	}
	if w.Request.Status != erpps.StatusWithdrawn {
		t.Fatalf("status %s after withdraw", w.Request.Status)
	}
	if n := len(w.Request.History); n < 3 {
		t.Fatalf("history has %d steps, want creation, transmission, withdrawal", n)
	}
	t.Run("ErrWithdrawTwice", func(t *testing.T) {
		if _, err := s.Withdraw(ctx, v.Request.ID, me, ""); erpps.ErrorCode(err) != erpps.ECONFLICT {
			t.Fatalf("got %v, want ECONFLICT", err)
		}
	})
}

func TestStartErrors(t *testing.T) {
	s := mustService(t)
	tests := []struct {
		name string
		in   StartInput
		code string
	}{
		{"ErrUnknownKind", StartInput{RPPS: rpps, Kind: "rename_cat"}, erpps.EINVALID},
		{"ErrOtherProfessionalsRecord", StartInput{RPPS: "10000000008", Kind: erpps.KindContact}, erpps.EFORBIDDEN},
		{"ErrUnknownActivity", StartInput{RPPS: rpps, Kind: erpps.KindCeaseActivity, TargetID: "act-9"}, erpps.ENOTFOUND},
		{"ErrEndedActivity", StartInput{RPPS: rpps, Kind: erpps.KindCeaseActivity, TargetID: "act-0"}, erpps.ECONFLICT},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := s.Start(context.Background(), tt.in, me)
			if erpps.ErrorCode(err) != tt.code {
				t.Fatalf("got %v, want %s", err, tt.code)
			}
		})
	}
	t.Run("ErrUnknownPractitioner", func(t *testing.T) {
		_, err := s.Start(context.Background(), StartInput{RPPS: "10000000008", Kind: erpps.KindContact}, secretary)
		if erpps.ErrorCode(err) != erpps.ENOTFOUND {
			t.Fatalf("got %v, want not_found", err)
		}
	})
}

func TestSaveDraftRejectsUnreadablePayload(t *testing.T) {
	s := mustService(t)
	v := start(t, s, erpps.KindContact, "")
	for name, raw := range map[string]string{
		"ErrUnknownField": `{"email":"a@b.fr","admin":true}`,
		"ErrNotJSON":      `{"email":`,
		"ErrWrongType":    `{"email":42}`,
		"ErrTrailing":     `{"email":"a@b.fr"} {}`,
	} {
		t.Run(name, func(t *testing.T) {
			_, err := s.SaveDraft(context.Background(), v.Request.ID, v.Request.Revision, []byte(raw), me)
			if erpps.ErrorCode(err) != erpps.EINVALID {
				t.Fatalf("got %v, want EINVALID", err)
			}
		})
	}
	got, err := s.Get(context.Background(), v.Request.ID, me)
	if err != nil {
		t.Fatal(err)
	}
	if got.Request.Revision != v.Request.Revision {
		t.Fatalf("a rejected payload changed the draft (revision %d → %d)", v.Request.Revision, got.Request.Revision)
	}
}
