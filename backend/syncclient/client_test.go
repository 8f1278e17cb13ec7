package syncclient

import (
	"context"
	"errors"
	"math/rand/v2"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"erpps/backend/erpps"
)

// fakeEnv is a client on a fake replica talking to a fake server.
type fakeEnv struct {
	events  *eventLog
	store   *fakeReplica
	server  *fakeServer
	http    *httptest.Server
	client  *Client
	mu      sync.Mutex
	changed []string
	states  []Status
}

func newFakeEnv(t *testing.T, tune func(*Config)) *fakeEnv {
	t.Helper()
	e := &fakeEnv{events: &eventLog{}}
	e.store = newFakeReplica(e.events)
	e.server = newFakeServer(e.events)
	e.http = httptest.NewServer(e.server)
	t.Cleanup(e.http.Close)
	cfg := Config{Store: e.store, BaseURL: e.http.URL, HTTP: e.http.Client(),
		Token:      func(context.Context) (string, error) { return "good", nil },
		Rand:       rand.New(rand.NewPCG(1, 2)),
		MinBackoff: 5 * time.Millisecond, MaxBackoff: 50 * time.Millisecond, Debounce: 20 * time.Millisecond,
		OnChanged: func(ids []string) { e.mu.Lock(); e.changed = append(e.changed, ids...); e.mu.Unlock() },
		OnStatus:  func(s Status) { e.mu.Lock(); e.states = append(e.states, s); e.mu.Unlock() },
	}
	if tune != nil {
		tune(&cfg)
	}
	c, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	e.client = c
	return e
}

func (e *fakeEnv) changedIDs() []string {
	e.mu.Lock()
	defer e.mu.Unlock()
	return append([]string(nil), e.changed...)
}

func (e *fakeEnv) statuses() []Status {
	e.mu.Lock()
	defer e.mu.Unlock()
	return append([]Status(nil), e.states...)
}

// appliedSeqs is the seqs the fake server applied, in its order.
func (e *fakeEnv) appliedSeqs() []int64 {
	e.server.mu.Lock()
	defer e.server.mu.Unlock()
	var out []int64
	for _, m := range e.server.applied {
		out = append(out, m.Seq)
	}
	return out
}

func TestSyncOncePushesInOrderMarkingFirstThenAcks(t *testing.T) {
	e := newFakeEnv(t, func(c *Config) { c.PushBatch = 2 })
	for i := range 5 {
		e.store.add("req-"+string(rune('a'+i)), `{"n":1}`)
	}
	if err := e.client.SyncOnce(context.Background()); err != nil {
		t.Fatal(err)
	}
	want := []string{"mark 2", "push 1,2", "ack 1 applied", "ack 2 applied", "mark 4", "push 3,4", "ack 3 applied", "ack 4 applied",
		"mark 5", "push 5", "ack 5 applied", "pull 0", "apply 5 5"}
	if got := e.events.list(); !slices.Equal(got, want) {
		t.Fatalf("events:\n got %q\nwant %q", got, want)
	}
	if got := e.appliedSeqs(); !slices.Equal(got, []int64{1, 2, 3, 4, 5}) {
		t.Fatalf("applied %v", got)
	}
	st := e.client.Status()
	if st.State != StateOnline || st.Pending != 0 || st.LastSyncAt == nil || st.Error != "" {
		t.Fatalf("status %+v", st)
	}
	// The pull brought this desktop's own writes back: nothing changed.
	if ids := e.changedIDs(); len(ids) != 0 {
		t.Fatalf("OnChanged %v for the desktop's own writes", ids)
	}
	// Another writer's later version is a change.
	e.server.edit("req-a", `{"by":"agent"}`)
	if err := e.client.SyncOnce(context.Background()); err != nil {
		t.Fatal(err)
	}
	if ids := e.changedIDs(); !slices.Equal(ids, []string{"req-a"}) {
		t.Fatalf("OnChanged %v, want req-a", ids)
	}
}

func TestPushResendsFromExpected(t *testing.T) {
	e := newFakeEnv(t, nil)
	e.server.maxApply = 2 // the server stops after two and says where to go on
	for range 5 {
		e.store.add("req-a", `{"n":1}`)
	}
	// The server's versions move with each applied save; base them on it.
	e.store.mu.Lock()
	for i := range e.store.mutations {
		e.store.mutations[i].BaseVersion = int64(i)
	}
	e.store.mu.Unlock()
	if err := e.client.SyncOnce(context.Background()); err != nil {
		t.Fatal(err)
	}
	var pushes []string
	for _, ev := range e.events.list() {
		if strings.HasPrefix(ev, "push ") {
			pushes = append(pushes, ev)
		}
	}
	if want := []string{"push 1,2,3,4,5", "push 3,4,5", "push 5"}; !slices.Equal(pushes, want) {
		t.Fatalf("pushes %q, want %q", pushes, want)
	}
	if got := e.appliedSeqs(); !slices.Equal(got, []int64{1, 2, 3, 4, 5}) {
		t.Fatalf("applied %v", got)
	}
}

func TestPushReplayAfterALostReplyAppliesOnce(t *testing.T) {
	e := newFakeEnv(t, nil)
	e.store.add("req-a", `{"n":1}`)
	e.store.add("req-b", `{"n":2}`)
	// A first delivery reached the server but its reply was lost.
	e.server.mu.Lock()
	e.server.lastSeq["client-1"] = 0
	e.server.mu.Unlock()
	lost := e.server.pushDirect(t, e.store)
	if lost != 2 {
		t.Fatalf("first delivery applied %d", lost)
	}
	if err := e.client.SyncOnce(context.Background()); err != nil {
		t.Fatal(err)
	}
	if got := e.appliedSeqs(); !slices.Equal(got, []int64{1, 2}) {
		t.Fatalf("applied %v, want each once", got)
	}
	if st := e.client.Status(); st.Pending != 0 {
		t.Fatalf("pending %d after the replay's stored results", st.Pending)
	}
}

func TestPushServerMissingOlderSeqFailsWithoutLooping(t *testing.T) {
	e := newFakeEnv(t, nil)
	e.store.mu.Lock()
	e.store.nextSeq = 4 // seqs 1-3 are gone from the desktop, the server never had them
	e.store.mu.Unlock()
	e.store.add("req-a", `{}`)
	err := e.client.SyncOnce(context.Background())
	if erpps.ErrorCode(err) != erpps.EINTERNAL {
		t.Fatalf("err %v, want internal", err)
	}
	if st := e.client.Status(); st.State != StateOffline || st.Error == "" {
		t.Fatalf("status %+v", st)
	}
}

func TestRejectedAndConflictNeverBlockTheQueue(t *testing.T) {
	e := newFakeEnv(t, nil)
	e.server.edit("req-c", `{"by":"other"}`) // version 1 on the server
	e.store.add("req-a", `{"n":1}`)
	e.store.add("req-b", `{"reject":true}`)
	e.store.add("req-c", `{"mine":true}`) // based on version 0: conflict
	e.store.add("req-d", `{"n":4}`)
	if err := e.client.SyncOnce(context.Background()); err != nil {
		t.Fatal(err)
	}
	if got := e.appliedSeqs(); !slices.Equal(got, []int64{1, 4}) {
		t.Fatalf("applied %v", got)
	}
	aside, _ := e.store.ListSetAside(context.Background())
	if len(aside) != 2 || aside[0].Status != erpps.PendingRejected || aside[1].Status != erpps.PendingConflict {
		t.Fatalf("set aside %+v", aside)
	}
	st := e.client.Status()
	if st.Pending != 0 || st.SetAside != 2 || st.State != StateOnline {
		t.Fatalf("status %+v", st)
	}
	ids := e.changedIDs()
	for _, id := range []string{"req-b", "req-c"} {
		if !slices.Contains(ids, id) {
			t.Fatalf("OnChanged %v lacks %s", ids, id)
		}
	}
}

func TestPullPagesUntilNoMore(t *testing.T) {
	e := newFakeEnv(t, func(c *Config) { c.PullLimit = 3 })
	for _, id := range []string{"r1", "r2", "r3", "r4", "r5", "r6", "r7"} {
		e.server.edit(id, `{}`)
	}
	if err := e.client.SyncOnce(context.Background()); err != nil {
		t.Fatal(err)
	}
	want := []string{"pull 0", "apply 3 3", "pull 3", "apply 3 6", "pull 6", "apply 1 7"}
	if got := e.events.list(); !slices.Equal(got, want) {
		t.Fatalf("events %q, want %q", got, want)
	}
	if got := e.changedIDs(); len(got) != 7 {
		t.Fatalf("OnChanged %v", got)
	}
	// Nothing new: one pull, the last sync recorded.
	if err := e.client.SyncOnce(context.Background()); err != nil {
		t.Fatal(err)
	}
	if got := e.events.list(); !slices.Equal(got[len(want):], []string{"pull 7", "apply 0 7"}) {
		t.Fatalf("second sync %q", got[len(want):])
	}
}

func TestResyncTakesTheSnapshotThenPulls(t *testing.T) {
	e := newFakeEnv(t, nil)
	e.server.edit("r1", `{}`)
	e.server.edit("r2", `{}`)
	e.server.horizon = 1 // the log no longer reaches cursor 0
	if err := e.client.SyncOnce(context.Background()); err != nil {
		t.Fatal(err)
	}
	want := []string{"pull 0", "snapshot 2", "pull 2", "apply 0 2"}
	if got := e.events.list(); !slices.Equal(got, want) {
		t.Fatalf("events %q, want %q", got, want)
	}
	if e.store.snapshots != 1 || len(e.store.pulled) != 2 {
		t.Fatalf("snapshots %d, requests %d", e.store.snapshots, len(e.store.pulled))
	}
}

func TestUnauthorizedToken(t *testing.T) {
	for _, tc := range []struct {
		name  string
		token func(context.Context) (string, error)
	}{
		{"refused by the server", func(context.Context) (string, error) { return "expired", nil }},
		{"no token", func(context.Context) (string, error) { return "", nil }},
		{"not signed in", func(context.Context) (string, error) {
			return "", erpps.Errorf(erpps.EUNAUTHORIZED, "Connectez-vous.")
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e := newFakeEnv(t, func(c *Config) { c.Token = tc.token })
			e.store.add("req-a", `{}`)
			err := e.client.SyncOnce(context.Background())
			if erpps.ErrorCode(err) != erpps.EUNAUTHORIZED {
				t.Fatalf("err %v", err)
			}
			st := e.client.Status()
			if st.State != StateUnauthorized || st.Error == "" || st.Pending != 1 {
				t.Fatalf("status %+v", st)
			}
			if got := e.appliedSeqs(); len(got) != 0 {
				t.Fatalf("applied %v", got)
			}
		})
	}
}

func TestBackoffScheduleFullJitter(t *testing.T) {
	newClient := func(seed uint64) *Client {
		c, err := New(Config{Store: newFakeReplica(&eventLog{}), BaseURL: "http://127.0.0.1:1",
			Token: func(context.Context) (string, error) { return "x", nil }, Rand: rand.New(rand.NewPCG(seed, seed))})
		if err != nil {
			t.Fatal(err)
		}
		return c
	}
	c := newClient(7)
	ceilings := []time.Duration{500 * time.Millisecond, time.Second, 2 * time.Second, 4 * time.Second, 8 * time.Second,
		16 * time.Second, 32 * time.Second, 60 * time.Second, 60 * time.Second, 60 * time.Second}
	for attempt, ceil := range ceilings {
		var lo, hi time.Duration = time.Hour, 0
		for range 200 {
			d := c.Backoff(attempt + 1)
			if d < 250*time.Millisecond || d > ceil {
				t.Fatalf("attempt %d: %v outside [250ms, %v]", attempt+1, d, ceil)
			}
			lo, hi = min(lo, d), max(hi, d)
		}
		// Full jitter: the draws spread over the whole window.
		window := ceil - 250*time.Millisecond
		if lo > 250*time.Millisecond+window/5 || hi < ceil-window/5 {
			t.Fatalf("attempt %d: draws in [%v, %v], not spread over [250ms, %v]", attempt+1, lo, hi, ceil)
		}
	}
	if d := c.Backoff(1000); d > 60*time.Second {
		t.Fatalf("attempt 1000: %v", d)
	}
	a, b := newClient(3), newClient(3)
	for i := 1; i < 20; i++ {
		if a.Backoff(i) != b.Backoff(i) {
			t.Fatal("the same seed gave another schedule")
		}
	}
}

func TestNotifyNeverBlocks(t *testing.T) {
	e := newFakeEnv(t, nil)
	done := make(chan struct{})
	go func() {
		for range 10000 {
			e.client.Notify()
		}
		close(done)
	}()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("Notify blocked without Run")
	}
}

// eventually waits for cond, failing after d.
func eventually(t *testing.T, d time.Duration, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(d)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("after %v: %s", d, what)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// runClient runs c until the test ends.
func runClient(t *testing.T, c *Client) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- c.Run(ctx) }()
	t.Cleanup(func() {
		cancel()
		if err := <-done; !errors.Is(err, context.Canceled) {
			t.Errorf("Run returned %v", err)
		}
	})
}

func TestRunPushesSoonAfterNotifyAndPullsWhatTheLongPollTells(t *testing.T) {
	e := newFakeEnv(t, nil)
	e.server.wait = 20 * time.Second // only news ends a long-poll in this test
	runClient(t, e.client)
	eventually(t, 5*time.Second, "online", func() bool { return e.client.Status().State == StateOnline })

	e.store.add("req-a", `{"n":1}`)
	e.client.Notify()
	eventually(t, 5*time.Second, "the mutation pushed after Notify", func() bool { return len(e.appliedSeqs()) == 1 })

	e.server.edit("req-other", `{"by":"agent"}`)
	eventually(t, 5*time.Second, "the server's change pulled", func() bool {
		return slices.Contains(e.changedIDs(), "req-other")
	})
	eventually(t, 5*time.Second, "status pending 0", func() bool {
		st := e.client.Status()
		return st.State == StateOnline && st.Pending == 0
	})
}

func TestNotifyBurstIsOnePush(t *testing.T) {
	e := newFakeEnv(t, func(c *Config) { c.Debounce = 300 * time.Millisecond })
	e.server.wait = 20 * time.Second
	runClient(t, e.client)
	eventually(t, 5*time.Second, "online", func() bool { return e.client.Status().State == StateOnline })
	for i := range 20 {
		e.store.add("req-"+string(rune('a'+i)), `{}`)
		e.client.Notify()
	}
	eventually(t, 5*time.Second, "the burst pushed", func() bool { return len(e.appliedSeqs()) == 20 })
	e.server.mu.Lock()
	pushes := len(e.server.pushes)
	e.server.mu.Unlock()
	if pushes != 1 {
		t.Fatalf("%d pushes for a burst of 20 Notify within the debounce", pushes)
	}
}

func TestWithoutLongPollItPollsWithBackoff(t *testing.T) {
	e := newFakeEnv(t, nil)
	e.server.noWait = true
	runClient(t, e.client)
	eventually(t, 5*time.Second, "online", func() bool { return e.client.Status().State == StateOnline })
	e.server.edit("req-agent", `{}`)
	eventually(t, 5*time.Second, "the change pulled by polling", func() bool {
		return slices.Contains(e.changedIDs(), "req-agent")
	})
	if st := e.client.Status(); st.State != StateOnline {
		t.Fatalf("status %+v: a server without long-poll is still online", st)
	}
}

func TestChangesOthersSeeDoNotMakeAPullLoop(t *testing.T) {
	e := newFakeEnv(t, nil)
	e.server.wait = 20 * time.Second
	runClient(t, e.client)
	eventually(t, 5*time.Second, "online", func() bool { return e.client.Status().State == StateOnline })
	e.server.foreign() // the long-poll wakes; the pull brings nothing, the cursor stays
	eventually(t, 5*time.Second, "a pull after the news", func() bool { return e.events.count("pull ") >= 2 })
	time.Sleep(300 * time.Millisecond)
	if n := e.events.count("pull "); n != 2 {
		t.Fatalf("%d pulls: the long-poll keeps waking on a change already seen", n)
	}
}

func TestALongPollAnsweredResetsItsBackoff(t *testing.T) {
	e := newFakeEnv(t, func(c *Config) { c.MaxBackoff = 10 * time.Second })
	e.server.flaky, e.server.wait = true, 10*time.Millisecond
	runClient(t, e.client)
	time.Sleep(time.Second)
	e.server.mu.Lock()
	waits := e.server.waits
	e.server.mu.Unlock()
	// Each failure follows an answered long-poll: the retry comes within
	// 10 ms (first step), not after a delay growing towards 10 s.
	t.Logf("%d long-polls", waits)
	if waits < 30 {
		t.Fatalf("%d long-polls in 1 s: the backoff kept growing across answered long-polls", waits)
	}
}
