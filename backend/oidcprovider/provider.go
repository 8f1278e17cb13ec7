package oidcprovider

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/zitadel/oidc/v3/pkg/oidc"
	"github.com/zitadel/oidc/v3/pkg/op"
	"golang.org/x/text/language"

	"erpps/backend/erpps"
)

// Store is what the provider needs of the server's store.
type Store interface {
	erpps.OIDCStore
	FindPractitionerByRPPS(ctx context.Context, rpps string) (*erpps.Practitioner, error)
	FindAccountByLogin(ctx context.Context, login string) (*erpps.Account, string, error)
	Ready(ctx context.Context) error
}

// LoginCompleter says which account an approved login transaction proved, for
// that auth request: approved, not expired, bound to the auth request, used once
// (a second call is refused). The e-CPS service implements it.
type LoginCompleter interface {
	CompleteLogin(ctx context.Context, transactionID, authRequestID string) (*erpps.Account, error)
}

// Lifetimes of the provider's records; zero fields take the defaults.
type Lifetimes struct {
	AuthRequest time.Duration // the login window (10 min)
	Code        time.Duration // an authorization code (1 min)
	Access      time.Duration // an access token (15 min)
	Refresh     time.Duration // a refresh token since its issue (30 days; rotated at each use)
	IDToken     time.Duration // an ID token (15 min)
}

func (l Lifetimes) withDefaults() Lifetimes {
	def := func(d *time.Duration, v time.Duration) {
		if *d <= 0 {
			*d = v
		}
	}
	def(&l.AuthRequest, 10*time.Minute)
	def(&l.Code, time.Minute)
	def(&l.Access, 15*time.Minute)
	def(&l.Refresh, 30*24*time.Hour)
	def(&l.IDToken, 15*time.Minute)
	return l
}

// Config is what the provider is made of.
type Config struct {
	Issuer string // the server's public base URL, without a trailing slash
	Store  Store
	Key    *Key
	Login  LoginCompleter
	// Clients are the registered clients; [DesktopClient()] when empty.
	Clients   []ClientConfig
	Lifetimes Lifetimes
	Now       func() time.Time
	Logger    *slog.Logger
}

// Provider is the OpenID provider mounted in erpps-server.
type Provider struct {
	op      *op.Provider
	storage *storage
	issuer  string
	log     *slog.Logger
	handler http.Handler
}

// Paths the provider serves (besides DiscoveryPath).
const (
	PathPrefix    = "/oidc/"
	DiscoveryPath = "/.well-known/openid-configuration"
	CompletePath  = "/oidc/login/complete"
)

// CompleteURL is where the login page sends the browser once the e-CPS
// transaction is approved (the "continue" of the login transaction's status).
func CompleteURL(authRequestID, transactionID string) string {
	return CompletePath + "?" + url.Values{"authRequest": {authRequestID}, "transaction": {transactionID}}.Encode()
}

// New builds the provider.
func New(cfg Config) (*Provider, error) {
	if cfg.Issuer == "" || cfg.Store == nil || cfg.Key == nil || cfg.Login == nil {
		return nil, errors.New("oidcprovider: Issuer, Store, Key and Login are required")
	}
	u, err := url.Parse(cfg.Issuer)
	if err != nil || u.Host == "" || (u.Scheme != "https" && u.Scheme != "http") {
		return nil, fmt.Errorf("oidcprovider: the issuer %q is not an http(s) URL", cfg.Issuer)
	}
	issuer := strings.TrimSuffix(cfg.Issuer, "/")
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	log := cfg.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	ttl := cfg.Lifetimes.withDefaults()
	if len(cfg.Clients) == 0 {
		cfg.Clients = []ClientConfig{DesktopClient()}
	}
	clients := map[string]*client{}
	for _, cc := range cfg.Clients {
		if cc.ID == "" || len(cc.RedirectURIs) == 0 {
			return nil, errors.New("oidcprovider: a client needs an id and redirect URIs")
		}
		clients[cc.ID] = newClient(cc, ttl.IDToken)
	}
	st := &storage{store: cfg.Store, key: cfg.Key, now: cfg.Now, ttl: ttl, clients: clients}
	opCfg := &op.Config{
		CryptoKey:                cfg.Key.cryptoKey(),
		DefaultLogoutRedirectURI: "/",
		CodeMethodS256:           true,
		GrantTypeRefreshToken:    true,
		SupportedUILocales:       []language.Tag{language.French},
		SupportedScopes:          []string{oidc.ScopeOpenID, ScopeAll, oidc.ScopeOfflineAccess},
		SupportedClaims: []string{"sub", "aud", "exp", "iat", "iss", "auth_time", "nonce", "acr", "amr", "at_hash", "azp",
			"preferred_username", "given_name", "family_name", "SubjectNameID", "SubjectRefPro", "codeCivilite"},
	}
	opts := []op.Option{
		op.WithCustomEndpoints(
			op.NewEndpoint("oidc/authorize"), op.NewEndpoint("oidc/token"), op.NewEndpoint("oidc/userinfo"),
			op.NewEndpoint("oidc/revoke"), op.NewEndpoint("oidc/end_session"), op.NewEndpoint("oidc/keys")),
		op.WithCustomIntrospectionEndpoint(op.NewEndpoint("oidc/introspect")),
		op.WithCustomDeviceAuthorizationEndpoint(op.NewEndpoint("oidc/device_authorization")),
	}
	// The library logs its refusals to slog.Default() (error types and
	// descriptions, client ids and redirect URIs; never codes nor tokens:
	// erpps-server's TestOIDCEndToEnd checks).
	if u.Scheme == "http" {
		opts = append(opts, op.WithAllowInsecure())
	}
	provider, err := op.NewProvider(opCfg, st, op.StaticIssuer(issuer), opts...)
	if err != nil {
		return nil, fmt.Errorf("oidcprovider: unable to build the provider: %w", err)
	}
	p := &Provider{op: provider, storage: st, issuer: issuer, log: log}
	mux := http.NewServeMux()
	mux.Handle("GET "+CompletePath, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p.completeLogin(w, r, cfg.Login)
	}))
	mux.Handle("GET "+DiscoveryPath, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		// The library's document, plus the one acr offered (it has no setting for it).
		d := op.CreateDiscoveryConfig(op.ContextWithIssuer(r.Context(), issuer), provider, st)
		d.ACRValuesSupported = []string{ACR}
		// Only what is served: the code flow (CreateAuthRequest refuses others).
		d.GrantTypesSupported = []oidc.GrantType{oidc.GrantTypeCode, oidc.GrantTypeRefreshToken}
		d.ResponseTypesSupported = []string{string(oidc.ResponseTypeCode)}
		op.Discover(w, d)
	}))
	mux.Handle("/", provider)
	p.handler = mux
	return p, nil
}

// Issuer is the provider's issuer URL.
func (p *Provider) Issuer() string { return p.issuer }

// ServeHTTP serves DiscoveryPath and everything under PathPrefix.
func (p *Provider) ServeHTTP(w http.ResponseWriter, r *http.Request) { p.handler.ServeHTTP(w, r) }

// completeLogin finishes an auth request whose e-CPS transaction was approved:
// it records the practitioner as the request's subject and sends the browser
// back to the client with a code.
func (p *Provider) completeLogin(w http.ResponseWriter, r *http.Request, login LoginCompleter) {
	ctx := op.ContextWithIssuer(r.Context(), p.issuer)
	r = r.WithContext(ctx)
	id, tx := r.URL.Query().Get("authRequest"), r.URL.Query().Get("transaction")
	if id == "" || tx == "" {
		loginError(w, http.StatusBadRequest, "Demande de connexion incomplète.")
		return
	}
	if _, err := p.storage.authRequest(ctx, id); err != nil {
		loginError(w, http.StatusBadRequest, "Cette demande de connexion n'existe pas ou a expiré : recommencez depuis eRPPS.")
		return
	}
	acct, err := login.CompleteLogin(ctx, tx, id)
	if err != nil {
		p.log.Info("oidc: login refused", slog.String("code", erpps.ErrorCode(err)))
		loginError(w, http.StatusForbidden, "La connexion n'a pas été validée : recommencez depuis eRPPS.")
		return
	}
	subject, err := SubjectOf(acct)
	if err != nil {
		p.log.Info("oidc: login of an account that is not a practitioner's")
		loginError(w, http.StatusForbidden, "Seul un professionnel enregistré au RPPS peut se connecter avec e-CPS.")
		return
	}
	a, err := p.storage.completeAuthRequest(ctx, id, subject)
	if err != nil {
		loginError(w, http.StatusBadRequest, "Cette demande de connexion n'existe plus ou est déjà terminée : recommencez depuis eRPPS.")
		return
	}
	p.log.Info("oidc: login completed")
	op.AuthResponse(a, p.op, w, r)
}

func loginError(w http.ResponseWriter, status int, msg string) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	fmt.Fprintf(w, "<!doctype html><html lang=fr><meta charset=utf-8><title>Connexion eRPPS</title><p>%s</p><p><a href=\"/aide-connexion\">Aide à la connexion</a></p></html>", msg)
}

// AccountForAccessToken maps one of the provider's access tokens to the
// practitioner's account: EUNAUTHORIZED when the token is not one of ours, or
// revoked, or expired.
func (p *Provider) AccountForAccessToken(ctx context.Context, token string) (*erpps.Account, time.Time, error) {
	unauthorized := erpps.Errorf(erpps.EUNAUTHORIZED, "Votre session a expiré ou n'existe pas : connectez-vous.")
	plain, err := p.op.Crypto().Decrypt(token)
	if err != nil {
		return nil, time.Time{}, unauthorized
	}
	id, subject, ok := strings.Cut(plain, ":")
	if !ok {
		return nil, time.Time{}, unauthorized
	}
	rec, err := p.storage.store.GetOIDCRecord(ctx, kindAccess, id, p.storage.now())
	if err != nil || rec.Subject != subject {
		if erpps.ErrorCode(err) == erpps.EUNAVAILABLE {
			return nil, time.Time{}, err
		}
		return nil, time.Time{}, unauthorized
	}
	rpps, err := rppsOf(subject)
	if err != nil {
		return nil, time.Time{}, unauthorized
	}
	acct, _, err := p.storage.store.FindAccountByLogin(ctx, rpps)
	if err != nil || acct.Disabled || acct.RPPS != rpps || acct.Role != erpps.RoleProfessional {
		if erpps.ErrorCode(err) == erpps.EUNAVAILABLE {
			return nil, time.Time{}, err
		}
		return nil, time.Time{}, unauthorized
	}
	return acct, rec.ExpiresAt, nil
}

// DeleteExpired deletes the provider's expired records (a periodic job).
func (p *Provider) DeleteExpired(ctx context.Context) (int, error) {
	return p.storage.store.DeleteExpiredOIDCRecords(ctx, p.storage.now())
}
