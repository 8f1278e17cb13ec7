package erpps

import (
	"context"
	"time"
)

// OIDCRecord is one piece of the OpenID provider's state: an authorization
// request, an authorization code, an access token or a refresh token. The
// provider owns Data (JSON); the store keeps it byte for byte. Secrets (codes,
// refresh tokens) are kept under the hash of their value, never in clear.
type OIDCRecord struct {
	Kind      string    // "auth_request", "code", "access_token", "refresh_token", ...
	ID        string    // unique within Kind: an id, or the hash of a secret
	GrantID   string    // ties the records of one login (revoking a grant deletes them all)
	Subject   string    // the IDNPS once known, "" before the login completes
	Data      []byte    // the provider's JSON
	ExpiresAt time.Time // after it the record is as good as gone
}

// OIDCStore keeps the OpenID provider's state (erpps-server's provider).
// A record expired at now (ExpiresAt <= now) is ENOTFOUND, as is an unknown one.
type OIDCStore interface {
	// PutOIDCRecord adds rec; a (Kind, ID) already kept is ECONFLICT.
	PutOIDCRecord(ctx context.Context, rec *OIDCRecord) error
	// GetOIDCRecord returns the record, ENOTFOUND when unknown or expired at now.
	GetOIDCRecord(ctx context.Context, kind, id string, now time.Time) (*OIDCRecord, error)
	// UpdateOIDCRecord replaces GrantID, Subject, Data and ExpiresAt of the
	// record (Kind, ID); ENOTFOUND when unknown or expired at now.
	UpdateOIDCRecord(ctx context.Context, rec *OIDCRecord, now time.Time) error
	// TakeOIDCRecord deletes the record and returns it, in one step: of two
	// concurrent takes only one gets it (single use: codes, refresh token
	// rotation). ENOTFOUND when unknown or expired at now.
	TakeOIDCRecord(ctx context.Context, kind, id string, now time.Time) (*OIDCRecord, error)
	// DeleteOIDCRecord deletes one record; an unknown one is not an error.
	DeleteOIDCRecord(ctx context.Context, kind, id string) error
	// DeleteOIDCGrant deletes every record of the grant and says how many.
	DeleteOIDCGrant(ctx context.Context, grantID string) (int, error)
	// DeleteOIDCSubject deletes every record of the subject and says how many.
	DeleteOIDCSubject(ctx context.Context, subject string) (int, error)
	// DeleteExpiredOIDCRecords deletes the records expired at now and says how many.
	DeleteExpiredOIDCRecords(ctx context.Context, now time.Time) (int, error)
}
