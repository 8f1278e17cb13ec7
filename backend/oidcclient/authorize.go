package oidcclient

import (
	"context"
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"fmt"
	"net/url"

	"github.com/coreos/go-oidc/v3/oidc"
	"golang.org/x/oauth2"
)

// Authorization is one started login: what must be kept until the redirect comes back.
// State, Nonce and Verifier are secrets of this login; URL is where the browser goes.
type Authorization struct {
	URL         string `json:"url"`
	RedirectURI string `json:"redirectUri"`
	State       string `json:"state"`
	Nonce       string `json:"nonce"`
	Verifier    string `json:"verifier"`
}

// Authorize prepares a login redirecting to redirectURI (for example erpps web's own
// http://127.0.0.1:<port>/callback): fresh state, nonce and PKCE S256 verifier.
func (c *Client) Authorize(redirectURI string) (*Authorization, error) {
	state, err := random()
	if err != nil {
		return nil, err
	}
	nonce, err := random()
	if err != nil {
		return nil, err
	}
	a := &Authorization{RedirectURI: redirectURI, State: state, Nonce: nonce, Verifier: oauth2.GenerateVerifier()}
	a.URL = c.oauth(redirectURI).AuthCodeURL(state,
		oidc.Nonce(nonce),
		oauth2.S256ChallengeOption(a.Verifier),
		oauth2.SetAuthURLParam("acr_values", c.cfg.ACR),
	)
	return a, nil
}

// Complete finishes a login from the redirect's query: it checks the state, exchanges
// the code with the PKCE verifier and verifies the ID token (signature, acr, nonce).
func (c *Client) Complete(ctx context.Context, a *Authorization, query url.Values) (*Session, error) {
	if e := query.Get("error"); e != "" {
		return nil, fmt.Errorf("%w: %s", ErrDenied, e)
	}
	if subtle.ConstantTimeCompare([]byte(query.Get("state")), []byte(a.State)) != 1 {
		return nil, ErrState
	}
	code := query.Get("code")
	if code == "" {
		return nil, fmt.Errorf("oidcclient: redirect without a code")
	}
	return c.Exchange(ctx, a, code)
}

// Exchange trades an authorization code for tokens (PKCE verifier of a) and verifies them.
func (c *Client) Exchange(ctx context.Context, a *Authorization, code string) (*Session, error) {
	tok, err := c.oauth(a.RedirectURI).Exchange(c.ctx(ctx), code, oauth2.VerifierOption(a.Verifier))
	if err != nil {
		return nil, fmt.Errorf("oidcclient: code exchange refused: %w", scrub(err))
	}
	return c.session(ctx, tok, a.Nonce)
}

// Refresh trades a refresh token for new tokens (the provider rotates the refresh token:
// keep the returned one). A refreshed ID token is verified and must carry the required
// acr; a provider that sends none (allowed by OpenID Connect) gives a Session whose
// IDToken and Identity are empty: keep the login's.
func (c *Client) Refresh(ctx context.Context, refreshToken string) (*Session, error) {
	src := c.oauth("").TokenSource(c.ctx(ctx), &oauth2.Token{RefreshToken: refreshToken})
	tok, err := src.Token()
	if err != nil {
		return nil, fmt.Errorf("oidcclient: refresh refused: %w", scrub(err))
	}
	if raw, _ := tok.Extra("id_token").(string); raw == "" {
		return &Session{AccessToken: tok.AccessToken, RefreshToken: tok.RefreshToken, Expiry: tok.Expiry}, nil
	}
	return c.session(ctx, tok, "")
}

func random() (string, error) {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		return "", fmt.Errorf("oidcclient: unable to draw randomness: %w", err)
	}
	return base64.RawURLEncoding.EncodeToString(b), nil
}

// scrub keeps the provider's error code and description, not the response body
// (which could echo a token).
func scrub(err error) error {
	if re, ok := err.(*oauth2.RetrieveError); ok {
		return &ProviderError{Code: re.ErrorCode, Description: re.ErrorDescription, Status: statusOf(re)}
	}
	return err
}

func statusOf(re *oauth2.RetrieveError) int {
	if re.Response != nil {
		return re.Response.StatusCode
	}
	return 0
}

// ProviderError is an OAuth error answered by the provider's token endpoint.
type ProviderError struct {
	Code        string
	Description string
	Status      int
}

func (e *ProviderError) Error() string {
	if e.Description != "" {
		return fmt.Sprintf("%s (%s)", e.Code, e.Description)
	}
	return e.Code
}
