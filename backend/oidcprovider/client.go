package oidcprovider

import (
	"time"

	"github.com/zitadel/oidc/v3/pkg/oidc"
	"github.com/zitadel/oidc/v3/pkg/op"
)

// DesktopClientID is the desktop app's client: public, native, loopback redirects.
const DesktopClientID = "erpps-desktop"

// LoginPath is the login page the authorize endpoint sends the browser to.
const LoginPath = "/connexion"

// Scopes the provider offers (Pro Santé Connect's, plus offline_access).
const ScopeAll = "scope_all"

// ACR is the authentication level every ID token carries (e-CPS = eIDAS substantial).
const ACR = "eidas1"

// ClientConfig is a registered client: public (no secret, PKCE S256), native,
// authorization code and refresh tokens. Loopback redirect URIs match any port
// (RFC 8252 §7.3).
type ClientConfig struct {
	ID                     string
	RedirectURIs           []string
	PostLogoutRedirectURIs []string
}

// DesktopClient is the desktop app's client, also used by browser mode (erpps
// web on 127.0.0.1): http://127.0.0.1:<any port>/callback.
func DesktopClient() ClientConfig {
	return ClientConfig{
		ID:                     DesktopClientID,
		RedirectURIs:           []string{"http://127.0.0.1/callback", "http://[::1]/callback"},
		PostLogoutRedirectURIs: []string{"http://127.0.0.1/", "http://127.0.0.1/callback", "http://[::1]/"},
	}
}

// client is a registered client as the library sees it.
type client struct {
	id           string
	redirects    []string
	postLogout   []string
	loginURL     func(string) string
	idTokenLife  time.Duration
	allowedScope map[string]bool
}

func newClient(cc ClientConfig, idTokenLife time.Duration) *client {
	return &client{
		id:          cc.ID,
		redirects:   cc.RedirectURIs,
		postLogout:  cc.PostLogoutRedirectURIs,
		loginURL:    func(id string) string { return LoginPath + "?authRequest=" + id },
		idTokenLife: idTokenLife,
		allowedScope: map[string]bool{
			oidc.ScopeOpenID: true, ScopeAll: true, oidc.ScopeOfflineAccess: true,
		},
	}
}

func (c *client) GetID() string                       { return c.id }
func (c *client) RedirectURIs() []string              { return c.redirects }
func (c *client) PostLogoutRedirectURIs() []string    { return c.postLogout }
func (c *client) ApplicationType() op.ApplicationType { return op.ApplicationTypeNative }
func (c *client) AuthMethod() oidc.AuthMethod         { return oidc.AuthMethodNone }
func (c *client) ResponseTypes() []oidc.ResponseType {
	return []oidc.ResponseType{oidc.ResponseTypeCode}
}
func (c *client) LoginURL(id string) string            { return c.loginURL(id) }
func (c *client) AccessTokenType() op.AccessTokenType  { return op.AccessTokenTypeBearer }
func (c *client) IDTokenLifetime() time.Duration       { return c.idTokenLife }
func (c *client) DevMode() bool                        { return false }
func (c *client) IsScopeAllowed(scope string) bool     { return c.allowedScope[scope] }
func (c *client) IDTokenUserinfoClaimsAssertion() bool { return true }
func (c *client) ClockSkew() time.Duration             { return 0 }
func (c *client) GrantTypes() []oidc.GrantType {
	return []oidc.GrantType{oidc.GrantTypeCode, oidc.GrantTypeRefreshToken}
}
func (c *client) RestrictAdditionalIdTokenScopes() func([]string) []string {
	return func(s []string) []string { return s }
}
func (c *client) RestrictAdditionalAccessTokenScopes() func([]string) []string {
	return func(s []string) []string { return s }
}
