package app

import (
	"context"
	"encoding/json"
	"net/http/httptest"
	"path/filepath"
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

// realServer is erpps-server's handler over a SQLite file with the demo
// records and the account of the first demo practitioner.
func realServer(t *testing.T) (*sqlite.DB, string) {
	t.Helper()
	ctx := context.Background()
	store, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "server.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = store.Close() })
	cat, err := refdata.Load()
	if err != nil {
		t.Fatal(err)
	}
	ps, err := demo.Generate(demo.Count, demo.Seed)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range ps[:2] {
		if err := store.SavePractitioner(ctx, p); err != nil {
			t.Fatal(err)
		}
	}
	hash, err := auth.HashPassword(testServerPassword)
	if err != nil {
		t.Fatal(err)
	}
	p := ps[0]
	if err := store.CreateAccount(ctx, &erpps.Account{ID: "rpps:" + p.RPPS, Login: p.RPPS, Role: erpps.RoleProfessional,
		Name: p.FirstName + " " + p.ExerciseName, RPPS: p.RPPS, CreatedAt: time.Now().UTC()}, hash); err != nil {
		t.Fatal(err)
	}
	deleg := &delegation.Service{Store: store, Now: time.Now}
	svc := &requests.Service{Practitioners: store, Requests: store, Structures: store, Catalog: cat, Now: time.Now, Mandates: deleg}
	bo := &backoffice.Service{Store: store, Catalog: cat, Now: time.Now}
	api, err := server.New(server.Config{Store: store, Catalog: cat, Requests: svc, BackOffice: bo, Delegation: deleg,
		Auth: &auth.PasswordAuthenticator{Accounts: store}, Sessions: &auth.Sessions{Store: store, TTL: time.Hour},
		Sync: &syncserver.Service{Store: store, Requests: svc, Now: time.Now, PollEvery: 20 * time.Millisecond, WaitTimeout: time.Second}})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(api)
	t.Cleanup(ts.Close)
	return store, ts.URL
}

// eventually polls cond until it holds (5 s at most).
func eventually(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("%s: timed out", what)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// TestSyncWithRealServer: signed in to a real server, a draft made on the
// desktop reaches the server by itself (sync:state says syncing then
// online with nothing waiting), and a change made on the server comes back
// as "request:changed" with the new revision.
func TestSyncWithRealServer(t *testing.T) {
	srvStore, url := realServer(t)
	dir := t.TempDir()
	a, closeFn, err := Open(context.Background(), Config{DataDir: dir, Mode: ModeWeb, Demo: true, Version: "test", ServerURL: url})
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = closeFn() }()
	fake := &fakeEmitter{}
	a.events, a.sync.events = fake, fake
	rpps := demoRPPS(t, 0)
	if s, _ := a.ServerSettings(); s.URL != url {
		t.Fatalf("--server does not prefill the page: %+v", s)
	}
	if _, err := a.ConnectServer(ServerSignIn{URL: url, Login: rpps, Password: testServerPassword}); err != nil {
		t.Fatal(err)
	}
	mustSession(t, a, rpps)
	v := mustView(t)(a.StartRequest(requests.StartInput{RPPS: rpps, Kind: erpps.KindExerciseName}))
	id := v.Request.ID
	mustView(t)(a.SaveDraft(id, v.Request.Revision, exerciseName))

	ctx := context.Background()
	eventually(t, "the draft on the server", func() bool {
		r, err := srvStore.FindRequestByID(ctx, id)
		return err == nil && jsonField(r.Payload, "exerciseName") == "MARTIN-DURAND"
	})
	eventually(t, "online with nothing waiting", func() bool {
		st, _ := a.SyncState()
		return st.State == SyncOnline && st.Pending == 0 && st.LastSyncAt != nil
	})
	sawSyncing := false
	for _, e := range fake.take() {
		if st, ok := e.payload.(SyncState); ok && e.name == EventSyncState && st.State == SyncSyncing {
			sawSyncing = true
		}
	}
	if !sawSyncing {
		t.Fatal("no sync:state said syncing")
	}

	// Changed on the server (another desktop, the same account): pulled.
	onServer, err := srvStore.FindRequestByID(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	actor := erpps.Actor{Role: erpps.RoleProfessional, ID: rpps, Name: "ailleurs"}
	if _, err := srvStore.SaveDraft(ctx, id, onServer.Revision, json.RawMessage(`{"exerciseName":"DURAND","useBirthName":false}`), actor); err != nil {
		t.Fatal(err)
	}
	eventually(t, "request:changed after the pull", func() bool {
		for _, e := range fake.take() {
			if rc, ok := e.payload.(RequestChanged); ok && rc.ID == id {
				local, err := a.GetRequest(id)
				return err == nil && local.Request.Revision == rc.Revision && jsonField(local.Request.Payload, "exerciseName") == "DURAND"
			}
		}
		return false
	})
}

func jsonField(raw json.RawMessage, key string) string {
	var m map[string]any
	if json.Unmarshal(raw, &m) != nil {
		return ""
	}
	s, _ := m[key].(string)
	return s
}
