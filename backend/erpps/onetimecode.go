package erpps

import (
	"context"
	"time"
)

// OneTimeCode is a one-time code as the server keeps it: never the code
// itself, only its keyed hash (HMAC-SHA256 with a server key, hex). There is
// at most one code per purpose and subject: issuing a new one revokes the old.
type OneTimeCode struct {
	ID        string     `json:"id"`
	Purpose   string     `json:"purpose"` // what the code confirms, e.g. "ecps-activation"
	Subject   string     `json:"subject"` // who it is for, e.g. an IDNPS
	Channel   string     `json:"channel"` // ChannelEmail or ChannelSMS
	Hash      string     `json:"hash"`
	CreatedAt time.Time  `json:"createdAt"`
	ExpiresAt time.Time  `json:"expiresAt"`
	Tries     int        `json:"tries"` // verifications attempted, the right one included
	UsedAt    *time.Time `json:"usedAt,omitempty"`
}

// CodeSend is one sending of a code, counted by the rate limits. The keys
// are keyed hashes of the recipient (e-mail address or phone number) and of
// the client's network address: the store keeps no personal data in clear.
type CodeSend struct {
	RecipientKey string    `json:"recipientKey"`
	ClientKey    string    `json:"clientKey"`
	At           time.Time `json:"at"`
}

// CodeLimits bounds the sends made after Since (the window is (Since, now]):
// at most PerRecipient to one recipient and PerClient from one client
// address.
type CodeLimits struct {
	Since        time.Time `json:"since"`
	PerRecipient int       `json:"perRecipient"`
	PerClient    int       `json:"perClient"`
}

// OneTimeCodeStore keeps the one-time codes and their sends.
type OneTimeCodeStore interface {
	// IssueOneTimeCode counts the sends after limits.Since to
	// send.RecipientKey and from send.ClientKey: when either count has
	// reached its limit it is ETOOMANY and nothing is written. Otherwise, in
	// one transaction, it records the send and keeps c (an empty ID is
	// drawn) as the only code of its purpose and subject, replacing any
	// earlier one. Sends at or before limits.Since may be forgotten. A nil c
	// is a decoy: the send is counted (and limited) the same, no code is
	// kept (an unknown identifier answers as a known one would).
	IssueOneTimeCode(ctx context.Context, c *OneTimeCode, send CodeSend, limits CodeLimits) error
	// TryOneTimeCode counts one try of the live code of purpose and subject
	// (unused, expiring after at, fewer than maxTries tries so far) and
	// returns it with that try counted; ENOTFOUND when there is no live code.
	// Tries are counted before the caller compares: concurrent guesses never
	// exceed maxTries.
	TryOneTimeCode(ctx context.Context, purpose, subject string, at time.Time, maxTries int) (*OneTimeCode, error)
	// UseOneTimeCode marks code id used at at, once: ENOTFOUND when it is
	// already used or was replaced.
	UseOneTimeCode(ctx context.Context, id string, at time.Time) error
}
