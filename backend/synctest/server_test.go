package synctest

import (
	"context"
	"flag"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"erpps/backend/auth"
	"erpps/backend/backoffice"
	"erpps/backend/delegation"
	"erpps/backend/demo"
	"erpps/backend/erpps"
	"erpps/backend/internal/pgtest"
	"erpps/backend/refdata"
	"erpps/backend/requests"
	"erpps/backend/server"
	"erpps/backend/sqlite"
	"erpps/backend/syncserver"
)

func TestMain(m *testing.M) {
	flag.Parse()
	// The scenarios of TestFaults mostly wait (latency spikes, requests
	// held back, restarts): eight at a time keep two cores busy. An explicit
	// -parallel wins.
	explicit := false
	flag.Visit(func(f *flag.Flag) { explicit = explicit || f.Name == "test.parallel" })
	if !explicit {
		_ = flag.Set("test.parallel", "8")
	}
	if os.Getenv(childEnv) != "" {
		os.Exit(m.Run()) // a desktop killed by TestKilledBetweenCommitAndAck: no PostgreSQL
	}
	os.Exit(pgtest.Main(m))
}

// serverStore is what the harness needs of a server's store.
type serverStore interface {
	syncserver.Store
	Close() error
}

// fixture is what every scenario starts from, built once per test binary:
// the catalog, a practitioner served by an ARS, an agent of their region,
// and a server SQLite file holding them (copied for each scenario).
type fixture struct {
	cat          *refdata.Catalog
	practitioner *erpps.Practitioner
	others       []*erpps.Practitioner
	owner        *erpps.Account // the practitioner's account
	agent        *erpps.Account
	region       string // the agent's
	token        string // the owner's session, valid in every copy of the template
	template     string // server SQLite file, closed
	replica      string // empty desktop SQLite file, closed
}

var (
	fixtureOnce sync.Once
	fixtureVal  *fixture
	fixtureErr  error
)

// theFixture builds the fixture once.
func theFixture(t testing.TB) *fixture {
	t.Helper()
	fixtureOnce.Do(func() { fixtureVal, fixtureErr = buildFixture() })
	if fixtureErr != nil {
		t.Fatal(fixtureErr)
	}
	return fixtureVal
}

func buildFixture() (*fixture, error) {
	ctx := context.Background()
	cat, err := refdata.Load()
	if err != nil {
		return nil, err
	}
	f := &fixture{cat: cat}
	ps, err := demo.Generate(40, demo.Seed)
	if err != nil {
		return nil, err
	}
	today := time.Now().Format("2006-01-02")
	for _, p := range ps {
		r := soleRegion(cat, p)
		if f.practitioner == nil && r != "" && requests.RegistrationOf(cat, p, today).ServedByARS && p.Contact.Email != "" {
			f.practitioner, f.region = p, r
			continue
		}
		f.others = append(f.others, p)
	}
	if f.practitioner == nil {
		return nil, errNoPractitioner
	}
	dir, err := os.MkdirTemp("", "synctest-fixture-")
	if err != nil {
		return nil, err
	}
	if f.replica, err = newReplicaTemplate(ctx, dir); err != nil {
		return nil, err
	}
	f.template = filepath.Join(dir, "server.db")
	store, err := sqlite.Open(ctx, f.template)
	if err != nil {
		return nil, err
	}
	defer store.Close()
	p := f.practitioner
	now := time.Now().UTC()
	f.owner = &erpps.Account{ID: "rpps:" + p.RPPS, Login: p.RPPS, Role: erpps.RoleProfessional, Name: p.FirstName + " " + p.ExerciseName, RPPS: p.RPPS, CreatedAt: now}
	f.agent = &erpps.Account{ID: "agent:" + f.region, Login: "agent@ars.test", Role: erpps.RoleARSAgent, Name: "Camille Agent", Region: f.region, CreatedAt: now}
	if f.token, err = f.seed(ctx, store); err != nil {
		return nil, err
	}
	return f, nil
}

// seed writes the fixture's practitioners and accounts into a server store
// and opens a session of the owner, whose token it returns.
func (f *fixture) seed(ctx context.Context, store erpps.ServerStore) (string, error) {
	for _, p := range append([]*erpps.Practitioner{f.practitioner}, f.others...) {
		if err := store.SavePractitioner(ctx, p); err != nil {
			return "", err
		}
	}
	for _, a := range []*erpps.Account{f.owner, f.agent} {
		if err := store.CreateAccount(ctx, a, "x"); err != nil {
			return "", err
		}
	}
	token, _, err := (&auth.Sessions{Store: store, TTL: 365 * 24 * time.Hour}).Open(ctx, f.owner)
	return token, err
}

type fixtureError string

func (e fixtureError) Error() string { return string(e) }

const errNoPractitioner = fixtureError("synctest: the demo data has no practitioner served by an ARS of one region")

func soleRegion(cat *refdata.Catalog, p *erpps.Practitioner) string {
	region := ""
	for _, a := range p.Activities {
		d, err := cat.Department(a.Structure.Department)
		if err != nil || (region != "" && d.RegionCode != region) {
			return ""
		}
		region = d.RegionCode
	}
	return region
}

// copyFile copies a closed SQLite file.
func copyFile(from, to string) error {
	in, err := os.Open(from)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.Create(to)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

// services are a server's services over one store.
type services struct {
	requests *requests.Service
	office   *backoffice.Service
	sync     *syncserver.Service
	handler  http.Handler
}

// newServices wires a server (the handler of erpps-server) over store.
func newServices(cat *refdata.Catalog, store serverStore) (*services, error) {
	deleg := &delegation.Service{Store: store, Now: time.Now}
	reqs := &requests.Service{Practitioners: store, Requests: store, Structures: store, Catalog: cat, Now: time.Now, Mandates: deleg}
	office := &backoffice.Service{Store: store, Catalog: cat, Now: time.Now}
	syncSvc := &syncserver.Service{Store: store, Requests: reqs, Now: time.Now, PollEvery: 20 * time.Millisecond}
	h, err := server.New(server.Config{
		Store: store, Catalog: cat, Requests: reqs, BackOffice: office, Delegation: deleg,
		Auth:     &auth.PasswordAuthenticator{Accounts: store},
		Sessions: &auth.Sessions{Store: store, TTL: 365 * 24 * time.Hour},
		Sync:     syncSvc,
		Logger:   slog.New(slog.NewTextHandler(io.Discard, nil)),
	})
	if err != nil {
		return nil, err
	}
	return &services{requests: reqs, office: office, sync: syncSvc, handler: h}, nil
}

// liveServer is a server process on loopback that can be restarted (its
// store closed and opened again, a new port).
type liveServer struct {
	cat   *refdata.Catalog
	open  func() (serverStore, error)
	mu    sync.Mutex
	store serverStore
	svc   *services
	http  *httptest.Server
}

// startServer starts a server over a SQLite file.
func startServer(t testing.TB, cat *refdata.Catalog, path string) *liveServer {
	t.Helper()
	return startServerOn(t, cat, func() (serverStore, error) { return sqlite.Open(context.Background(), path) })
}

// startServerOn starts a server over the store open opens.
func startServerOn(t testing.TB, cat *refdata.Catalog, open func() (serverStore, error)) *liveServer {
	t.Helper()
	s := &liveServer{cat: cat, open: open}
	if err := s.start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(s.stop)
	return s
}

func (s *liveServer) start() error {
	store, err := s.open()
	if err != nil {
		return err
	}
	svc, err := newServices(s.cat, store)
	if err != nil {
		store.Close()
		return err
	}
	s.mu.Lock()
	s.store, s.svc, s.http = store, svc, httptest.NewServer(svc.handler)
	s.mu.Unlock()
	return nil
}

func (s *liveServer) stop() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.http == nil {
		return
	}
	s.http.CloseClientConnections()
	s.http.Close()
	_ = s.store.Close()
	s.http, s.store, s.svc = nil, nil, nil
}

// restart stops the server (its store closed) and starts it again on a new
// port; it returns the new URL.
func (s *liveServer) restart() (string, error) {
	s.stop()
	if err := s.start(); err != nil {
		return "", err
	}
	return s.URL(), nil
}

// URL is the server's base URL.
func (s *liveServer) URL() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.http.URL
}

// current returns the running store and services.
func (s *liveServer) current() (serverStore, *services) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.store, s.svc
}
