package main

import (
	"context"
	"crypto/tls"
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
	fs.string(&c.Addr, "addr", "127.0.0.1:8443", "adresse d'écoute (HTTP, ou HTTPS avec --tls-cert et --tls-key)")
	fs.string(&c.TLSCert, "tls-cert", "", "certificat du serveur (PEM, chaîne complète) : sert en HTTPS ; avec --tls-key")
	fs.string(&c.TLSKey, "tls-key", "", "clé privée du certificat (PEM)")
	fs.string(&c.PublicURL, "public-url", "", "adresse publique du serveur, émetteur OpenID Connect (par défaut http(s)://<adresse d'écoute>)")
	fs.storeFlags(&c)
	fs.duration(&c.ShutdownTimeout, "shutdown-timeout", 30*time.Second, "temps laissé aux requêtes en cours pour finir à l'arrêt (SIGTERM)")
	fs.duration(&c.JobsEvery, "jobs-every", time.Hour, "intervalle des tâches périodiques : clôture des demandes de complément échues, suppression des sessions expirées")
	fs.duration(&c.SessionTTL, "session-ttl", 8*time.Hour, "durée de vie d'une session")
	fs.duration(&c.SyncRetention, "sync-retention", 90*24*time.Hour, "durée de conservation du journal des changements ; un poste absent plus longtemps se resynchronise d'un instantané")
	fs.int(&c.MaxBodyBytes, "max-body-bytes", 0, "taille maximale du corps d'une requête, en octets (0 : celle de l'API, 256 Kio)")
	fs.int(&c.MaxSignIns, "max-sign-ins", 0, "vérifications de mot de passe simultanées (0 : une par cœur)")
	fs.deliveryFlags(&c)
	fs.franceConnectFlags(&c.FranceConnect)
	if err := fs.parse(args, &c); err != nil {
		return err
	}
	if err := parseDelivery(&c, getenv); err != nil {
		return err
	}
	if (c.TLSCert == "") != (c.TLSKey == "") {
		return fmt.Errorf("--tls-cert et --tls-key vont ensemble : donnez les deux pour servir en HTTPS, ou aucun")
	}
	ctx, stop := signal.NotifyContext(ctx, syscall.SIGTERM, os.Interrupt)
	defer stop()
	go func() {
		<-ctx.Done()
		stop() // a second signal stops at once, without waiting for the requests
	}()
	return serve(ctx, &c, stdout, stderr)
}

// loadTLS reads the server's certificate and key when HTTPS is asked for
// (nil otherwise): TLS 1.2 at least.
func loadTLS(c *config) (*tls.Config, error) {
	if c.TLSCert == "" {
		return nil, nil
	}
	cert, err := tls.LoadX509KeyPair(c.TLSCert, c.TLSKey)
	if err != nil {
		return nil, fmt.Errorf("impossible de lire le certificat TLS (%s) ou sa clé (%s) : %w", c.TLSCert, c.TLSKey, err)
	}
	return &tls.Config{Certificates: []tls.Certificate{cert}, MinVersion: tls.VersionTLS12}, nil
}

// serve runs the server until ctx is done (SIGTERM, Ctrl-C): it then stops
// accepting connections, lets the requests in flight finish (within
// ShutdownTimeout), stops the periodic jobs, and closes the store. Nothing
// acknowledged is lost: every response sent was committed first.
func serve(ctx context.Context, c *config, stdout, stderr io.Writer) error {
	log := slog.New(slog.NewTextHandler(stderr, nil))
	tlsConfig, err := loadTLS(c)
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", c.Addr)
	if err != nil {
		return fmt.Errorf("impossible d'écouter sur %s : %w", c.Addr, err)
	}
	if c.PublicURL == "" {
		c.PublicURL = defaultPublicURL(tlsConfig != nil, ln.Addr())
	}
	app, err := newApp(ctx, c, log)
	if err != nil {
		ln.Close()
		return err
	}
	defer app.close()
	var conns activeConns
	stopping, stopLongPolls := context.WithCancel(context.Background())
	defer stopLongPolls()
	srv := &http.Server{
		Handler:           endLongPolls(app.handler, stopping),
		ConnState:         conns.track,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      60 * time.Second,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(log.Handler(), slog.LevelWarn),
		TLSConfig:         tlsConfig,
	}
	srv.RegisterOnShutdown(stopLongPolls)
	scheme := "http"
	if tlsConfig != nil {
		scheme = "https"
	}
	served := make(chan error, 1)
	go func() {
		if tlsConfig != nil {
			served <- srv.ServeTLS(ln, "", "") // the certificate is in TLSConfig
			return
		}
		served <- srv.Serve(ln)
	}()

	jobsCtx, stopJobs := context.WithCancel(context.WithoutCancel(ctx))
	var jobs sync.WaitGroup
	app.startJobs(jobsCtx, &jobs, c.JobsEvery)
	defer func() { stopJobs(); jobs.Wait() }()

	fmt.Fprintf(stdout, "%s%s://%s/ (%s ; clé de signature %s)\n", listeningPrefix, scheme, ln.Addr(), app.storeLabel, app.authority.KeyID())
	fmt.Fprintf(stdout, "erpps-server : %s\n", app.delivery.describe)
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

// longPollPath is the desktops' long poll, which waits up to 25 s.
const longPollPath = "/api/v1/sync/wait"

// endLongPolls ends the long polls once the server stops: they answer at
// once (the current change sequence) instead of holding the shutdown, and
// the desktops ask again when the server is back. The other requests in
// flight finish.
func endLongPolls(h http.Handler, stopping context.Context) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != longPollPath {
			h.ServeHTTP(w, r)
			return
		}
		ctx, cancel := context.WithCancel(r.Context())
		defer cancel()
		defer context.AfterFunc(stopping, cancel)()
		h.ServeHTTP(w, r.WithContext(ctx))
	})
}

// defaultPublicURL is the server's URL from its listening address: an
// unspecified host (":8443") reads as the loopback address.
func defaultPublicURL(https bool, addr net.Addr) string {
	scheme := "http"
	if https {
		scheme = "https"
	}
	host, port, err := net.SplitHostPort(addr.String())
	if err != nil {
		return scheme + "://" + addr.String()
	}
	if ip := net.ParseIP(host); ip != nil && ip.IsUnspecified() {
		host = "127.0.0.1"
	}
	return scheme + "://" + net.JoinHostPort(host, port)
}
