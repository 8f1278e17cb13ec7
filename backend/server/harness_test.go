package server

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"erpps/backend/auth"
	"erpps/backend/backoffice"
	"erpps/backend/delegation"
	"erpps/backend/demo"
	"erpps/backend/ecps"
	"erpps/backend/erpps"
	"erpps/backend/internal/pgtest"
	"erpps/backend/otp"
	"erpps/backend/postgres"
	"erpps/backend/refdata"
	"erpps/backend/requests"
	"erpps/backend/sqlite"
	"erpps/backend/syncserver"
)

// env is a server on a real SQLite file with two practitioners in two
// regions, their accounts, two ARS agents (A's region and B's) and two
// secretaries.
type env struct {
	t       testing.TB
	srv     *Server
	store   erpps.ServerStore
	cat     *refdata.Catalog
	a, b    *erpps.Practitioner
	regionA string
	regionB string
	// outbox holds the messages the server sent (activation codes).
	outbox *outbox
}

// Logins and passwords of the env's accounts.
const (
	loginAgentA = "agent.a@ars.test"
	loginAgentB = "agent.b@ars.test"
	loginSecM   = "secretaire.mandat@cabinet.test"
	loginSecN   = "secretaire.sans@cabinet.test"
	password    = "mot de passe de test"
)

// stores are the ServerStores the server's tests run on: the SQLite file
// (the embedded default) and PostgreSQL (pgtest: skipped without it unless
// ERPPS_REQUIRE_POSTGRES is set).
var stores = []struct {
	name string
	open func(t testing.TB) erpps.ServerStore
}{
	{"sqlite", openSQLite},
	{"postgres", openPostgres},
}

func openSQLite(t testing.TB) erpps.ServerStore {
	t.Helper()
	store, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "server.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = store.Close() })
	return store
}

func openPostgres(t testing.TB) erpps.ServerStore {
	t.Helper()
	store, err := postgres.Open(context.Background(), pgtest.NewDatabase(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = store.Close() })
	return store
}

// eachStore runs test on every store.
func eachStore(t *testing.T, test func(t *testing.T, e *env)) {
	for _, s := range stores {
		t.Run(s.name, func(t *testing.T) { test(t, newEnvOn(t, s.open(t))) })
	}
}

// newEnv is an env on a SQLite file.
func newEnv(t testing.TB) *env { return newEnvOn(t, openSQLite(t)) }

func newEnvOn(t testing.TB, store erpps.ServerStore) *env {
	t.Helper()
	ctx := context.Background()
	cat, err := refdata.Load()
	if err != nil {
		t.Fatal(err)
	}
	e := &env{t: t, store: store, cat: cat}
	e.pickPractitioners()
	hash, err := auth.HashPassword(password)
	if err != nil {
		t.Fatal(err)
	}
	now := time.Now().UTC()
	for _, a := range []*erpps.Account{
		{ID: "rpps:" + e.a.RPPS, Login: e.a.RPPS, Role: erpps.RoleProfessional, Name: e.a.FirstName + " " + e.a.ExerciseName, RPPS: e.a.RPPS},
		{ID: "rpps:" + e.b.RPPS, Login: e.b.RPPS, Role: erpps.RoleProfessional, Name: e.b.FirstName + " " + e.b.ExerciseName, RPPS: e.b.RPPS},
		{ID: "agent:a", Login: loginAgentA, Role: erpps.RoleARSAgent, Name: "Camille Agent (ARS A)", Region: e.regionA},
		{ID: "agent:b", Login: loginAgentB, Role: erpps.RoleARSAgent, Name: "Dominique Agent (ARS B)", Region: e.regionB},
		{ID: "sec:m", Login: loginSecM, Role: erpps.RoleSecretary, Name: "Sacha Secrétaire"},
		{ID: "sec:n", Login: loginSecN, Role: erpps.RoleSecretary, Name: "Noa Secrétaire"},
	} {
		a.CreatedAt = now
		if err := store.CreateAccount(ctx, a, hash); err != nil {
			t.Fatal(err)
		}
	}
	deleg := &delegation.Service{Store: store, Now: time.Now}
	svc := &requests.Service{Practitioners: store, Requests: store, Structures: store, Catalog: cat, Now: time.Now, Mandates: deleg}
	bo := &backoffice.Service{Store: store, Catalog: cat, Now: time.Now}
	e.outbox = &outbox{}
	issuer := &otp.Issuer{Store: store, Key: []byte("the server tests' one-time code key"), Sender: e.outbox, Now: time.Now}
	ecpsSvc, err := ecps.New(ctx, ecps.Config{Store: store, Catalog: cat, Codes: ecps.OTPCodes{Issuer: issuer}, Now: time.Now})
	if err != nil {
		t.Fatal(err)
	}
	srv, err := newServer(Config{Store: store, Catalog: cat, Requests: svc, BackOffice: bo, Delegation: deleg, ECPS: ecpsSvc,
		Auth: &auth.PasswordAuthenticator{Accounts: store}, Sessions: &auth.Sessions{Store: store, TTL: time.Hour},
		Sync: &syncserver.Service{Store: store, Requests: svc, Now: time.Now, WaitTimeout: 2 * time.Second, PollEvery: 20 * time.Millisecond}})
	if err != nil {
		t.Fatal(err)
	}
	e.srv = srv
	return e
}

// pickPractitioners stores demo practitioners and takes two served by an
// ARS whose activities are all in one region, A's and B's regions differing.
func (e *env) pickPractitioners() {
	t := e.t
	ps, err := demo.Generate(80, demo.Seed)
	if err != nil {
		t.Fatal(err)
	}
	today := time.Now().Format("2006-01-02")
	for _, p := range ps {
		if err := e.store.SavePractitioner(context.Background(), p); err != nil {
			t.Fatal(err)
		}
		region := e.soleRegion(p)
		if region == "" || !requests.RegistrationOf(e.cat, p, today).ServedByARS || p.Contact.Email == "" {
			continue
		}
		switch {
		case e.a == nil:
			e.a, e.regionA = p, region
		case e.b == nil && region != e.regionA:
			e.b, e.regionB = p, region
		}
	}
	if e.a == nil || e.b == nil {
		t.Fatal("the demo data has no two practitioners served by ARS of different regions")
	}
}

// soleRegion is the region of all of p's activities, "" when they span
// several or none.
func (e *env) soleRegion(p *erpps.Practitioner) string {
	region := ""
	for _, a := range p.Activities {
		d, err := e.cat.Department(a.Structure.Department)
		if err != nil || (region != "" && d.RegionCode != region) {
			return ""
		}
		region = d.RegionCode
	}
	return region
}

// reply is what the server answered.
type reply struct {
	status int
	header http.Header
	body   []byte
}

func (r reply) json(t testing.TB, v any) {
	t.Helper()
	if err := json.Unmarshal(r.body, v); err != nil {
		t.Fatalf("reply %d is not JSON: %v\n%s", r.status, err, r.body)
	}
}

func (r reply) errorCode(t testing.TB) string {
	t.Helper()
	var e errorBody
	r.json(t, &e)
	return e.Code
}

// call is one request to the server.
type call struct {
	method, path string
	token        string // bearer token
	cookie       string // session cookie
	body         any    // marshalled to JSON; []byte and string are sent as they are
	contentType  string // default application/json with a body
	header       map[string]string
}

// do sends c to the server in process and checks the request's and the
// reply's bodies against the OpenAPI document (the operation found by the
// server's own mux).
func (e *env) do(c call) reply {
	t := e.t
	t.Helper()
	var raw []byte
	switch b := c.body.(type) {
	case nil:
	case []byte:
		raw = b
	case string:
		raw = []byte(b)
	default:
		var err error
		if raw, err = json.Marshal(b); err != nil {
			t.Fatal(err)
		}
	}
	req := httptest.NewRequest(c.method, c.path, bytes.NewReader(raw))
	if raw != nil {
		ct := c.contentType
		if ct == "" {
			ct = "application/json"
		}
		req.Header.Set("Content-Type", ct)
	}
	if c.token != "" {
		req.Header.Set("Authorization", "Bearer "+c.token)
	}
	if c.cookie != "" {
		req.AddCookie(&http.Cookie{Name: CookieName, Value: c.cookie})
	}
	for k, v := range c.header {
		req.Header.Set(k, v)
	}
	_, pattern := e.srv.mux.Handler(req)
	rec := httptest.NewRecorder()
	e.srv.handler.ServeHTTP(rec, req)
	res := rec.Result()
	body, _ := io.ReadAll(res.Body)
	out := reply{status: res.StatusCode, header: res.Header, body: body}
	method, path, ok := strings.Cut(pattern, " ")
	if !ok || !strings.HasPrefix(pattern, c.method+" ") {
		// The /api/ catch-all: an error reply of the one shape.
		validate(t, loadDoc(t), "/components/schemas/Error", c.method+" "+c.path+" reply", body)
		return out
	}
	if raw != nil && json.Valid(raw) && out.status != http.StatusBadRequest && out.status != http.StatusRequestEntityTooLarge {
		checkRequestBody(t, method, path, raw)
	}
	checkResponse(t, method, path, out.status, res.Header.Get("Content-Type"), body)
	return out
}

// signIn signs in and returns the bearer token.
func (e *env) signIn(login string) string {
	e.t.Helper()
	r := e.do(call{method: "POST", path: "/api/v1/session", body: map[string]any{"login": login, "password": password, "bearer": true}})
	if r.status != http.StatusCreated {
		e.t.Fatalf("sign in %s: %d %s", login, r.status, r.body)
	}
	var s sessionReply
	r.json(e.t, &s)
	return s.Token
}
