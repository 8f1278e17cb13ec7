package oidcclient

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
)

// Revoke revokes a token at the provider (RFC 7009); hint is "refresh_token",
// "access_token" or "". Revoking a refresh token ends its grant.
func (c *Client) Revoke(ctx context.Context, token, hint string) error {
	if c.revocation == "" {
		return errors.New("oidcclient: the provider has no revocation endpoint")
	}
	form := url.Values{"token": {token}, "client_id": {c.cfg.ClientID}}
	if hint != "" {
		form.Set("token_type_hint", hint)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.revocation, strings.NewReader(form.Encode()))
	if err != nil {
		return fmt.Errorf("oidcclient: unable to build the revocation: %w", err)
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	if c.cfg.ClientSecret != "" {
		req.SetBasicAuth(url.QueryEscape(c.cfg.ClientID), url.QueryEscape(c.cfg.ClientSecret))
	}
	resp, err := c.cfg.HTTPClient.Do(req)
	if err != nil {
		return fmt.Errorf("oidcclient: revocation failed: %w", err)
	}
	defer resp.Body.Close()
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 1<<16))
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("oidcclient: revocation refused (HTTP %d)", resp.StatusCode)
	}
	return nil
}

// EndSessionURL is the provider's logout URL for a browser (RP-initiated logout), or ""
// when the provider has none. postLogout may be empty.
func (c *Client) EndSessionURL(idTokenHint, postLogout string) string {
	if c.endSession == "" {
		return ""
	}
	q := url.Values{"client_id": {c.cfg.ClientID}}
	if idTokenHint != "" {
		q.Set("id_token_hint", idTokenHint)
	}
	if postLogout != "" {
		q.Set("post_logout_redirect_uri", postLogout)
	}
	sep := "?"
	if strings.Contains(c.endSession, "?") {
		sep = "&"
	}
	return c.endSession + sep + q.Encode()
}

// EndSession ends the provider's session from the desktop without a browser: it calls the
// end-session endpoint with the ID token as hint (the provider terminates the session).
func (c *Client) EndSession(ctx context.Context, idTokenHint string) error {
	u := c.EndSessionURL(idTokenHint, "")
	if u == "" {
		return errors.New("oidcclient: the provider has no end-session endpoint")
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return fmt.Errorf("oidcclient: unable to build the end session: %w", err)
	}
	noRedirect := *c.cfg.HTTPClient
	noRedirect.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	resp, err := noRedirect.Do(req)
	if err != nil {
		return fmt.Errorf("oidcclient: end session failed: %w", err)
	}
	defer resp.Body.Close()
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 1<<16))
	if resp.StatusCode >= 400 {
		return fmt.Errorf("oidcclient: end session refused (HTTP %d)", resp.StatusCode)
	}
	return nil
}
