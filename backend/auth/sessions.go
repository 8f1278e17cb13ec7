package auth

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"strings"
	"time"

	"erpps/backend/erpps"
)

// DefaultTTL is how long a session lasts when Sessions.TTL is zero: a
// working day.
const DefaultTTL = 8 * time.Hour

// DefaultDeviceTTL is how long a desktop's session lasts since its last use
// when Sessions.DeviceTTL is zero: 90 days, sliding.
const DefaultDeviceTTL = 90 * 24 * time.Hour

// slideEvery is how much of a device session's lifetime may pass before a
// use pushes its expiry back (at most one write per session per hour).
const slideEvery = time.Hour

// devicePrefix starts the id of a device session: what tells it from a
// browser's.
const devicePrefix = "device-"

// tokenBytes is the size of a session token's randomness.
const tokenBytes = 32

// MsgNoSession is the reply to a missing, unknown, revoked or expired token.
const MsgNoSession = "Votre session a expiré ou n'existe pas : connectez-vous."

// Sessions opens, checks and closes sessions. The token (32 random bytes,
// base64url) is returned once by Open; the store keeps its SHA-256 hash.
type Sessions struct {
	Store erpps.SessionStore
	Now   func() time.Time
	TTL   time.Duration
	// DeviceTTL is how long a desktop's session lasts since its last use
	// (DefaultDeviceTTL when 0).
	DeviceTTL time.Duration
}

// Open starts a session for acct and returns its token.
func (s *Sessions) Open(ctx context.Context, acct *erpps.Account) (string, *erpps.Session, error) {
	return s.open(ctx, acct, false)
}

// OpenDevice starts a desktop's session for acct: it lasts DeviceTTL since
// its last use (each Check pushes its expiry back), so that a desktop
// offline for weeks comes back without a new sign-in.
func (s *Sessions) OpenDevice(ctx context.Context, acct *erpps.Account) (string, *erpps.Session, error) {
	return s.open(ctx, acct, true)
}

func (s *Sessions) open(ctx context.Context, acct *erpps.Account, device bool) (string, *erpps.Session, error) {
	raw := make([]byte, tokenBytes)
	if _, err := rand.Read(raw); err != nil {
		return "", nil, erpps.Internal(fmt.Errorf("auth: unable to draw a token: %w", err))
	}
	id := make([]byte, 16)
	if _, err := rand.Read(id); err != nil {
		return "", nil, erpps.Internal(fmt.Errorf("auth: unable to draw a session id: %w", err))
	}
	now := s.now()
	ttl, sid := s.TTL, hex.EncodeToString(id)
	if ttl <= 0 {
		ttl = DefaultTTL
	}
	if device {
		ttl, sid = s.deviceTTL(), devicePrefix+sid
	}
	sess := &erpps.Session{ID: sid, Account: *acct, CreatedAt: now, ExpiresAt: now.Add(ttl), Device: device}
	token := base64.RawURLEncoding.EncodeToString(raw)
	if err := s.Store.CreateSession(ctx, sess, HashToken(token)); err != nil {
		return "", nil, fmt.Errorf("auth: unable to store a session: %w", err)
	}
	return token, sess, nil
}

// Check returns the session of token, EUNAUTHORIZED when the token is
// malformed, unknown, revoked or expired, or its account disabled.
func (s *Sessions) Check(ctx context.Context, token string) (*erpps.Session, error) {
	if !wellFormed(token) {
		return nil, erpps.Errorf(erpps.EUNAUTHORIZED, MsgNoSession)
	}
	sess, err := s.Store.FindSessionByTokenHash(ctx, HashToken(token), s.now())
	if err != nil {
		if erpps.ErrorCode(err) == erpps.EUNAUTHORIZED || erpps.ErrorCode(err) == erpps.ENOTFOUND {
			return nil, erpps.Errorf(erpps.EUNAUTHORIZED, MsgNoSession)
		}
		return nil, fmt.Errorf("auth: unable to check a session: %w", err)
	}
	now := s.now()
	if sess.Account.Disabled || !now.Before(sess.ExpiresAt) {
		return nil, erpps.Errorf(erpps.EUNAUTHORIZED, MsgNoSession)
	}
	sess.Device = strings.HasPrefix(sess.ID, devicePrefix)
	if sess.Device {
		if next := now.Add(s.deviceTTL()); next.Sub(sess.ExpiresAt) >= slideEvery {
			if err := s.Store.ExtendSession(ctx, HashToken(token), next); err != nil {
				return nil, fmt.Errorf("auth: unable to extend a session: %w", err)
			}
			sess.ExpiresAt = next
		}
	}
	return sess, nil
}

func (s *Sessions) deviceTTL() time.Duration {
	if s.DeviceTTL <= 0 {
		return DefaultDeviceTTL
	}
	return s.DeviceTTL
}

// Close revokes the session of token (signing out). Closing a session
// already gone is not an error.
func (s *Sessions) Close(ctx context.Context, token string) error {
	if !wellFormed(token) {
		return nil
	}
	if err := s.Store.DeleteSession(ctx, HashToken(token)); err != nil && erpps.ErrorCode(err) != erpps.ENOTFOUND {
		return fmt.Errorf("auth: unable to close a session: %w", err)
	}
	return nil
}

// HashToken is what the store keeps of a token: its SHA-256.
func HashToken(token string) []byte {
	h := sha256.Sum256([]byte(token))
	return h[:]
}

// wellFormed tells whether token looks like one Open gives (43 base64url
// characters), so that garbage costs no query.
func wellFormed(token string) bool {
	b, err := base64.RawURLEncoding.DecodeString(token)
	return err == nil && len(b) == tokenBytes
}

func (s *Sessions) now() time.Time {
	if s.Now == nil {
		return time.Now()
	}
	return s.Now()
}
