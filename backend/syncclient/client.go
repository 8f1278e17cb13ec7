// Package syncclient is the desktop's sync client: it pushes the store's
// pending mutations to the eRPPS server in seq order, pulls the changes
// since the store's cursor (or a snapshot when the server asks for a
// resync), learns of new changes by long-polling, and retries with an
// exponential backoff with full jitter that resumes by itself.
//
// The client never holds a store write: the store records each local change
// and its mutation in one transaction; Notify only wakes the client.
//
// Use (the desktop, app/):
//
//	hc, err := syncclient.NewHTTPClient(caFile) // "" : the system's roots only
//	c, err := syncclient.New(syncclient.Config{Store: db, BaseURL: url, HTTP: hc,
//		Token: deviceToken, OnStatus: emitState, OnChanged: emitChanged})
//	go c.Run(ctx)  // until ctx ends
//	c.Notify()     // after every local change: pushed within Debounce
//	c.SyncOnce(ctx) // « Synchroniser maintenant »: cuts a retry's wait short
//
// Token, OnStatus and OnChanged may be called from the client's goroutines
// (a long-poll runs beside a sync); calls of OnStatus never overlap, nor
// calls of OnChanged.
package syncclient

import (
	"context"
	"errors"
	"math/rand/v2"
	"net/http"
	"strings"
	"sync"
	"time"

	"erpps/backend/erpps"
)

// State is where the connection to the server stands.
type State string

// The states of the sync client.
const (
	StateOnline       State = "online"       // the last sync succeeded
	StateOffline      State = "offline"      // the server cannot be reached (or failed): retrying
	StateSyncing      State = "syncing"      // a sync is running
	StateUnauthorized State = "unauthorized" // the token is refused: sign in again
)

// Status is what the UI shows of the synchronisation.
type Status struct {
	State      State      `json:"state"`
	Pending    int        `json:"pending"`  // mutations waiting to be sent
	SetAside   int        `json:"setAside"` // conflicts and rejections to show
	LastSyncAt *time.Time `json:"lastSyncAt,omitempty"`
	// Error is the French message of the last failure ("" when online).
	Error string `json:"error,omitempty"`
}

// Config is what a Client is made of.
type Config struct {
	Store erpps.Replica
	// BaseURL is the server's address, e.g. https://erpps.example.fr.
	BaseURL string
	// HTTP sends the requests (NewHTTPClient for a custom CA); it should
	// have no overall Timeout: the client bounds each request itself and
	// a long-poll lasts up to 25 s.
	HTTP *http.Client
	// Token returns the device's bearer token; an EUNAUTHORIZED error means
	// no one is signed in.
	Token func(context.Context) (string, error)
	Now   func() time.Time
	// Rand draws the backoff's jitter (seeded in tests).
	Rand *rand.Rand
	// MinBackoff (250 ms) and MaxBackoff (60 s) bound the retry delays.
	MinBackoff, MaxBackoff time.Duration
	// Debounce is how soon after Notify local changes are pushed (300 ms).
	Debounce time.Duration
	// PushBatch (100) and PullLimit (500) size the requests.
	PushBatch, PullLimit int
	// RequestTimeout bounds a push, pull or snapshot (60 s); WaitTimeout a
	// long-poll (40 s; the server answers within 25 s).
	RequestTimeout, WaitTimeout time.Duration
	// OnStatus is called when the status changes (from the client's
	// goroutine: it must not block for long).
	OnStatus func(Status)
	// OnChanged is called with the ids of the requests a sync changed
	// locally (pulled, or set aside as a conflict or a rejection).
	OnChanged func(requestIDs []string)
}

// Client synchronises one store with one server.
type Client struct {
	cfg     Config
	baseURL string

	notify chan struct{} // Notify: a local change (buffer 1)
	synced chan struct{} // a SyncOnce outside Run succeeded (buffer 1)
	turn   chan struct{} // one sync at a time (buffer 1)

	statusMu sync.Mutex // one setStatus at a time: OnStatus in order
	mu       sync.Mutex // status and rng
	status   Status
	rng      *rand.Rand
}

// New checks cfg, sets its defaults and returns a client.
func New(cfg Config) (*Client, error) {
	if cfg.Store == nil || cfg.Token == nil {
		return nil, errors.New("syncclient: Store and Token are required")
	}
	base := strings.TrimRight(strings.TrimSpace(cfg.BaseURL), "/")
	if !strings.HasPrefix(base, "http://") && !strings.HasPrefix(base, "https://") {
		return nil, erpps.Invalid("L'adresse du serveur doit commencer par https:// (ou http://).",
			erpps.FieldError{Field: "baseUrl", Code: erpps.EINVALID, Message: "Adresse invalide."})
	}
	if cfg.HTTP == nil {
		cfg.HTTP = &http.Client{}
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.Rand == nil {
		cfg.Rand = rand.New(rand.NewPCG(rand.Uint64(), rand.Uint64()))
	}
	if cfg.MinBackoff <= 0 {
		cfg.MinBackoff = 250 * time.Millisecond
	}
	if cfg.MaxBackoff <= 0 {
		cfg.MaxBackoff = 60 * time.Second
	}
	if cfg.MaxBackoff < cfg.MinBackoff {
		cfg.MaxBackoff = cfg.MinBackoff
	}
	if cfg.Debounce <= 0 {
		cfg.Debounce = 300 * time.Millisecond
	}
	if cfg.PushBatch <= 0 {
		cfg.PushBatch = 100
	}
	if cfg.PullLimit <= 0 {
		cfg.PullLimit = 500
	}
	if cfg.RequestTimeout <= 0 {
		cfg.RequestTimeout = 60 * time.Second
	}
	if cfg.WaitTimeout <= 0 {
		cfg.WaitTimeout = 40 * time.Second
	}
	c := &Client{cfg: cfg, baseURL: base, rng: cfg.Rand,
		notify: make(chan struct{}, 1), synced: make(chan struct{}, 1), turn: make(chan struct{}, 1),
		status: Status{State: StateOffline}}
	return c, nil
}

// Notify tells the client that the store has new local changes: they are
// pushed soon (after Debounce). It never blocks.
func (c *Client) Notify() {
	select {
	case c.notify <- struct{}{}:
	default:
	}
}

// Status returns the current status.
func (c *Client) Status() Status {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.status
}

// setStatus records the state, the failure's message and the store's
// counts, and calls OnStatus when something changed.
func (c *Client) setStatus(ctx context.Context, state State, message string) {
	c.statusMu.Lock()
	defer c.statusMu.Unlock()
	st := Status{State: state, Error: message}
	c.mu.Lock()
	prev := c.status
	c.mu.Unlock()
	if sum, err := c.cfg.Store.SyncSummary(ctx); err == nil {
		st.Pending, st.SetAside, st.LastSyncAt = sum.Pending, sum.SetAside, sum.LastSyncAt
	} else {
		st.Pending, st.SetAside, st.LastSyncAt = prev.Pending, prev.SetAside, prev.LastSyncAt
	}
	c.mu.Lock()
	c.status = st
	c.mu.Unlock()
	if c.cfg.OnStatus != nil && !sameStatus(prev, st) {
		c.cfg.OnStatus(st)
	}
}

func sameStatus(a, b Status) bool {
	if a.State != b.State || a.Pending != b.Pending || a.SetAside != b.SetAside || a.Error != b.Error {
		return false
	}
	if a.LastSyncAt == nil || b.LastSyncAt == nil {
		return a.LastSyncAt == b.LastSyncAt
	}
	return a.LastSyncAt.Equal(*b.LastSyncAt)
}

// messageOf is the French message a failure shows.
func messageOf(err error) string {
	var ne *netError
	if errors.As(err, &ne) {
		return msgUnreachable
	}
	return erpps.ErrorMessage(err)
}

// stateOf is the state a failure puts the client in.
func stateOf(err error) State {
	if erpps.ErrorCode(err) == erpps.EUNAUTHORIZED {
		return StateUnauthorized
	}
	return StateOffline
}

// changed reports request ids to OnChanged, once each.
func (c *Client) changed(ids []string) {
	if c.cfg.OnChanged == nil || len(ids) == 0 {
		return
	}
	seen := make(map[string]bool, len(ids))
	out := ids[:0:0]
	for _, id := range ids {
		if id != "" && !seen[id] {
			seen[id] = true
			out = append(out, id)
		}
	}
	if len(out) > 0 {
		c.cfg.OnChanged(out)
	}
}
