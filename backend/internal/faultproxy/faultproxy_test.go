package faultproxy

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"
)

// upstream is a server behind the proxy recording the complete requests it
// got, in order.
type upstream struct {
	*httptest.Server
	mu     sync.Mutex
	bodies []string // complete bodies, in arrival order
	broken int      // requests whose body could not be read whole
}

func newUpstream(t *testing.T) *upstream {
	t.Helper()
	u := &upstream{}
	u.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, err := io.ReadAll(r.Body)
		u.mu.Lock()
		if err != nil {
			u.broken++
			u.mu.Unlock()
			return
		}
		u.bodies = append(u.bodies, string(b))
		u.mu.Unlock()
		w.Header().Set("X-Seen", r.Method+" "+r.URL.RequestURI()+" "+r.Header.Get("Authorization"))
		w.WriteHeader(http.StatusCreated)
		_, _ = fmt.Fprintf(w, "echo:%s:%s", b, strings.Repeat("x", 64))
	}))
	t.Cleanup(u.Close)
	return u
}

func (u *upstream) seen() []string {
	u.mu.Lock()
	defer u.mu.Unlock()
	return append([]string(nil), u.bodies...)
}

func newProxy(t *testing.T, cfg Config) *Proxy {
	t.Helper()
	p, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = p.Close() })
	return p
}

// post sends body to the proxy on a fresh connection and reads the whole
// answer.
func post(p *Proxy, body string) (int, string, error) {
	c := &http.Client{Transport: &http.Transport{DisableKeepAlives: true}, Timeout: 5 * time.Second}
	req, _ := http.NewRequest(http.MethodPost, p.URL()+"/api/v1/sync/push?x=1", strings.NewReader(body))
	req.Header.Set("Authorization", "Bearer t")
	resp, err := c.Do(req)
	if err != nil {
		return 0, "", err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b), err
}

func TestForwardsUntouchedWithoutFaults(t *testing.T) {
	u := newUpstream(t)
	var mu sync.Mutex
	var answers []Answer
	p := newProxy(t, Config{Seed: 1, Targets: []string{u.URL}, OnAnswer: func(a Answer) {
		mu.Lock()
		answers = append(answers, a)
		mu.Unlock()
	}})
	c := &http.Client{Timeout: 5 * time.Second}
	req, _ := http.NewRequest(http.MethodPost, p.URL()+"/api/v1/sync/push?x=1", strings.NewReader("hello"))
	req.Header.Set("Authorization", "Bearer t")
	resp, err := c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusCreated || !strings.HasPrefix(string(b), "echo:hello:") {
		t.Fatalf("got %d %q", resp.StatusCode, b)
	}
	if got := resp.Header.Get("X-Seen"); got != "POST /api/v1/sync/push?x=1 Bearer t" {
		t.Fatalf("upstream saw %q", got)
	}
	if got := u.seen(); len(got) != 1 || got[0] != "hello" {
		t.Fatalf("upstream bodies %q", got)
	}
	mu.Lock()
	defer mu.Unlock()
	if len(answers) != 1 || answers[0].Status != http.StatusCreated || answers[0].Path != "/api/v1/sync/push" || answers[0].N != 1 || answers[0].Fault != None {
		t.Fatalf("answers %+v", answers)
	}
	if p.Count(None) != 1 || p.Requests() != 1 {
		t.Fatalf("counts %v", p.Counts())
	}
}

func TestEachFault(t *testing.T) {
	tests := []struct {
		name       string
		faults     Faults
		fault      Fault
		clientOK   bool     // the client gets the whole answer
		upstream   []string // complete bodies the upstream got
		brokenSeen bool     // the upstream saw a broken body
	}{
		{"drop request", Faults{DropRequest: 1}, DropRequest, false, nil, false},
		{"drop response", Faults{DropResponse: 1}, DropResponse, false, []string{"m1"}, false},
		{"duplicate", Faults{Duplicate: 1}, Duplicate, true, []string{"m1", "m1"}, false},
		{"cut request", Faults{CutRequest: 1}, CutRequest, false, nil, true},
		{"cut response", Faults{CutResponse: 1}, CutResponse, false, []string{"m1"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			u := newUpstream(t)
			p := newProxy(t, Config{Seed: 3, Faults: tt.faults, Targets: []string{u.URL}})
			status, body, err := post(p, "m1")
			ok := err == nil && status == http.StatusCreated && strings.HasPrefix(body, "echo:m1:")
			if ok != tt.clientOK {
				t.Fatalf("client got %d %q %v, want ok=%v", status, body, err, tt.clientOK)
			}
			if tt.fault == CutResponse && (err == nil || body == "" || !errors.Is(err, io.ErrUnexpectedEOF)) {
				t.Fatalf("cut response: got %q %v, want half a body and an unexpected EOF", body, err)
			}
			// The upstream may still be reading a cut body: wait for it.
			deadline := time.Now().Add(2 * time.Second)
			for tt.brokenSeen && time.Now().Before(deadline) {
				u.mu.Lock()
				b := u.broken
				u.mu.Unlock()
				if b > 0 {
					break
				}
				time.Sleep(5 * time.Millisecond)
			}
			if got := u.seen(); strings.Join(got, ",") != strings.Join(tt.upstream, ",") {
				t.Fatalf("upstream got %q, want %q", got, tt.upstream)
			}
			u.mu.Lock()
			broken := u.broken
			u.mu.Unlock()
			if (broken > 0) != tt.brokenSeen {
				t.Fatalf("upstream broken bodies %d, want some=%v", broken, tt.brokenSeen)
			}
			if p.Count(tt.fault) != 1 {
				t.Fatalf("counts %v", p.Counts())
			}
		})
	}
}

func TestReorderDeliversAfterTheNext(t *testing.T) {
	u := newUpstream(t)
	p := newProxy(t, Config{Seed: 5, Targets: []string{u.URL}, HoldMax: 5 * time.Second,
		Faults: Faults{Reorder: 1}})
	first := make(chan error, 1)
	go func() {
		_, _, err := post(p, "first")
		first <- err
	}()
	// Wait until the first request is held.
	deadline := time.Now().Add(2 * time.Second)
	for {
		p.mu.Lock()
		held := p.held != nil
		p.mu.Unlock()
		if held {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the first request was never held")
		}
		time.Sleep(time.Millisecond)
	}
	// The second one is not held (one at a time) and releases the first.
	if _, _, err := post(p, "second"); err != nil {
		t.Fatal(err)
	}
	if err := <-first; err != nil {
		t.Fatal(err)
	}
	if got := u.seen(); strings.Join(got, ",") != "second,first" {
		t.Fatalf("upstream order %q, want second,first", got)
	}
	if p.Count(Reorder) != 2 {
		t.Fatalf("counts %v", p.Counts())
	}
}

func TestReorderAloneGoesAfterHoldMax(t *testing.T) {
	u := newUpstream(t)
	p := newProxy(t, Config{Seed: 5, Targets: []string{u.URL}, HoldMax: 30 * time.Millisecond, Faults: Faults{Reorder: 1}})
	start := time.Now()
	if _, _, err := post(p, "alone"); err != nil {
		t.Fatal(err)
	}
	if d := time.Since(start); d < 30*time.Millisecond {
		t.Fatalf("delivered after %v, before HoldMax", d)
	}
	if got := u.seen(); len(got) != 1 {
		t.Fatalf("upstream got %q", got)
	}
}

func TestLatencySpike(t *testing.T) {
	u := newUpstream(t)
	p := newProxy(t, Config{Seed: 9, Targets: []string{u.URL}, Faults: Faults{Delay: 1, MaxDelay: 200 * time.Millisecond}})
	var total time.Duration
	for i := range 5 {
		start := time.Now()
		if _, _, err := post(p, fmt.Sprint(i)); err != nil {
			t.Fatal(err)
		}
		total += time.Since(start)
	}
	// Five delays uniform in (0, 200 ms]: below 50 ms in all is (1/4)^5 ≈ 0.1%,
	// and the seed is fixed.
	if total < 50*time.Millisecond {
		t.Fatalf("5 requests took %v in all: no latency added", total)
	}
}

// faultSequence sends n requests one by one and returns the fault each got.
func faultSequence(t *testing.T, seed uint64, f Faults, n int) []Fault {
	t.Helper()
	u := newUpstream(t)
	var mu sync.Mutex
	got := make([]Fault, 0, n)
	p := newProxy(t, Config{Seed: seed, Faults: f, Targets: []string{u.URL}})
	for i := range n {
		before := make([]int64, numFaults)
		for k := range before {
			before[k] = p.Count(Fault(k))
		}
		_, _, _ = post(p, fmt.Sprint(i))
		for k := range before {
			if p.Count(Fault(k)) > before[k] {
				mu.Lock()
				got = append(got, Fault(k))
				mu.Unlock()
			}
		}
	}
	return got
}

func TestSameSeedSameFaults(t *testing.T) {
	f := Flaky
	f.Reorder, f.Delay = 0, 0 // one client in sequence: no next request to release a held one
	a := faultSequence(t, 42, f, 150)
	b := faultSequence(t, 42, f, 150)
	c := faultSequence(t, 43, f, 150)
	if fmt.Sprint(a) != fmt.Sprint(b) {
		t.Fatalf("same seed, different faults:\n%v\n%v", a, b)
	}
	if fmt.Sprint(a) == fmt.Sprint(c) {
		t.Fatal("another seed gave the same faults")
	}
	counts := map[Fault]int{}
	for _, x := range a {
		counts[x]++
	}
	// 150 draws: each fault of probability ≥ 6% shows up, and about half
	// the requests go through untouched.
	for _, x := range []Fault{DropRequest, DropResponse, Duplicate, CutRequest, CutResponse} {
		if counts[x] == 0 {
			t.Errorf("fault %v never drawn in 150 requests: %v", x, counts)
		}
	}
	if counts[None] < 40 || counts[None] > 110 {
		t.Errorf("%d requests untouched out of 150: %v", counts[None], counts)
	}
}

func TestDownAndTargets(t *testing.T) {
	u1, u2 := newUpstream(t), newUpstream(t)
	p := newProxy(t, Config{Seed: 1, Targets: []string{u1.URL}})
	p.SetDown(true)
	if _, _, err := post(p, "a"); err == nil {
		t.Fatal("a request went through a proxy down")
	}
	if len(u1.seen()) != 0 || p.Count(Down) != 1 {
		t.Fatalf("upstream %q, counts %v", u1.seen(), p.Counts())
	}
	p.SetDown(false)
	if _, _, err := post(p, "b"); err != nil {
		t.Fatal(err)
	}
	// The server restarts elsewhere: the old one is gone, the new one answers.
	u1.Close()
	status, _, err := post(p, "c")
	if err != nil || status != http.StatusBadGateway {
		t.Fatalf("dead server: %d %v, want 502", status, err)
	}
	p.SetTargets(u2.URL)
	if _, _, err := post(p, "d"); err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(u1.seen(), u2.seen()) != "[b] [d]" {
		t.Fatalf("upstreams got %q and %q", u1.seen(), u2.seen())
	}
}

func TestSeveralTargetsShareTheLoad(t *testing.T) {
	u1, u2 := newUpstream(t), newUpstream(t)
	p := newProxy(t, Config{Seed: 11, Targets: []string{u1.URL, u2.URL}})
	for i := range 40 {
		if _, _, err := post(p, fmt.Sprint(i)); err != nil {
			t.Fatal(err)
		}
	}
	if len(u1.seen()) == 0 || len(u2.seen()) == 0 || len(u1.seen())+len(u2.seen()) != 40 {
		t.Fatalf("split %d/%d", len(u1.seen()), len(u2.seen()))
	}
}

func TestOnlyLimitsTheFaults(t *testing.T) {
	u := newUpstream(t)
	p := newProxy(t, Config{Seed: 1, Targets: []string{u.URL}, Faults: Faults{DropRequest: 1},
		Only: func(r *http.Request) bool { return r.URL.Query().Get("x") != "1" }})
	if _, _, err := post(p, "spared"); err != nil {
		t.Fatal(err)
	}
	c := &http.Client{Transport: &http.Transport{DisableKeepAlives: true}}
	if _, err := c.Post(p.URL()+"/other", "text/plain", bytes.NewReader([]byte("x"))); err == nil {
		t.Fatal("a request the filter accepts was not dropped")
	}
}

func TestOnAnswerRunsBeforeTheClientGetsIt(t *testing.T) {
	u := newUpstream(t)
	seen := make(chan Answer, 1)
	release := make(chan struct{})
	p := newProxy(t, Config{Seed: 1, Targets: []string{u.URL}, OnAnswer: func(a Answer) {
		seen <- a
		<-release
	}})
	done := make(chan error, 1)
	go func() {
		_, _, err := post(p, "m")
		done <- err
	}()
	a := <-seen
	// The server has committed (it answered), the client has nothing yet.
	if len(u.seen()) != 1 || a.Status != http.StatusCreated {
		t.Fatalf("answer %+v, upstream %q", a, u.seen())
	}
	select {
	case err := <-done:
		t.Fatalf("the client got its answer before the hook returned (%v)", err)
	case <-time.After(50 * time.Millisecond):
	}
	close(release)
	if err := <-done; err != nil {
		t.Fatal(err)
	}
}

func TestValidate(t *testing.T) {
	for _, f := range []Faults{{DropRequest: -0.1}, {DropRequest: 0.6, Duplicate: 0.6}, {Delay: 2}, {CutResponse: 1.5}} {
		if _, err := New(Config{Faults: f}); err == nil {
			t.Errorf("%+v accepted", f)
		}
	}
	if err := Flaky.Validate(); err != nil {
		t.Fatal(err)
	}
}
