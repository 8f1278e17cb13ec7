package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"sync"
	"time"

	"erpps/backend/refdata"
	"erpps/backend/signing"
	"erpps/frontend"
)

// app is the server's parts, wired.
type app struct {
	store      store
	storeLabel string // which store, for the operator
	authority  *signing.Authority
	catalog    *refdata.Catalog
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
	st, err := openStore(ctx, c)
	if err != nil {
		return nil, err
	}
	a := &app{store: st, storeLabel: storeLabel(c), authority: authority, catalog: cat, log: log}
	dist, err := frontend.Dist()
	if err != nil {
		_ = st.Close()
		return nil, fmt.Errorf("interface introuvable : %w", err)
	}
	assets, err := serverAssets(dist)
	if err != nil {
		_ = st.Close()
		return nil, err
	}
	a.handler = routes(a.api(), assetsHandler(assets))
	return a, nil
}

// api is the HTTP JSON API under /api/v1 with /healthz and /readyz.
// TODO(cmd): server.New from the api branch, once merged.
func (a *app) api() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(map[string]string{"status": "ok"})
	})
	return mux
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
