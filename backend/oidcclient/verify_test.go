package oidcclient

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	jose "github.com/go-jose/go-jose/v4"
)

// fakeProvider serves discovery, a JWKS and a token endpoint answering an ID
// token with the claims the test sets: a provider that forgets acr, say.
type fakeProvider struct {
	srv    *httptest.Server
	key    *ecdsa.PrivateKey
	claims map[string]any
}

func newFakeProvider(t *testing.T) *fakeProvider {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	f := &fakeProvider{key: key}
	mux := http.NewServeMux()
	f.srv = httptest.NewServer(mux)
	t.Cleanup(f.srv.Close)
	mux.HandleFunc("/.well-known/openid-configuration", func(w http.ResponseWriter, r *http.Request) {
		_ = json.NewEncoder(w).Encode(map[string]any{
			"issuer": f.srv.URL, "authorization_endpoint": f.srv.URL + "/authorize", "token_endpoint": f.srv.URL + "/token",
			"jwks_uri": f.srv.URL + "/keys", "code_challenge_methods_supported": []string{"S256"},
			"id_token_signing_alg_values_supported": []string{"ES256"},
		})
	})
	mux.HandleFunc("/keys", func(w http.ResponseWriter, r *http.Request) {
		_ = json.NewEncoder(w).Encode(jose.JSONWebKeySet{Keys: []jose.JSONWebKey{{Key: &key.PublicKey, KeyID: "k1", Algorithm: "ES256", Use: "sig"}}})
	})
	mux.HandleFunc("/token", func(w http.ResponseWriter, r *http.Request) {
		if f.claims == nil { // a refresh answered without an ID token
			w.Header().Set("Content-Type", "application/json")
			_ = json.NewEncoder(w).Encode(map[string]any{"access_token": "at2", "refresh_token": "rt2", "token_type": "Bearer", "expires_in": 300})
			return
		}
		signer, err := jose.NewSigner(jose.SigningKey{Algorithm: jose.ES256, Key: jose.JSONWebKey{Key: key, KeyID: "k1"}}, nil)
		if err != nil {
			t.Error(err)
			return
		}
		payload, _ := json.Marshal(f.claims)
		sig, err := signer.Sign(payload)
		if err != nil {
			t.Error(err)
			return
		}
		raw, _ := sig.CompactSerialize()
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(map[string]any{"access_token": "at", "token_type": "Bearer", "expires_in": 300, "id_token": raw})
	})
	return f
}

func TestVerifyIDToken(t *testing.T) {
	ctx := context.Background()
	f := newFakeProvider(t)
	c, err := New(ctx, Config{Issuer: f.srv.URL})
	if err != nil {
		t.Fatal(err)
	}
	a, err := c.Authorize("http://127.0.0.1:9/callback")
	if err != nil {
		t.Fatal(err)
	}
	now := time.Now().Unix()
	base := func() map[string]any {
		return map[string]any{"iss": f.srv.URL, "aud": "erpps-desktop", "sub": "810001234567", "iat": now, "exp": now + 300,
			"nonce": a.Nonce, "acr": "eidas1", "SubjectNameID": "810001234567", "given_name": "Claire", "family_name": "MARTIN"}
	}
	for _, tc := range []struct {
		name   string
		change func(map[string]any)
		want   error
	}{
		{"MissingACR", func(m map[string]any) { delete(m, "acr") }, ErrACR},
		{"LowerACR", func(m map[string]any) { m["acr"] = "eidas0" }, ErrACR},
		{"MissingNonce", func(m map[string]any) { delete(m, "nonce") }, ErrNonce},
		{"WrongNonce", func(m map[string]any) { m["nonce"] = "other" }, ErrNonce},
		{"OtherAudience", func(m map[string]any) { m["aud"] = "another-client" }, errAny},
		{"Expired", func(m map[string]any) { m["exp"] = now - 60 }, errAny},
		{"Valid", func(map[string]any) {}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f.claims = base()
			tc.change(f.claims)
			s, err := c.Exchange(ctx, a, "code")
			switch {
			case tc.want == nil && err != nil:
				t.Fatal(err)
			case tc.want == nil:
				if s.Identity.IDNPS != "810001234567" || s.Identity.RPPS() != "10001234567" || s.Identity.ACR != "eidas1" {
					t.Fatalf("identity %+v", s.Identity)
				}
			case tc.want == errAny && err == nil:
				t.Fatal("accepted")
			case tc.want != errAny && !errors.Is(err, tc.want):
				t.Fatalf("err = %v, want %v", err, tc.want)
			}
		})
	}
}

// A refresh answered without an ID token keeps the tokens and leaves the
// identity to the login's.
func TestRefreshWithoutIDToken(t *testing.T) {
	f := newFakeProvider(t)
	c, err := New(context.Background(), Config{Issuer: f.srv.URL})
	if err != nil {
		t.Fatal(err)
	}
	s, err := c.Refresh(context.Background(), "rt1")
	if err != nil {
		t.Fatal(err)
	}
	if s.AccessToken != "at2" || s.RefreshToken != "rt2" || s.IDToken != "" || s.Identity != (Identity{}) {
		t.Fatalf("session %+v", s.Identity)
	}
}

// errAny stands for "some verification error".
var errAny = errors.New("any")
