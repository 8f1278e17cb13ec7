package app

import (
	"context"
	"net"
	"net/http"
	"net/url"
	"sync"
	"time"

	"erpps/backend/erpps"
)

// Pro Santé Connect: the practitioner's login with OpenID Connect
// (authorization code with PKCE). The desktop listens for the redirect on
// a loopback port and opens the system browser (RFC 8252); browser mode
// sends the page to the provider, which redirects to erpps web's own
// /callback. The access token then authorises the synchronisation with the
// eRPPS server; the refresh token stays in the store's settings, never
// logged.

// DefaultOIDCClientID is the desktop's client at the provider (a public,
// native client).
const DefaultOIDCClientID = "erpps-desktop"

// loginTimeout bounds a login started and never finished (the browser
// closed, the phone not answered).
const loginTimeout = 10 * time.Minute

// OIDCAuthorization is one authorization under way: the address to open
// and its secrets (state, nonce, PKCE verifier), which never leave Go.
type OIDCAuthorization struct {
	URL         string
	RedirectURI string
	State       string
	// Secret is the client's own record of the authorization (nonce,
	// verifier), handed back to Complete.
	Secret any
}

// OIDCSession is what a login or a refresh gives: the tokens and who the ID
// token names.
type OIDCSession struct {
	AccessToken  string
	RefreshToken string
	IDToken      string
	Expiry       time.Time
	// IDNPS is the national identifier ("8" + RPPS) of the ID token.
	IDNPS      string
	GivenName  string
	FamilyName string
}

// OIDCClient is the OpenID Connect client the login uses
// (backend/oidcclient in the application; a fake in tests).
type OIDCClient interface {
	// Authorize prepares an authorization whose redirect is redirectURI.
	Authorize(redirectURI string) (*OIDCAuthorization, error)
	// Complete reads the redirect's query (code and state, or the
	// provider's error), exchanges the code and checks the ID token.
	Complete(ctx context.Context, a *OIDCAuthorization, query url.Values) (*OIDCSession, error)
	// Refresh exchanges a refresh token for new tokens.
	Refresh(ctx context.Context, refreshToken string) (*OIDCSession, error)
	// Revoke revokes a token at the provider (hint: "refresh_token" or
	// "access_token").
	Revoke(ctx context.Context, token, hint string) error
}

// NewOIDCClient makes the client of the provider at issuer (its discovery
// reaches the network: called when a login starts or a token is
// refreshed, never at start-up).
type NewOIDCClient func(ctx context.Context, issuer string, hc *http.Client) (OIDCClient, error)

// OIDCDeps configure the Pro Santé Connect login.
type OIDCDeps struct {
	// Issuer is the provider ("" for the eRPPS server itself, whose
	// address is on the « Serveur eRPPS » page).
	Issuer string
	New    NewOIDCClient
	// OpenURL opens an address in the system's browser (the desktop's
	// Wails BrowserOpenURL; a test's fake browser).
	OpenURL func(ctx context.Context, url string) error
	// ListenLoopback listens for the redirect on this computer
	// (127.0.0.1, a free port, when nil).
	ListenLoopback func() (net.Listener, error)
	// Now is the clock the tokens' expiry is read with (time.Now when nil).
	Now func() time.Time
}

// LoginStart is what StartProSanteConnect tells the page: the address of
// the provider and whether the page must go there itself (browser mode)
// or the system's browser was opened (the desktop).
type LoginStart struct {
	AuthURL string `json:"authUrl"`
	// Navigate: the page goes to AuthURL (browser mode); otherwise the
	// system's browser shows it and "connection:changed" tells the end.
	Navigate bool `json:"navigate"`
}

// ConnectionChanged is the payload of "connection:changed".
type ConnectionChanged struct {
	// State: "connected", "failed", "cancelled" or "signedOut".
	State   string `json:"state"`
	RPPS    string `json:"rpps,omitempty"`
	Message string `json:"message,omitempty"`
}

// EventConnection carries a ConnectionChanged: a Pro Santé Connect login
// ended (the desktop's system browser came back), or this computer signed
// out.
const EventConnection = "connection:changed"

// pscLogins holds the logins under way, shared by every copy of App: one at
// a time, the newer replacing the older.
type pscLogins struct {
	mu      sync.Mutex
	pending *pendingLogin
	// client is the provider's client once its discovery succeeded.
	client OIDCClient
	issuer string
}

type pendingLogin struct {
	auth  *OIDCAuthorization
	hc    *http.Client
	base  storedServer
	close func() // stops the loopback listener (desktop), nil otherwise
	timer *time.Timer
}

// take returns the login whose state is state, and forgets it (a state is
// used once).
func (l *pscLogins) take(state string) *pendingLogin {
	l.mu.Lock()
	defer l.mu.Unlock()
	p := l.pending
	if p == nil || state == "" || !equal(state, p.auth.State) {
		return nil
	}
	l.pending = nil
	p.timer.Stop()
	return p
}

// replace keeps p as the login under way, ending the previous one.
func (l *pscLogins) replace(p *pendingLogin) {
	l.mu.Lock()
	old := l.pending
	l.pending = p
	l.mu.Unlock()
	if old != nil {
		old.timer.Stop()
		if old.close != nil {
			old.close()
		}
	}
}

// cancel ends the login under way, if any; it says whether one was.
func (l *pscLogins) cancel() bool {
	l.mu.Lock()
	p := l.pending
	l.pending = nil
	l.mu.Unlock()
	if p == nil {
		return false
	}
	p.timer.Stop()
	if p.close != nil {
		p.close()
	}
	return true
}

// clientFor returns the provider's client, discovering it once.
func (l *pscLogins) clientFor(ctx context.Context, deps *OIDCDeps, issuer string, hc *http.Client) (OIDCClient, error) {
	l.mu.Lock()
	c, kept := l.client, l.issuer
	l.mu.Unlock()
	if c != nil && kept == issuer {
		return c, nil
	}
	c, err := deps.New(ctx, issuer, hc)
	if err != nil {
		return nil, pscUnreachable(err)
	}
	l.mu.Lock()
	l.client, l.issuer = c, issuer
	l.mu.Unlock()
	return c, nil
}

// pscUnreachable says that the provider could not be used, in French.
func pscUnreachable(err error) error {
	if e, ok := err.(*erpps.Error); ok && e.Message != "" {
		return err
	}
	return &erpps.Error{Code: erpps.EUNAVAILABLE, Err: err, Message: "Pro Santé Connect ne répond pas : vérifiez la connexion de ce poste à Internet, " +
		"puis réessayez. Si le problème persiste, consultez l'aide à la connexion."}
}
