package syncclient

import (
	"bytes"
	"context"
	"encoding/json"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"erpps/backend/auth"
	"erpps/backend/backoffice"
	"erpps/backend/delegation"
	"erpps/backend/demo"
	"erpps/backend/erpps"
	"erpps/backend/refdata"
	"erpps/backend/requests"
	"erpps/backend/server"
	"erpps/backend/sqlite"
	"erpps/backend/syncserver"
)

// realEnv is the real server (backend/server over a SQLite file, with
// backend/syncserver behind its /api/v1/sync routes) on loopback, with a practitioner served by an ARS, their
// account and an agent of their region.
type realEnv struct {
	t        *testing.T
	store    *sqlite.DB
	path     string // the store's file
	cat      *refdata.Catalog
	a        *erpps.Practitioner
	account  *erpps.Account // a's
	agent    *erpps.Account
	sec      *erpps.Account // a secretary, without mandate until one is granted
	deleg    *delegation.Service
	bo       *backoffice.Service
	sync     *syncserver.Service
	sessions *auth.Sessions
	url      string
	handler  http.Handler // the server's, reachable unless down
	ts       *httptest.Server
	// down makes the server unreachable: every connection is cut.
	down atomic.Bool
	// slowPush holds every push this long before the server handles it.
	slowPush atomic.Int64
	// api is the server's handler over store (serve).
	api atomic.Pointer[http.Handler]
}

// serve makes the server's services and handler over store.
func (e *realEnv) serve(store *sqlite.DB) {
	e.t.Helper()
	e.store = store
	deleg := &delegation.Service{Store: store, Now: time.Now}
	e.deleg = deleg
	svc := &requests.Service{Practitioners: store, Requests: store, Structures: store, Catalog: e.cat, Now: time.Now, Mandates: deleg}
	e.bo = &backoffice.Service{Store: store, Catalog: e.cat, Now: time.Now}
	e.sessions = &auth.Sessions{Store: store, TTL: time.Hour}
	e.sync = &syncserver.Service{Store: store, Requests: svc, Now: time.Now, PollEvery: 20 * time.Millisecond, WaitTimeout: 2 * time.Second}
	api, err := server.New(server.Config{Store: store, Catalog: e.cat, Requests: svc, BackOffice: e.bo, Delegation: deleg,
		Auth: &auth.PasswordAuthenticator{Accounts: store}, Sessions: e.sessions, Sync: e.sync})
	if err != nil {
		e.t.Fatal(err)
	}
	e.api.Store(&api)
}

const realPassword = "mot de passe de test"

func newRealEnv(t *testing.T) *realEnv {
	t.Helper()
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "server.db")
	store, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = store.Close() })
	cat, err := refdata.Load()
	if err != nil {
		t.Fatal(err)
	}
	e := &realEnv{t: t, store: store, cat: cat, path: path}
	region := e.pickPractitioner()
	hash, err := auth.HashPassword(realPassword)
	if err != nil {
		t.Fatal(err)
	}
	e.agent = &erpps.Account{ID: "agent:a", Login: "agent.a@ars.test", Role: erpps.RoleARSAgent, Name: "Camille Agent", Region: region, CreatedAt: time.Now().UTC()}
	e.account = &erpps.Account{ID: "rpps:" + e.a.RPPS, Login: e.a.RPPS, Role: erpps.RoleProfessional, Name: e.a.FirstName + " " + e.a.ExerciseName, RPPS: e.a.RPPS, CreatedAt: time.Now().UTC()}
	e.sec = &erpps.Account{ID: "sec:m", Login: "secretaire@cabinet.test", Role: erpps.RoleSecretary, Name: "Sacha Secrétaire", CreatedAt: time.Now().UTC()}
	for _, a := range []*erpps.Account{e.account, e.agent, e.sec} {
		if err := store.CreateAccount(ctx, a, hash); err != nil {
			t.Fatal(err)
		}
	}
	e.serve(store)
	e.handler = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if e.down.Load() {
			if conn, _, err := http.NewResponseController(w).Hijack(); err == nil {
				_ = conn.Close()
			}
			return
		}
		if d := time.Duration(e.slowPush.Load()); d > 0 && r.URL.Path == "/api/v1/sync/push" {
			time.Sleep(d)
		}
		(*e.api.Load()).ServeHTTP(w, r)
	})
	ts := httptest.NewServer(e.handler)
	e.ts = ts
	t.Cleanup(ts.Close)
	e.url = ts.URL
	return e
}

// pickPractitioner stores demo practitioners and takes one with an e-mail
// address, served by an ARS, whose activities are all in one region.
func (e *realEnv) pickPractitioner() string {
	ps, err := demo.Generate(80, demo.Seed)
	if err != nil {
		e.t.Fatal(err)
	}
	today := time.Now().Format("2006-01-02")
	region := ""
	for _, p := range ps {
		if err := e.store.SavePractitioner(context.Background(), p); err != nil {
			e.t.Fatal(err)
		}
		if e.a != nil || p.Contact.Email == "" || !requests.RegistrationOf(e.cat, p, today).ServedByARS {
			continue
		}
		if r := e.soleRegion(p); r != "" {
			e.a, region = p, r
		}
	}
	if e.a == nil {
		e.t.Fatal("no demo practitioner served by an ARS")
	}
	return region
}

func (e *realEnv) soleRegion(p *erpps.Practitioner) string {
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

// signIn signs login in on the server over HTTP and returns the device's
// bearer token.
func (e *realEnv) signIn(login string) string {
	e.t.Helper()
	body, _ := json.Marshal(map[string]any{"login": login, "password": realPassword, "device": true})
	res, err := http.Post(e.url+"/api/v1/session", "application/json", bytes.NewReader(body))
	if err != nil {
		e.t.Fatal(err)
	}
	defer func() { _ = res.Body.Close() }()
	var out struct {
		Token string `json:"token"`
	}
	if err := json.NewDecoder(res.Body).Decode(&out); err != nil || res.StatusCode != http.StatusCreated || out.Token == "" {
		e.t.Fatalf("sign in %s: %d %v", login, res.StatusCode, err)
	}
	return out.Token
}

// desktop is a desktop's store in Replica mode, its requests service (the
// app's) and its sync client.
type desktop struct {
	db     *sqlite.DB
	svc    *requests.Service
	client *Client
	actor  erpps.Actor

	mu      sync.Mutex
	changed []string
	paths   []string // the paths requested, in order
}

// RoundTrip records the path and sends the request.
func (d *desktop) RoundTrip(r *http.Request) (*http.Response, error) {
	d.mu.Lock()
	d.paths = append(d.paths, r.URL.Path)
	d.mu.Unlock()
	return http.DefaultTransport.RoundTrip(r)
}

func (d *desktop) requested(path string) int {
	d.mu.Lock()
	defer d.mu.Unlock()
	n := 0
	for _, p := range d.paths {
		if p == path {
			n++
		}
	}
	return n
}

func (e *realEnv) newDesktop(token string, tune func(*Config)) *desktop {
	e.t.Helper()
	return e.newDesktopOf(e.account, token, tune)
}

// newDesktopOf is the desktop of acct (whose actor acts locally).
func (e *realEnv) newDesktopOf(acct *erpps.Account, token string, tune func(*Config)) *desktop {
	t := e.t
	t.Helper()
	db := sqlite.NewDB(filepath.Join(t.TempDir(), "erpps.db"))
	db.Replica = true
	if err := db.Open(context.Background()); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = db.Close() })
	d := &desktop{db: db, svc: &requests.Service{Practitioners: db, Requests: db, Structures: db, Catalog: e.cat, Now: time.Now},
		actor: acct.Actor()}
	cfg := Config{Store: db, BaseURL: e.url, HTTP: &http.Client{Transport: d}, Token: func(context.Context) (string, error) { return token, nil },
		Rand: rand.New(rand.NewPCG(1, 1)), MinBackoff: 5 * time.Millisecond, MaxBackoff: 100 * time.Millisecond,
		Debounce:  20 * time.Millisecond,
		OnChanged: func(ids []string) { d.mu.Lock(); d.changed = append(d.changed, ids...); d.mu.Unlock() }}
	if tune != nil {
		tune(&cfg)
	}
	c, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	d.client = c
	return d
}

func (d *desktop) changedIDs() []string {
	d.mu.Lock()
	defer d.mu.Unlock()
	return append([]string(nil), d.changed...)
}

// draftContact starts a contact request on the desktop and saves email.
func (d *desktop) draftContact(t *testing.T, rpps, email string) *erpps.Request {
	t.Helper()
	ctx := context.Background()
	v, err := d.svc.Start(ctx, requests.StartInput{RPPS: rpps, Kind: erpps.KindContact}, d.actor)
	if err != nil {
		t.Fatalf("start on the desktop: %v", err)
	}
	return d.save(t, v.Request.ID, email)
}

// save sets the draft's e-mail address on the desktop.
func (d *desktop) save(t *testing.T, id, email string) *erpps.Request {
	t.Helper()
	ctx := context.Background()
	r, err := d.db.FindRequestByID(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	var p map[string]any
	if err := json.Unmarshal(r.Payload, &p); err != nil {
		t.Fatal(err)
	}
	p["email"] = email
	raw, _ := json.Marshal(p)
	v, err := d.svc.SaveDraft(ctx, id, r.Revision, raw, d.actor)
	if err != nil {
		t.Fatalf("save on the desktop: %v", err)
	}
	return v.Request
}
