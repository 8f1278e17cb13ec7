package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"sync"
	"time"

	"erpps/backend/attestation"
	"erpps/backend/auth"
	"erpps/backend/backoffice"
	"erpps/backend/delegation"
	"erpps/backend/ecps"
	"erpps/backend/notify"
	"erpps/backend/oidcprovider"
	"erpps/backend/primo"
	"erpps/backend/refdata"
	"erpps/backend/requests"
	"erpps/backend/server"
	"erpps/backend/signing"
	"erpps/backend/syncserver"
	"erpps/frontend"
)

// app is the server's parts, wired.
type app struct {
	store      store
	storeLabel string // which store, for the operator
	authority  *signing.Authority
	handler    http.Handler
	log        *slog.Logger
	jobs       []job
	// delivery sends the e-mails and SMS; delivery.codes issues the
	// one-time codes (e-CPS activation).
	delivery *delivery
	// ecps is e-CPS; its CompleteLogin finishes the OpenID logins.
	ecps      *ecps.Service
	decisions *notify.Decisions
}

// job is a periodic task of the server.
type job struct {
	name string
	run  func(ctx context.Context) (int, error)
}

func newApp(ctx context.Context, c *config, log *slog.Logger) (*app, error) {
	authority, err := loadAuthority(c)
	if err != nil {
		return nil, err
	}
	cat, err := refdata.Load()
	if err != nil {
		return nil, fmt.Errorf("impossible de charger les référentiels : %w", err)
	}
	renderer, err := attestation.NewRenderer()
	if err != nil {
		return nil, err
	}
	dist, err := frontend.Dist()
	if err != nil {
		return nil, fmt.Errorf("interface introuvable : %w", err)
	}
	fc, err := c.FranceConnect.client(c.Addr, c.TLSCert != "")
	if err != nil {
		return nil, err
	}
	st, err := openStore(ctx, c)
	if err != nil {
		return nil, err
	}
	now := c.now
	if now == nil {
		now = time.Now
	}
	deliv, err := newDelivery(c, st, now, log)
	if err != nil {
		_ = st.Close()
		return nil, err
	}
	office := &backoffice.Service{Store: st, Catalog: cat, Now: now}
	var decisions *notify.Decisions
	if deliv.sender.Email != nil {
		decisions = &notify.Decisions{Sender: deliv.sender, Log: log}
		office.Notifier = decisions
	}
	retention := c.SyncRetention
	if retention <= 0 {
		retention = 90 * 24 * time.Hour
	}
	sessions := &auth.Sessions{Store: st, Now: now, TTL: c.SessionTTL}
	deleg := &delegation.Service{Store: st, Now: now}
	reqs := &requests.Service{Practitioners: st, Requests: st, Structures: st, Catalog: cat, Now: now, Mandates: deleg}
	eCPS, err := ecps.New(ctx, ecps.Config{Store: st, Catalog: cat, Codes: ecps.OTPCodes{Issuer: deliv.codes}, Now: now, Logger: log})
	if err != nil {
		_ = st.Close()
		return nil, err
	}
	oidcKey, err := loadOIDCKey(c)
	if err != nil {
		_ = st.Close()
		return nil, err
	}
	issuer := c.PublicURL
	if issuer == "" {
		issuer = "http://" + c.Addr
		if c.Addr == "" {
			issuer = "http://127.0.0.1:8443"
		}
	}
	login := c.login
	if login == nil {
		login = eCPS
	}
	provider, err := oidcprovider.New(oidcprovider.Config{Issuer: issuer, Store: st, Key: oidcKey, Login: login, Now: now, Logger: log})
	if err != nil {
		_ = st.Close()
		return nil, err
	}
	handler, err := server.New(server.Config{
		PublicURL:  c.PublicURL,
		OIDC:       provider,
		Store:      st,
		Catalog:    cat,
		Requests:   reqs,
		Sync:       &syncserver.Service{Store: st, Requests: reqs, Now: now},
		BackOffice: office,
		Delegation: deleg,
		Auth:       &auth.PasswordAuthenticator{Accounts: st},
		Sessions:   sessions,
		ECPS:       eCPS,
		Keys:       authorityKeys{authority},
		Attestations: &attestation.Issuer{
			Practitioners: st, Registry: st, Catalog: cat, Signer: authority,
			Verifier: authority.KeyRing(), Renderer: renderer, Now: now,
		},
		Primo:                &primo.Service{Store: st, Catalog: cat, FranceConnect: fc, Now: now, SessionTTL: c.FranceConnect.SessionTTL},
		Assets:               dist,
		Now:                  now,
		Logger:               log,
		MaxBodyBytes:         int64(c.MaxBodyBytes),
		MaxConcurrentSignIns: c.MaxSignIns,
	})
	if err != nil {
		_ = st.Close()
		return nil, err
	}
	return &app{
		store: st, storeLabel: storeLabel(c), authority: authority, handler: handler, log: log,
		delivery: deliv, decisions: decisions, ecps: eCPS,
		jobs: []job{
			{name: "close-expired-complements", run: office.CloseExpiredComplements},
			{name: "delete-expired-ecps", run: eCPS.DeleteExpired},
			{name: "delete-expired-sessions", run: func(ctx context.Context) (int, error) { return st.DeleteExpiredSessions(ctx, now()) }},
			{name: "delete-expired-oidc", run: provider.DeleteExpired},
			{name: "delete-expired-franceconnect-sessions", run: func(ctx context.Context) (int, error) {
				return st.DeleteExpiredFranceConnectSessions(ctx, now())
			}},
			{name: "prune-sync-changes", run: func(ctx context.Context) (int, error) { return st.PruneChanges(ctx, now().Add(-retention)) }},
			// The results of the mutations: a desktop's replay of a seq
			// handled longer ago is answered rejected, never applied again.
			{name: "prune-sync-mutations", run: func(ctx context.Context) (int, error) { return st.PruneMutations(ctx, now().Add(-retention)) }},
		},
	}, nil
}

// authorityKeys publishes the authority's public keys (GET /api/v1/keys).
type authorityKeys struct{ a *signing.Authority }

func (k authorityKeys) PublicKeys(context.Context) ([]server.PublicKey, error) {
	var out []server.PublicKey
	for _, p := range k.a.PublicKeys() {
		out = append(out, server.PublicKey{KeyID: p.KeyID, Algorithm: p.Algorithm, PublicKey: p.PublicKey, Current: p.Current})
	}
	return out, nil
}

func (a *app) close() {
	if a.decisions != nil {
		a.decisions.Wait() // the decision e-mails under way (each bounded by its timeout)
	}
	if a.delivery != nil {
		a.delivery.codes.Wait() // codes sent in the background, if configured so
	}
	if err := a.store.Close(); err != nil {
		a.log.Error("fermeture de la base", "err", err)
	}
}

// startJobs runs each job every interval (and once at start) until ctx is
// done. Several processes may run them on one database: the store's
// revision checks let one of them act.
func (a *app) startJobs(ctx context.Context, wg *sync.WaitGroup, every time.Duration) {
	for _, j := range a.jobs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			runEvery(ctx, every, func(ctx context.Context) {
				n, err := j.run(ctx)
				if err != nil && !errors.Is(err, context.Canceled) {
					a.log.Error("tâche périodique en échec", "job", j.name, "err", err)
				} else if n > 0 {
					a.log.Info("tâche périodique", "job", j.name, "count", n)
				}
			})
		}()
	}
}

// runEvery calls f now, then every interval, until ctx is done; a call in
// progress finishes.
func runEvery(ctx context.Context, interval time.Duration, f func(context.Context)) {
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		f(ctx)
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

func storeLabel(c *config) string {
	if c.Database != "" {
		return "PostgreSQL"
	}
	return "SQLite : " + c.Data
}
