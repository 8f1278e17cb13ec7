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
	st, err := openStore(ctx, c)
	if err != nil {
		return nil, err
	}
	now := c.now
	if now == nil {
		now = time.Now
	}
	office := &backoffice.Service{Store: st, Catalog: cat, Now: now}
	retention := c.SyncRetention
	if retention <= 0 {
		retention = 90 * 24 * time.Hour
	}
	sessions := &auth.Sessions{Store: st, Now: now, TTL: c.SessionTTL}
	deleg := &delegation.Service{Store: st, Now: now}
	reqs := &requests.Service{Practitioners: st, Requests: st, Structures: st, Catalog: cat, Now: now, Mandates: deleg}
	handler, err := server.New(server.Config{
		Store:      st,
		Catalog:    cat,
		Requests:   reqs,
		Sync:       &syncserver.Service{Store: st, Requests: reqs, Now: now},
		BackOffice: office,
		Delegation: deleg,
		Auth:       &auth.PasswordAuthenticator{Accounts: st},
		Sessions:   sessions,
		Keys:       authorityKeys{authority},
		Attestations: &attestation.Issuer{
			Practitioners: st, Registry: st, Catalog: cat, Signer: authority,
			Verifier: authority.KeyRing(), Renderer: renderer, Now: now,
		},
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
		jobs: []job{
			{name: "close-expired-complements", run: office.CloseExpiredComplements},
			{name: "delete-expired-sessions", run: func(ctx context.Context) (int, error) { return st.DeleteExpiredSessions(ctx, now()) }},
			{name: "prune-sync-changes", run: func(ctx context.Context) (int, error) { return st.PruneChanges(ctx, now().Add(-retention)) }},
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
