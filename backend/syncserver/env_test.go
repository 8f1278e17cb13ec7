package syncserver

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sync/atomic"
	"testing"
	"time"

	"erpps/backend/backoffice"
	"erpps/backend/delegation"
	"erpps/backend/demo"
	"erpps/backend/erpps"
	"erpps/backend/internal/pgtest"
	"erpps/backend/postgres"
	"erpps/backend/refdata"
	"erpps/backend/requests"
	"erpps/backend/sqlite"
)

// TestMain starts the throwaway PostgreSQL server of the tests on
// PostgreSQL (when it is installed and the tests run as root).
func TestMain(m *testing.M) { os.Exit(pgtest.Main(m)) }

// env is the sync service over a real store with a practitioner (A), their
// secretary under a contact mandate, a secretary without one, another
// practitioner (B) and an ARS agent of A's region.
type env struct {
	t       testing.TB
	store   Store
	svc     *Service
	office  *backoffice.Service
	a, b    *erpps.Account
	sec     *erpps.Account // holds A's mandate for contact requests
	noMand  *erpps.Account // no mandate
	agent   *erpps.Account
	contact json.RawMessage // A's contact payload with a new e-mail
	ids     atomic.Int64
}

var stores = []struct {
	name string
	open func(t testing.TB) Store
}{
	{"sqlite", func(t testing.TB) Store {
		db, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "server.db"))
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { _ = db.Close() })
		return db
	}},
	{"postgres", func(t testing.TB) Store {
		db, err := postgres.Open(context.Background(), pgtest.NewDatabase(t))
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { _ = db.Close() })
		return db
	}},
}

// eachStore runs test on every store.
func eachStore(t *testing.T, test func(t *testing.T, e *env)) {
	for _, s := range stores {
		t.Run(s.name, func(t *testing.T) { test(t, newEnv(t, s.open(t))) })
	}
}

func newEnv(t testing.TB, store Store) *env {
	t.Helper()
	ctx := context.Background()
	cat, err := refdata.Load()
	if err != nil {
		t.Fatal(err)
	}
	ps, err := demo.Generate(40, demo.Seed)
	if err != nil {
		t.Fatal(err)
	}
	today := time.Now().Format("2006-01-02")
	var pa, pb *erpps.Practitioner
	for _, p := range ps {
		if err := store.SavePractitioner(ctx, p); err != nil {
			t.Fatal(err)
		}
		if len(p.Activities) == 0 || p.Contact.Email == "" || !requests.RegistrationOf(cat, p, today).ServedByARS {
			continue
		}
		if pa == nil {
			pa = p
		} else if pb == nil {
			pb = p
		}
	}
	if pa == nil || pb == nil {
		t.Fatal("no two demo practitioners served by an ARS")
	}
	dep, err := cat.Department(pa.Activities[0].Structure.Department)
	if err != nil {
		t.Fatal(err)
	}
	e := &env{t: t, store: store,
		a:      &erpps.Account{ID: "rpps:" + pa.RPPS, Login: pa.RPPS, Role: erpps.RoleProfessional, Name: "A", RPPS: pa.RPPS},
		b:      &erpps.Account{ID: "rpps:" + pb.RPPS, Login: pb.RPPS, Role: erpps.RoleProfessional, Name: "B", RPPS: pb.RPPS},
		sec:    &erpps.Account{ID: "sec:m", Login: "sec.m@cabinet.test", Role: erpps.RoleSecretary, Name: "Sacha"},
		noMand: &erpps.Account{ID: "sec:n", Login: "sec.n@cabinet.test", Role: erpps.RoleSecretary, Name: "Noa"},
		agent:  &erpps.Account{ID: "agent:a", Login: "agent.a@ars.test", Role: erpps.RoleARSAgent, Name: "Camille", Region: dep.RegionCode},
	}
	for _, a := range []*erpps.Account{e.a, e.b, e.sec, e.noMand, e.agent} {
		a.CreatedAt = time.Now().UTC()
		if err := store.CreateAccount(ctx, a, "hash"); err != nil {
			t.Fatal(err)
		}
	}
	deleg := &delegation.Service{Store: store, Now: time.Now}
	if _, err := deleg.Grant(ctx, e.a, e.sec.ID, []erpps.RequestKind{erpps.KindContact}, time.Now().Add(30*24*time.Hour)); err != nil {
		t.Fatal(err)
	}
	reqs := &requests.Service{Practitioners: store, Requests: store, Structures: store, Catalog: cat, Now: time.Now, Mandates: deleg}
	e.svc = &Service{Store: store, Requests: reqs, Now: time.Now, PollEvery: 20 * time.Millisecond, WaitTimeout: 2 * time.Second}
	e.office = &backoffice.Service{Store: store, Catalog: cat, Now: time.Now}
	c := pa.Contact
	c.Email = "hors.ligne@example.org"
	if e.contact, err = json.Marshal(erpps.ContactPayload{Email: c.Email, Phone: c.Phone, Address: c.Address}); err != nil {
		t.Fatal(err)
	}
	return e
}

// client is a desktop of acct numbering its mutations.
type client struct {
	e    *env
	id   string
	acct *erpps.Account
	seq  int64
}

func (e *env) client(acct *erpps.Account) *client {
	return &client{e: e, id: fmt.Sprintf("client-%d", e.ids.Add(1)), acct: acct}
}

// newID is a request id as a desktop draws it.
func (e *env) newID() string {
	return fmt.Sprintf("00000000-0000-4000-8000-%012d", e.ids.Add(1))
}

// next is the client's next mutation of kind on request id, on A's record.
func (c *client) next(kind erpps.MutationKind, id string, base int64) erpps.Mutation {
	c.seq++
	m := erpps.Mutation{ClientID: c.id, Seq: c.seq, ID: fmt.Sprintf("%s-m%d", c.id, c.seq), Kind: kind, RequestID: id,
		BaseVersion: base, Actor: c.acct.Actor(), Principal: c.e.a.RPPS, CreatedAt: time.Now().AddDate(1, 0, 0)}
	if kind == erpps.MutationSaveDraft {
		m.RequestKind, m.Payload = erpps.KindContact, c.e.contact
	}
	return m
}

// push sends ms and fails the test on an error.
func (c *client) push(ms ...erpps.Mutation) *erpps.PushResponse {
	c.e.t.Helper()
	out, err := c.e.svc.Push(context.Background(), c.acct, erpps.PushRequest{ClientID: c.id, Mutations: ms})
	if err != nil {
		c.e.t.Fatalf("push: %v", err)
	}
	return out
}

// only is the one result of a push of one mutation.
func only(t testing.TB, out *erpps.PushResponse) erpps.MutationResult {
	t.Helper()
	if len(out.Results) != 1 || out.Expected != 0 {
		t.Fatalf("push answered %+v, want one result", out)
	}
	return out.Results[0]
}

// request is the server's request id.
func (e *env) request(id string) *erpps.Request {
	e.t.Helper()
	r, err := e.store.FindRequestByID(context.Background(), id)
	if err != nil {
		e.t.Fatalf("request %s: %v", id, err)
	}
	return r
}

func mustJSON(t testing.TB, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
