package server

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"erpps/backend/erpps"
)

// fakeOIDC is a provider whose one live access token is "oidc-good",
// standing for an account.
type fakeOIDC struct{ acct *erpps.Account }

func (f fakeOIDC) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	_, _ = io.WriteString(w, "provider "+r.URL.Path)
}

func (f fakeOIDC) AccountForAccessToken(_ context.Context, token string) (*erpps.Account, time.Time, error) {
	if token != "oidc-good" {
		return nil, time.Time{}, erpps.Errorf(erpps.EUNAUTHORIZED, "Votre session a expiré ou n'existe pas : connectez-vous.")
	}
	return f.acct, time.Now().Add(time.Minute), nil
}

// TestOIDCBearer: the provider's access tokens open the API as the
// practitioner's account (bearer only, never as a cookie); the provider is
// served at its paths.
func TestOIDCBearer(t *testing.T) {
	e := newEnv(t)
	acct, _, err := e.store.FindAccountByLogin(context.Background(), e.a.RPPS)
	if err != nil {
		t.Fatal(err)
	}
	cfg := e.srv.cfg
	cfg.OIDC = fakeOIDC{acct: acct}
	if e.srv, err = newServer(cfg); err != nil {
		t.Fatal(err)
	}
	r := e.do(call{method: "GET", path: "/api/v1/session", token: "oidc-good"})
	var s struct {
		Session erpps.Session `json:"session"`
	}
	r.json(t, &s)
	if r.status != http.StatusOK || s.Session.Account.RPPS != e.a.RPPS {
		t.Fatalf("session with the access token: %d %+v", r.status, s.Session.Account)
	}
	if r := e.do(call{method: "GET", path: "/api/v1/practitioners/" + e.a.RPPS, token: "oidc-good"}); r.status != http.StatusOK {
		t.Fatalf("own record: %d", r.status)
	}
	// Another practitioner's record: refused exactly as to A's password session.
	viaSession := e.do(call{method: "GET", path: "/api/v1/practitioners/" + e.b.RPPS, token: e.signIn(e.a.RPPS)})
	if r := e.do(call{method: "GET", path: "/api/v1/practitioners/" + e.b.RPPS, token: "oidc-good"}); r.status < 400 || r.status != viaSession.status {
		t.Fatalf("another practitioner's record: %d (password session: %d)", r.status, viaSession.status)
	}
	if r := e.do(call{method: "GET", path: "/api/v1/session", token: "oidc-bad"}); r.status != http.StatusUnauthorized {
		t.Fatalf("an unknown token: %d", r.status)
	}
	if r := e.do(call{method: "GET", path: "/api/v1/session", cookie: "oidc-good"}); r.status != http.StatusUnauthorized {
		t.Fatalf("an access token as a cookie: %d", r.status)
	}
	if tok := e.signIn(loginAgentA); tok == "" {
		t.Fatal("password sessions must still work")
	} else if r := e.do(call{method: "GET", path: "/api/v1/session", token: tok}); r.status != http.StatusOK {
		t.Fatalf("a password session beside the provider: %d", r.status)
	}
	for _, path := range []string{"/.well-known/openid-configuration", "/oidc/authorize", "/oidc/login/complete"} {
		w := httptest.NewRecorder()
		e.srv.handler.ServeHTTP(w, httptest.NewRequest("GET", path, nil))
		if w.Body.String() != "provider "+path {
			t.Errorf("%s: %d %q, want the provider", path, w.Code, w.Body.String())
		}
	}
}
