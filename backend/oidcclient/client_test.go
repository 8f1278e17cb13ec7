package oidcclient

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"testing"
)

// discovery serves a discovery document offering the given PKCE methods.
func discovery(t *testing.T, methods []string) *httptest.Server {
	t.Helper()
	var srv *httptest.Server
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/.well-known/openid-configuration" {
			http.NotFound(w, r)
			return
		}
		_ = json.NewEncoder(w).Encode(map[string]any{
			"issuer":                           srv.URL,
			"authorization_endpoint":           srv.URL + "/authorize",
			"token_endpoint":                   srv.URL + "/oauth/token",
			"jwks_uri":                         srv.URL + "/keys",
			"revocation_endpoint":              srv.URL + "/revoke",
			"end_session_endpoint":             srv.URL + "/end_session",
			"code_challenge_methods_supported": methods,
		})
	}))
	t.Cleanup(srv.Close)
	return srv
}

func TestNewRequiresPKCES256(t *testing.T) {
	for _, tc := range []struct {
		methods []string
		ok      bool
	}{{[]string{"S256"}, true}, {[]string{"plain"}, false}, {nil, false}} {
		srv := discovery(t, tc.methods)
		_, err := New(context.Background(), Config{Issuer: srv.URL})
		if (err == nil) != tc.ok {
			t.Errorf("methods %v: err = %v, want ok=%v", tc.methods, err, tc.ok)
		}
	}
}

func TestAuthorizeURL(t *testing.T) {
	srv := discovery(t, []string{"S256"})
	c, err := New(context.Background(), Config{Issuer: srv.URL})
	if err != nil {
		t.Fatal(err)
	}
	a, err := c.Authorize("http://127.0.0.1:4567/callback")
	if err != nil {
		t.Fatal(err)
	}
	u, err := url.Parse(a.URL)
	if err != nil {
		t.Fatal(err)
	}
	q := u.Query()
	want := map[string]string{
		"client_id": "erpps-desktop", "response_type": "code", "scope": "openid scope_all offline_access",
		"acr_values": "eidas1", "code_challenge_method": "S256", "state": a.State, "nonce": a.Nonce,
		"redirect_uri": "http://127.0.0.1:4567/callback",
	}
	for k, v := range want {
		if q.Get(k) != v {
			t.Errorf("%s = %q, want %q", k, q.Get(k), v)
		}
	}
	if q.Get("code_challenge") == "" || q.Get("code_challenge") == a.Verifier {
		t.Errorf("code_challenge %q must be the S256 of the verifier", q.Get("code_challenge"))
	}
	b, _ := c.Authorize("http://127.0.0.1:4567/callback")
	if a.State == b.State || a.Nonce == b.Nonce || a.Verifier == b.Verifier {
		t.Error("state, nonce and verifier must be fresh for every login")
	}
}

func TestCompleteRefusesWrongState(t *testing.T) {
	srv := discovery(t, []string{"S256"})
	c, err := New(context.Background(), Config{Issuer: srv.URL})
	if err != nil {
		t.Fatal(err)
	}
	a, _ := c.Authorize("http://127.0.0.1:4567/callback")
	_, err = c.Complete(context.Background(), a, url.Values{"state": {"other"}, "code": {"x"}})
	if err != ErrState {
		t.Fatalf("err = %v, want ErrState", err)
	}
	_, err = c.Complete(context.Background(), a, url.Values{"error": {"access_denied"}})
	if err == nil {
		t.Fatal("an error redirect must fail")
	}
}

func TestIdentityRPPS(t *testing.T) {
	if got := (Identity{IDNPS: "810001234567"}).RPPS(); got != "10001234567" {
		t.Errorf("RPPS = %q", got)
	}
	if got := (Identity{IDNPS: "0123456789"}).RPPS(); got != "" {
		t.Errorf("ADELI IDNPS gave RPPS %q", got)
	}
}
