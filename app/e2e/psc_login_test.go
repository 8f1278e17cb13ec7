package e2e

import (
	"context"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"html"
	"net/http"
	"net/http/httptest"
	"net/url"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	jose "github.com/go-jose/go-jose/v4"
	"github.com/go-jose/go-jose/v4/jwt"
)

// formProvider is an OpenID provider standing for Pro Santé Connect: its
// authorize page asks for the identifier (typed in the browser, key by
// key) and approves at once; tokens as the real one gives them (PKCE S256
// checked, acr eidas1, the IDNPS in SubjectNameID); revocation recorded.
type formProvider struct {
	t   *testing.T
	srv *httptest.Server
	key *rsa.PrivateKey

	mu      sync.Mutex
	pending map[string]url.Values // form id → the authorization request
	codes   map[string]url.Values // code → the request and the identifier
	revoked int
}

func startFormProvider(t *testing.T) *formProvider {
	t.Helper()
	key, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	p := &formProvider{t: t, key: key, pending: map[string]url.Values{}, codes: map[string]url.Values{}}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /.well-known/openid-configuration", func(w http.ResponseWriter, _ *http.Request) {
		u := p.srv.URL
		writeJSONReply(w, map[string]any{
			"issuer": u, "authorization_endpoint": u + "/authorize", "token_endpoint": u + "/token",
			"jwks_uri": u + "/jwks", "revocation_endpoint": u + "/revoke",
			"response_types_supported": []string{"code"}, "subject_types_supported": []string{"public"},
			"id_token_signing_alg_values_supported": []string{"RS256"}, "code_challenge_methods_supported": []string{"S256"},
		})
	})
	mux.HandleFunc("GET /authorize", func(w http.ResponseWriter, r *http.Request) {
		q := r.URL.Query()
		if q.Get("code_challenge_method") != "S256" || q.Get("acr_values") != "eidas1" {
			http.Error(w, "bad request", http.StatusBadRequest)
			return
		}
		id := randomID()
		p.mu.Lock()
		p.pending[id] = q
		p.mu.Unlock()
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		_, _ = w.Write([]byte(`<!doctype html><html lang="fr"><meta charset="utf-8"><title>Connectez-vous</title><main><h1>Connectez-vous</h1>` +
			`<form method="post" action="/login"><input type="hidden" name="id" value="` + html.EscapeString(id) + `">` +
			`<label for="identifiant">Votre identifiant RPPS</label> <input id="identifiant" name="identifiant" autocomplete="off">` +
			`<button id="btn-se-connecter" type="submit">SE CONNECTER AVEC E-CPS</button></form></main></html>`))
	})
	mux.HandleFunc("POST /login", func(w http.ResponseWriter, r *http.Request) {
		_ = r.ParseForm()
		p.mu.Lock()
		q, ok := p.pending[r.PostForm.Get("id")]
		delete(p.pending, r.PostForm.Get("id"))
		code := randomID()
		if ok {
			q.Set("idnps", r.PostForm.Get("identifiant"))
			p.codes[code] = q
		}
		p.mu.Unlock()
		if !ok {
			http.Error(w, "unknown login", http.StatusBadRequest)
			return
		}
		back, _ := url.Parse(q.Get("redirect_uri"))
		back.RawQuery = url.Values{"code": {code}, "state": {q.Get("state")}}.Encode()
		http.Redirect(w, r, back.String(), http.StatusFound)
	})
	mux.HandleFunc("POST /token", func(w http.ResponseWriter, r *http.Request) {
		_ = r.ParseForm()
		p.mu.Lock()
		q, ok := p.codes[r.PostForm.Get("code")]
		delete(p.codes, r.PostForm.Get("code"))
		p.mu.Unlock()
		sum := sha256.Sum256([]byte(r.PostForm.Get("code_verifier")))
		if !ok || r.PostForm.Get("grant_type") != "authorization_code" || base64.RawURLEncoding.EncodeToString(sum[:]) != q.Get("code_challenge") {
			w.WriteHeader(http.StatusBadRequest)
			writeJSONReply(w, map[string]string{"error": "invalid_grant"})
			return
		}
		writeJSONReply(w, map[string]any{"access_token": "at-" + randomID(), "refresh_token": "rt-" + randomID(), "token_type": "Bearer",
			"expires_in": 3600, "id_token": p.idToken(q.Get("idnps"), q.Get("nonce"))})
	})
	mux.HandleFunc("GET /jwks", func(w http.ResponseWriter, _ *http.Request) {
		writeJSONReply(w, jose.JSONWebKeySet{Keys: []jose.JSONWebKey{{Key: &p.key.PublicKey, KeyID: "k1", Algorithm: "RS256", Use: "sig"}}})
	})
	mux.HandleFunc("POST /revoke", func(w http.ResponseWriter, _ *http.Request) {
		p.mu.Lock()
		p.revoked++
		p.mu.Unlock()
	})
	p.srv = httptest.NewServer(mux)
	t.Cleanup(p.srv.Close)
	return p
}

func (p *formProvider) idToken(idnps, nonce string) string {
	signer, err := jose.NewSigner(jose.SigningKey{Algorithm: jose.RS256, Key: jose.JSONWebKey{Key: p.key, KeyID: "k1"}}, nil)
	if err != nil {
		p.t.Error(err)
		return ""
	}
	now := time.Now()
	raw, err := jwt.Signed(signer).Claims(map[string]any{
		"iss": p.srv.URL, "sub": idnps, "aud": "erpps-desktop", "iat": now.Unix(), "exp": now.Add(time.Hour).Unix(), "nonce": nonce,
		"acr": "eidas1", "SubjectNameID": idnps, "preferred_username": idnps, "given_name": "Camille", "family_name": "Martin",
	}).Serialize()
	if err != nil {
		p.t.Error(err)
	}
	return raw
}

func (p *formProvider) revocations() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.revoked
}

// waitTextAfterNavigation waits for s on a page being left for another
// (an evaluation cut by the navigation is tried again).
func waitTextAfterNavigation(t *testing.T, ctx context.Context, s string) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for {
		sctx, cancel := context.WithTimeout(ctx, 2*time.Second)
		ok, err := chromedp.Run(sctx, chromedp.Evaluate[bool](fmt.Sprintf("!!document.body && document.body.innerText.includes(%q)", s)))
		cancel()
		if err == nil && ok {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("text %q never appeared (last error: %v)", s, err)
		}
		time.Sleep(200 * time.Millisecond)
	}
}

func writeJSONReply(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(v)
}

func randomID() string {
	b := make([]byte, 16)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

// TestProSanteConnectLoginInBrowser: out of demo mode, the entry page lists
// no record and a record's address is refused; « Se connecter avec Pro
// Santé Connect » goes to the provider, where the identifier is typed;
// the provider's redirect comes back to erpps web's /callback and the
// practitioner's portal home opens; « Se déconnecter » revokes the tokens
// and brings the entry page back.
func TestProSanteConnectLoginInBrowser(t *testing.T) {
	ctx := newBrowser(t)
	p := demoPractitioner(t)
	dir := t.TempDir()
	seed := startServer(t, dir) // demo mode: writes the demo records
	seed.stop(t)
	prov := startFormProvider(t)
	srv := startServer(t, dir, "--no-demo", "--server", prov.srv.URL)

	step(t, ctx, "open the entry page", chromedp.Navigate(srv.URL+"/"))
	waitText(t, ctx, "Bienvenue sur le portail d'enregistrement eRPPS")
	waitText(t, ctx, "Ce qu'il faut pour la carte CPS")
	waitText(t, ctx, "Aide à la connexion au portail eRPPS")
	if present(t, ctx, "recherche-dossiers") {
		t.Fatal("records are listed out of demo mode without a login")
	}
	look(t, ctx, "connexion-1-accueil")

	step(t, ctx, "open a record by its address", chromedp.Navigate(srv.URL+"/#/pro/"+p.RPPS))
	waitText(t, ctx, "Connectez-vous avec Pro Santé Connect pour ouvrir votre dossier")

	step(t, ctx, "back to the entry page", chromedp.Navigate(srv.URL+"/"))
	clickID(t, ctx, "btn-pro-sante-connect")
	waitTextAfterNavigation(t, ctx, "Votre identifiant RPPS")
	typeInto(t, ctx, "identifiant", "8"+p.RPPS)
	clickID(t, ctx, "btn-se-connecter")

	waitTextAfterNavigation(t, ctx, "Que souhaitez-vous faire ?")
	waitText(t, ctx, p.RPPS)
	loc, err := chromedp.Run(ctx, chromedp.Location())
	if err != nil {
		t.Fatal(err)
	}
	if !endsWith(loc, "#/pro/"+p.RPPS) {
		t.Fatalf("landed on %s, want the portal home of %s", loc, p.RPPS)
	}
	screenshot(t, ctx, "connexion-2-portail")
	var settings struct {
		Method  string `json:"method"`
		Account *struct {
			RPPS string `json:"rpps"`
			Role string `json:"role"`
		} `json:"account"`
	}
	callAPI(t, srv.URL, "ServerSettings", &settings)
	if settings.Method != "psc" || settings.Account == nil || settings.Account.RPPS != p.RPPS || settings.Account.Role != "professional" {
		t.Fatalf("settings after login: %+v", settings)
	}

	step(t, ctx, "the entry page, signed in", chromedp.Navigate(srv.URL+"/"))
	waitText(t, ctx, "Vous êtes connecté : Camille Martin")
	look(t, ctx, "connexion-3-accueil-connecte")
	step(t, ctx, "« Se déconnecter » in the header",
		chromedp.WaitVisible(chromedp.JSPath(`document.querySelector('header [data-action="signout"]')`)),
		chromedp.Click(chromedp.JSPath(`document.querySelector('header [data-action="signout"]')`)))
	waitJS(t, ctx, "signed out", `!!document.getElementById("btn-pro-sante-connect")`)
	if n := prov.revocations(); n != 2 {
		t.Fatalf("%d tokens revoked at sign-out, want 2 (refresh and access)", n)
	}
	var after struct {
		Account *struct {
			RPPS string `json:"rpps"`
		} `json:"account"`
	}
	callAPI(t, srv.URL, "ServerSettings", &after)
	if after.Account != nil {
		t.Fatalf("still signed in: %+v", after.Account)
	}
}
