package app

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"strings"
	"testing"
	"time"

	"erpps/backend/demo"
	"erpps/backend/erpps"
	"erpps/backend/requests"
)

// unknownDemoRPPS is in the demo records' range (openable without a login in
// demo mode) but none has it.
const unknownDemoRPPS = "99000000002"

// demoRPPS returns the RPPS of the n-th demo practitioner.
func demoRPPS(t *testing.T, n int) string {
	t.Helper()
	list, err := demo.Generate(demo.Count, demo.Seed)
	if err != nil {
		t.Fatal(err)
	}
	return list[n].RPPS
}

// mustView fails the test on an error: mustView(t)(a.GetRequest(id)).
func mustView(t *testing.T) func(*requests.View, error) *requests.View {
	return func(v *requests.View, err error) *requests.View {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
}

func wantCode(t *testing.T, what string, err error, code string) {
	t.Helper()
	if got := erpps.ErrorCode(err); got != code {
		t.Fatalf("%s: error %v (code %q), want %q", what, err, got, code)
	}
	if code != "" && erpps.AsError(err).Message == "" {
		t.Fatalf("%s: no message", what)
	}
}

var exerciseName = json.RawMessage(`{"exerciseName":"MARTIN-DURAND","useBirthName":false}`)

// TestSessionRecordsActorAndPrincipal: every write is made by the session's
// actor on the session's principal's record, whoever the actor is.
func TestSessionRecordsActorAndPrincipal(t *testing.T) {
	a := mustOpenApp(t)
	rpps := demoRPPS(t, 0)
	secretary := erpps.Actor{Role: erpps.RoleSecretary, ID: "SEC-0042", Name: "Secrétariat du cabinet"}
	a.sessions.open(rpps, secretary)

	v := mustView(t)(a.StartRequest(requests.StartInput{RPPS: rpps, Kind: erpps.KindExerciseName}))
	v = mustView(t)(a.SaveDraft(v.Request.ID, v.Request.Revision, exerciseName))
	v = mustView(t)(a.TransmitRequest(v.Request.ID))

	got := mustView(t)(a.GetRequest(v.Request.ID)).Request
	if got.RPPS != rpps {
		t.Fatalf("the request is on record %s, want the principal %s", got.RPPS, rpps)
	}
	if got.Status != erpps.StatusTransmitted || len(got.History) < 2 {
		t.Fatalf("status %s, history %+v", got.Status, got.History)
	}
	for _, step := range got.History {
		if step.Actor != secretary {
			t.Errorf("step %s→%s recorded actor %+v, want the session's %+v", step.From, step.To, step.Actor, secretary)
		}
	}
}

// TestOpenSessionStartsALocalProfessionalSession: opening a record makes its
// professional the actor; opening another ends the first.
func TestOpenSessionStartsALocalProfessionalSession(t *testing.T) {
	a := mustOpenApp(t)
	if _, err := a.CurrentSession(); erpps.ErrorCode(err) != erpps.EFORBIDDEN {
		t.Fatalf("a session before any record was opened: %v", err)
	}
	rpps := demoRPPS(t, 0)
	s, err := a.OpenSession(rpps)
	if err != nil {
		t.Fatal(err)
	}
	if s.Principal != rpps || s.Actor.Role != erpps.RoleProfessional || s.Actor.ID != rpps || s.ID == "" {
		t.Fatalf("session %+v", s)
	}
	again, err := a.OpenSession(rpps)
	if err != nil || again.ID != s.ID {
		t.Fatalf("reopening the same record made another session: %+v, %v", again, err)
	}
	_, err = a.OpenSession(unknownDemoRPPS)
	wantCode(t, "opening an unknown record", err, erpps.ENOTFOUND)
	_, err = a.OpenSession("10000000008")
	wantCode(t, "opening a real record without a login", err, erpps.EFORBIDDEN)
	if cur, err := a.CurrentSession(); err != nil || cur.ID != s.ID {
		t.Fatalf("a failed opening changed the session: %+v, %v", cur, err)
	}
	if err := a.CloseSession(); err != nil {
		t.Fatal(err)
	}
	if _, err := a.CurrentSession(); erpps.ErrorCode(err) != erpps.EFORBIDDEN {
		t.Fatalf("the session survived CloseSession: %v", err)
	}
}

// TestWriteOnAnotherRecordIsRefused: with a record open, nothing is written
// on another one, and nothing at all with no record open.
func TestWriteOnAnotherRecordIsRefused(t *testing.T) {
	a := mustOpenApp(t)
	mine, other := demoRPPS(t, 0), demoRPPS(t, 1)
	if _, err := a.OpenSession(other); err != nil {
		t.Fatal(err)
	}
	draft := mustView(t)(a.StartRequest(requests.StartInput{RPPS: other, Kind: erpps.KindExerciseName})).Request
	if _, err := a.OpenSession(mine); err != nil {
		t.Fatal(err)
	}
	calls := map[string]func() error{
		"StartRequest": func() error {
			_, err := a.StartRequest(requests.StartInput{RPPS: other, Kind: erpps.KindContact})
			return err
		},
		"SaveDraft": func() error {
			_, err := a.SaveDraft(draft.ID, draft.Revision, exerciseName)
			return err
		},
		"TransmitRequest": func() error { _, err := a.TransmitRequest(draft.ID); return err },
		"WithdrawRequest": func() error { _, err := a.WithdrawRequest(draft.ID, ""); return err },
		"DeleteDraft":     func() error { return a.DeleteDraft(draft.ID) },
		"GetRequest":      func() error { _, err := a.GetRequest(draft.ID); return err },
	}
	for name, call := range calls {
		t.Run(name, func(t *testing.T) {
			wantCode(t, name+" on another record", call(), erpps.EFORBIDDEN)
			clear(a.sessions.owners) // the same, the request read afresh
			wantCode(t, name+" on another record (not cached)", call(), erpps.EFORBIDDEN)
		})
	}
	if err := a.CloseSession(); err != nil {
		t.Fatal(err)
	}
	wantCode(t, "SaveDraft with no record open", calls["SaveDraft"](), erpps.EFORBIDDEN)

	if _, err := a.OpenSession(other); err != nil {
		t.Fatal(err)
	}
	got := mustView(t)(a.GetRequest(draft.ID)).Request
	if got.Revision != draft.Revision || got.Status != erpps.StatusDraft {
		t.Fatalf("a refused write changed the draft: revision %d→%d, %s", draft.Revision, got.Revision, got.Status)
	}
}

// TestSaveDraftRefusesAStaleRevision: the base revision reaches the service.
func TestSaveDraftRefusesAStaleRevision(t *testing.T) {
	a := mustOpenApp(t)
	rpps := demoRPPS(t, 0)
	if _, err := a.OpenSession(rpps); err != nil {
		t.Fatal(err)
	}
	v := mustView(t)(a.StartRequest(requests.StartInput{RPPS: rpps, Kind: erpps.KindExerciseName}))
	base := v.Request.Revision
	saved := mustView(t)(a.SaveDraft(v.Request.ID, base, exerciseName))
	if saved.Request.Revision <= base {
		t.Fatalf("revision %d after a save over %d", saved.Request.Revision, base)
	}
	_, err := a.SaveDraft(v.Request.ID, base, json.RawMessage(`{"exerciseName":"DUPONT","useBirthName":false}`))
	wantCode(t, "a save over a stale revision", err, erpps.ECONFLICT)
	_, err = a.SaveDraft(v.Request.ID, saved.Request.Revision, json.RawMessage(`"texte"`))
	wantCode(t, "a payload that is not an object", err, erpps.EINVALID)
}

// blockingLookup makes LookupStructure wait until its context ends, and
// reports how it ended.
type blockingLookup struct {
	RequestActions
	entered chan struct{}
	ended   chan error
}

func (b blockingLookup) LookupStructure(ctx context.Context, _ requests.StructureLookupBy, _ string) (*erpps.Structure, error) {
	close(b.entered)
	select {
	case <-ctx.Done():
		b.ended <- ctx.Err()
	case <-time.After(10 * time.Second):
		b.ended <- errors.New("still running 10 s after the client went away")
	}
	return nil, ctx.Err()
}

// TestHTTPCallCanceledWhenTheClientGoesAway: a browser-mode call runs on its
// request's context, not on the application's.
func TestHTTPCallCanceledWhenTheClientGoesAway(t *testing.T) {
	a := mustOpenApp(t)
	blocking := blockingLookup{RequestActions: a.deps.Requests, entered: make(chan struct{}), ended: make(chan error, 1)}
	a.deps.Requests = blocking
	srv := withSession(t, serveApp(t, a))

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, srv.URL+"/api/LookupStructure", strings.NewReader(`["siret","73282932000074"]`))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	done := make(chan struct{})
	go func() {
		defer close(done)
		if res, err := srv.Client().Do(req); err == nil {
			res.Body.Close()
		}
	}()
	select {
	case <-blocking.entered:
	case <-time.After(10 * time.Second):
		t.Fatal("the call never reached the service")
	}
	cancel()
	<-done
	if err := <-blocking.ended; !errors.Is(err, context.Canceled) {
		t.Fatalf("the call went on after its client left: %v", err)
	}
}
