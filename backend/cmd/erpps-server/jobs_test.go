package main

import (
	"context"
	"log/slog"
	"net/http/httptest"
	"path/filepath"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"erpps/backend/auth"
	"erpps/backend/erpps"
	"erpps/backend/refdata"
	"erpps/backend/serverdemo"
	"erpps/backend/signing"
)

// The periodic job closes a complement whose deadline passed, as the
// system, without anyone asking.
func TestJobsCloseExpiredComplements(t *testing.T) {
	ctx := context.Background()
	var clock atomic.Pointer[time.Time]
	t0 := time.Now()
	clock.Store(&t0)
	data := t.TempDir()
	c := &config{Data: data, SigningKeyFile: filepath.Join(data, signing.AuthorityFileName), SessionTTL: 30 * 24 * time.Hour,
		now: func() time.Time { return *clock.Load() }}
	a, err := newApp(ctx, c, slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	defer a.close()
	res := seedApp(t, a, c.now)
	srv := httptest.NewServer(a.handler)
	defer srv.Close()
	token, q := busiestAgentQueue(t, srv, res)
	id := q.Items[0].ID
	var cs struct {
		Request struct {
			Status   string `json:"status"`
			Revision int64  `json:"revision"`
		} `json:"request"`
	}
	decide := func(in map[string]any) {
		t.Helper()
		in["baseRevision"] = cs.Request.Revision
		if status, err := call(t, "POST", srv.URL+"/api/v1/requests/"+id+"/decisions", token, in, &cs); err != nil || status != 200 {
			t.Fatalf("%v: %d %v", in, status, err)
		}
	}
	cs.Request.Revision = q.Items[0].Revision
	decide(map[string]any{"action": "take"})
	decide(map[string]any{"action": "complement", "reason": "Joignez le justificatif.", "deadline": t0.AddDate(0, 0, 2).Format("2006-01-02")})

	jobs := func(at time.Time) string {
		clock.Store(&at)
		jobsCtx, cancel := context.WithCancel(ctx)
		var wg sync.WaitGroup
		a.startJobs(jobsCtx, &wg, time.Hour)
		deadline := time.Now().Add(10 * time.Second)
		for {
			call(t, "GET", srv.URL+"/api/v1/cases/"+id, token, nil, &cs)
			if cs.Request.Status == "closed_no_action" || time.Now().After(deadline) {
				break
			}
			time.Sleep(20 * time.Millisecond)
		}
		cancel()
		wg.Wait()
		return cs.Request.Status
	}
	// On the deadline day, the jobs leave it.
	onDeadline := t0.AddDate(0, 0, 2)
	clock.Store(&onDeadline)
	for _, j := range a.jobs {
		if _, err := j.run(ctx); err != nil {
			t.Fatalf("%s: %v", j.name, err)
		}
	}
	call(t, "GET", srv.URL+"/api/v1/cases/"+id, token, nil, &cs)
	if cs.Request.Status != "complement_requested" {
		t.Fatalf("on the deadline: %s", cs.Request.Status)
	}
	if got := jobs(t0.AddDate(0, 0, 3)); got != "closed_no_action" {
		t.Fatalf("the day after the deadline: %s", got)
	}
}

func TestRunEvery(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	calls := make(chan struct{}, 10)
	done := make(chan struct{})
	go func() {
		runEvery(ctx, 5*time.Millisecond, func(context.Context) { calls <- struct{}{} })
		close(done)
	}()
	for range 3 {
		select {
		case <-calls:
		case <-time.After(5 * time.Second):
			t.Fatal("not called again")
		}
	}
	cancel()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("does not stop")
	}
}

// The periodic jobs prune the change log older than the retention: a desktop
// away longer is told to resync from a snapshot.
func TestJobsPruneSyncChanges(t *testing.T) {
	ctx := context.Background()
	var clock atomic.Pointer[time.Time]
	t0 := time.Now()
	clock.Store(&t0)
	data := t.TempDir()
	c := &config{Data: data, SigningKeyFile: filepath.Join(data, signing.AuthorityFileName), SyncRetention: 30 * 24 * time.Hour,
		now: func() time.Time { return *clock.Load() }}
	a, err := newApp(ctx, c, slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	defer a.close()
	cat, _ := refdata.Load()
	res, err := (&serverdemo.Seeder{Store: a.store, Catalog: cat, Hash: auth.HashPassword, Now: c.now}).Seed(ctx)
	if err != nil {
		t.Fatal(err)
	}
	rpps := []string{res.Professionals[0].RPPS}
	// A draft saved after its creation: its first change is superseded.
	me := erpps.Actor{Role: erpps.RoleProfessional, ID: rpps[0], Name: "Pro"}
	draft := &erpps.Request{RPPS: rpps[0], Kind: erpps.KindNewProfession, Payload: []byte(`{}`)}
	if err := a.store.CreateRequest(ctx, draft, me); err != nil {
		t.Fatal(err)
	}
	if _, err := a.store.SaveDraft(ctx, draft.ID, 1, []byte(`{"professionCode":"10"}`), me); err != nil {
		t.Fatal(err)
	}
	// A desktop's mutation handled now (its result kept).
	if _, err := a.store.BindSyncClient(ctx, "desktop-1", "rpps:"+rpps[0]); err != nil {
		t.Fatal(err)
	}
	if err := a.store.RecordMutationResult(ctx, erpps.MutationResult{ClientID: "desktop-1", Seq: 1, MutationID: "m1",
		Outcome: erpps.OutcomeRejected, Code: erpps.EINVALID, Message: "Refusée."}); err != nil {
		t.Fatal(err)
	}
	pruned := 0
	runJobs := func() {
		t.Helper()
		for _, j := range a.jobs {
			n, err := j.run(ctx)
			if err != nil {
				t.Fatalf("%s: %v", j.name, err)
			}
			if j.name == "prune-sync-changes" {
				pruned += n
			}
		}
	}
	runJobs()
	if page, err := a.store.ListChanges(ctx, 0, rpps, 10); err != nil || page.Resync || len(page.Changes) == 0 {
		t.Fatalf("within the retention: %+v %v", page, err)
	}
	if _, err := a.store.FindMutationResult(ctx, "desktop-1", 1); err != nil {
		t.Fatalf("a result within the retention: %v", err)
	}
	later := t0.Add(31 * 24 * time.Hour)
	clock.Store(&later)
	runJobs()
	if page, err := a.store.ListChanges(ctx, 0, rpps, 10); err != nil || !page.Resync || pruned == 0 {
		t.Fatalf("past the retention (%d pruned), a pull from 0: %+v %v", pruned, page, err)
	}
	if _, err := a.store.FindMutationResult(ctx, "desktop-1", 1); erpps.ErrorCode(err) != erpps.ENOTFOUND {
		t.Fatalf("a result past the retention is kept: %v", err)
	}
	if last, err := a.store.BindSyncClient(ctx, "desktop-1", "rpps:"+rpps[0]); err != nil || last != 1 {
		t.Fatalf("the desktop's last seq after pruning: %d %v", last, err)
	}
}
