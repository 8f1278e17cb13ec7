package auth

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"time"

	"erpps/backend/erpps"
)

// DefaultTTL is how long a session lasts when Sessions.TTL is zero: a
// working day.
const DefaultTTL = 8 * time.Hour

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
}

// Open starts a session for acct and returns its token.
func (s *Sessions) Open(ctx context.Context, acct *erpps.Account) (string, *erpps.Session, error) {
	raw := make([]byte, tokenBytes)
	if _, err := rand.Read(raw); err != nil {
		return "", nil, erpps.Internal(fmt.Errorf("auth: unable to draw a token: %w", err))
	}
	id := make([]byte, 16)
	if _, err := rand.Read(id); err != nil {
		return "", nil, erpps.Internal(fmt.Errorf("auth: unable to draw a session id: %w", err))
	}
	now := s.now()
	ttl := s.TTL
	if ttl <= 0 {
		ttl = DefaultTTL
	}
	sess := &erpps.Session{ID: hex.EncodeToString(id), Account: *acct, CreatedAt: now, ExpiresAt: now.Add(ttl)}
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
	if sess.Account.Disabled || !s.now().Before(sess.ExpiresAt) {
		return nil, erpps.Errorf(erpps.EUNAUTHORIZED, MsgNoSession)
	}
	return sess, nil
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
