package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"sync"
	"syscall"
	"time"

	"erpps/backend/erpps"
)

// listeningPrefix starts the line serve prints once it accepts connections
// (tests and scripts read the address from it).
const listeningPrefix = "erpps-server : à l'écoute sur "

func serveCommand(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	var c config
	fs := newFlagSet("serve", getenv, stderr)
	fs.string(&c.Addr, "addr", "127.0.0.1:8443", "adresse d'écoute (HTTP ; le TLS est assuré par le répartiteur de charge)")
	fs.storeFlags(&c)
	fs.duration(&c.ShutdownTimeout, "shutdown-timeout", 30*time.Second, "temps laissé aux requêtes en cours pour finir à l'arrêt (SIGTERM)")
	fs.duration(&c.JobsEvery, "jobs-every", time.Hour, "intervalle des tâches périodiques : clôture des demandes de complément échues, suppression des sessions expirées")
	fs.duration(&c.SessionTTL, "session-ttl", 8*time.Hour, "durée de vie d'une session")
	if err := fs.parse(args, &c); err != nil {
		return err
	}
	ctx, stop := signal.NotifyContext(ctx, syscall.SIGTERM, os.Interrupt)
	defer stop()
	go func() {
		<-ctx.Done()
		stop() // a second signal stops at once, without waiting for the requests
	}()
	return serve(ctx, &c, stdout, stderr)
}

// serve runs the server until ctx is done (SIGTERM, Ctrl-C): it then stops
// accepting connections, lets the requests in flight finish (within
// ShutdownTimeout), stops the periodic jobs, and closes the store. Nothing
// acknowledged is lost: every response sent was committed first.
func serve(ctx context.Context, c *config, stdout, stderr io.Writer) error {
	log := slog.New(slog.NewTextHandler(stderr, nil))
	app, err := newApp(ctx, c, log)
	if err != nil {
		return err
	}
	defer app.close()

	ln, err := net.Listen("tcp", c.Addr)
	if err != nil {
		return fmt.Errorf("impossible d'écouter sur %s : %w", c.Addr, err)
	}
	var conns activeConns
	srv := &http.Server{
		Handler:           app.handler,
		ConnState:         conns.track,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      60 * time.Second,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(log.Handler(), slog.LevelWarn),
	}
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()

	jobsCtx, stopJobs := context.WithCancel(context.WithoutCancel(ctx))
	var jobs sync.WaitGroup
	app.startJobs(jobsCtx, &jobs, c.JobsEvery)
	defer func() { stopJobs(); jobs.Wait() }()

	fmt.Fprintf(stdout, "%shttp://%s/ (%s ; clé de signature %s)\n", listeningPrefix, ln.Addr(), app.storeLabel, app.authority.KeyID())
	if accounts, err := app.store.ListAccounts(ctx, erpps.RoleARSAgent); err == nil && len(accounts) == 0 {
		fmt.Fprintln(stdout, "erpps-server : aucun compte d'agent ARS ; pour une démonstration, lancez « erpps-server seed-demo » avec les mêmes options.")
	}

	select {
	case err := <-served:
		return fmt.Errorf("le serveur s'est arrêté : %w", err)
	case <-ctx.Done():
	}
	log.Info("arrêt demandé : plus de nouvelle connexion, les requêtes en cours se terminent", "en_cours", conns.count())
	shutdownCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), c.ShutdownTimeout)
	defer cancel()
	if err := srv.Shutdown(shutdownCtx); err != nil {
		_ = srv.Close()
		return fmt.Errorf("des requêtes n'ont pas fini dans le délai de %s : %w", c.ShutdownTimeout, err)
	}
	if err := <-served; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	stopJobs()
	jobs.Wait()
	log.Info("arrêté")
	return nil
}
