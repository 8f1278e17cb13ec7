package app

import (
	"context"
	"net/http"
	"sync"

	"github.com/sirupsen/logrus"

	"erpps/backend/erpps"
)

// SyncClient is the desktop's synchronisation client (backend/syncclient):
// Run pushes and pulls until ctx ends, backing off and resuming by itself;
// Notify says a local change waits; SyncOnce pushes then pulls everything
// now.
type SyncClient interface {
	Run(ctx context.Context) error
	Notify()
	SyncOnce(ctx context.Context) error
}

// SyncClientConfig is what the application gives its sync client.
type SyncClientConfig struct {
	BaseURL string
	HTTP    *http.Client
	// Token returns the device's bearer token (read from the store's
	// settings at each call: signing out makes it "").
	Token func(context.Context) (string, error)
	// OnStatus receives every change of the client's state.
	OnStatus func(SyncState)
	// OnChanged receives the requests a pull changed.
	OnChanged func(requestIDs []string)
}

// RequestReader reads a request as the store holds it.
type RequestReader interface {
	FindRequestByID(ctx context.Context, id string) (*erpps.Request, error)
}

// SyncDeps connect the desktop to the eRPPS server. A nil SyncDeps (the
// kiosk, tests) means no server can be configured.
type SyncDeps struct {
	Settings erpps.SettingsStore
	// Replica is the store in Replica mode: every local change is a
	// mutation waiting for the server.
	Replica  erpps.Replica
	Requests RequestReader
	// NewClient makes the sync client (backend/syncclient in the desktop).
	NewClient func(SyncClientConfig) (SyncClient, error)
	// HTTPClient makes the client that talks to the server, trusting caFile
	// besides the system's authorities (syncclient.NewHTTPClient when nil).
	HTTPClient func(caFile string) (*http.Client, error)
	// URL and CAFile are the defaults of the « Serveur eRPPS » page
	// (--server, --server-ca) while none is kept in the settings.
	URL    string
	CAFile string
}

// syncManager runs the sync client while this computer is signed in to a
// server, and says where the synchronisation stands. Shared by every copy of
// App.
type syncManager struct {
	deps   *SyncDeps
	events Emitter
	log    *logrus.Logger
	// oidc and psc refresh the access token of a Pro Santé Connect login.
	oidc      *OIDCDeps
	psc       *pscLogins
	refreshMu sync.Mutex

	mu      sync.Mutex
	server  storedServer
	client  SyncClient
	cancel  context.CancelFunc
	done    chan struct{}
	state   SyncState
	stopped bool
}

func newSyncManager(deps *SyncDeps, events Emitter, log *logrus.Logger, oidc *OIDCDeps, psc *pscLogins) *syncManager {
	return &syncManager{deps: deps, events: events, log: log, oidc: oidc, psc: psc, state: SyncState{State: SyncLocal}}
}

func (m *syncManager) available() bool { return m != nil && m.deps != nil && m.deps.Settings != nil }

// start reads the kept connection and, when signed in, starts the client.
func (m *syncManager) start(ctx context.Context) error {
	if !m.available() {
		return nil
	}
	s, err := loadServer(ctx, m.deps.Settings)
	if err != nil {
		return err
	}
	m.mu.Lock()
	m.server = *s
	m.mu.Unlock()
	if s.Account == nil {
		return nil
	}
	if m.deps.Replica != nil {
		// A store signed in before the outbox was bound to its account is
		// bound now, so that another account later is told apart.
		if _, err := m.deps.Replica.BindAccount(ctx, s.URL+" "+s.Account.ID); err != nil {
			return err
		}
	}
	return m.run(ctx, s)
}

// run (re)starts the client for the server s.
func (m *syncManager) run(ctx context.Context, s *storedServer) error {
	m.halt()
	hc, err := m.httpClient(s.CAFile)
	if err != nil {
		return err
	}
	if m.deps.NewClient == nil {
		return erpps.Errorf(erpps.EUNAVAILABLE, "La synchronisation avec le serveur n'est pas disponible dans ce mode.")
	}
	client, err := m.deps.NewClient(SyncClientConfig{
		BaseURL:   s.URL,
		HTTP:      m.withReauth(hc),
		Token:     m.token,
		OnStatus:  m.report,
		OnChanged: m.pulled,
	})
	if err != nil {
		return err
	}
	first := m.summaryState(ctx, SyncSyncing)
	runCtx, cancel := context.WithCancel(context.WithoutCancel(ctx))
	done := make(chan struct{})
	m.mu.Lock()
	if m.stopped {
		m.mu.Unlock()
		cancel()
		return nil
	}
	m.client, m.cancel, m.done = client, cancel, done
	m.mu.Unlock()
	m.report(first)
	go func() {
		defer close(done)
		if err := client.Run(runCtx); err != nil && runCtx.Err() == nil && m.log != nil {
			m.log.WithField("code", erpps.ErrorCode(err)).WithError(err).Warn("sync client stopped")
		}
	}()
	return nil
}

// halt stops the client, if one runs, and waits for it.
func (m *syncManager) halt() {
	m.mu.Lock()
	cancel, done := m.cancel, m.done
	m.client, m.cancel, m.done = nil, nil, nil
	m.mu.Unlock()
	if cancel != nil {
		cancel()
		<-done
	}
}

// stop halts the client for good (the store is about to close).
func (m *syncManager) stop() error {
	if m == nil {
		return nil
	}
	m.mu.Lock()
	m.stopped = true
	m.mu.Unlock()
	m.halt()
	return nil
}

// summaryState is state with the counts the store gives.
func (m *syncManager) summaryState(ctx context.Context, state SyncStatus) SyncState {
	st := SyncState{State: state}
	if m.deps.Replica == nil {
		return st
	}
	if sum, err := m.deps.Replica.SyncSummary(ctx); err == nil {
		st.Pending, st.SetAside, st.LastSyncAt = sum.Pending, sum.SetAside, sum.LastSyncAt
	}
	return st
}

// report keeps and says the client's state; nothing once signed out.
func (m *syncManager) report(st SyncState) {
	m.mu.Lock()
	if m.client == nil && st.State != SyncLocal && m.server.Account == nil {
		m.mu.Unlock()
		return
	}
	m.state = st
	m.mu.Unlock()
	m.events.Emit(EventSyncState, st)
}

// current is the synchronisation's state.
func (m *syncManager) current() SyncState {
	if m == nil {
		return SyncState{State: SyncLocal}
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.state
}

// pulled tells the windows and tabs about the requests a pull changed.
func (m *syncManager) pulled(ids []string) {
	ctx := context.Background()
	for _, id := range ids {
		r, err := m.deps.Requests.FindRequestByID(ctx, id)
		switch {
		case erpps.ErrorCode(err) == erpps.ENOTFOUND:
			m.events.Emit(EventRequestChanged, RequestChanged{ID: id, Deleted: true})
		case err == nil:
			m.events.Emit(EventRequestChanged, RequestChanged{ID: r.ID, Revision: r.Revision, Status: r.Status})
		}
	}
	m.events.Emit(EventSyncPulled, SyncPulled{RequestIDs: ids})
}

// notify tells the client that a local change waits.
func (m *syncManager) notify() {
	if m == nil {
		return
	}
	m.mu.Lock()
	c := m.client
	m.mu.Unlock()
	if c != nil {
		c.Notify()
	}
}

// actor is the server account's actor while signed in.
func (m *syncManager) actor() (erpps.Actor, bool) {
	if m == nil {
		return erpps.Actor{}, false
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.server.Account == nil {
		return erpps.Actor{}, false
	}
	return m.server.Account.Actor(), true
}

func (m *syncManager) settings() (storedServer, SyncState, SyncClient) {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.server, m.state, m.client
}

func (m *syncManager) keep(s storedServer) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.server = s
}
