package backoffice_test

import (
	"context"
	"encoding/json"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"erpps/backend/backoffice"
	"erpps/backend/erpps"
	"erpps/backend/identifiers"
	"erpps/backend/refdata"
	"erpps/backend/requests"
	"erpps/backend/sqlite"
)

// start is the tests' first day: 27 November 2026; clock.now moves with
// clock.t.
var start = time.Date(2026, 11, 27, 10, 0, 0, 0, time.UTC)

type clock struct{ t time.Time }

func (c *clock) now() time.Time { return c.t }

const rpps = "99700771191" // an ANS test identity, in Paris (75)

// Île-de-France (11) examines Paris; Occitanie (76) does not.
var (
	agentIDF = &erpps.Account{ID: "agent-idf", Login: "camille@ars-idf.example", Role: erpps.RoleARSAgent, Name: "Camille Martin (ARS Île-de-France)", Region: "11"}
	agentOcc = &erpps.Account{ID: "agent-occ", Login: "paul@ars-occ.example", Role: erpps.RoleARSAgent, Name: "Paul Roux (ARS Occitanie)", Region: "76"}
	me       = erpps.Actor{Role: erpps.RoleProfessional, ID: rpps, Name: "Claire Martin"}
)

// env is a back office on a real SQLite file, with the practitioners'
// requests service on the same store.
type env struct {
	db    *sqlite.DB
	bo    *backoffice.Service
	req   *requests.Service
	clock *clock
	cat   *refdata.Catalog
}

func newEnv(t testing.TB) *env {
	t.Helper()
	ctx := context.Background()
	c := &clock{t: start}
	db, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "server.db"))
	if err != nil {
		t.Fatal(err)
	}
	db.Now = c.now
	t.Cleanup(func() { _ = db.Close() })
	cat, err := refdata.Load()
	if err != nil {
		t.Fatal(err)
	}
	if err := db.SavePractitioner(ctx, practitioner(t)); err != nil {
		t.Fatal(err)
	}
	return &env{db: db, clock: c, cat: cat,
		bo:  &backoffice.Service{Store: db, Catalog: cat, Now: c.now},
		req: &requests.Service{Practitioners: db, Requests: db, Structures: db, Catalog: cat, Now: c.now}}
}

// practitioner is an orthophoniste (registered by the ARS) with one
// activity in Paris.
func practitioner(t testing.TB) *erpps.Practitioner {
	return &erpps.Practitioner{
		RPPS: rpps, Civility: "MME", BirthName: "DURAND", ExerciseName: "MARTIN", FirstName: "Claire",
		Contact: erpps.Contact{Email: "claire.martin@example.com", Phone: "+33600012345",
			Address: erpps.Address{Street: "12 rue Pasteur", PostalCode: "75011", City: "PARIS"}},
		Professions: []erpps.Profession{{Code: "91", CategoryCode: "C", Since: "2005-09-01"}},
		Activities: []erpps.Activity{
			{ID: "act-1", ProfessionCode: "91", ModeCode: "L", SectorCode: "SA07", FunctionCode: "FON-01", GenreCode: "GENR01", StartDate: "2012-03-15",
				Structure: erpps.Structure{SIRET: luhn(t, "4321098760001"), CompanyName: "Cabinet de Claire MARTIN", Department: "75",
					Address: erpps.Address{Street: "12 rue Pasteur", PostalCode: "75011", City: "PARIS"}}},
		},
	}
}

// luhn completes digits with their Luhn key.
func luhn(t testing.TB, digits string) string {
	t.Helper()
	k, err := identifiers.LuhnCheckDigit(digits)
	if err != nil {
		t.Fatal(err)
	}
	return digits + string(k)
}

// transmit starts, saves and transmits a request of the practitioner, as
// they do it from their desktop or browser.
func (e *env) transmit(t *testing.T, kind erpps.RequestKind, payload any) *erpps.Request {
	t.Helper()
	ctx := context.Background()
	v, err := e.req.Start(ctx, requests.StartInput{RPPS: rpps, Kind: kind}, me)
	if err != nil {
		t.Fatal(err)
	}
	raw, err := json.Marshal(payload)
	if err != nil {
		t.Fatal(err)
	}
	saved, err := e.req.SaveDraft(ctx, v.Request.ID, v.Request.Revision, raw, me)
	if err != nil {
		t.Fatal(err)
	}
	sent, err := e.req.Transmit(ctx, saved.Request.ID, me)
	if err != nil {
		t.Fatalf("transmit: %v", err)
	}
	return sent.Request
}

func contactWith(email string) erpps.ContactPayload {
	return erpps.ContactPayload{Email: email, Phone: "06 00 99 88 77",
		Address: erpps.Address{Street: "8 rue de la Roquette", PostalCode: "75011", City: "PARIS"}}
}

// decide is Decide on the request's current revision, failing the test on
// an error.
func (e *env) decide(t *testing.T, agent *erpps.Account, id string, in backoffice.DecisionInput) *backoffice.Case {
	t.Helper()
	c, err := e.bo.Case(context.Background(), agent, id)
	if err != nil {
		t.Fatal(err)
	}
	in.BaseRevision = c.Request.Revision
	got, err := e.bo.Decide(context.Background(), agent, id, in)
	if err != nil {
		t.Fatalf("decide %s: %v", in.Action, err)
	}
	// Decide builds its reply from what it committed: it must be the case
	// as reading it again shows it.
	again, err := e.bo.Case(context.Background(), agent, id)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, again) {
		gotJSON, _ := json.Marshal(got)
		againJSON, _ := json.Marshal(again)
		t.Fatalf("decide %s replied\n%s\nbut the case read again is\n%s", in.Action, gotJSON, againJSON)
	}
	return got
}
