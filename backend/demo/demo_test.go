package demo

import (
	"reflect"
	"testing"

	"erpps/backend/identifiers"
	"erpps/backend/phone"
	"erpps/backend/refdata"
)

func TestGenerateIsDeterministic(t *testing.T) {
	a, err := Generate(Count, Seed)
	if err != nil {
		t.Fatal(err)
	}
	b, err := Generate(Count, Seed)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(a, b) {
		t.Fatal("two generations with the same seed differ")
	}
	c, err := Generate(Count, Seed+1)
	if err != nil {
		t.Fatal(err)
	}
	if reflect.DeepEqual(a, c) {
		t.Fatal("another seed gives the same records")
	}
}

// TestGeneratedRecordsAreValid checks every identifier's key and every code
// against the NOS tables: the demo must look like real register data.
func TestGeneratedRecordsAreValid(t *testing.T) {
	cat, err := refdata.Load()
	if err != nil {
		t.Fatal(err)
	}
	list, err := Generate(500, Seed)
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	departments := map[string]bool{}
	codeOK := func(table, code string) {
		t.Helper()
		c, err := cat.Lookup(table, code)
		if err != nil || c.Retired {
			t.Fatalf("code %s of %s unknown or retired (err %v)", code, table, err)
		}
	}
	for _, p := range list {
		if _, err := identifiers.ParseRPPS(p.RPPS); err != nil {
			t.Fatalf("invalid RPPS %s: %v", p.RPPS, err)
		}
		if seen[p.RPPS] {
			t.Fatalf("RPPS %s given twice", p.RPPS)
		}
		seen[p.RPPS] = true
		codeOK(refdata.TableCivility, p.Civility)
		if p.ExerciseCivility != "" {
			codeOK(refdata.TableExerciseCivility, p.ExerciseCivility)
		}
		if n, err := phone.Parse(p.Contact.Phone, ""); err != nil || !n.Mobile {
			t.Fatalf("phone %s: mobile %v, %v", p.Contact.Phone, n.Mobile, err)
		}
		if _, err := identifiers.ParsePostalCode(p.Contact.Address.PostalCode); err != nil {
			t.Fatalf("postal code %s: %v", p.Contact.Address.PostalCode, err)
		}
		for _, pr := range p.Professions {
			if cat.ProfessionLabel(pr.Code) == pr.Code {
				t.Fatalf("profession %s unknown", pr.Code)
			}
			codeOK(refdata.TableCategory, pr.CategoryCode)
			if pr.SkillCode != "" {
				codeOK(refdata.TableSpecialty, pr.SkillCode)
				codeOK(refdata.TableSkillType, pr.SkillTypeCode)
			}
		}
		if len(p.Activities) == 0 {
			t.Fatalf("%s has no activity", p.RPPS)
		}
		for _, a := range p.Activities {
			codeOK(refdata.TableMode, a.ModeCode)
			codeOK(refdata.TableSector, a.SectorCode)
			codeOK(refdata.TableFunction, a.FunctionCode)
			codeOK(refdata.TableGenre, a.GenreCode)
			if !refdata.SectorFits(a.ProfessionCode, a.SectorCode) || !refdata.FunctionFits(a.ProfessionCode, a.FunctionCode) {
				t.Fatalf("%s: sector %s / function %s do not fit profession %s", a.ID, a.SectorCode, a.FunctionCode, a.ProfessionCode)
			}
			if _, err := phone.Parse(a.Structure.Phone, a.Structure.Department); err != nil {
				t.Fatalf("structure phone %s: %v", a.Structure.Phone, err)
			}
			if _, err := identifiers.ParseSIRET(a.Structure.SIRET); err != nil {
				t.Fatalf("SIRET %s: %v", a.Structure.SIRET, err)
			}
			if a.Structure.FINESS != "" {
				if _, err := identifiers.ParseFINESS(a.Structure.FINESS); err != nil {
					t.Fatalf("FINESS %s: %v", a.Structure.FINESS, err)
				}
			}
			if _, err := cat.Department(a.Structure.Department); err != nil {
				t.Fatalf("département %s: %v", a.Structure.Department, err)
			}
			if d, err := identifiers.DepartmentOfPostalCode(a.Structure.Address.PostalCode); err != nil || d != a.Structure.Department {
				t.Fatalf("postal code %s gives département %s, want %s (%v)", a.Structure.Address.PostalCode, d, a.Structure.Department, err)
			}
			if _, err := identifiers.ParseCommuneCode(a.Structure.Address.CommuneCode); err != nil {
				t.Fatalf("commune %s: %v", a.Structure.Address.CommuneCode, err)
			}
			if a.EndDate != "" {
				codeOK(refdata.TableEndReason, a.EndReasonCode)
			}
			departments[a.Structure.Department] = true
		}
	}
	if len(departments) < 10 {
		t.Fatalf("demo spans only %d départements", len(departments))
	}
}

// TestMostlyARSRegistered: the portal serves the professions the ARS
// registers; the demo is mostly those, with a few whose Ordre keeps the record
// (to show the notice), and the first record is one the ARS keeps.
func TestMostlyARSRegistered(t *testing.T) {
	cat, err := refdata.Load()
	if err != nil {
		t.Fatal(err)
	}
	list, err := Generate(Count, Seed)
	if err != nil {
		t.Fatal(err)
	}
	ars, ordre := 0, 0
	professions := map[string]bool{}
	for _, p := range list {
		if cat.RecordAuthority(p, "2026-11-27").Kind == refdata.AuthorityARS {
			ars++
		} else {
			ordre++
		}
		for _, pr := range p.Professions {
			professions[pr.Code] = true
		}
	}
	if ars*4 < len(list)*3 || ordre < 2 {
		t.Fatalf("%d records kept by an ARS, %d by an Ordre: want at least 3/4 ARS and 2 Ordre", ars, ordre)
	}
	if len(professions) < 10 {
		t.Fatalf("only %d professions in the demo", len(professions))
	}
	if cat.RecordAuthority(list[0], "2026-11-27").Kind != refdata.AuthorityARS {
		t.Fatal("the first demo record is not one the ARS keeps")
	}
}
