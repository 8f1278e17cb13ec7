// Package faultproxy is an HTTP proxy on loopback that misbehaves the way a
// poor network does, driven by a seeded random source: it drops requests
// (the connection closes before anything is forwarded), drops responses
// (the request is forwarded and answered upstream, then the client's
// connection is cut), delivers a request twice (concurrently: a duplicate
// racing the original), holds a request back and delivers it after the next
// one (reordering), cuts a request or a response in the middle of its body,
// and adds latency spikes. The servers behind it can be swapped (a server
// restarting on a new port) or taken down (every connection refused) while
// it runs, and a hook sees every answer before the client does (to kill the
// client between the server's commit and its acknowledgement).
//
// The fault of the n-th request is drawn from a random source seeded with
// (seed, n): the same seed gives the same sequence of faults.
//
//	p, err := faultproxy.New(faultproxy.Config{Seed: 7, Faults: faultproxy.Flaky, Targets: []string{srv.URL}})
//	defer p.Close()
//	client := syncclient.New(syncclient.Config{BaseURL: p.URL(), ...})
package faultproxy

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"log"
	"math/rand/v2"
	"net"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// Fault is what the proxy does to one request.
type Fault int

// The faults, in the order their probabilities are drawn.
const (
	None         Fault = iota
	DropRequest        // closed before forwarding: the server never sees it
	DropResponse       // forwarded and answered, then the connection is cut
	Duplicate          // forwarded twice at once; one answer goes back
	Reorder            // held until the next request has been forwarded
	CutRequest         // forwarded with half its body, then cut: the server sees a broken body
	CutResponse        // forwarded, half the answer's body goes back, then the connection is cut
	Down               // the proxy is down (SetDown): the connection is closed at once
	BadGateway         // no server behind the proxy answered: 502
	numFaults
)

var faultNames = [numFaults]string{"none", "drop-request", "drop-response", "duplicate", "reorder", "cut-request", "cut-response", "down", "bad-gateway"}

func (f Fault) String() string {
	if f < 0 || f >= numFaults {
		return fmt.Sprintf("fault(%d)", int(f))
	}
	return faultNames[f]
}

// Faults are the probabilities (0 to 1, summing to at most 1) of each fault
// for a request, and of a latency spike (drawn separately, added to any
// fault) up to MaxDelay.
type Faults struct {
	DropRequest  float64
	DropResponse float64
	Duplicate    float64
	Reorder      float64
	CutRequest   float64
	CutResponse  float64
	Delay        float64
	MaxDelay     time.Duration
}

// Flaky is a network that loses, repeats or reorders about half the
// requests, with latency spikes up to 30 ms.
var Flaky = Faults{
	DropRequest: 0.08, DropResponse: 0.10, Duplicate: 0.10, Reorder: 0.08,
	CutRequest: 0.06, CutResponse: 0.06, Delay: 0.2, MaxDelay: 30 * time.Millisecond,
}

// Validate checks that the probabilities make sense.
func (f Faults) Validate() error {
	sum := 0.0
	for _, p := range []float64{f.DropRequest, f.DropResponse, f.Duplicate, f.Reorder, f.CutRequest, f.CutResponse} {
		if p < 0 || p > 1 {
			return fmt.Errorf("faultproxy: probability %v out of [0, 1]", p)
		}
		sum += p
	}
	if sum > 1+1e-9 {
		return fmt.Errorf("faultproxy: fault probabilities sum to %v > 1", sum)
	}
	if f.Delay < 0 || f.Delay > 1 || f.MaxDelay < 0 {
		return fmt.Errorf("faultproxy: bad delay %v up to %v", f.Delay, f.MaxDelay)
	}
	return nil
}

// draw picks the fault and the delay of a request.
func (f Faults) draw(rng *rand.Rand) (Fault, time.Duration) {
	var delay time.Duration
	if f.Delay > 0 && f.MaxDelay > 0 && rng.Float64() < f.Delay {
		delay = time.Duration(rng.Int64N(int64(f.MaxDelay)) + 1)
	}
	x := rng.Float64()
	for i, p := range []float64{f.DropRequest, f.DropResponse, f.Duplicate, f.Reorder, f.CutRequest, f.CutResponse} {
		if x < p {
			return Fault(i + 1), delay
		}
		x -= p
	}
	return None, delay
}

// Answer is what a server behind the proxy answered to a request, given to
// Config.OnAnswer before anything goes back to the client.
type Answer struct {
	N      int64 // the request's number (1, 2, ...) in arrival order
	Method string
	Path   string
	Status int
	Fault  Fault // what the proxy is about to do with it
}

// Config configures a proxy.
type Config struct {
	Seed    uint64
	Faults  Faults
	Targets []string // base URLs of the servers (a request goes to one of them)
	// HoldMax bounds how long a reordered request waits for the next one
	// (default 100 ms).
	HoldMax time.Duration
	// Only, when set, limits the faults to the requests it accepts (the
	// others are forwarded untouched, latency included).
	Only func(r *http.Request) bool
	// OnAnswer, when set, sees every answer from upstream, from the
	// handler's goroutine, before the client gets it.
	OnAnswer func(Answer)
}

// Proxy is a running fault-injecting proxy.
type Proxy struct {
	cfg       Config
	ln        net.Listener
	srv       *http.Server
	transport *http.Transport

	mu      sync.Mutex
	faults  Faults
	targets []string
	down    bool
	held    chan struct{} // the request held back for reordering, released by the next
	n       atomic.Int64
	counts  [numFaults]atomic.Int64
	wg      sync.WaitGroup
	closeMu sync.Once
}

// New starts a proxy on a loopback port.
func New(cfg Config) (*Proxy, error) {
	if err := cfg.Faults.Validate(); err != nil {
		return nil, err
	}
	if cfg.HoldMax <= 0 {
		cfg.HoldMax = 100 * time.Millisecond
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, fmt.Errorf("faultproxy: unable to listen: %w", err)
	}
	p := &Proxy{
		cfg:     cfg,
		ln:      ln,
		faults:  cfg.Faults,
		targets: append([]string(nil), cfg.Targets...),
		transport: &http.Transport{
			Proxy:               nil,
			MaxIdleConnsPerHost: 64,
			IdleConnTimeout:     30 * time.Second,
		},
	}
	p.srv = &http.Server{Handler: p, ReadHeaderTimeout: 10 * time.Second, ErrorLog: discardLog()}
	p.wg.Go(func() { _ = p.srv.Serve(ln) })
	return p, nil
}

// URL is the proxy's base URL (http://127.0.0.1:port).
func (p *Proxy) URL() string { return "http://" + p.ln.Addr().String() }

// SetFaults changes the faults of the next requests (Faults{} heals the
// network).
func (p *Proxy) SetFaults(f Faults) error {
	if err := f.Validate(); err != nil {
		return err
	}
	p.mu.Lock()
	p.faults = f
	p.mu.Unlock()
	return nil
}

// SetTargets replaces the servers behind the proxy (a restarted server on
// a new port); the connections to the old ones are dropped.
func (p *Proxy) SetTargets(targets ...string) {
	p.mu.Lock()
	p.targets = append([]string(nil), targets...)
	p.mu.Unlock()
	p.transport.CloseIdleConnections()
}

// SetDown takes the network down (every request is cut at once) or up.
func (p *Proxy) SetDown(down bool) {
	p.mu.Lock()
	p.down = down
	p.mu.Unlock()
}

// Count returns how many requests got fault f so far.
func (p *Proxy) Count(f Fault) int64 {
	if f < 0 || f >= numFaults {
		return 0
	}
	return p.counts[f].Load()
}

// Requests returns how many requests arrived so far.
func (p *Proxy) Requests() int64 { return p.n.Load() }

// Counts returns the number of requests per fault, by name (for a report).
func (p *Proxy) Counts() map[string]int64 {
	m := make(map[string]int64, numFaults)
	for f := Fault(0); f < numFaults; f++ {
		if n := p.counts[f].Load(); n > 0 {
			m[f.String()] = n
		}
	}
	return m
}

// Close stops the proxy, cutting the connections in flight.
func (p *Proxy) Close() error {
	var err error
	p.closeMu.Do(func() {
		err = p.srv.Close()
		p.release()
		p.wg.Wait()
		p.transport.CloseIdleConnections()
	})
	return err
}

// ServeHTTP handles one request from the client.
func (p *Proxy) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	n := p.n.Add(1)
	rng := rand.New(rand.NewPCG(p.cfg.Seed, uint64(n)))
	p.mu.Lock()
	faults, targets, down := p.faults, p.targets, p.down
	p.mu.Unlock()
	fault, delay := faults.draw(rng)
	if p.cfg.Only != nil && !p.cfg.Only(r) {
		fault = None
	}
	if down {
		fault = Down
	}
	body, err := io.ReadAll(r.Body)
	if err != nil { // the client went away
		p.counts[DropRequest].Add(1)
		panic(http.ErrAbortHandler)
	}
	if delay > 0 {
		if !sleep(r.Context(), delay) {
			panic(http.ErrAbortHandler)
		}
	}
	switch fault {
	case Down, DropRequest:
		p.counts[fault].Add(1)
		p.release()
		panic(http.ErrAbortHandler) // closes the connection without an answer
	case Reorder:
		p.hold(r.Context())
	}
	target := ""
	if len(targets) > 0 {
		target = targets[rng.IntN(len(targets))]
	}
	var res *result
	switch fault {
	case Duplicate:
		res = p.forwardTwice(r, target, body, rng)
	case CutRequest:
		res = p.forward(r, target, body, len(body)/2)
		res = &result{err: errCut} // whatever the server said, the client's connection is cut
	default:
		res = p.forward(r, target, body, -1)
	}
	p.release() // a request held back goes after this one
	if res.err != nil {
		if errors.Is(res.err, errCut) {
			p.counts[CutRequest].Add(1)
			panic(http.ErrAbortHandler)
		}
		fault = BadGateway
	}
	if p.cfg.OnAnswer != nil {
		status := http.StatusBadGateway
		if res.err == nil {
			status = res.status
		}
		p.cfg.OnAnswer(Answer{N: n, Method: r.Method, Path: r.URL.Path, Status: status, Fault: fault})
	}
	p.counts[fault].Add(1)
	switch fault {
	case BadGateway:
		http.Error(w, "faultproxy: no server answered", http.StatusBadGateway)
		return
	case DropResponse:
		panic(http.ErrAbortHandler)
	}
	copyHeader(w.Header(), res.header)
	if fault == CutResponse {
		w.Header().Set("Content-Length", fmt.Sprint(len(res.body)))
		w.WriteHeader(res.status)
		_, _ = w.Write(res.body[:len(res.body)/2])
		if f, ok := w.(http.Flusher); ok {
			f.Flush()
		}
		panic(http.ErrAbortHandler)
	}
	w.WriteHeader(res.status)
	_, _ = w.Write(res.body)
}

var errCut = errors.New("faultproxy: request cut")

// result is an upstream answer, read whole.
type result struct {
	status int
	header http.Header
	body   []byte
	err    error
}

// forward sends the request to target and reads the whole answer; with cut
// ≥ 0 the body stops after cut bytes with an error (a connection cut
// mid-body: the server never gets the whole request).
func (p *Proxy) forward(r *http.Request, target string, body []byte, cut int) *result {
	if target == "" {
		return &result{err: errors.New("faultproxy: no target")}
	}
	var rd io.Reader = bytes.NewReader(body)
	if cut >= 0 {
		rd = io.MultiReader(bytes.NewReader(body[:cut]), errReader{})
	}
	out, err := http.NewRequestWithContext(r.Context(), r.Method, strings.TrimRight(target, "/")+r.URL.RequestURI(), rd)
	if err != nil {
		return &result{err: err}
	}
	copyHeader(out.Header, r.Header)
	out.Header.Del("Connection")
	out.ContentLength = int64(len(body))
	if len(body) == 0 && cut < 0 {
		out.Body = http.NoBody
	}
	resp, err := p.transport.RoundTrip(out)
	if err != nil {
		if cut >= 0 {
			return &result{err: errCut}
		}
		return &result{err: err}
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		return &result{err: err}
	}
	return &result{status: resp.StatusCode, header: resp.Header, body: b}
}

// forwardTwice delivers the request twice at once (a retransmission racing
// the original) and returns one of the two answers.
func (p *Proxy) forwardTwice(r *http.Request, target string, body []byte, rng *rand.Rand) *result {
	var a, b *result
	var wg sync.WaitGroup
	wg.Go(func() { a = p.forward(r, target, body, -1) })
	wg.Go(func() { b = p.forward(r, target, body, -1) })
	wg.Wait()
	if rng.IntN(2) == 0 {
		a, b = b, a
	}
	if a.err != nil {
		return b
	}
	return a
}

// hold waits until the next request has been forwarded (or HoldMax). Only
// one request is held at a time: another one asking is not held.
func (p *Proxy) hold(ctx context.Context) {
	p.mu.Lock()
	if p.held != nil {
		p.mu.Unlock()
		return
	}
	ch := make(chan struct{})
	p.held = ch
	p.mu.Unlock()
	t := time.NewTimer(p.cfg.HoldMax)
	defer t.Stop()
	select {
	case <-ch:
	case <-t.C:
		p.mu.Lock()
		if p.held == ch {
			p.held = nil
		}
		p.mu.Unlock()
	case <-ctx.Done():
	}
}

// release lets the held request go.
func (p *Proxy) release() {
	p.mu.Lock()
	ch := p.held
	p.held = nil
	p.mu.Unlock()
	if ch != nil {
		close(ch)
	}
}

type errReader struct{}

func (errReader) Read([]byte) (int, error) { return 0, errCut }

var hopHeaders = map[string]bool{
	"Connection": true, "Keep-Alive": true, "Proxy-Connection": true, "Te": true,
	"Trailer": true, "Transfer-Encoding": true, "Upgrade": true, "Content-Length": true,
}

func copyHeader(dst, src http.Header) {
	for k, vs := range src {
		if hopHeaders[http.CanonicalHeaderKey(k)] {
			continue
		}
		for _, v := range vs {
			dst.Add(k, v)
		}
	}
}

func sleep(ctx context.Context, d time.Duration) bool {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return true
	case <-ctx.Done():
		return false
	}
}

func discardLog() *log.Logger { return log.New(io.Discard, "", 0) }
