package server

import (
	"context"
	"errors"
	"io/fs"
	"log/slog"
	"net/http"
	"runtime"
	"time"

	"erpps/backend/attestation"
	"erpps/backend/auth"
	"erpps/backend/backoffice"
	"erpps/backend/delegation"
	"erpps/backend/ecps"
	"erpps/backend/erpps"
	"erpps/backend/primo"
	"erpps/backend/refdata"
	"erpps/backend/requests"
	"erpps/backend/syncserver"
)

// KeySource gives the public keys of the register's signing authority, the
// current one and those kept for verifying older attestations.
type KeySource interface {
	PublicKeys(ctx context.Context) ([]PublicKey, error)
}

// PublicKey is one public key of the authority.
type PublicKey struct {
	KeyID     string `json:"keyId"`
	Algorithm string `json:"algorithm"` // "Ed25519"
	PublicKey []byte `json:"publicKey"` // raw 32 bytes, base64 in JSON
	Current   bool   `json:"current"`   // the key signing new attestations
}

// AttestationSource issues attestations d'enregistrement signed by the
// authority; *attestation.Issuer is one.
type AttestationSource interface {
	Issue(ctx context.Context, rpps string, deliver func(*attestation.Issued) error) (*attestation.Issued, error)
}

// Config is what the server is made of.
type Config struct {
	Store      erpps.ServerStore
	Catalog    *refdata.Catalog
	Requests   *requests.Service
	BackOffice *backoffice.Service
	Delegation *delegation.Service
	Auth       erpps.Authenticator
	Sessions   *auth.Sessions
	// Sync is the desktops' synchronisation (/api/v1/sync/...).
	Sync         *syncserver.Service
	Keys         KeySource         // optional: GET /api/v1/keys answers unavailable without it
	Attestations AttestationSource // optional: the attestation route answers unavailable without it
	// ECPS is e-CPS (activation, the phone's calls, login and approval
	// transactions); optional: /api/v1/ecps/* answer unavailable without it.
	ECPS *ecps.Service
	// OIDC is the OpenID provider (optional): served under /oidc/ and at
	// /.well-known/openid-configuration; its access tokens are accepted as
	// bearer tokens, mapped to the practitioner's account.
	OIDC OIDCProvider
	// Primo is the primo-registration through FranceConnect (optional: its
	// routes answer unavailable without it).
	Primo *primo.Service
	// PublicURL is the server's address as phones and desktops reach it (the
	// --public-url flag; empty: the address each request came to).
	PublicURL string
	// Assets is the built front end served at / (nil: nothing is served there).
	Assets fs.FS
	Now    func() time.Time
	Logger *slog.Logger
	// MaxBodyBytes bounds a request's body (DefaultMaxBodyBytes when 0).
	MaxBodyBytes int64
	// MaxConcurrentSignIns bounds the password checks running at once
	// (argon2id takes 19 MiB and tens of milliseconds of a core each);
	// runtime.GOMAXPROCS(0) when 0. A sign-in waiting longer than
	// SignInWait answers unavailable.
	MaxConcurrentSignIns int
	SignInWait           time.Duration
}

// OIDCProvider is the OpenID provider mounted in the server;
// *oidcprovider.Provider is one.
type OIDCProvider interface {
	http.Handler
	// AccountForAccessToken maps an access token to its account and expiry,
	// EUNAUTHORIZED when it is not a live token of the provider.
	AccountForAccessToken(ctx context.Context, token string) (*erpps.Account, time.Time, error)
}

// Server is the API's handler and what it needs.
type Server struct {
	cfg     Config
	log     *slog.Logger
	maxBody int64
	mux     *http.ServeMux
	handler http.Handler
	// signIns holds a token per password check running.
	signIns chan struct{}
	// referenceJSON is GET /api/v1/reference's reply, encoded once.
	referenceJSON []byte
}

// New returns the handler of erpps-server: the API under /api/v1, /healthz,
// /readyz and, when cfg.Assets is set, the front end at /.
func New(cfg Config) (http.Handler, error) {
	s, err := newServer(cfg)
	if err != nil {
		return nil, err
	}
	return s.handler, nil
}

func newServer(cfg Config) (*Server, error) {
	if cfg.Store == nil || cfg.Catalog == nil || cfg.Requests == nil || cfg.BackOffice == nil || cfg.Delegation == nil || cfg.Auth == nil || cfg.Sessions == nil || cfg.Sync == nil {
		return nil, errors.New("server: Store, Catalog, Requests, BackOffice, Delegation, Auth, Sessions and Sync are required")
	}
	if cfg.Requests.Mandates == nil {
		return nil, errors.New("server: Requests.Mandates must check secretaries' mandates (the Delegation service)")
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	s := &Server{cfg: cfg, log: cfg.Logger, maxBody: cfg.MaxBodyBytes}
	if s.log == nil {
		s.log = slog.New(slog.DiscardHandler)
	}
	if s.maxBody <= 0 {
		s.maxBody = DefaultMaxBodyBytes
	}
	if s.cfg.MaxConcurrentSignIns <= 0 {
		s.cfg.MaxConcurrentSignIns = runtime.GOMAXPROCS(0)
	}
	if s.cfg.SignInWait <= 0 {
		s.cfg.SignInWait = 10 * time.Second
	}
	s.signIns = make(chan struct{}, s.cfg.MaxConcurrentSignIns)
	var err error
	if s.referenceJSON, err = referenceJSON(cfg.Catalog); err != nil {
		return nil, err
	}
	if err := s.buildMux(); err != nil {
		return nil, err
	}
	s.handler = s.accessLog(s.recoverer(headers(s.mux)))
	return s, nil
}

// buildMux routes every operation, a JSON not_found under /api/ for the
// rest and, with Assets, the front end.
func (s *Server) buildMux() error {
	s.mux = http.NewServeMux()
	for _, rt := range s.routes() {
		s.mux.Handle(rt.method+" "+rt.path, s.endpoint(rt))
	}
	s.mux.HandleFunc("/api/", func(w http.ResponseWriter, r *http.Request) {
		s.writeError(w, r, erpps.NotFound("Cette adresse n'existe pas dans l'API."))
	})
	if s.cfg.OIDC != nil {
		s.mux.Handle("/oidc/", s.cfg.OIDC)
		s.mux.Handle("/.well-known/openid-configuration", s.cfg.OIDC)
	}
	if s.cfg.Assets != nil {
		spa, err := newSPA(s.cfg.Assets)
		if err != nil {
			return err
		}
		s.mux.Handle("/", spa)
	}
	return nil
}

// headers sets the protective headers of every reply.
func headers(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; font-src 'self' data:; frame-ancestors 'none'")
		next.ServeHTTP(w, r)
	})
}

// recoverer turns a panic of a handler into an internal error reply.
func (s *Server) recoverer(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			if v := recover(); v != nil {
				if v == http.ErrAbortHandler {
					panic(v)
				}
				s.log.Error("server: panic", slog.String("route", r.Pattern), slog.Any("panic", v))
				s.writeError(w, r, erpps.Internal(errors.New("server: a handler panicked")))
			}
		}()
		next.ServeHTTP(w, r)
	})
}
