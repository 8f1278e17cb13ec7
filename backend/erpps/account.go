package erpps

import (
	"context"
	"time"
)

// Account is someone who signs in to the server: an ARS agent, a practitioner
// (with a demo password until e-CPS login exists) or a secretary.
type Account struct {
	ID        string    `json:"id"`    // stable identifier (a practitioner acts as their RPPS: Actor)
	Login     string    `json:"login"` // what is typed to sign in (an agent's e-mail, a practitioner's RPPS)
	Role      Role      `json:"role"`
	Name      string    `json:"name"`             // shown in histories (« Camille Martin (ARS Normandie) »)
	RPPS      string    `json:"rpps,omitempty"`   // a practitioner's own record
	Region    string    `json:"region,omitempty"` // an ARS agent's region (INSEE code, e.g. "28")
	Disabled  bool      `json:"disabled"`
	CreatedAt time.Time `json:"createdAt"`
}

// Actor is who acts when this account acts, as every history records it: a
// practitioner by their RPPS number (CheckActsFor compares it with the
// record's), anyone else by their account id.
func (a *Account) Actor() Actor {
	id := a.ID
	if a.Role == RoleProfessional && a.RPPS != "" {
		id = a.RPPS
	}
	return Actor{Role: a.Role, ID: id, Name: a.Name}
}

// Credentials are what a person types to sign in with a password.
type Credentials struct {
	Login    string `json:"login"`
	Password string `json:"password"`
}

// Authenticator says who signs in. The password authenticator is the first
// implementation; e-CPS login (OpenID Connect) implements the same interface.
// Any failure (unknown login, wrong password, disabled account) is the same
// EUNAUTHORIZED error, so that a reply never tells whether a login exists.
type Authenticator interface {
	Authenticate(ctx context.Context, c Credentials) (*Account, error)
}

// Session is a signed-in account on the server. Its token is given once to
// the client; the store keeps only a hash of it.
type Session struct {
	ID        string    `json:"id"`
	Account   Account   `json:"account"`
	CreatedAt time.Time `json:"createdAt"`
	ExpiresAt time.Time `json:"expiresAt"`
	// Device: a desktop's session, long and sliding (each use pushes its
	// expiry back), so that a desktop offline for weeks comes back signed
	// in.
	Device bool `json:"device,omitempty"`
}

// AccountStore keeps the accounts and their password hashes (argon2id, PHC
// string format); the hash never leaves the server.
type AccountStore interface {
	// CreateAccount adds a; a login already taken is ECONFLICT.
	CreateAccount(ctx context.Context, a *Account, passwordHash string) error
	// FindAccountByLogin returns the account and its password hash, ENOTFOUND when none.
	FindAccountByLogin(ctx context.Context, login string) (*Account, string, error)
	FindAccountByID(ctx context.Context, id string) (*Account, error)
	ListAccounts(ctx context.Context, role Role) ([]*Account, error)
}

// SessionStore keeps the sessions, by the SHA-256 hash of their token.
type SessionStore interface {
	CreateSession(ctx context.Context, s *Session, tokenHash []byte) error
	// FindSessionByTokenHash returns the session, EUNAUTHORIZED when it is
	// unknown, revoked or expired at now.
	FindSessionByTokenHash(ctx context.Context, tokenHash []byte, now time.Time) (*Session, error)
	DeleteSession(ctx context.Context, tokenHash []byte) error
	// ExtendSession moves the expiry of the session of tokenHash to
	// expiresAt (a sliding session in use); an unknown session is not an
	// error.
	ExtendSession(ctx context.Context, tokenHash []byte, expiresAt time.Time) error
	DeleteExpiredSessions(ctx context.Context, now time.Time) (int, error)
}
