package requests

import (
	"context"
	"testing"

	"erpps/backend/erpps"
)

// lyonActivity is a complete new activity in Lyon (69), another département.
func lyonActivity(t *testing.T) erpps.NewActivityPayload {
	return erpps.NewActivityPayload{
		ProfessionCode: "91", LookupBy: "siret",
		Structure: erpps.Structure{SIRET: siret(t, "5550001110001"), CompanyName: "Maison de santé de la Croix-Rousse",
			Address: erpps.Address{Street: "4 rue d'Austerlitz", PostalCode: "69004", City: "LYON"}},
		ModeCode: "L", SectorCode: "SA52", FunctionCode: "FON-01", StartDate: "2027-01-04",
	}
}

func TestNewActivityFields(t *testing.T) {
	tests := []struct {
		name   string
		modify func(p *erpps.NewActivityPayload)
		want   map[string]string
	}{
		{"ErrSIRETKey", func(p *erpps.NewActivityPayload) { p.Structure.SIRET = "55500011100011" }, map[string]string{"structure.siret": "checksum"}},
		{"ErrPostalCode", func(p *erpps.NewActivityPayload) { p.Structure.Address.PostalCode = "6900" }, map[string]string{"structure.address.postalCode": "length"}},
		{"ErrRetiredSector", func(p *erpps.NewActivityPayload) { p.SectorCode = "SA11" }, map[string]string{"sectorCode": "retired"}},
		{"ErrUnknownMode", func(p *erpps.NewActivityPayload) { p.ModeCode = "X" }, map[string]string{"modeCode": "unknown"}},
		{"ErrProfessionNotHeld", func(p *erpps.NewActivityPayload) { p.ProfessionCode = "21" }, map[string]string{"professionCode": "not_held"}},
		{"ErrStartTooFar", func(p *erpps.NewActivityPayload) { p.StartDate = "2028-01-01" }, map[string]string{"startDate": "too_late"}},
		{"ErrDuplicateStructure", func(p *erpps.NewActivityPayload) {
			p.Structure = fixture(t).Activities[0].Structure
			p.Structure.Department = ""
		}, map[string]string{"structure": "duplicate"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := mustService(t)
			v := start(t, s, erpps.KindNewActivity, "")
			p := lyonActivity(t)
			p.KeepsOtherActivities = true
			tt.modify(&p)
			got := fieldCodes(save(t, s, v.Request.ID, p).Validation)
			for f, c := range tt.want {
				if got[f] != c {
					t.Fatalf("field %s: got %q, want %q (all: %v)", f, got[f], c, got)
				}
			}
		})
	}
}

// TestChangeOfDepartment: the guide says to cease the old activity first;
// the user may instead declare a moved cabinet or an additional activity.
func TestChangeOfDepartment(t *testing.T) {
	ctx := context.Background()
	s := mustService(t)
	v := start(t, s, erpps.KindNewActivity, "")
	p := lyonActivity(t)
	got := save(t, s, v.Request.ID, p)
	if !hasGuidance(got.Validation, "cease_first") || got.Validation.Complete {
		t.Fatalf("no cease_first guidance: %+v", got.Validation)
	}
	if _, err := s.Transmit(ctx, v.Request.ID, me); erpps.ErrorCode(err) != erpps.ECONFLICT {
		t.Fatalf("transmit with cease_first: got %v, want ECONFLICT", err)
	}
	t.Run("AdditionalActivity", func(t *testing.T) {
		p := lyonActivity(t)
		p.KeepsOtherActivities = true
		got := save(t, s, v.Request.ID, p)
		if hasGuidance(got.Validation, "cease_first") || !got.Validation.Complete {
			t.Fatalf("additional activity still blocked: %+v", got.Validation)
		}
	})
	t.Run("MovedCabinetTransmitsTheLinkedCessation", func(t *testing.T) {
		p := lyonActivity(t)
		p.ReplacesActivityID = "act-1"
		got := save(t, s, v.Request.ID, p)
		if !got.Validation.Complete || !hasGuidance(got.Validation, "moved_cabinet") {
			t.Fatalf("moved cabinet not complete: %+v", got.Validation)
		}
		sent, err := s.Transmit(ctx, v.Request.ID, me)
		if err != nil {
			t.Fatal(err)
		}
		ceases, err := s.List(ctx, erpps.RequestFilter{RPPS: rpps, Kind: erpps.KindCeaseActivity})
		if err != nil {
			t.Fatal(err)
		}
		if len(ceases) != 1 || ceases[0].LinkedRequestID != sent.Request.ID || ceases[0].Status != erpps.StatusTransmitted {
			t.Fatalf("linked cessation: %+v", ceases)
		}
		// Named after the new activity's request: the desktop's plan and
		// the server's create the same request.
		if want := erpps.LinkedCessationID(sent.Request.ID); ceases[0].ID != want {
			t.Fatalf("linked cessation id %s, want %s", ceases[0].ID, want)
		}
		var cp erpps.CeaseActivityPayload
		if err := jsonUnmarshal(ceases[0].Payload, &cp); err != nil {
			t.Fatal(err)
		}
		if cp.EndDate != "2027-01-03" || cp.ReasonCode != "CHL" || cp.ActivityID != "act-1" {
			t.Fatalf("cessation payload %+v", cp)
		}
		if sent.Request.Department != "69" || ceases[0].Department != "75" {
			t.Fatalf("routed to %q (new activity) and %q (cessation), want 69 and 75", sent.Request.Department, ceases[0].Department)
		}
		if _, err := s.Withdraw(ctx, sent.Request.ID, me, ""); err != nil {
			t.Fatal(err)
		}
		after, err := s.Get(ctx, ceases[0].ID, me)
		if err != nil {
			t.Fatal(err)
		}
		if after.Request.Status != erpps.StatusWithdrawn {
			t.Fatalf("linked cessation is %s after withdrawal, want withdrawn", after.Request.Status)
		}
	})
}

func TestNewActivityNormalisedOnTransmit(t *testing.T) {
	ctx := context.Background()
	s := mustService(t)
	v := start(t, s, erpps.KindNewActivity, "")
	p := lyonActivity(t)
	p.KeepsOtherActivities = true
	p.Structure.SIRET = p.Structure.SIRET[:3] + " " + p.Structure.SIRET[3:6] + " " + p.Structure.SIRET[6:9] + " " + p.Structure.SIRET[9:]
	save(t, s, v.Request.ID, p)
	sent, err := s.Transmit(ctx, v.Request.ID, me)
	if err != nil {
		t.Fatal(err)
	}
	var got erpps.NewActivityPayload
	if err := jsonUnmarshal(sent.Request.Payload, &got); err != nil {
		t.Fatal(err)
	}
	if got.Structure.SIRET != siret(t, "5550001110001") || got.Structure.SIREN != "555000111" || got.Structure.Department != "69" {
		t.Fatalf("not normalised: %+v", got.Structure)
	}
}

func TestLookupStructure(t *testing.T) {
	ctx := context.Background()
	s := mustService(t)
	known := fixture(t).Activities[0].Structure.SIRET
	st, err := s.LookupStructure(ctx, "siret", known[:3]+" "+known[3:])
	if err != nil || st.CompanyName != "Cabinet de Claire MARTIN" {
		t.Fatalf("lookup by SIRET: %+v, %v", st, err)
	}
	st, err = s.LookupStructure(ctx, "finess", fixture(t).Activities[1].Structure.FINESS)
	if err != nil || st.CompanyName != "Centre hospitalier de Paris Est" {
		t.Fatalf("lookup by FINESS: %+v, %v", st, err)
	}
	tests := []struct {
		name  string
		by    StructureLookupBy
		value string
		code  string
	}{
		{"ErrTypo", "siret", known[:13] + string('0'+(known[13]-'0'+1)%10), erpps.EINVALID},
		{"ErrUnknown", "siret", siret(t, "1111111110001"), erpps.ENOTFOUND},
		{"ErrBadKind", "name", "x", erpps.EINVALID},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := s.LookupStructure(ctx, tt.by, tt.value); erpps.ErrorCode(err) != tt.code {
				t.Fatalf("got %v, want %s", err, tt.code)
			}
		})
	}
}
