package app

import (
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"sync"
	"testing"
	"time"

	jose "github.com/go-jose/go-jose/v4"
	"github.com/go-jose/go-jose/v4/jwt"
)

// fakeProvider is an OpenID provider playing Pro Santé Connect for the
// real client (backend/oidcclient): discovery, authorize (PKCE S256,
// acr_values), token (code with its verifier, refresh with rotation),
// JWKS, revocation. Its user is IDNPS; acr is what its ID tokens carry.
type fakeProvider struct {
	t   *testing.T
	srv *httptest.Server
	key *rsa.PrivateKey

	mu        sync.Mutex
	idnps     string
	acr       string
	ttl       time.Duration
	deny      bool // /authorize answers error=access_denied
	codes     map[string]fakeGrant
	refreshes map[string]bool // refresh token → valid
	access    map[string]bool // access token → valid
	revoked   []string
	refreshed int
}

type fakeGrant struct {
	challenge, nonce, redirect string
}

func newFakeProvider(t *testing.T, idnps string) *fakeProvider {
	t.Helper()
	key, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	p := &fakeProvider{t: t, key: key, idnps: idnps, acr: "eidas1", ttl: time.Hour,
		codes: map[string]fakeGrant{}, refreshes: map[string]bool{}, access: map[string]bool{}}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /.well-known/openid-configuration", p.discovery)
	mux.HandleFunc("GET /authorize", p.authorize)
	mux.HandleFunc("POST /token", p.token)
	mux.HandleFunc("GET /jwks", p.jwks)
	mux.HandleFunc("POST /revoke", p.revoke)
	p.srv = httptest.NewServer(mux)
	t.Cleanup(p.srv.Close)
	return p
}

func (p *fakeProvider) discovery(w http.ResponseWriter, _ *http.Request) {
	u := p.srv.URL
	writeJSON(w, http.StatusOK, map[string]any{
		"issuer": u, "authorization_endpoint": u + "/authorize", "token_endpoint": u + "/token",
		"jwks_uri": u + "/jwks", "revocation_endpoint": u + "/revoke",
		"response_types_supported": []string{"code"}, "subject_types_supported": []string{"public"},
		"id_token_signing_alg_values_supported": []string{"RS256"},
		"code_challenge_methods_supported":      []string{"S256"},
	})
}

func (p *fakeProvider) authorize(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	redirect, err := url.Parse(q.Get("redirect_uri"))
	if err != nil || q.Get("client_id") != DefaultOIDCClientID || q.Get("code_challenge_method") != "S256" || q.Get("acr_values") != "eidas1" {
		http.Error(w, "bad authorization request", http.StatusBadRequest)
		return
	}
	back := url.Values{"state": {q.Get("state")}}
	p.mu.Lock()
	if p.deny {
		back.Set("error", "access_denied")
	} else {
		code := randomHex()
		p.codes[code] = fakeGrant{challenge: q.Get("code_challenge"), nonce: q.Get("nonce"), redirect: redirect.String()}
		back.Set("code", code)
	}
	p.mu.Unlock()
	redirect.RawQuery = back.Encode()
	http.Redirect(w, r, redirect.String(), http.StatusFound)
}

func (p *fakeProvider) token(w http.ResponseWriter, r *http.Request) {
	_ = r.ParseForm()
	p.mu.Lock()
	defer p.mu.Unlock()
	refused := func() {
		writeJSON(w, http.StatusBadRequest, map[string]string{"error": "invalid_grant"})
	}
	nonce := ""
	switch r.PostForm.Get("grant_type") {
	case "authorization_code":
		g, ok := p.codes[r.PostForm.Get("code")]
		delete(p.codes, r.PostForm.Get("code"))
		sum := sha256.Sum256([]byte(r.PostForm.Get("code_verifier")))
		if !ok || base64.RawURLEncoding.EncodeToString(sum[:]) != g.challenge || r.PostForm.Get("redirect_uri") != g.redirect {
			refused()
			return
		}
		nonce = g.nonce
	case "refresh_token":
		rt := r.PostForm.Get("refresh_token")
		if !p.refreshes[rt] {
			refused()
			return
		}
		p.refreshes[rt] = false // rotated
		p.refreshed++
	default:
		refused()
		return
	}
	access, refresh := "at-"+randomHex(), "rt-"+randomHex()
	p.access[access], p.refreshes[refresh] = true, true
	writeJSON(w, http.StatusOK, map[string]any{
		"access_token": access, "token_type": "Bearer", "refresh_token": refresh,
		"expires_in": int(p.ttl.Seconds()), "id_token": p.idToken(nonce),
	})
}

func (p *fakeProvider) idToken(nonce string) string {
	signer, err := jose.NewSigner(jose.SigningKey{Algorithm: jose.RS256, Key: jose.JSONWebKey{Key: p.key, KeyID: "k1"}}, nil)
	if err != nil {
		p.t.Fatal(err)
	}
	now := time.Now()
	claims := map[string]any{
		"iss": p.srv.URL, "sub": p.idnps, "aud": DefaultOIDCClientID, "iat": now.Unix(), "exp": now.Add(time.Hour).Unix(),
		"preferred_username": p.idnps, "SubjectNameID": p.idnps, "given_name": "Camille", "family_name": "Martin",
	}
	if p.acr != "" {
		claims["acr"] = p.acr
	}
	if nonce != "" {
		claims["nonce"] = nonce
	}
	raw, err := jwt.Signed(signer).Claims(claims).Serialize()
	if err != nil {
		p.t.Fatal(err)
	}
	return raw
}

func (p *fakeProvider) jwks(w http.ResponseWriter, _ *http.Request) {
	writeJSON(w, http.StatusOK, jose.JSONWebKeySet{Keys: []jose.JSONWebKey{{Key: &p.key.PublicKey, KeyID: "k1", Algorithm: "RS256", Use: "sig"}}})
}

func (p *fakeProvider) revoke(w http.ResponseWriter, r *http.Request) {
	_ = r.ParseForm()
	p.mu.Lock()
	tok := r.PostForm.Get("token")
	p.revoked = append(p.revoked, tok)
	p.refreshes[tok], p.access[tok] = false, false
	p.mu.Unlock()
	w.WriteHeader(http.StatusOK)
}

// validAccess tells whether the provider still accepts an access token.
func (p *fakeProvider) validAccess(tok string) bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.access[tok]
}

func (p *fakeProvider) set(f func(p *fakeProvider)) {
	p.mu.Lock()
	defer p.mu.Unlock()
	f(p)
}

func randomHex() string {
	b := make([]byte, 16)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

// fakeBrowser is the system's browser: it follows the provider's redirect
// to the loopback callback, as a browser would, and keeps the last page.
type fakeBrowser struct {
	mu    sync.Mutex
	pages []string
	done  chan struct{}
}

func newFakeBrowser() *fakeBrowser { return &fakeBrowser{done: make(chan struct{}, 8)} }

func (b *fakeBrowser) open(u string) {
	go func() {
		defer func() { b.done <- struct{}{} }()
		res, err := http.Get(u)
		page := ""
		if err == nil {
			var buf [4096]byte
			n, _ := res.Body.Read(buf[:])
			page = string(buf[:n])
			_ = res.Body.Close()
		} else {
			page = "error: " + err.Error()
		}
		b.mu.Lock()
		b.pages = append(b.pages, page)
		b.mu.Unlock()
	}()
}

func (b *fakeBrowser) lastPage(t *testing.T) string {
	t.Helper()
	select {
	case <-b.done:
	case <-time.After(10 * time.Second):
		t.Fatal("the browser never came back")
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.pages[len(b.pages)-1]
}

// jsonOf is v's JSON, for messages.
func jsonOf(v any) string {
	raw, _ := json.Marshal(v)
	return string(raw)
}
