package oidcclient

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/coreos/go-oidc/v3/oidc"
	"golang.org/x/oauth2"
)

// DefaultScopes are Pro Santé Connect's scopes plus offline_access (refresh tokens).
func DefaultScopes() []string {
	return []string{oidc.ScopeOpenID, "scope_all", oidc.ScopeOfflineAccess}
}

// DefaultACR is the authentication level required in every ID token.
const DefaultACR = "eidas1"

// DefaultClientID is the desktop's client at the eRPPS server's provider.
const DefaultClientID = "erpps-desktop"

// Config says which provider and client to use. Only Issuer is required.
type Config struct {
	Issuer   string // the provider's issuer URL (discovery at Issuer+"/.well-known/openid-configuration")
	ClientID string // DefaultClientID when empty
	// ClientSecret is for a confidential client (Pro Santé Connect registers
	// its clients with a secret); empty for the eRPPS server's public client.
	ClientSecret string
	Scopes       []string     // DefaultScopes when empty
	ACR          string       // DefaultACR when empty; asked in acr_values and required in the ID token
	HTTPClient   *http.Client // http.DefaultClient when nil
	Now          func() time.Time
}

// Client is a configured, discovered OpenID Connect client. Safe for concurrent use.
type Client struct {
	cfg        Config
	provider   *oidc.Provider
	verifier   *oidc.IDTokenVerifier
	revocation string
	endSession string
}

// ErrACR is returned when an ID token lacks the required authentication level.
var ErrACR = errors.New("oidcclient: ID token without the required acr")

// ErrNonce is returned when an ID token's nonce is not the one sent.
var ErrNonce = errors.New("oidcclient: ID token nonce mismatch")

// ErrState is returned when the redirect's state is not the one sent.
var ErrState = errors.New("oidcclient: state mismatch")

// ErrDenied is returned when the provider redirects back with an error.
var ErrDenied = errors.New("oidcclient: authorization refused by the provider")

// New reads the provider's discovery document and checks it offers PKCE S256.
func New(ctx context.Context, cfg Config) (*Client, error) {
	if cfg.Issuer == "" {
		return nil, errors.New("oidcclient: issuer required")
	}
	if cfg.ClientID == "" {
		cfg.ClientID = DefaultClientID
	}
	if len(cfg.Scopes) == 0 {
		cfg.Scopes = DefaultScopes()
	}
	if cfg.ACR == "" {
		cfg.ACR = DefaultACR
	}
	if cfg.HTTPClient == nil {
		cfg.HTTPClient = http.DefaultClient
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	ctx = oidc.ClientContext(ctx, cfg.HTTPClient)
	provider, err := oidc.NewProvider(ctx, strings.TrimSuffix(cfg.Issuer, "/"))
	if err != nil {
		return nil, fmt.Errorf("oidcclient: unable to discover %s: %w", cfg.Issuer, err)
	}
	var extra struct {
		Revocation string   `json:"revocation_endpoint"`
		EndSession string   `json:"end_session_endpoint"`
		Methods    []string `json:"code_challenge_methods_supported"`
	}
	if err := provider.Claims(&extra); err != nil {
		return nil, fmt.Errorf("oidcclient: unable to read the discovery document: %w", err)
	}
	if !slices.Contains(extra.Methods, "S256") {
		return nil, errors.New("oidcclient: the provider does not offer PKCE S256")
	}
	c := &Client{cfg: cfg, provider: provider, revocation: extra.Revocation, endSession: extra.EndSession}
	c.verifier = provider.Verifier(&oidc.Config{ClientID: cfg.ClientID, Now: cfg.Now})
	return c, nil
}

// Issuer is the configured issuer.
func (c *Client) Issuer() string { return c.cfg.Issuer }

func (c *Client) oauth(redirectURI string) *oauth2.Config {
	return &oauth2.Config{
		ClientID:     c.cfg.ClientID,
		ClientSecret: c.cfg.ClientSecret,
		Endpoint:     c.provider.Endpoint(),
		RedirectURL:  redirectURI,
		Scopes:       c.cfg.Scopes,
	}
}

func (c *Client) ctx(ctx context.Context) context.Context {
	return context.WithValue(ctx, oauth2.HTTPClient, c.cfg.HTTPClient)
}
