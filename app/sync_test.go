package app

import (
	"context"
	"encoding/json"
	"encoding/pem"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"erpps/backend/datadir"
	"erpps/backend/erpps"
	"erpps/backend/requests"
)

const (
	testServerToken    = "device-token-never-shown-0123456789"
	testServerPassword = "mot-de-passe-secret"
	testServerLogin    = "secretariat.demo"
)

// fakeServer answers the server's session routes: a secretary signs in with
// testServerPassword; it records the bearer tokens signed out.
type fakeServer struct {
	mu        sync.Mutex
	signedOut []string
	device    []bool
}

func (f *fakeServer) handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /api/v1/session", func(w http.ResponseWriter, r *http.Request) {
		var in struct {
			Login, Password string
			Device          bool
		}
		_ = json.NewDecoder(r.Body).Decode(&in)
		f.mu.Lock()
		f.device = append(f.device, in.Device)
		f.mu.Unlock()
		w.Header().Set("Content-Type", "application/json")
		if in.Login != testServerLogin || in.Password != testServerPassword {
			w.WriteHeader(http.StatusUnauthorized)
			_, _ = w.Write([]byte(`{"code":"unauthorized","message":"Identifiants refusés."}`))
			return
		}
		w.WriteHeader(http.StatusCreated)
		_, _ = w.Write([]byte(`{"session":{"id":"s1","account":{"id":"acct-sec-1","login":"secretariat.demo","role":"secretary","name":"Secrétariat Démo"}},"token":"` + testServerToken + `"}`))
	})
	mux.HandleFunc("DELETE /api/v1/session", func(w http.ResponseWriter, r *http.Request) {
		f.mu.Lock()
		f.signedOut = append(f.signedOut, strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer "))
		f.mu.Unlock()
		w.WriteHeader(http.StatusNoContent)
	})
	return mux
}

// fakeSyncClient records what the application asks of its sync client.
type fakeSyncClient struct {
	cfg      SyncClientConfig
	mu       sync.Mutex
	notified int
	synced   int
	running  chan struct{} // closed when Run starts
	ended    chan struct{} // closed when Run returns
}

func (c *fakeSyncClient) Run(ctx context.Context) error {
	close(c.running)
	<-ctx.Done()
	close(c.ended)
	return ctx.Err()
}

func (c *fakeSyncClient) Notify() { c.mu.Lock(); c.notified++; c.mu.Unlock() }

func (c *fakeSyncClient) SyncOnce(context.Context) error {
	c.mu.Lock()
	c.synced++
	c.mu.Unlock()
	return nil
}

func (c *fakeSyncClient) counts() (notified, synced int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.notified, c.synced
}

// fakeClients makes fakeSyncClients and keeps them.
type fakeClients struct {
	mu   sync.Mutex
	made []*fakeSyncClient
}

func (f *fakeClients) make(cfg SyncClientConfig) (SyncClient, error) {
	c := &fakeSyncClient{cfg: cfg, running: make(chan struct{}), ended: make(chan struct{})}
	f.mu.Lock()
	f.made = append(f.made, c)
	f.mu.Unlock()
	return c, nil
}

func (f *fakeClients) last(t *testing.T) *fakeSyncClient {
	t.Helper()
	f.mu.Lock()
	defer f.mu.Unlock()
	if len(f.made) == 0 {
		t.Fatal("no sync client was made")
	}
	return f.made[len(f.made)-1]
}

// fakeReplica gives set-aside mutations and records the resolutions.
type fakeReplica struct {
	erpps.Replica
	mu       sync.Mutex
	setAside []erpps.PendingMutation
	resolved []string
	bound    string
}

func (r *fakeReplica) BindAccount(_ context.Context, key string) (bool, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	switched := r.bound != "" && r.bound != key
	r.bound = key
	return switched, nil
}

func (r *fakeReplica) SyncSummary(context.Context) (*erpps.SyncSummary, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	return &erpps.SyncSummary{ClientID: "c1", Pending: 2, SetAside: len(r.setAside)}, nil
}

func (r *fakeReplica) ListSetAside(context.Context) ([]erpps.PendingMutation, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]erpps.PendingMutation(nil), r.setAside...), nil
}

func (r *fakeReplica) ResolveConflict(_ context.Context, id string, payload json.RawMessage, actor erpps.Actor) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.resolved = append(r.resolved, id+" "+string(payload)+" "+actor.ID)
	return nil
}

// syncApp opens an application over a real store with a fake sync client
// and a fake emitter.
func syncApp(t *testing.T, dir string) (*App, *fakeClients, *fakeEmitter, func() error) {
	t.Helper()
	a, closeFn, err := Open(context.Background(), Config{DataDir: dir, Mode: ModeWeb, Demo: true, Version: "test"})
	if err != nil {
		t.Fatal(err)
	}
	clients := &fakeClients{}
	fake := &fakeEmitter{}
	a.events, a.sync.events = fake, fake
	a.sync.deps.NewClient = clients.make
	return a, clients, fake, closeFn
}

func waitClosed(t *testing.T, ch chan struct{}, what string) {
	t.Helper()
	select {
	case <-ch:
	case <-time.After(5 * time.Second):
		t.Fatalf("%s: timed out", what)
	}
}

// TestConnectServer: signing in keeps the device token in the store (never
// shown nor logged), starts the sync client with it, makes the server
// account the actor, says the client's state and the pulled requests;
// signing out revokes and deletes the token and gives the record back to the
// local professional.
func TestConnectServer(t *testing.T) {
	srvFake := &fakeServer{}
	srv := httptest.NewServer(srvFake.handler())
	defer srv.Close()
	dir := t.TempDir()
	a, clients, events, closeFn := syncApp(t, dir)
	defer func() { _ = closeFn() }()

	s, err := a.ServerSettings()
	if err != nil || !s.Available || s.URL != "" || s.Account != nil || s.State.State != SyncLocal {
		t.Fatalf("settings before: %+v %v", s, err)
	}
	for _, tc := range []struct {
		in    ServerSignIn
		code  erpps.Code
		field string
	}{
		{ServerSignIn{URL: "", Login: testServerLogin, Password: "x"}, erpps.EINVALID, "url"},
		{ServerSignIn{URL: "ftp://serveur", Login: testServerLogin, Password: "x"}, erpps.EINVALID, "url"},
		{ServerSignIn{URL: "http://erpps.example.org", Login: testServerLogin, Password: "x"}, erpps.EINVALID, "url"},
		{ServerSignIn{URL: srv.URL + "/api", Login: testServerLogin, Password: "x"}, erpps.EINVALID, "url"},
		{ServerSignIn{URL: srv.URL, Login: "", Password: ""}, erpps.EINVALID, "login"},
		{ServerSignIn{URL: srv.URL, CAFile: filepath.Join(dir, "absent.pem"), Login: testServerLogin, Password: "x"}, erpps.EINVALID, "caFile"},
		{ServerSignIn{URL: srv.URL, Login: testServerLogin, Password: "faux"}, erpps.EUNAUTHORIZED, ""},
		{ServerSignIn{URL: "http://127.0.0.1:1", Login: testServerLogin, Password: "x"}, erpps.EUNAVAILABLE, ""},
	} {
		_, err := a.ConnectServer(tc.in)
		e := erpps.AsError(err)
		if e.Code != tc.code || (tc.field != "" && (len(e.Fields) == 0 || e.Fields[0].Field != tc.field)) || e.Message == "" {
			t.Errorf("ConnectServer(%+v) = %+v, want %s on %q", tc.in, e, tc.code, tc.field)
		}
	}
	if len(clients.made) != 0 {
		t.Fatal("a refused sign-in started a client")
	}

	rpps := demoRPPS(t, 0)
	before := mustSession(t, a, rpps)
	if before.Actor.Role != erpps.RoleProfessional {
		t.Fatalf("actor before sign-in %+v", before.Actor)
	}
	s, err = a.ConnectServer(ServerSignIn{URL: srv.URL + "/", Login: testServerLogin, Password: testServerPassword})
	if err != nil {
		t.Fatal(err)
	}
	if s.URL != srv.URL || s.Account == nil || s.Account.Role != erpps.RoleSecretary || s.Account.Name != "Secrétariat Démo" || s.SignedInAt == nil {
		t.Fatalf("settings after sign-in %+v", s)
	}
	if srvFake.device[len(srvFake.device)-1] != true {
		t.Fatal("the sign-in did not ask for a device session")
	}
	shown, _ := json.Marshal(s)
	if strings.Contains(string(shown), testServerToken) {
		t.Fatalf("the settings show the token: %s", shown)
	}
	c := clients.last(t)
	waitClosed(t, c.running, "the client's Run")
	if c.cfg.BaseURL != srv.URL {
		t.Fatalf("client base URL %q", c.cfg.BaseURL)
	}
	if tok, err := c.cfg.Token(context.Background()); err != nil || tok != testServerToken {
		t.Fatalf("client token %q %v", tok, err)
	}
	cur, _ := a.CurrentSession()
	if cur.Actor.Role != erpps.RoleSecretary || cur.Actor.ID != "acct-sec-1" || cur.Principal != rpps {
		t.Fatalf("actor after sign-in %+v", cur)
	}

	// A local change: the request is the secretary's, the client is told.
	events.take()
	v := mustView(t)(a.StartRequest(requests.StartInput{RPPS: rpps, Kind: erpps.KindExerciseName}))
	if last := v.Request.History[len(v.Request.History)-1]; last.Actor.ID != "acct-sec-1" {
		t.Fatalf("the draft was started by %+v", last.Actor)
	}
	mustView(t)(a.SaveDraft(v.Request.ID, v.Request.Revision, exerciseName))
	if n, _ := c.counts(); n < 2 {
		t.Fatalf("Notify called %d times after two changes", n)
	}

	// The client's state and the pulled requests reach the UI.
	at := time.Date(2026, 3, 2, 9, 30, 0, 0, time.UTC)
	events.take()
	c.cfg.OnStatus(SyncState{State: SyncOnline, Pending: 0, LastSyncAt: &at})
	c.cfg.OnChanged([]string{v.Request.ID, "absent-request"})
	got := events.take()
	stored, _ := a.deps.Requests.Get(context.Background(), v.Request.ID, cur.Actor)
	assertEvents(t, "status and pull", got, []recordedEvent{
		{EventSyncState, SyncState{State: SyncOnline, LastSyncAt: &at}},
		{EventRequestChanged, RequestChanged{ID: v.Request.ID, Revision: stored.Request.Revision, Status: erpps.StatusDraft}},
		{EventRequestChanged, RequestChanged{ID: "absent-request", Deleted: true}},
		{EventSyncPulled, SyncPulled{RequestIDs: []string{v.Request.ID, "absent-request"}}},
	})
	if st, _ := a.SyncState(); st.State != SyncOnline || st.LastSyncAt == nil {
		t.Fatalf("SyncState %+v", st)
	}
	if _, err := a.SyncNow(); err != nil {
		t.Fatal(err)
	}
	if _, n := c.counts(); n != 1 {
		t.Fatalf("SyncOnce called %d times", n)
	}

	// Kept across a restart: the client starts with the store.
	if err := closeFn(); err != nil {
		t.Fatal(err)
	}
	waitClosed(t, c.ended, "the client's end at close")
	a, clients, events, closeFn = syncApp(t, dir)
	if err := a.sync.start(context.Background()); err != nil {
		t.Fatal(err)
	}
	c = clients.last(t)
	waitClosed(t, c.running, "the client's Run after a restart")
	if s, _ := a.ServerSettings(); s.Account == nil || s.URL != srv.URL {
		t.Fatalf("settings after a restart %+v", s)
	}

	events.take()
	mustSession(t, a, rpps)
	s, err = a.DisconnectServer()
	if err != nil {
		t.Fatal(err)
	}
	waitClosed(t, c.ended, "the client's end at sign-out")
	if s.Account != nil || s.URL != srv.URL || s.State.State != SyncLocal {
		t.Fatalf("settings after sign-out %+v", s)
	}
	if len(srvFake.signedOut) != 1 || srvFake.signedOut[0] != testServerToken {
		t.Fatalf("signed out on the server with %v", srvFake.signedOut)
	}
	if _, err := a.sync.deps.Settings.GetSetting(context.Background(), settingServerToken); erpps.ErrorCode(err) != erpps.ENOTFOUND {
		t.Fatalf("the token is still kept: %v", err)
	}
	if _, err := c.cfg.Token(context.Background()); erpps.ErrorCode(err) != erpps.EUNAUTHORIZED {
		t.Fatalf("the client's token after sign-out: %v", err)
	}
	if cur, _ := a.CurrentSession(); cur.Actor != localActor(rpps) {
		t.Fatalf("actor after sign-out %+v", cur.Actor)
	}
	if _, err := a.SyncNow(); erpps.ErrorCode(err) != erpps.EINVALID {
		t.Fatalf("SyncNow signed out: %v", err)
	}
	_ = closeFn()

	logged, err := os.ReadFile(datadir.LogPath(dir))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(logged), testServerToken) || strings.Contains(string(logged), testServerPassword) {
		t.Fatal("the log holds the token or the password")
	}
	if !strings.Contains(string(logged), "signed in to the eRPPS server") {
		t.Fatal("the sign-in was not logged")
	}
}

// TestConnectServerCA: a server whose certificate chains to a private
// authority is refused until its CA file is given.
func TestConnectServerCA(t *testing.T) {
	srvFake := &fakeServer{}
	srv := httptest.NewTLSServer(srvFake.handler())
	defer srv.Close()
	dir := t.TempDir()
	a, clients, _, closeFn := syncApp(t, dir)
	defer func() { _ = closeFn() }()
	in := ServerSignIn{URL: srv.URL, Login: testServerLogin, Password: testServerPassword}
	_, err := a.ConnectServer(in)
	if e := erpps.AsError(err); e.Code != erpps.EUNAVAILABLE || !strings.Contains(e.Message, "certificat") {
		t.Fatalf("without the CA: %+v", e)
	}
	ca := filepath.Join(dir, "ca.pem")
	if err := os.WriteFile(ca, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: srv.Certificate().Raw}), 0o600); err != nil {
		t.Fatal(err)
	}
	notPEM := filepath.Join(dir, "not.pem")
	_ = os.WriteFile(notPEM, []byte("bonjour"), 0o600)
	in.CAFile = notPEM
	if _, err := a.ConnectServer(in); erpps.ErrorCode(err) != erpps.EINVALID {
		t.Fatalf("a CA file without a certificate: %v", err)
	}
	in.CAFile = ca
	s, err := a.ConnectServer(in)
	if err != nil {
		t.Fatal(err)
	}
	if s.CAFile != ca || s.Account == nil {
		t.Fatalf("settings %+v", s)
	}
	waitClosed(t, clients.last(t).running, "the client's Run")
}

// TestSyncIssues: the changes set aside are listed with the three versions
// (a transmission's own payload read from the store) and the server's
// message; a choice or null resolves them as the session's actor.
func TestSyncIssues(t *testing.T) {
	a, _, _, closeFn := syncApp(t, t.TempDir())
	defer func() { _ = closeFn() }()
	rpps := demoRPPS(t, 0)
	mustSession(t, a, rpps)
	v := mustView(t)(a.StartRequest(requests.StartInput{RPPS: rpps, Kind: erpps.KindExerciseName}))
	id := v.Request.ID
	server := &erpps.Request{ID: id, Kind: erpps.KindExerciseName, Status: erpps.StatusDraft, Payload: json.RawMessage(`{"exerciseName":"Serveur"}`)}
	rep := &fakeReplica{setAside: []erpps.PendingMutation{
		{Mutation: erpps.Mutation{Seq: 3, Kind: erpps.MutationSaveDraft, RequestID: id, Principal: rpps, RequestKind: erpps.KindExerciseName, Payload: json.RawMessage(`{"exerciseName":"Moi"}`)},
			Status: erpps.PendingConflict, BasePayload: json.RawMessage(`{"exerciseName":"Avant"}`),
			Result: &erpps.MutationResult{Outcome: erpps.OutcomeConflict, Version: 4, Request: server}},
		{Mutation: erpps.Mutation{Seq: 4, Kind: erpps.MutationTransmit, RequestID: id, Principal: rpps},
			Status: erpps.PendingRejected,
			Result: &erpps.MutationResult{Outcome: erpps.OutcomeRejected, Code: erpps.EFORBIDDEN, Message: "Le professionnel doit approuver cette version."}},
		{Mutation: erpps.Mutation{Seq: 5, Kind: erpps.MutationSaveDraft, RequestID: "other", Principal: "10000000000"}, Status: erpps.PendingRejected},
	}}
	a.sync.deps.Replica = rep
	issues, err := a.ListSyncIssues()
	if err != nil {
		t.Fatal(err)
	}
	if len(issues) != 2 {
		t.Fatalf("issues of the open record: %+v", issues)
	}
	c, r := issues[0], issues[1]
	if c.Status != erpps.PendingConflict || string(c.Mine) != `{"exerciseName":"Moi"}` || string(c.Server) != `{"exerciseName":"Serveur"}` ||
		string(c.Base) != `{"exerciseName":"Avant"}` || c.ServerStatus != erpps.StatusDraft || c.ServerDeleted {
		t.Fatalf("conflict %+v", c)
	}
	if r.Status != erpps.PendingRejected || r.Code != erpps.EFORBIDDEN || r.Message == "" || string(r.Mine) != string(v.Request.Payload) || r.RequestKind != erpps.KindExerciseName {
		t.Fatalf("rejection %+v (local payload %s)", r, v.Request.Payload)
	}
	if err := a.ResolveSyncConflict(id, json.RawMessage(`{"exerciseName":"Choisi"}`)); err != nil {
		t.Fatal(err)
	}
	if err := a.ResolveSyncConflict(id, json.RawMessage(`null`)); err != nil {
		t.Fatal(err)
	}
	if err := a.ResolveSyncConflict(id, json.RawMessage(`"x"`)); erpps.ErrorCode(err) != erpps.EINVALID {
		t.Fatalf("a payload that is not an object: %v", err)
	}
	want := []string{id + ` {"exerciseName":"Choisi"} ` + rpps, id + "  " + rpps}
	if strings.Join(rep.resolved, "|") != strings.Join(want, "|") {
		t.Fatalf("resolved %q, want %q", rep.resolved, want)
	}
}

func TestCheckServerURL(t *testing.T) {
	for in, want := range map[string]string{
		"https://erpps.sante.fr":       "https://erpps.sante.fr",
		" https://erpps.sante.fr/ ":    "https://erpps.sante.fr",
		"https://erpps.sante.fr:8443":  "https://erpps.sante.fr:8443",
		"http://127.0.0.1:8080":        "http://127.0.0.1:8080",
		"http://localhost:9000/":       "http://localhost:9000",
		"http://[::1]:9000":            "http://[::1]:9000",
		"http://erpps.sante.fr":        "",
		"erpps.sante.fr":               "",
		"https://u:p@erpps.sante.fr":   "",
		"https://erpps.sante.fr/?a=b":  "",
		"https://erpps.sante.fr/api/":  "",
		"https://":                     "",
		"javascript:alert(1)":          "",
		"https://erpps.sante.fr#frag":  "",
		"https://erpps.sante.fr/x/../": "",
	} {
		got, err := checkServerURL(in)
		if want == "" && (err == nil || erpps.ErrorCode(err) != erpps.EINVALID) {
			t.Errorf("checkServerURL(%q) = %q, want refused", in, got)
		}
		if want != "" && (err != nil || got != want) {
			t.Errorf("checkServerURL(%q) = %q %v, want %q", in, got, err, want)
		}
	}
}
