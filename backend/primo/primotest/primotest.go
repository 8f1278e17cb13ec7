// Package primotest plays FranceConnect for the tests: github.com/oauth2-proxy/mockoidc
// on loopback, answering FranceConnect's identité pivot for the people
// queued.
package primotest

import (
	"encoding/json"
	"net/http"
	"net/url"
	"testing"

	"github.com/golang-jwt/jwt/v5"
	"github.com/oauth2-proxy/mockoidc"

	"erpps/backend/erpps"
	"erpps/backend/primo"
)

// Person is someone FranceConnect identifies.
type Person struct {
	Identity erpps.Identity
	// ACR is the ID token's acr ("eidas1" when empty; "-" for none).
	ACR string
	// Nonce, when set, replaces the ID token's nonce (a replayed token).
	Nonce string
}

// Angela is the test person of FranceConnect's documentation, with no RPPS
// number.
func Angela() Person {
	return Person{Identity: erpps.Identity{Subject: "b6048e95bb134ec5b1d1e1fa69f287172e91722b9354d637a1bcf2ebb0fd2ef5v1",
		GivenName: "Angela Claire Louise", FamilyName: "DUBOIS", BirthDate: "1962-08-24", Gender: "female",
		BirthPlace: "75107", BirthCountry: "99100", Email: "wossewodda-3728@yopmail.com"}}
}

func (p Person) ID() string { return p.Identity.Subject }

func (p Person) Userinfo([]string) ([]byte, error) {
	id := p.Identity
	return json.Marshal(map[string]string{"sub": id.Subject, "given_name": id.GivenName, "family_name": id.FamilyName,
		"birthdate": id.BirthDate, "gender": id.Gender, "birthplace": id.BirthPlace, "birthcountry": id.BirthCountry, "email": id.Email})
}

type claims struct {
	*mockoidc.IDTokenClaims
	ACR string `json:"acr,omitempty"`
}

func (p Person) Claims(_ []string, base *mockoidc.IDTokenClaims) (jwt.Claims, error) {
	c := claims{IDTokenClaims: base, ACR: p.ACR}
	switch p.ACR {
	case "":
		c.ACR = "eidas1"
	case "-":
		c.ACR = ""
	}
	if p.Nonce != "" {
		copied := *base
		copied.Nonce = p.Nonce
		c.IDTokenClaims = &copied
	}
	return c, nil
}

// FranceConnect is the fake provider.
type FranceConnect struct {
	*mockoidc.MockOIDC
}

// Start runs a fake FranceConnect on loopback until the test ends.
func Start(t testing.TB) *FranceConnect {
	t.Helper()
	m, err := mockoidc.Run()
	if err != nil {
		t.Fatalf("mockoidc: %v", err)
	}
	t.Cleanup(func() { _ = m.Shutdown() })
	return &FranceConnect{m}
}

// Config is the client configuration of the fake, redirecting to redirect.
func (f *FranceConnect) Config(redirect string) primo.FranceConnectConfig {
	c := f.MockOIDC.Config()
	return primo.FranceConnectConfig{Issuer: c.Issuer, ClientID: c.ClientID, ClientSecret: c.ClientSecret, RedirectURL: redirect,
		Scopes: []string{"openid", "profile", "email"}, ACR: "eidas1"}
}

// Queue makes p the next person to sign in.
func (f *FranceConnect) Queue(p Person) { f.QueueUser(p) }

// Authorize plays the person's browser at FranceConnect: it opens authURL
// and returns the query of the redirect back to the client (code, state).
func Authorize(t testing.TB, authURL string) url.Values {
	t.Helper()
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := client.Get(authURL)
	if err != nil {
		t.Fatalf("authorize: %v", err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusFound {
		t.Fatalf("authorize: status %d, want 302", resp.StatusCode)
	}
	loc, err := url.Parse(resp.Header.Get("Location"))
	if err != nil {
		t.Fatalf("authorize: %v", err)
	}
	return loc.Query()
}
