package delegation_test

import (
	"context"
	"encoding/json"
	"errors"
	"path/filepath"
	"testing"
	"time"

	"erpps/backend/delegation"
	"erpps/backend/erpps"
	"erpps/backend/identifiers"
	"erpps/backend/refdata"
	"erpps/backend/requests"
	"erpps/backend/sqlite"
)

var start = time.Date(2026, 11, 27, 10, 0, 0, 0, time.UTC)

type clock struct{ t time.Time }

func (c *clock) now() time.Time { return c.t }

const rppsA = "99700771191" // an ANS test identity

var (
	practitionerA = &erpps.Account{ID: "rpps:" + rppsA, Login: rppsA, Role: erpps.RoleProfessional, Name: "Claire Martin", RPPS: rppsA}
	secretary     = &erpps.Account{ID: "sec-1", Login: "accueil@cabinet.example", Role: erpps.RoleSecretary, Name: "Accueil du cabinet"}
	secretary2    = &erpps.Account{ID: "sec-2", Login: "autre@cabinet.example", Role: erpps.RoleSecretary, Name: "Autre secrétariat"}
	agent         = &erpps.Account{ID: "agent-1", Login: "agent@ars.example", Role: erpps.RoleARSAgent, Name: "Agent", Region: "11"}
	me            = erpps.Actor{Role: erpps.RoleProfessional, ID: rppsA, Name: "Claire Martin"}
)

type env struct {
	db    *sqlite.DB
	del   *delegation.Service
	req   *requests.Service
	clock *clock
	rppsB string
	b     *erpps.Account // another practitioner
}

func newEnv(t *testing.T) *env {
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
	k, err := identifiers.LuhnCheckDigit("9970077120")
	if err != nil {
		t.Fatal(err)
	}
	rppsB := "9970077120" + string(k)
	for _, rpps := range []string{rppsA, rppsB} {
		p := &erpps.Practitioner{RPPS: rpps, Civility: "MME", BirthName: "DURAND", ExerciseName: "MARTIN", FirstName: "Claire",
			Contact:     erpps.Contact{Email: "claire.martin@example.com", Address: erpps.Address{Street: "12 rue Pasteur", PostalCode: "75011", City: "PARIS"}},
			Professions: []erpps.Profession{{Code: "91", CategoryCode: "C", Since: "2005-09-01"}},
			Activities: []erpps.Activity{{ID: "act-" + rpps, ProfessionCode: "91", ModeCode: "L", SectorCode: "SA07", FunctionCode: "FON-01", StartDate: "2012-03-15",
				Structure: erpps.Structure{CompanyName: "Cabinet", Department: "75", Address: erpps.Address{Street: "12 rue Pasteur", PostalCode: "75011", City: "PARIS"}}}}}
		if err := db.SavePractitioner(ctx, p); err != nil {
			t.Fatal(err)
		}
	}
	b := &erpps.Account{ID: "rpps:" + rppsB, Login: rppsB, Role: erpps.RoleProfessional, Name: "Autre professionnel", RPPS: rppsB}
	for _, a := range []*erpps.Account{practitionerA, b, secretary, secretary2, agent} {
		acc := *a
		acc.CreatedAt = start
		if err := db.CreateAccount(ctx, &acc, "$argon2id$v=19$m=65536,t=1,p=1$c2FsdHNhbHQ$aGFzaGhhc2g"); err != nil {
			t.Fatal(err)
		}
	}
	del := &delegation.Service{Store: db, Now: c.now}
	return &env{db: db, del: del, clock: c, rppsB: rppsB, b: b,
		req: &requests.Service{Practitioners: db, Requests: db, Structures: db, Catalog: cat, Now: c.now, Mandates: del}}
}

func (e *env) grant(t *testing.T, kinds ...erpps.RequestKind) *erpps.Mandate {
	t.Helper()
	m, err := e.del.Grant(context.Background(), practitionerA, secretary.ID, kinds, e.clock.t.AddDate(0, 6, 0))
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func code(err error) string { return erpps.ErrorCode(err) }

func fieldOf(err error) string {
	var e *erpps.Error
	if errors.As(err, &e) && len(e.Fields) > 0 {
		return e.Fields[0].Field
	}
	return ""
}

func contactWith(email string) json.RawMessage {
	raw, _ := json.Marshal(erpps.ContactPayload{Email: email, Phone: "06 00 99 88 77",
		Address: erpps.Address{Street: "8 rue de la Roquette", PostalCode: "75011", City: "PARIS"}})
	return raw
}
