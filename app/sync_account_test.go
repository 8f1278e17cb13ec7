package app

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"erpps/backend/auth"
	"erpps/backend/demo"
	"erpps/backend/erpps"
	"erpps/backend/requests"
)

// TestSyncAnotherAccount: a desktop signed in to the server as one
// practitioner, then as another, gets a new client id and a fresh cursor;
// the first account's change not sent yet is not sent under the second (the
// server never gets it), it is set aside and shown; the second account's
// sync works (before: the server refused the client id, bound to the first
// account, for ever).
func TestSyncAnotherAccount(t *testing.T) {
	srvStore, url := realServer(t)
	ctx := context.Background()
	ps, err := demo.Generate(demo.Count, demo.Seed)
	if err != nil {
		t.Fatal(err)
	}
	hash, err := auth.HashPassword(testServerPassword)
	if err != nil {
		t.Fatal(err)
	}
	other := ps[1]
	if err := srvStore.CreateAccount(ctx, &erpps.Account{ID: "rpps:" + other.RPPS, Login: other.RPPS, Role: erpps.RoleProfessional,
		Name: other.FirstName + " " + other.ExerciseName, RPPS: other.RPPS, CreatedAt: time.Now().UTC()}, hash); err != nil {
		t.Fatal(err)
	}
	a, closeFn, err := Open(ctx, Config{DataDir: t.TempDir(), Mode: ModeWeb, Demo: true, Version: "test", ServerURL: url})
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = closeFn() }()
	fake := &fakeEmitter{}
	a.events, a.sync.events = fake, fake
	rpps := demoRPPS(t, 0)
	if _, err := a.ConnectServer(ServerSignIn{URL: url, Login: rpps, Password: testServerPassword}); err != nil {
		t.Fatal(err)
	}
	mustSession(t, a, rpps)
	v := mustView(t)(a.StartRequest(requests.StartInput{RPPS: rpps, Kind: erpps.KindExerciseName}))
	id := v.Request.ID
	saved := mustView(t)(a.SaveDraft(id, v.Request.Revision, exerciseName))
	eventually(t, "the draft on the server", func() bool {
		r, err := srvStore.FindRequestByID(ctx, id)
		return err == nil && jsonField(r.Payload, "exerciseName") == "MARTIN-DURAND"
	})
	eventually(t, "online with nothing waiting", func() bool {
		st, _ := a.SyncState()
		return st.State == SyncOnline && st.Pending == 0
	})
	first, err := a.sync.deps.Replica.SyncSummary(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := a.DisconnectServer(); err != nil {
		t.Fatal(err)
	}
	// Changed while signed out: waits for the first account.
	mustView(t)(a.SaveDraft(id, saved.Request.Revision, json.RawMessage(`{"exerciseName":"PAS-ENVOYE","useBirthName":false}`)))

	if _, err := a.ConnectServer(ServerSignIn{URL: url, Login: other.RPPS, Password: testServerPassword}); err != nil {
		t.Fatal(err)
	}
	eventually(t, "the second account online", func() bool {
		st, _ := a.SyncState()
		return st.State == SyncOnline && st.Pending == 0 && st.SetAside == 1
	})
	second, err := a.sync.deps.Replica.SyncSummary(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if second.ClientID == first.ClientID {
		t.Fatalf("the second account kept the client id %s", first.ClientID)
	}
	if r, err := srvStore.FindRequestByID(ctx, id); err != nil || jsonField(r.Payload, "exerciseName") != "MARTIN-DURAND" {
		t.Fatalf("the first account's change reached the server under the second: %v", err)
	}
	if _, err := srvStore.FindMutationResult(ctx, second.ClientID, 1); erpps.ErrorCode(err) != erpps.ENOTFOUND {
		t.Fatalf("the new client sent something: %v", err)
	}
	aside, err := a.sync.deps.Replica.ListSetAside(ctx)
	if err != nil || len(aside) != 1 || aside[0].RequestID != id || aside[0].Result == nil ||
		!strings.Contains(aside[0].Result.Message, "autre compte") {
		t.Fatalf("the first account's change, set aside: %+v %v", aside, err)
	}
}
