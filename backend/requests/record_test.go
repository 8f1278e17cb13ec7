package requests

import (
	"context"
	"encoding/json"
	"testing"

	"erpps/backend/erpps"
)

func jsonUnmarshal(raw json.RawMessage, v any) error { return json.Unmarshal(raw, v) }

func TestNewProfession(t *testing.T) {
	tests := []struct {
		name    string
		payload erpps.NewProfessionPayload
		want    map[string]string
	}{
		{"Valid", erpps.NewProfessionPayload{ProfessionCode: "26", CategoryCode: "C", Since: "2024-07-01"}, nil},
		{"ValidUsagerDeTitre", erpps.NewProfessionPayload{ProfessionCode: "71", CategoryCode: "C", Since: "2024-07-01"}, nil},
		{"ErrAlreadyHeld", erpps.NewProfessionPayload{ProfessionCode: "91", CategoryCode: "C", Since: "2024-07-01"}, map[string]string{"professionCode": "already_held"}},
		{"ErrRetired", erpps.NewProfessionPayload{ProfessionCode: "35", CategoryCode: "C", Since: "2024-07-01"}, map[string]string{"professionCode": "unknown"}},
		{"ErrFuture", erpps.NewProfessionPayload{ProfessionCode: "26", CategoryCode: "C", Since: "2027-07-01"}, map[string]string{"since": "future"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := mustService(t)
			v := start(t, s, erpps.KindNewProfession, "")
			got := save(t, s, v.Request.ID, tt.payload)
			codes := fieldCodes(got.Validation)
			for f, c := range tt.want {
				if codes[f] != c {
					t.Fatalf("field %s: got %q, want %q (all %v)", f, codes[f], c, codes)
				}
			}
			if tt.want == nil && !got.Validation.Complete {
				t.Fatalf("valid profession not complete: %+v", got.Validation)
			}
			if !hasGuidance(got.Validation, "not_a_place") {
				t.Fatal("the guide's warning (not a new place) is missing")
			}
		})
	}
}

func TestContact(t *testing.T) {
	ctx := context.Background()
	s := mustService(t)
	v := start(t, s, erpps.KindContact, "")
	var initial erpps.ContactPayload
	if err := jsonUnmarshal(v.Request.Payload, &initial); err != nil {
		t.Fatal(err)
	}
	if initial.Email != "claire.martin@example.com" || initial.Address.PostalCode != "75011" {
		t.Fatalf("draft not prefilled from the record: %+v", initial)
	}
	t.Run("ErrUnchanged", func(t *testing.T) {
		save(t, s, v.Request.ID, initial)
		_, err := s.Transmit(ctx, v.Request.ID, me)
		if erpps.ErrorCode(err) != erpps.EINVALID || erpps.AsError(err).Fields[0].Code != "unchanged" {
			t.Fatalf("got %v, want unchanged", err)
		}
	})
	bad := []struct {
		name        string
		modify      func(p *erpps.ContactPayload)
		field, code string
	}{
		{"ErrEmailNoAt", func(p *erpps.ContactPayload) { p.Email = "claire.martin.example.com" }, "email", "format"},
		{"ErrEmailNoDomain", func(p *erpps.ContactPayload) { p.Email = "claire@example" }, "email", "format"},
		{"ErrPhoneShort", func(p *erpps.ContactPayload) { p.Phone = "06 12 34 56" }, "phone", "too_short"},
		{"ErrPhoneLetters", func(p *erpps.ContactPayload) { p.Phone = "06 12 AB 56 78" }, "phone", "letters"},
		{"ErrPostalCode", func(p *erpps.ContactPayload) { p.Address.PostalCode = "7501" }, "address.postalCode", "length"},
	}
	for _, tt := range bad {
		t.Run(tt.name, func(t *testing.T) {
			p := initial
			tt.modify(&p)
			got := fieldCodes(save(t, s, v.Request.ID, p).Validation)
			if got[tt.field] != tt.code {
				t.Fatalf("field %s: got %q, want %q (all %v)", tt.field, got[tt.field], tt.code, got)
			}
		})
	}
	t.Run("LandlineWarns", func(t *testing.T) {
		p := initial
		p.Phone = "01 99 00 12 34"
		got := save(t, s, v.Request.ID, p)
		if !hasGuidance(got.Validation, "not_mobile") {
			t.Fatalf("no warning for a landline: %+v", got.Validation.Guidance)
		}
	})
	p := initial
	p.Email = "dr.martin@example.org"
	p.Phone = "+33 6 00 98 12 34"
	save(t, s, v.Request.ID, p)
	sent, err := s.Transmit(ctx, v.Request.ID, me)
	if err != nil {
		t.Fatal(err)
	}
	var final erpps.ContactPayload
	if err := jsonUnmarshal(sent.Request.Payload, &final); err != nil {
		t.Fatal(err)
	}
	if final.Phone != "+33600981234" {
		t.Fatalf("phone stored as %q, want E.164", final.Phone)
	}
}

func TestExerciseName(t *testing.T) {
	ctx := context.Background()
	tests := []struct {
		name    string
		payload erpps.ExerciseNamePayload
		code    string // of the exerciseName field at transmission; "" when it is sent
		want    string // the name sent
	}{
		{"ResetToBirthName", erpps.ExerciseNamePayload{ExerciseName: "whatever", UseBirthName: true}, "", "DURAND"},
		{"NewName", erpps.ExerciseNamePayload{ExerciseName: "  Durand-Martin "}, "", "DURAND-MARTIN"},
		{"Accents", erpps.ExerciseNamePayload{ExerciseName: "Lefèvre d'Hérouville"}, "", "LEFÈVRE D'HÉROUVILLE"},
		{"ErrDigits", erpps.ExerciseNamePayload{ExerciseName: "MART1N"}, "format", ""},
		{"ErrUnchanged", erpps.ExerciseNamePayload{ExerciseName: "martin"}, "unchanged", ""},
		{"ErrEmpty", erpps.ExerciseNamePayload{ExerciseName: " "}, "required", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := mustService(t)
			v := start(t, s, erpps.KindExerciseName, "")
			save(t, s, v.Request.ID, tt.payload)
			sent, err := s.Transmit(ctx, v.Request.ID, me)
			if tt.code != "" {
				e := erpps.AsError(err)
				if e == nil || len(e.Fields) == 0 || e.Fields[0].Code != tt.code {
					t.Fatalf("got %v, want field code %s", err, tt.code)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			var got erpps.ExerciseNamePayload
			if err := jsonUnmarshal(sent.Request.Payload, &got); err != nil {
				t.Fatal(err)
			}
			if got.ExerciseName != tt.want {
				t.Fatalf("sent %q, want %q", got.ExerciseName, tt.want)
			}
		})
	}
}
