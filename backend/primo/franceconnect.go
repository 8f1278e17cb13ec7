package primo

import (
	"context"
	"crypto/rand"
	"encoding/base64"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/coreos/go-oidc/v3/oidc"
	"golang.org/x/oauth2"

	"erpps/backend/erpps"
)

// DefaultScopes are the claims of FranceConnect's « identité pivot » the
// registration needs.
var DefaultScopes = []string{oidc.ScopeOpenID, "given_name", "family_name", "birthdate", "gender", "birthplace", "birthcountry", "email"}

// FranceConnectConfig says which FranceConnect (or which sandbox, or which
// test provider) the server is a client of.
type FranceConnectConfig struct {
	Issuer       string // discovery at Issuer + /.well-known/openid-configuration
	ClientID     string
	ClientSecret string
	RedirectURL  string // the server's /api/v1/franceconnect/callback
	Scopes       []string
	// ACR is asked (acr_values) and required in the ID token ("eidas1");
	// empty asks and checks nothing.
	ACR string
	// HTTPClient talks to the provider (a 10 s timeout when nil).
	HTTPClient *http.Client
}

// FranceConnect is the OpenID Connect client of FranceConnect. The
// provider's discovery document is read at the first use (and again after
// a failure), so that the server starts while FranceConnect is away.
type FranceConnect struct {
	cfg      FranceConnectConfig
	mu       sync.Mutex
	provider *oidc.Provider
}

// NewFranceConnect checks cfg and returns the client.
func NewFranceConnect(cfg FranceConnectConfig) (*FranceConnect, error) {
	if cfg.Issuer == "" || cfg.ClientID == "" || cfg.ClientSecret == "" || cfg.RedirectURL == "" {
		return nil, errors.New("primo: FranceConnect needs an issuer, a client id, a client secret and a redirect URL")
	}
	if len(cfg.Scopes) == 0 {
		cfg.Scopes = DefaultScopes
	}
	if cfg.HTTPClient == nil {
		cfg.HTTPClient = &http.Client{Timeout: 10 * time.Second}
	}
	return &FranceConnect{cfg: cfg}, nil
}

// unavailable is the reply when FranceConnect cannot be reached.
func unavailable(err error) error {
	return &erpps.Error{Code: erpps.EUNAVAILABLE, Message: "FranceConnect ne répond pas pour le moment. Réessayez dans quelques instants.", Err: err}
}

// refused is the reply when FranceConnect's answer cannot be trusted.
func refused(err error) error {
	return &erpps.Error{Code: erpps.EUNAUTHORIZED, Message: "L'identification FranceConnect n'a pas abouti. Recommencez depuis « S'identifier avec FranceConnect ».", Err: err}
}

func (f *FranceConnect) ctx(ctx context.Context) context.Context {
	return oidc.ClientContext(ctx, f.cfg.HTTPClient)
}

func (f *FranceConnect) discover(ctx context.Context) (*oidc.Provider, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.provider != nil {
		return f.provider, nil
	}
	p, err := oidc.NewProvider(f.ctx(ctx), f.cfg.Issuer)
	if err != nil {
		return nil, unavailable(fmt.Errorf("primo: FranceConnect discovery: %w", err))
	}
	f.provider = p
	return p, nil
}

func (f *FranceConnect) oauth(p *oidc.Provider) *oauth2.Config {
	return &oauth2.Config{ClientID: f.cfg.ClientID, ClientSecret: f.cfg.ClientSecret, RedirectURL: f.cfg.RedirectURL,
		Endpoint: p.Endpoint(), Scopes: f.cfg.Scopes}
}

// Login is one sign-in started: the browser goes to URL; State, Nonce and
// Verifier (PKCE) are kept by the browser (an HttpOnly cookie) until the
// callback.
type Login struct {
	URL      string
	State    string
	Nonce    string
	Verifier string
}

// randomToken is 32 random bytes, base64url.
func randomToken() (string, error) {
	var b [32]byte
	if _, err := rand.Read(b[:]); err != nil {
		return "", fmt.Errorf("primo: random: %w", err)
	}
	return base64.RawURLEncoding.EncodeToString(b[:]), nil
}

// Start begins a sign-in.
func (f *FranceConnect) Start(ctx context.Context) (*Login, error) {
	p, err := f.discover(ctx)
	if err != nil {
		return nil, err
	}
	l := &Login{Verifier: oauth2.GenerateVerifier()}
	if l.State, err = randomToken(); err != nil {
		return nil, erpps.Internal(err)
	}
	if l.Nonce, err = randomToken(); err != nil {
		return nil, erpps.Internal(err)
	}
	opts := []oauth2.AuthCodeOption{oidc.Nonce(l.Nonce), oauth2.S256ChallengeOption(l.Verifier)}
	if f.cfg.ACR != "" {
		opts = append(opts, oauth2.SetAuthURLParam("acr_values", f.cfg.ACR))
	}
	l.URL = f.oauth(p).AuthCodeURL(l.State, opts...)
	return l, nil
}

// pivotClaims are FranceConnect's claims of the identité pivot.
type pivotClaims struct {
	Subject      string `json:"sub"`
	GivenName    string `json:"given_name"`
	FamilyName   string `json:"family_name"`
	BirthDate    string `json:"birthdate"`
	Gender       string `json:"gender"`
	BirthPlace   string `json:"birthplace"`
	BirthCountry string `json:"birthcountry"`
	Email        string `json:"email"`
}

// Identify exchanges the callback's code (with the PKCE verifier), checks
// the ID token (signature, issuer, audience, expiry, nonce, acr) and reads
// the person's identity from the userinfo endpoint.
func (f *FranceConnect) Identify(ctx context.Context, code, verifier, nonce string) (erpps.Identity, error) {
	p, err := f.discover(ctx)
	if err != nil {
		return erpps.Identity{}, err
	}
	cctx := f.ctx(ctx)
	tok, err := f.oauth(p).Exchange(cctx, code, oauth2.VerifierOption(verifier))
	if err != nil {
		return erpps.Identity{}, refused(fmt.Errorf("primo: code exchange: %w", err))
	}
	raw, _ := tok.Extra("id_token").(string)
	if raw == "" {
		return erpps.Identity{}, refused(errors.New("primo: no id_token in the token response"))
	}
	idt, err := p.Verifier(&oidc.Config{ClientID: f.cfg.ClientID}).Verify(cctx, raw)
	if err != nil {
		return erpps.Identity{}, refused(fmt.Errorf("primo: id_token: %w", err))
	}
	if nonce == "" || idt.Nonce != nonce {
		return erpps.Identity{}, refused(errors.New("primo: id_token nonce mismatch"))
	}
	if f.cfg.ACR != "" {
		var c struct {
			ACR string `json:"acr"`
		}
		if err := idt.Claims(&c); err != nil || c.ACR != f.cfg.ACR {
			return erpps.Identity{}, refused(fmt.Errorf("primo: id_token acr %q, want %q", c.ACR, f.cfg.ACR))
		}
	}
	info, err := p.UserInfo(cctx, oauth2.StaticTokenSource(tok))
	if err != nil {
		return erpps.Identity{}, refused(fmt.Errorf("primo: userinfo: %w", err))
	}
	var c pivotClaims
	if err := info.Claims(&c); err != nil {
		return erpps.Identity{}, refused(fmt.Errorf("primo: userinfo claims: %w", err))
	}
	if info.Subject != idt.Subject {
		return erpps.Identity{}, refused(errors.New("primo: userinfo subject differs from the id_token's"))
	}
	id := erpps.Identity{Subject: idt.Subject, GivenName: strings.TrimSpace(c.GivenName), FamilyName: strings.TrimSpace(c.FamilyName),
		BirthDate: c.BirthDate, Gender: c.Gender, BirthPlace: c.BirthPlace, BirthCountry: c.BirthCountry, Email: c.Email}
	if id.GivenName == "" || id.FamilyName == "" || !isDate(id.BirthDate) {
		return erpps.Identity{}, refused(errors.New("primo: the identity lacks a name or a birth date"))
	}
	return id, nil
}

// isDate tells whether s is a YYYY-MM-DD date.
func isDate(s string) bool {
	_, err := time.Parse(time.DateOnly, s)
	return err == nil
}
