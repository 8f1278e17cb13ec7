package app

import (
	"bufio"
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"erpps/backend/erpps"
	"erpps/backend/requests"
)

// recordedEvent is one event a fakeEmitter received.
type recordedEvent struct {
	name    string
	payload any
}

// fakeEmitter records the events instead of sending them.
type fakeEmitter struct {
	mu     sync.Mutex
	events []recordedEvent
}

func (f *fakeEmitter) Emit(name string, payload any) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.events = append(f.events, recordedEvent{name, payload})
}

func (f *fakeEmitter) take() []recordedEvent {
	f.mu.Lock()
	defer f.mu.Unlock()
	out := f.events
	f.events = nil
	return out
}

// TestAppEmitsEvents: every write of a request says so; a session that ends
// says so.
func TestAppEmitsEvents(t *testing.T) {
	a := mustOpenApp(t)
	fake := &fakeEmitter{}
	a.events = fake
	first, second := demoRPPS(t, 0), demoRPPS(t, 1)
	s := mustSession(t, a, first)
	if got := fake.take(); len(got) != 0 {
		t.Fatalf("opening the first record emitted %+v", got)
	}

	v := mustView(t)(a.StartRequest(requests.StartInput{RPPS: first, Kind: erpps.KindExerciseName}))
	id := v.Request.ID
	resumed := mustView(t)(a.StartRequest(requests.StartInput{RPPS: first, Kind: erpps.KindExerciseName}))
	saved := mustView(t)(a.SaveDraft(id, resumed.Request.Revision, exerciseName))
	sent := mustView(t)(a.TransmitRequest(id))
	withdrawn := mustView(t)(a.WithdrawRequest(id, "Erreur de saisie"))
	other := mustView(t)(a.StartRequest(requests.StartInput{RPPS: first, Kind: erpps.KindExerciseName}))
	if err := a.DeleteDraft(other.Request.ID); err != nil {
		t.Fatal(err)
	}
	_, _ = a.SaveDraft(id, 0, exerciseName) // refused: nothing written, nothing said
	want := []recordedEvent{
		{EventRequestChanged, RequestChanged{ID: id, Revision: v.Request.Revision, Status: erpps.StatusDraft}},
		{EventRequestChanged, RequestChanged{ID: id, Revision: saved.Request.Revision, Status: erpps.StatusDraft}},
		{EventRequestChanged, RequestChanged{ID: id, Revision: sent.Request.Revision, Status: erpps.StatusTransmitted}},
		{EventRequestChanged, RequestChanged{ID: id, Revision: withdrawn.Request.Revision, Status: erpps.StatusWithdrawn}},
		{EventRequestChanged, RequestChanged{ID: other.Request.ID, Revision: other.Request.Revision, Status: erpps.StatusDraft}},
		{EventRequestChanged, RequestChanged{ID: other.Request.ID, Deleted: true}},
	}
	assertEvents(t, "the writes", fake.take(), want)

	mustSession(t, a, second)
	assertEvents(t, "opening another record", fake.take(), []recordedEvent{{EventSessionEnded, &SessionEnded{ID: s.ID, Principal: first, Reason: EndReplaced}}})
	cur, _ := a.CurrentSession()
	if err := a.CloseSession(); err != nil {
		t.Fatal(err)
	}
	assertEvents(t, "closing the session", fake.take(), []recordedEvent{{EventSessionEnded, &SessionEnded{ID: cur.ID, Principal: second, Reason: EndClosed}}})
	if err := a.CloseSession(); err != nil {
		t.Fatal(err)
	}
	assertEvents(t, "closing no session", fake.take(), nil)
}

func mustSession(t *testing.T, a *App, rpps string) *Session {
	t.Helper()
	s, err := a.OpenSession(rpps)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func assertEvents(t *testing.T, what string, got, want []recordedEvent) {
	t.Helper()
	enc := func(list []recordedEvent) string {
		b, _ := json.Marshal(func() []any {
			out := []any{}
			for _, e := range list {
				out = append(out, []any{e.name, e.payload})
			}
			return out
		}())
		return string(b)
	}
	if enc(got) != enc(want) {
		t.Fatalf("%s emitted\n%s\nwant\n%s", what, enc(got), enc(want))
	}
}

// sseEvent is one event read from a text/event-stream.
type sseEvent struct{ name, data string }

// readEvents parses a text/event-stream into ch (comments as name ":").
func readEvents(body *bufio.Reader, ch chan<- sseEvent) {
	defer close(ch)
	var ev sseEvent
	for {
		line, err := body.ReadString('\n')
		if err != nil {
			return
		}
		line = strings.TrimRight(line, "\n")
		switch {
		case line == "":
			if ev.name != "" {
				ch <- ev
			}
			ev = sseEvent{}
		case strings.HasPrefix(line, ":"):
			ch <- sseEvent{name: ":", data: line}
		case strings.HasPrefix(line, "event: "):
			ev.name = strings.TrimPrefix(line, "event: ")
		case strings.HasPrefix(line, "data: "):
			ev.data = strings.TrimPrefix(line, "data: ")
		}
	}
}

// nextEvent returns the next event named name, skipping the others.
func nextEvent(t *testing.T, ch <-chan sseEvent, name string) sseEvent {
	t.Helper()
	deadline := time.After(10 * time.Second)
	for {
		select {
		case ev, ok := <-ch:
			if !ok {
				t.Fatalf("the stream ended before %s", name)
			}
			if ev.name == name {
				return ev
			}
		case <-deadline:
			t.Fatalf("no %s within 10 s", name)
		}
	}
}

// TestEventStreamDeliversRequestChanged: a browser subscribed to
// /api/events over a real loopback connection gets the sync state, then the
// request:changed of a save made by another tab; a heartbeat keeps it open;
// it is let go when the client leaves and closed when the application stops.
func TestEventStreamDeliversRequestChanged(t *testing.T) {
	ctx, stop := context.WithCancel(context.Background())
	defer stop()
	a, closeFn, err := Open(ctx, Config{DataDir: t.TempDir(), Mode: ModeWeb, Demo: true, Version: "test"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = closeFn() })
	stream := a.events.(*EventStream)
	stream.Heartbeat = 50 * time.Millisecond
	srv := withSession(t, serveApp(t, a))

	subscribe := func(ctx context.Context) (chan sseEvent, *http.Response) {
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, srv.URL+"/api/events", nil)
		if err != nil {
			t.Fatal(err)
		}
		req.Header.Set("Sec-Fetch-Site", "same-origin")
		req.Header.Set("Accept", "text/event-stream")
		res, err := srv.Client().Do(req)
		if err != nil {
			t.Fatal(err)
		}
		if res.StatusCode != http.StatusOK || !strings.HasPrefix(res.Header.Get("Content-Type"), "text/event-stream") {
			t.Fatalf("GET /api/events: %d %s", res.StatusCode, res.Header.Get("Content-Type"))
		}
		ch := make(chan sseEvent, 100)
		go readEvents(bufio.NewReader(res.Body), ch)
		return ch, res
	}
	// Behind the same checks as the methods: no cookie, no events.
	if res, err := http.Get(srv.URL + "/api/events"); err != nil || res.StatusCode != http.StatusUnauthorized {
		t.Fatalf("GET /api/events without the session cookie: %v %v", res, err)
	}
	tabCtx, leave := context.WithCancel(context.Background())
	defer leave()
	events, res := subscribe(tabCtx)
	defer res.Body.Close()
	if ev := nextEvent(t, events, EventSyncState); ev.data != `{"state":"local"}` {
		t.Fatalf("initial sync state %s", ev.data)
	}
	nextEvent(t, events, ":") // the heartbeat

	rpps := demoRPPS(t, 0)
	for _, call := range [][2]string{{"OpenSession", `["` + rpps + `"]`}} {
		if res, body := post(t, srv, call[0], call[1], nil); res.StatusCode != http.StatusOK {
			t.Fatalf("%s: %d %s", call[0], res.StatusCode, body)
		}
	}
	_, body := post(t, srv, "StartRequest", `[{"rpps":"`+rpps+`","kind":"exercise_name"}]`, nil)
	var started requests.View
	if err := json.Unmarshal(body, &started); err != nil || started.Request == nil {
		t.Fatalf("StartRequest: %s", body)
	}
	var first RequestChanged
	if err := json.Unmarshal([]byte(nextEvent(t, events, EventRequestChanged).data), &first); err != nil || first.ID != started.Request.ID {
		t.Fatalf("request:changed of the start: %+v, %v", first, err)
	}
	args, _ := json.Marshal([]any{started.Request.ID, started.Request.Revision, json.RawMessage(exerciseName)})
	res2, body := post(t, srv, "SaveDraft", string(args), nil)
	if res2.StatusCode != http.StatusOK {
		t.Fatalf("SaveDraft: %d %s", res2.StatusCode, body)
	}
	var saved requests.View
	_ = json.Unmarshal(body, &saved)
	var change RequestChanged
	if err := json.Unmarshal([]byte(nextEvent(t, events, EventRequestChanged).data), &change); err != nil {
		t.Fatal(err)
	}
	if want := (RequestChanged{ID: started.Request.ID, Revision: saved.Request.Revision, Status: erpps.StatusDraft}); change != want || want.Revision <= started.Request.Revision {
		t.Fatalf("request:changed %+v, want %+v", change, want)
	}

	// The client leaves: its subscription goes.
	leave()
	waitFor(t, "the subscriber let go", func() bool { return stream.subscribers() == 0 })

	// The application stops: open streams end.
	events, res = subscribe(context.Background())
	defer res.Body.Close()
	nextEvent(t, events, EventSyncState)
	stop()
	nextEvent(t, events, EventSessionEnded)
	select {
	case _, ok := <-events:
		for ok {
			_, ok = <-events
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the stream stayed open after shutdown")
	}
	if res, _ := srv.Client().Get(srv.URL + "/api/events"); res != nil && res.StatusCode != http.StatusServiceUnavailable {
		t.Fatalf("a subscription after shutdown: %d", res.StatusCode)
	}
}

func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		if cond() {
			return
		}
	}
	t.Fatalf("%s: not within 10 s", what)
}

// TestEventStreamDropsALaggingSubscriber: Emit never waits for a client.
func TestEventStreamDropsALaggingSubscriber(t *testing.T) {
	s := NewEventStream()
	ch, ok := s.subscribe()
	if !ok {
		t.Fatal("subscribe refused")
	}
	for i := 0; i <= subscriberBuffer; i++ {
		s.Emit(EventRequestChanged, RequestChanged{ID: "r", Revision: int64(i)})
	}
	if s.subscribers() != 0 {
		t.Fatal("a subscriber that does not read is kept")
	}
	n := 0
	for range ch {
		n++
	}
	if n != subscriberBuffer {
		t.Fatalf("%d events buffered, want %d", n, subscriberBuffer)
	}
}

// pairActions plays the two requests of a moved cabinet: the new activity
// "na" and, once it is transmitted, the cessation "ce" linked to it, which
// the store writes in the same transaction (and withdraws with it).
type pairActions struct {
	RequestActions
	rpps   string
	status erpps.RequestStatus
}

func (p *pairActions) pair() (na, ce *erpps.Request) {
	na = &erpps.Request{ID: "na", RPPS: p.rpps, Kind: erpps.KindNewActivity, Status: p.status, Revision: 3}
	ce = &erpps.Request{ID: "ce", RPPS: p.rpps, Kind: erpps.KindCeaseActivity, Status: p.status, Revision: 2, LinkedRequestID: "na"}
	return na, ce
}

func (p *pairActions) view(id string) *requests.View {
	na, ce := p.pair()
	if id == "ce" {
		return &requests.View{Request: ce}
	}
	return &requests.View{Request: na}
}

func (p *pairActions) Get(_ context.Context, id string, _ erpps.Actor) (*requests.View, error) {
	return p.view(id), nil
}

func (p *pairActions) Transmit(_ context.Context, id string, _ erpps.Actor) (*requests.View, error) {
	p.status = erpps.StatusTransmitted
	return p.view(id), nil
}

func (p *pairActions) Withdraw(_ context.Context, id string, _ erpps.Actor, _ string) (*requests.View, error) {
	p.status = erpps.StatusWithdrawn
	return p.view(id), nil
}

func (p *pairActions) ListItems(_ context.Context, f erpps.RequestFilter, _ erpps.Actor) ([]*requests.Item, error) {
	na, ce := p.pair()
	var out []*requests.Item
	for _, r := range []*erpps.Request{na, ce, {ID: "other", RPPS: p.rpps, Kind: erpps.KindCeaseActivity, Status: erpps.StatusDraft}} {
		if r.RPPS == f.RPPS && (f.Kind == "" || r.Kind == f.Kind) {
			out = append(out, &requests.Item{Request: r})
		}
	}
	return out, nil
}

// TestMovedCabinetPairEmitsBoth: transmitting or withdrawing one request of a
// moved cabinet says that both changed, so that a window showing the other
// one refreshes too.
func TestMovedCabinetPairEmitsBoth(t *testing.T) {
	a := mustOpenApp(t)
	fake := &fakeEmitter{}
	a.events = fake
	rpps := demoRPPS(t, 0)
	mustSession(t, a, rpps)
	a.deps.Requests = &pairActions{RequestActions: a.deps.Requests, rpps: rpps, status: erpps.StatusDraft}

	mustView(t)(a.TransmitRequest("na"))
	assertEvents(t, "transmitting the new activity", fake.take(), []recordedEvent{
		{EventRequestChanged, RequestChanged{ID: "na", Revision: 3, Status: erpps.StatusTransmitted}},
		{EventRequestChanged, RequestChanged{ID: "ce", Revision: 2, Status: erpps.StatusTransmitted}},
	})
	mustView(t)(a.WithdrawRequest("ce", ""))
	assertEvents(t, "withdrawing the cessation", fake.take(), []recordedEvent{
		{EventRequestChanged, RequestChanged{ID: "ce", Revision: 2, Status: erpps.StatusWithdrawn}},
		{EventRequestChanged, RequestChanged{ID: "na", Revision: 3, Status: erpps.StatusWithdrawn}},
	})
}
