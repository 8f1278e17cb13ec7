package refdata

import (
	"testing"

	"erpps/backend/erpps"
)

func TestRegistrationAuthorityByProfession(t *testing.T) {
	c := mustLoad(t)
	tests := []struct {
		profession, code, kind, label string
	}{
		{"10", "CNOM", AuthorityOrdre, "Ordre des médecins"},
		{"40", "ONCD", AuthorityOrdre, "Ordre des chirurgiens-dentistes"},
		{"50", "CNOSF", AuthorityOrdre, "Ordre des sages-femmes"},
		{"21", "CNOP", AuthorityOrdre, "Ordre des pharmaciens"},
		{"60", "ONI", AuthorityOrdre, "Ordre des infirmiers"},
		{"69", "ONI", AuthorityOrdre, "Ordre des infirmiers"},
		{"70", "CNOMK", AuthorityOrdre, "Ordre des masseurs-kinésithérapeutes"},
		{"80", "CNOPP", AuthorityOrdre, "Ordre des pédicures-podologues"},
		{"26", "", AuthorityARS, "ARS"}, {"28", "", AuthorityARS, "ARS"}, {"91", "", AuthorityARS, "ARS"},
		{"92", "", AuthorityARS, "ARS"}, {"93", "", AuthorityARS, "ARS"}, {"94", "", AuthorityARS, "ARS"},
		{"95", "", AuthorityARS, "ARS"}, {"96", "", AuthorityARS, "ARS"}, {"98", "", AuthorityARS, "ARS"},
		{"71", "", AuthorityARS, "ARS"}, {"72", "", AuthorityARS, "ARS"}, {"73", "", AuthorityARS, "ARS"},
	}
	for _, tt := range tests {
		a := c.RegistrationAuthority(tt.profession)
		if a.Code != tt.code || a.Kind != tt.kind || a.Label != tt.label {
			t.Errorf("%s (%s): got %+v, want %s %s %q", tt.profession, c.ProfessionLabel(tt.profession), a, tt.code, tt.kind, tt.label)
		}
		if a.Kind == AuthorityOrdre {
			if a.Contact == "" {
				t.Errorf("%s: no way to reach the Ordre", tt.profession)
			}
			if _, err := c.Lookup(TableRegistrationAuthority, a.Code); err != nil {
				t.Errorf("%s: %s is not a TRE_R60 code", tt.profession, a.Code)
			}
		}
	}
	if m := c.MilitaryAuthority(); m.Code != "SSA" || m.Label != "Service de santé des armées" {
		t.Errorf("military: %+v", m)
	}
}

// TestEveryOfferedProfessionHasAnAuthority: no profession the forms offer is
// left without a registration authority.
func TestEveryOfferedProfessionHasAnAuthority(t *testing.T) {
	c := mustLoad(t)
	for _, p := range c.Professions() {
		if a := c.RegistrationAuthority(p.Code); a.Label == "" || (a.Kind != AuthorityARS && a.Kind != AuthorityOrdre) {
			t.Errorf("%s %s: %+v", p.Code, p.Label, a)
		}
	}
}

func TestARSHasOneName(t *testing.T) {
	c := mustLoad(t)
	for dep, want := range map[string]string{"21": "ARS Bourgogne-Franche-Comté", "2A": "ARS Corse", "976": "ARS Mayotte", "75": "ARS Île-de-France", "": "ARS", "99": "ARS"} {
		if got := c.ARSName(dep); got != want {
			t.Errorf("ARSName(%q) = %q, want %q", dep, got, want)
		}
	}
	if a := c.ARSAuthority("21"); a.Code != "ARS-27" || a.Kind != AuthorityARS {
		t.Errorf("ARSAuthority(21) = %+v", a)
	}
}

func TestCivilityShort(t *testing.T) {
	c := mustLoad(t)
	for _, tt := range []struct{ civility, exercise, want string }{
		{"MME", "DR", "Dr"}, {"M", "PR", "Pr"}, {"M", "", "M."}, {"MME", "", "Mme"}, {"M", "MC", "Médecin chef"},
	} {
		if got := c.CivilityShort(tt.civility, tt.exercise); got != tt.want {
			t.Errorf("CivilityShort(%q, %q) = %q, want %q", tt.civility, tt.exercise, got, tt.want)
		}
	}
}

func TestActivityOptionsFitTheProfession(t *testing.T) {
	c := mustLoad(t)
	has := func(codes []Code, code string) bool {
		for _, x := range codes {
			if x.Code == code {
				return true
			}
		}
		return false
	}
	tests := []struct {
		profession, sector, function string
		sectorOK, functionOK         bool
	}{
		{"21", "SA33", "FON-03", true, true},   // pharmacien: officine, titulaire d'officine
		{"91", "SA33", "FON-03", false, false}, // orthophoniste: no officine
		{"91", "SA07", "FON-01", true, true},   // orthophoniste: cabinet, titulaire
		{"28", "SA42", "FON-23", true, true},   // opticien: appareillage, gérant
		{"94", "SA42", "FON-29", false, false}, // ergothérapeute: no appareillage, not médecin du travail
		{"10", "SA25", "FON-41", true, true},   // médecin biologiste
		{"86", "SA25", "FON-41", true, false},  // technicien de labo: in a lab, not biologiste
		{"21", "SA07", "FON-01", false, false}, // pharmacien: no cabinet
		{"70", "SA07", "FON-58", true, true},   // MK en piscine
		{"98", "SA11", "FON-33", false, true},  // SA11 is retired: never offered
	}
	for _, tt := range tests {
		o := c.ActivityOptions(tt.profession)
		if has(o.Sectors, tt.sector) != tt.sectorOK || SectorFits(tt.profession, tt.sector) != (tt.sectorOK || tt.sector == "SA11") {
			t.Errorf("%s / sector %s: offered %v, want %v", tt.profession, tt.sector, has(o.Sectors, tt.sector), tt.sectorOK)
		}
		if has(o.Functions, tt.function) != tt.functionOK || FunctionFits(tt.profession, tt.function) != tt.functionOK {
			t.Errorf("%s / function %s: offered %v, want %v", tt.profession, tt.function, has(o.Functions, tt.function), tt.functionOK)
		}
	}
	for _, p := range c.Professions() {
		if o := c.ActivityOptions(p.Code); len(o.Sectors) < 10 || len(o.Functions) < 5 {
			t.Errorf("%s %s: only %d sectors, %d functions", p.Code, p.Label, len(o.Sectors), len(o.Functions))
		}
	}
}

func TestRecordAuthority(t *testing.T) {
	c := mustLoad(t)
	act := func(prof, dept, sector string) erpps.Activity {
		return erpps.Activity{ProfessionCode: prof, SectorCode: sector, StartDate: "2020-01-01", Structure: erpps.Structure{Department: dept}}
	}
	tests := []struct {
		name string
		p    erpps.Practitioner
		want string
	}{
		{"Doctor", erpps.Practitioner{Professions: []erpps.Profession{{Code: "10"}}, Activities: []erpps.Activity{act("10", "34", "SA07")}}, "Ordre des médecins"},
		{"OrthophonisteInDijon", erpps.Practitioner{Professions: []erpps.Profession{{Code: "91"}}, Activities: []erpps.Activity{act("91", "21", "SA07")}}, "ARS Bourgogne-Franche-Comté"},
		{"NurseAndOsteopath", erpps.Practitioner{Professions: []erpps.Profession{{Code: "60"}, {Code: "71"}}, Activities: []erpps.Activity{act("60", "2A", "SA01"), act("71", "2B", "SA07")}}, "ARS Corse"},
		{"NoActivityPostalAddress", erpps.Practitioner{Professions: []erpps.Profession{{Code: "28"}}, Contact: erpps.Contact{Address: erpps.Address{PostalCode: "97400"}}}, "ARS La Réunion"},
		{"MilitaryDoctor", erpps.Practitioner{Professions: []erpps.Profession{{Code: "10"}}, Activities: []erpps.Activity{act("10", "83", "SA02")}}, "Service de santé des armées"},
		{"CivilianAtAMilitaryHospital", erpps.Practitioner{Professions: []erpps.Profession{{Code: "98"}}, Activities: []erpps.Activity{act("98", "83", "SA02")}}, "ARS Provence-Alpes-Côte d'Azur"},
	}
	for _, tt := range tests {
		if got := c.RecordAuthority(&tt.p, "2026-11-27").Label; got != tt.want {
			t.Errorf("%s: %q, want %q", tt.name, got, tt.want)
		}
	}
}
