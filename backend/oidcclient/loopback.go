package oidcclient

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"sync"
	"time"
)

// LoopbackLogin is a native login (RFC 8252): a listener on 127.0.0.1 with a port the
// system chose receives the provider's redirect at /callback.
type LoopbackLogin struct {
	client *Client
	auth   *Authorization
	ln     net.Listener
	srv    *http.Server
	once   sync.Once
	result chan loopbackResult
}

type loopbackResult struct {
	session *Session
	err     error
}

// The French pages the browser shows after the redirect.
const (
	pageSuccess = "Connexion réussie. Vous pouvez fermer cette page et revenir à eRPPS."
	pageFailure = "La connexion a échoué. Revenez à eRPPS pour réessayer."
)

// StartLoopback opens the listener and prepares the authorization; open AuthURL in the
// system browser, then Wait. Close releases the listener.
func (c *Client) StartLoopback(ctx context.Context) (*LoopbackLogin, error) {
	var lc net.ListenConfig
	ln, err := lc.Listen(ctx, "tcp", "127.0.0.1:0")
	if err != nil {
		return nil, fmt.Errorf("oidcclient: unable to listen on loopback: %w", err)
	}
	redirect := fmt.Sprintf("http://%s/callback", ln.Addr().String())
	a, err := c.Authorize(redirect)
	if err != nil {
		ln.Close()
		return nil, err
	}
	l := &LoopbackLogin{client: c, auth: a, ln: ln, result: make(chan loopbackResult, 1)}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /callback", l.callback)
	l.srv = &http.Server{Handler: mux, ReadHeaderTimeout: 10 * time.Second}
	go func() { _ = l.srv.Serve(ln) }()
	return l, nil
}

// AuthURL is the provider's authorization URL to open in the browser.
func (l *LoopbackLogin) AuthURL() string { return l.auth.URL }

// RedirectURI is the loopback redirect registered for this login.
func (l *LoopbackLogin) RedirectURI() string { return l.auth.RedirectURI }

func (l *LoopbackLogin) callback(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	if q.Get("state") == "" && q.Get("error") == "" {
		http.Error(w, "requête inattendue", http.StatusBadRequest)
		return
	}
	s, err := l.client.Complete(r.Context(), l.auth, q)
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	if err != nil {
		w.WriteHeader(http.StatusBadRequest)
		fmt.Fprintf(w, "<!doctype html><meta charset=utf-8><title>eRPPS</title><p>%s</p>", pageFailure)
	} else {
		fmt.Fprintf(w, "<!doctype html><meta charset=utf-8><title>eRPPS</title><p>%s</p>", pageSuccess)
	}
	l.once.Do(func() { l.result <- loopbackResult{session: s, err: err} })
}

// Wait returns the session once the redirect came back and was verified, or the error.
func (l *LoopbackLogin) Wait(ctx context.Context) (*Session, error) {
	select {
	case res := <-l.result:
		return res.session, res.err
	case <-ctx.Done():
		return nil, fmt.Errorf("oidcclient: login not completed: %w", ctx.Err())
	}
}

// Close stops the loopback listener.
func (l *LoopbackLogin) Close() error {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	if err := l.srv.Shutdown(ctx); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("oidcclient: unable to close the loopback listener: %w", err)
	}
	return nil
}
