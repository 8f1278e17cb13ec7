package syncclient

import (
	"context"
	"errors"
	"net"
	"net/http"
	"slices"
	"sync/atomic"
	"testing"
	"time"
)

// countingTransport counts the requests sent.
type countingTransport struct {
	n  atomic.Int64
	rt http.RoundTripper
}

func (c *countingTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	c.n.Add(1)
	return c.rt.RoundTrip(r)
}

func TestRunResumesByItselfWhenTheServerComesBack(t *testing.T) {
	// An address where nothing listens yet.
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	_ = l.Close()

	counter := &countingTransport{rt: http.DefaultTransport}
	e := newFakeEnv(t, func(c *Config) {
		c.BaseURL = "http://" + addr
		c.HTTP = &http.Client{Transport: counter}
	})
	e.store.add("req-a", `{"offline":true}`)
	runClient(t, e.client)
	eventually(t, 5*time.Second, "offline", func() bool { return e.client.Status().State == StateOffline && counter.n.Load() >= 3 })
	st := e.client.Status()
	if st.Pending != 1 || st.Error != msgUnreachable {
		t.Fatalf("status while down %+v", st)
	}
	down := time.Now()
	time.Sleep(300 * time.Millisecond)
	// Backoff between 5 and 50 ms: retries go on, not in a tight loop.
	if n := counter.n.Load(); n < 6 || n > 200 {
		t.Fatalf("%d attempts in %v", n, time.Since(down))
	}

	// The server comes back on the same address; no Notify.
	l2, err := net.Listen("tcp", addr)
	if err != nil {
		t.Fatalf("the port was taken meanwhile: %v", err)
	}
	srv := &http.Server{Handler: e.server, ReadHeaderTimeout: 5 * time.Second}
	go func() { _ = srv.Serve(l2) }()
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		if err := srv.Shutdown(ctx); err != nil && !errors.Is(err, context.DeadlineExceeded) {
			t.Error(err)
		}
	})
	eventually(t, 5*time.Second, "the offline draft pushed once the server is back", func() bool { return len(e.appliedSeqs()) == 1 })
	eventually(t, 5*time.Second, "online", func() bool {
		st := e.client.Status()
		return st.State == StateOnline && st.Pending == 0 && st.Error == "" && st.LastSyncAt != nil
	})
	// OnStatus: syncing, offline (the retries do not flicker back to
	// syncing), then online when the server is back.
	var states []State
	for _, s := range e.statuses() {
		if len(states) == 0 || states[len(states)-1] != s.State {
			states = append(states, s.State)
		}
	}
	if want := []State{StateSyncing, StateOffline, StateOnline}; !slices.Equal(states, want) {
		t.Fatalf("OnStatus states %v, want %v", states, want)
	}
}
