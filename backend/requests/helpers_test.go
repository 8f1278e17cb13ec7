package requests

import (
	"context"
	"encoding/json"
	"path/filepath"
	"testing"
	"time"

	"erpps/backend/erpps"
	"erpps/backend/identifiers"
	"erpps/backend/refdata"
	"erpps/backend/sqlite"
)

// now is the tests' clock: 27 November 2026.
var now = time.Date(2026, 11, 27, 10, 0, 0, 0, time.UTC)

const rpps = "99700771191" // an ANS test identity

// fixture is an orthophoniste (a profession the ARS registers) in Paris (75)
// with two open activities and one ended in Montpellier.
func fixture(t *testing.T) *erpps.Practitioner {
	t.Helper()
	return &erpps.Practitioner{
		RPPS: rpps, Civility: "MME", BirthName: "DURAND", ExerciseName: "MARTIN",
		FirstName: "Claire", Contact: erpps.Contact{Email: "claire.martin@example.com", Phone: "+33600012345",
			Address: erpps.Address{Street: "12 rue Pasteur", PostalCode: "75011", City: "PARIS"}},
		Professions: []erpps.Profession{{Code: "91", CategoryCode: "C", Since: "2005-09-01"}},
		Activities: []erpps.Activity{
			{ID: "act-1", ProfessionCode: "91", ModeCode: "L", SectorCode: "SA07", FunctionCode: "FON-01", GenreCode: "GENR01", StartDate: "2012-03-15",
				Structure: erpps.Structure{SIRET: siret(t, "4321098760001"), CompanyName: "Cabinet de Claire MARTIN", Department: "75",
					Address: erpps.Address{Street: "12 rue Pasteur", PostalCode: "75011", City: "PARIS"}}},
			{ID: "act-2", ProfessionCode: "91", ModeCode: "S", SectorCode: "SA01", FunctionCode: "FON-33", GenreCode: "GENR01", StartDate: "2018-01-02",
				Structure: erpps.Structure{FINESS: finess(t, "75000001"), CompanyName: "Centre hospitalier de Paris Est", Department: "75",
					Address: erpps.Address{Street: "1 avenue Jean Jaurès", PostalCode: "75019", City: "PARIS"}}},
			{ID: "act-0", ProfessionCode: "91", ModeCode: "L", SectorCode: "SA07", FunctionCode: "FON-01", StartDate: "2006-01-01", EndDate: "2012-02-28", EndReasonCode: "CHL",
				Structure: erpps.Structure{CompanyName: "Cabinet de Montpellier", Department: "34",
					Address: erpps.Address{Street: "3 rue de la Loge", PostalCode: "34000", City: "MONTPELLIER"}}},
		},
	}
}

// siret completes 13 digits with their Luhn key.
func siret(t *testing.T, first13 string) string {
	t.Helper()
	k, err := identifiers.LuhnCheckDigit(first13)
	if err != nil {
		t.Fatal(err)
	}
	return first13 + string(k)
}

func finess(t *testing.T, first8 string) string { return siret(t, first8) }

// mustService opens a store on a file in t.TempDir(), saves the fixture and
// returns the service at the tests' date.
func mustService(t *testing.T) *Service {
	t.Helper()
	db := sqlite.NewDB(filepath.Join(t.TempDir(), "erpps.db"))
	db.Now = func() time.Time { return now }
	if err := db.Open(context.Background()); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = db.Close() })
	cat, err := refdata.Load()
	if err != nil {
		t.Fatal(err)
	}
	if err := db.SavePractitioner(context.Background(), fixture(t)); err != nil {
		t.Fatal(err)
	}
	return &Service{Practitioners: db, Requests: db, Structures: db, Catalog: cat, Now: func() time.Time { return now }}
}

var me = erpps.Actor{Role: erpps.RoleProfessional, ID: rpps, Name: "Claire Martin"}

func start(t *testing.T, s *Service, kind erpps.RequestKind, target string) *View {
	t.Helper()
	v, err := s.Start(context.Background(), StartInput{RPPS: rpps, Kind: kind, TargetID: target}, me)
	if err != nil {
		t.Fatalf("Start(%s): %v", kind, err)
	}
	return v
}

func save(t *testing.T, s *Service, id string, payload any) *View {
	t.Helper()
	raw, err := json.Marshal(payload)
	if err != nil {
		t.Fatal(err)
	}
	v, err := s.SaveDraft(context.Background(), id, raw)
	if err != nil {
		t.Fatalf("SaveDraft: %v", err)
	}
	return v
}

// fieldCodes maps each reported field to its error code.
func fieldCodes(v Validation) map[string]string {
	out := map[string]string{}
	for _, f := range v.Fields {
		out[f.Field] = f.Code
	}
	return out
}

func hasGuidance(v Validation, code string) bool {
	for _, g := range v.Guidance {
		if g.Code == code {
			return true
		}
	}
	return false
}
