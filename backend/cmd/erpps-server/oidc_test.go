package main

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"erpps/backend/erpps"
	"erpps/backend/oidcclient"
	"erpps/backend/oidcprovider"
	"erpps/backend/signing"
)

const oidcRPPS = "10001234567"

// testLogins is the test's e-CPS: a transaction approved for one auth
// request completes it once.
type testLogins struct {
	mu      sync.Mutex
	account *erpps.Account
	tx      map[string]string // transaction → auth request
}

func (l *testLogins) approve(tx, authRequest string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.tx[tx] = authRequest
}

func (l *testLogins) CompleteLogin(_ context.Context, tx, authRequest string) (*erpps.Account, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if ar, ok := l.tx[tx]; !ok || ar != authRequest {
		return nil, erpps.Errorf(erpps.EUNAUTHORIZED, "Transaction inconnue ou déjà utilisée.")
	}
	delete(l.tx, tx)
	return l.account, nil
}

type oidcServer struct {
	url    string
	app    *app
	logins *testLogins
	clock  *atomic.Pointer[time.Time]
	data   string
	log    *strings.Builder
}

func (s *oidcServer) advance(d time.Duration) {
	t := s.clock.Load().Add(d)
	s.clock.Store(&t)
}

// startOIDCServer runs erpps-server's handler (real SQLite file, real key
// file) on loopback, with the practitioner seeded.
func startOIDCServer(t *testing.T, data string) *oidcServer {
	t.Helper()
	ctx := context.Background()
	srv := httptest.NewUnstartedServer(nil)
	s := &oidcServer{url: "http://" + srv.Listener.Addr().String(), data: data, log: &strings.Builder{},
		logins: &testLogins{tx: map[string]string{}}, clock: &atomic.Pointer[time.Time]{}}
	now := time.Now()
	s.clock.Store(&now)
	c := &config{Data: data, SigningKeyFile: filepath.Join(data, signing.AuthorityFileName), PublicURL: s.url,
		now: func() time.Time { return *s.clock.Load() }, login: s.logins}
	var mu sync.Mutex
	log := slog.New(slog.NewTextHandler(lockedWriter{&mu, s.log}, &slog.HandlerOptions{Level: slog.LevelDebug}))
	// The OIDC library logs to the default logger: capture it too.
	prev := slog.Default()
	slog.SetDefault(log)
	t.Cleanup(func() { slog.SetDefault(prev) })
	a, err := newApp(ctx, c, log)
	if err != nil {
		t.Fatal(err)
	}
	s.app = a
	t.Cleanup(a.close)
	if _, err := a.store.FindPractitionerByRPPS(ctx, oidcRPPS); err != nil {
		p := &erpps.Practitioner{RPPS: oidcRPPS, Civility: "M", BirthName: "LEGRAND", ExerciseName: "LEGRAND", FirstName: "Paul",
			Professions: []erpps.Profession{{Code: "10", CategoryCode: "C"}}, UpdatedAt: now.UTC().Truncate(time.Second)}
		if err := a.store.SavePractitioner(ctx, p); err != nil {
			t.Fatal(err)
		}
		if err := a.store.CreateAccount(ctx, &erpps.Account{ID: "pro-" + oidcRPPS, Login: oidcRPPS, Role: erpps.RoleProfessional,
			Name: "Dr Paul LEGRAND", RPPS: oidcRPPS, CreatedAt: now.UTC().Truncate(time.Second)}, "$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA"); err != nil {
			t.Fatal(err)
		}
	}
	s.logins.account, _, err = a.store.FindAccountByLogin(ctx, oidcRPPS)
	if err != nil {
		t.Fatal(err)
	}
	srv.Config.Handler = a.handler
	srv.Start()
	t.Cleanup(srv.Close)
	return s
}

type lockedWriter struct {
	mu *sync.Mutex
	b  *strings.Builder
}

func (w lockedWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.b.Write(p)
}

var noRedirect = &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}

// browse plays the browser: authorize → the login page (served) → the
// approved e-CPS transaction → /oidc/login/complete → the client's redirect.
func (s *oidcServer) browse(t *testing.T, authURL string) *url.URL {
	t.Helper()
	resp, err := noRedirect.Get(authURL)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	page, err := resp.Location()
	if err != nil || page.Path != "/connexion" {
		t.Fatalf("authorize answered %d to %v, want the login page", resp.StatusCode, page)
	}
	resp, err = http.Get(s.url + page.RequestURI())
	if err != nil {
		t.Fatal(err)
	}
	html, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || !strings.Contains(string(html), `name="erpps-mode" content="server"`) {
		t.Fatalf("the login page: %d", resp.StatusCode)
	}
	id := page.Query().Get("authRequest")
	s.logins.approve("tx-"+id, id)
	resp, err = noRedirect.Get(s.url + "/oidc/login/complete?authRequest=" + url.QueryEscape(id) + "&transaction=" + url.QueryEscape("tx-"+id))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	back, err := resp.Location()
	if err != nil {
		t.Fatalf("login complete answered %d without a redirect", resp.StatusCode)
	}
	return back
}

func apiStatus(t *testing.T, base, token string) int {
	t.Helper()
	var out struct {
		Session erpps.Session `json:"session"`
	}
	st, err := call(t, http.MethodGet, base+"/api/v1/session", token, nil, &out)
	if err != nil {
		t.Fatal(err)
	}
	if st == http.StatusOK && out.Session.Account.RPPS != oidcRPPS {
		t.Fatalf("the token's account is %+v", out.Session.Account)
	}
	return st
}

func wantOAuthError(t *testing.T, err error, code string) {
	t.Helper()
	var pe *oidcclient.ProviderError
	if !errors.As(err, &pe) || pe.Code != code {
		t.Fatalf("err = %v, want %s", err, code)
	}
}

// TestOIDCEndToEnd: the desktop's client logs in against erpps-server's
// provider on loopback (loopback redirect, PKCE, state, nonce, acr), calls
// the API with the access token, refreshes (rotation), survives a restart,
// revokes; then every refusal.
func TestOIDCEndToEnd(t *testing.T) {
	ctx := context.Background()
	data := t.TempDir()
	s := startOIDCServer(t, data)
	c, err := oidcclient.New(ctx, oidcclient.Config{Issuer: s.url, Now: func() time.Time { return *s.clock.Load() }})
	if err != nil {
		t.Fatal(err)
	}
	l, err := c.StartLoopback(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	back := s.browse(t, l.AuthURL())
	resp, err := http.Get(back.String()) // the browser reaches the desktop's listener
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	wctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	sess, err := l.Wait(wctx)
	if err != nil {
		t.Fatal(err)
	}
	if sess.Identity.IDNPS != "8"+oidcRPPS || sess.Identity.ACR != "eidas1" || sess.Identity.FamilyName != "LEGRAND" || sess.Identity.GivenName != "Paul" {
		t.Fatalf("identity %+v", sess.Identity)
	}
	if st := apiStatus(t, s.url, sess.AccessToken); st != http.StatusOK {
		t.Fatalf("API with the access token: %d", st)
	}
	if st, _ := call(t, http.MethodGet, s.url+"/api/v1/practitioners/"+oidcRPPS, sess.AccessToken, nil, nil); st != http.StatusOK {
		t.Fatalf("own record with the access token: %d", st)
	}
	if info, err := os.Stat(filepath.Join(data, oidcprovider.KeyFileName)); err != nil || info.Mode().Perm() != 0o600 {
		t.Fatalf("the provider's key file: %v %v", info, err)
	}

	// A restart keeps the grants (store) and the key (file).
	s.app.close()
	s = startOIDCServer(t, data)
	c, err = oidcclient.New(ctx, oidcclient.Config{Issuer: s.url, Now: func() time.Time { return *s.clock.Load() }})
	if err != nil {
		t.Fatal(err)
	}
	sess2, err := c.Refresh(ctx, sess.RefreshToken)
	if err != nil {
		t.Fatalf("a refresh token from before the restart: %v", err)
	}
	if st := apiStatus(t, s.url, sess2.AccessToken); st != http.StatusOK {
		t.Fatalf("API after the restart: %d", st)
	}
	t.Run("Refusals", func(t *testing.T) { oidcRefusals(t, s, c) })
}

// loginCodeAt logs in to a redirect nobody listens on and returns the code.
func loginCodeAt(t *testing.T, s *oidcServer, c *oidcclient.Client) (*oidcclient.Authorization, string) {
	t.Helper()
	a, err := c.Authorize("http://127.0.0.1:9/callback")
	if err != nil {
		t.Fatal(err)
	}
	back := s.browse(t, a.URL)
	if back.Query().Get("state") != a.State {
		t.Fatal("state not returned")
	}
	return a, back.Query().Get("code")
}

func oidcRefusals(t *testing.T, s *oidcServer, c *oidcclient.Client) {
	ctx := context.Background()
	t.Run("RefreshAndRevoke", func(t *testing.T) {
		a, code := loginCodeAt(t, s, c)
		sess, err := c.Exchange(ctx, a, code)
		if err != nil {
			t.Fatal(err)
		}
		s2, err := c.Refresh(ctx, sess.RefreshToken)
		if err != nil {
			t.Fatal(err)
		}
		if s2.RefreshToken == sess.RefreshToken || apiStatus(t, s.url, s2.AccessToken) != http.StatusOK {
			t.Fatal("refresh must rotate and give a working access token")
		}
		if err := c.Revoke(ctx, s2.RefreshToken, "refresh_token"); err != nil {
			t.Fatal(err)
		}
		_, err = c.Refresh(ctx, s2.RefreshToken)
		wantOAuthError(t, err, "invalid_grant")
		if st := apiStatus(t, s.url, s2.AccessToken); st != http.StatusUnauthorized {
			t.Fatalf("API with a revoked grant's access token: %d", st)
		}
	})
	t.Run("WrongPKCEVerifier", func(t *testing.T) {
		a, code := loginCodeAt(t, s, c)
		w := *a
		w.Verifier = strings.Repeat("v", 50)
		_, err := c.Exchange(ctx, &w, code)
		wantOAuthError(t, err, "invalid_grant")
	})
	t.Run("CodeReuse", func(t *testing.T) {
		a, code := loginCodeAt(t, s, c)
		sess, err := c.Exchange(ctx, a, code)
		if err != nil {
			t.Fatal(err)
		}
		_, err = c.Exchange(ctx, a, code)
		wantOAuthError(t, err, "invalid_grant")
		if st := apiStatus(t, s.url, sess.AccessToken); st != http.StatusUnauthorized {
			t.Fatalf("tokens of a replayed code still accepted: %d", st)
		}
	})
	t.Run("WrongRedirect", func(t *testing.T) {
		a, code := loginCodeAt(t, s, c)
		w := *a
		w.RedirectURI = "http://127.0.0.1:10/callback"
		_, err := c.Exchange(ctx, &w, code)
		wantOAuthError(t, err, "invalid_grant")
		bad, _ := c.Authorize("http://attacker.example/callback")
		resp, err := noRedirect.Get(bad.URL)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if loc, _ := resp.Location(); loc != nil || resp.StatusCode < 400 {
			t.Fatalf("unregistered redirect: %d to %v", resp.StatusCode, loc)
		}
	})
	t.Run("MissingACR", func(t *testing.T) {
		strict, err := oidcclient.New(ctx, oidcclient.Config{Issuer: s.url, ACR: "eidas2", Now: func() time.Time { return *s.clock.Load() }})
		if err != nil {
			t.Fatal(err)
		}
		a, code := loginCodeAt(t, s, strict)
		_, err = strict.Exchange(ctx, a, code)
		if !errors.Is(err, oidcclient.ErrACR) {
			t.Fatalf("err = %v, want ErrACR", err)
		}
	})
	t.Run("ExpiredCode", func(t *testing.T) {
		a, code := loginCodeAt(t, s, c)
		s.advance(2 * time.Minute)
		_, err := c.Exchange(ctx, a, code)
		wantOAuthError(t, err, "invalid_grant")
	})
	t.Run("NothingSecretLogged", func(t *testing.T) {
		a, code := loginCodeAt(t, s, c)
		sess, err := c.Exchange(ctx, a, code)
		if err != nil {
			t.Fatal(err)
		}
		apiStatus(t, s.url, sess.AccessToken)
		logged := s.log.String()
		for name, secret := range map[string]string{"code": code, "access token": sess.AccessToken, "refresh token": sess.RefreshToken,
			"verifier": a.Verifier, "IDNPS": "8" + oidcRPPS} {
			if strings.Contains(logged, secret) {
				t.Errorf("the log holds the %s", name)
			}
		}
		if !strings.Contains(logged, "oidc: login completed") {
			t.Errorf("the log should say a login completed (without who): %q", logged)
		}
	})
}
