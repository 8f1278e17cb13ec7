package requests

import (
	"encoding/json"
	"testing"

	"erpps/backend/erpps"
	"erpps/backend/refdata"
)

// validateNewActivity validates a draft new activity for the fixture.
func validateNewActivity(t *testing.T, p erpps.NewActivityPayload) map[string]string {
	t.Helper()
	cat, err := refdata.Load()
	if err != nil {
		t.Fatal(err)
	}
	raw, err := json.Marshal(p)
	if err != nil {
		t.Fatal(err)
	}
	req := &erpps.Request{ID: "r", RPPS: rpps, Kind: erpps.KindNewActivity, Status: erpps.StatusDraft, Payload: raw}
	v, _, _, err := validate(&subject{cat: cat, today: "2026-11-27", practitioner: fixture(t), request: req}, false)
	if err != nil {
		t.Fatal(err)
	}
	return fieldCodes(v)
}

// TestStructureAndAddressFormats: the sub-fields that went out as typed
// (defect 8) are checked for their format, and the commune is cross-checked
// with the postal code.
func TestStructureAndAddressFormats(t *testing.T) {
	tests := []struct {
		name   string
		modify func(p *erpps.NewActivityPayload)
		field  string
		code   string
	}{
		{"ValidFull", func(p *erpps.NewActivityPayload) {
			p.Structure.Address.Cedex, p.Structure.Address.Repetition, p.Structure.Address.CommuneCode = "LYON CEDEX 04", "ter", "69384"
			p.Structure.Email, p.Structure.Phone, p.Structure.Address.Country = "contact@msp.fr", "04 72 00 00 00", "France"
		}, "", ""},
		{"ErrCedex", func(p *erpps.NewActivityPayload) { p.Structure.Address.Cedex = "12 rue" }, "structure.address.cedex", "format"},
		{"ErrRepetition", func(p *erpps.NewActivityPayload) { p.Structure.Address.Repetition = "bisbis" }, "structure.address.repetition", "format"},
		{"ErrCountry", func(p *erpps.NewActivityPayload) { p.Structure.Address.Country = "Belgique" }, "structure.address.country", "not_france"},
		{"ErrCommuneOfAnotherDepartment", func(p *erpps.NewActivityPayload) { p.Structure.Address.CommuneCode = "21231" }, "structure.address.communeCode", "other_department"},
		{"ValidSaintBarthelemy", func(p *erpps.NewActivityPayload) {
			p.Structure.Address.PostalCode, p.Structure.Address.CommuneCode = "97133", "97701"
			p.KeepsOtherActivities = true
		}, "", ""},
		{"ErrStructureEmail", func(p *erpps.NewActivityPayload) { p.Structure.Email = "contact@msp" }, "structure.email", "format"},
		{"ErrStructurePhone", func(p *erpps.NewActivityPayload) { p.Structure.Phone = "04 72" }, "structure.phone", ""},
		{"ErrSIRENKey", func(p *erpps.NewActivityPayload) { p.Structure.SIREN = "123456789" }, "structure.siren", "checksum"},
		{"ErrSIRENNotTheSIRETs", func(p *erpps.NewActivityPayload) { p.Structure.SIREN = siret(t, "73282932") }, "structure.siren", "mismatch"},
		{"ErrFINESSEJKey", func(p *erpps.NewActivityPayload) { p.Structure.FINESSEJ = "690000010" }, "structure.finessEJ", "checksum"},
		{"ErrTechnicalID", func(p *erpps.NewActivityPayload) { p.Structure.TechnicalID = "<script>" }, "structure.technicalId", "characters"},
		{"ErrSectorOfAnotherProfession", func(p *erpps.NewActivityPayload) { p.SectorCode = "SA33" }, "sectorCode", "profession"},
		{"ErrFunctionOfAnotherProfession", func(p *erpps.NewActivityPayload) { p.FunctionCode = "FON-03" }, "functionCode", "profession"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := lyonActivity(t)
			p.KeepsOtherActivities = true
			tt.modify(&p)
			got := validateNewActivity(t, p)
			if tt.field == "" {
				if len(got) != 0 {
					t.Fatalf("valid payload reported %v", got)
				}
				return
			}
			c, ok := got[tt.field]
			if !ok || (tt.code != "" && c != tt.code) {
				t.Fatalf("field %s: got %q, want %q (all %v)", tt.field, c, tt.code, got)
			}
		})
	}
}
