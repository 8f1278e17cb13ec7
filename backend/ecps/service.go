// Package ecps is the server's e-CPS: activation of a practitioner's phone
// (a one-time code sent to the coordonnées de correspondance, an e-CPS
// password, the phone's ECDSA P-256 key enrolled), the phone's signed calls
// (single-use challenges), the computer's two-step login (one code shown on
// the computer, three proposed on the phone, 120 seconds) that the OpenID
// provider completes with CompleteLogin, and CIBA-like approvals of one
// action bound to the exact version approved.
//
// Nothing secret is logged: no code, password, nonce, signature or key.
package ecps

import (
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"sync"
	"time"

	"erpps/backend/erpps"
	"erpps/backend/refdata"
)

// Lifetimes and limits of e-CPS.
const (
	ChallengeLifetime   = 2 * time.Minute   // a device's nonce
	LoginLifetime       = 120 * time.Second // the computer's countdown
	ApprovalLifetime    = 5 * time.Minute   // the phone's time to approve an action
	ApprovalUseLifetime = 5 * time.Minute   // the erpps.Approval made, for the transmission
	// CompletionWindow is how long after the phone's approval the provider
	// may complete the login.
	CompletionWindow = 2 * time.Minute
	// SendsPerHour bounds the activation codes asked for one identifier,
	// known or not (the otp package bounds them per recipient too).
	SendsPerHour = 5
	// MaxPendingLogins bounds the logins waiting for one identifier's
	// phone (known or not): no flood of notifications.
	MaxPendingLogins = 3
	// MaxWrongPasswords in a row revoke a device: a stolen key does not
	// allow guessing the password.
	MaxWrongPasswords = 5
	// MinPasswordLength is NIST SP 800-63B's minimum for a memorised secret.
	MinPasswordLength = 8
	maxPasswordLength = 128
)

// Channels of activation codes.
const (
	ChannelEmail = erpps.ChannelEmail
	ChannelSMS   = erpps.ChannelSMS
)

// CodeRequest is an activation code to send.
type CodeRequest struct {
	Subject    string // the IDNPS the code activates
	Channel    string // ChannelEmail or ChannelSMS
	To         string // the e-mail address or E.164 number on file
	Name       string // the practitioner's name, for the message's text
	ClientAddr string // the caller's address, for the per-address limit
}

// Codes issues and checks the one-time activation codes (backend/otp):
// drawn from crypto/rand, single use, a new one revoking the old, 5 wrong
// tries, rate limited (ETOOMANY), kept as an HMAC.
type Codes interface {
	// Issue draws a code for r.Subject on r.Channel, sends it to r.To and
	// says how long it is valid.
	Issue(ctx context.Context, r CodeRequest) (time.Duration, error)
	// Decoy answers as Issue for an identifier nobody holds: the same
	// validity and rate limits, nothing kept nor sent.
	Decoy(ctx context.Context, r CodeRequest) (time.Duration, error)
	// Verify checks code for subject on channel, consuming it when right;
	// EUNAUTHORIZED when wrong, used, expired or never issued.
	Verify(ctx context.Context, subject, channel, code string) error
}

// Config is what the service is made of.
type Config struct {
	Store   erpps.ServerStore
	Catalog *refdata.Catalog
	Codes   Codes
	Now     func() time.Time
	Logger  *slog.Logger
	// Random is the source of nonces, codes and ids (crypto/rand when nil).
	Random io.Reader
}

// Service is e-CPS on the server.
type Service struct {
	store   erpps.ServerStore
	catalog *refdata.Catalog
	codes   Codes
	now     func() time.Time
	log     *slog.Logger
	random  io.Reader
	secret  []byte // the HMAC key of the replies to unknown identifiers

	mu    sync.Mutex
	sends map[string][]time.Time // activation sends per IDNPS in the last hour
	wrong map[string]int         // wrong passwords in a row per device
}

// New returns the service, with the server's e-CPS secret (drawn and kept
// in the store the first time).
func New(ctx context.Context, cfg Config) (*Service, error) {
	if cfg.Store == nil || cfg.Catalog == nil || cfg.Codes == nil {
		return nil, errors.New("ecps: Store, Catalog and Codes are required")
	}
	s := &Service{store: cfg.Store, catalog: cfg.Catalog, codes: cfg.Codes, now: cfg.Now, log: cfg.Logger,
		random: cfg.Random, sends: map[string][]time.Time{}, wrong: map[string]int{}}
	if s.now == nil {
		s.now = time.Now
	}
	if s.log == nil {
		s.log = slog.New(slog.DiscardHandler)
	}
	if s.random == nil {
		s.random = rand.Reader
	}
	fresh := make([]byte, 32)
	if _, err := io.ReadFull(s.random, fresh); err != nil {
		return nil, fmt.Errorf("ecps: unable to draw a secret: %w", err)
	}
	secret, err := cfg.Store.ECPSSecret(ctx, fresh)
	if err != nil {
		return nil, fmt.Errorf("ecps: unable to read the secret: %w", err)
	}
	s.secret = secret
	return s, nil
}

// randomBytes draws n bytes.
func (s *Service) randomBytes(n int) ([]byte, error) {
	b := make([]byte, n)
	if _, err := io.ReadFull(s.random, b); err != nil {
		return nil, erpps.Internal(fmt.Errorf("ecps: unable to draw random bytes: %w", err))
	}
	return b, nil
}

// randomBelow draws a number in [0, n) without bias.
func (s *Service) randomBelow(n int) (int, error) {
	limit := 256 - 256%n
	for {
		b, err := s.randomBytes(1)
		if err != nil {
			return 0, err
		}
		if int(b[0]) < limit {
			return int(b[0]) % n, nil
		}
	}
}

// allowSend counts one activation send for idnps; false past SendsPerHour.
func (s *Service) allowSend(idnps string, now time.Time) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	recent := s.sends[idnps][:0]
	for _, t := range s.sends[idnps] {
		if now.Sub(t) < time.Hour {
			recent = append(recent, t)
		}
	}
	for k, ts := range s.sends {
		if k != idnps && (len(ts) == 0 || now.Sub(ts[len(ts)-1]) >= time.Hour) {
			delete(s.sends, k)
		}
	}
	if len(recent) >= SendsPerHour {
		s.sends[idnps] = recent
		return false
	}
	s.sends[idnps] = append(recent, now)
	return true
}

// wrongPassword counts a wrong password of a device; true when it reaches
// MaxWrongPasswords (the count starts again).
func (s *Service) wrongPassword(deviceID string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.wrong[deviceID]++
	if s.wrong[deviceID] >= MaxWrongPasswords {
		delete(s.wrong, deviceID)
		return true
	}
	return false
}

// rightPassword ends a device's run of wrong passwords.
func (s *Service) rightPassword(deviceID string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.wrong, deviceID)
}

// Retention is how long ended transactions are kept (the computer's page
// and the oidc completion read them shortly after).
const Retention = 24 * time.Hour

// DeleteExpired forgets the transactions and challenges expired for
// Retention (a job of erpps-server).
func (s *Service) DeleteExpired(ctx context.Context) (int, error) {
	return s.store.DeleteExpiredECPS(ctx, s.now().Add(-Retention))
}
