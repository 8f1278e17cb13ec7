package erpps

import (
	"context"
	"time"
)

// MailKind is what an e-mail of the cabinet's mailbox was recognised as.
type MailKind string

// The e-mails the desktop picks up from the cabinet's mailbox.
const (
	MailActivationCode MailKind = "activation-code"
	MailDecision       MailKind = "decision"
)

// MailFinding is an e-mail of the cabinet's mailbox recognised and filed: an
// e-CPS activation code for one of the desktop's practitioners, or an ARS
// decision on one of its requests.
type MailFinding struct {
	ID string `json:"id"`
	// MessageKey identifies the e-mail in its mailbox (account, UIDVALIDITY,
	// UID): the same e-mail picked up twice is one finding.
	MessageKey string    `json:"-"`
	Kind       MailKind  `json:"kind"`
	ByHeaders  bool      `json:"byHeaders"` // false: read in the text (headers stripped)
	Subject    string    `json:"subject"`
	ReceivedAt time.Time `json:"receivedAt"`
	FoundAt    time.Time `json:"foundAt"`
	// RPPS is the practitioner's: the one the code is for, or the request's.
	RPPS  string `json:"rpps"`
	IDNPS string `json:"idnps,omitempty"` // activation
	Code  string `json:"code,omitempty"`  // activation
	// Decision: the request and "accepted", "refused", "info_requested" (""
	// when the e-mail did not say).
	RequestID string `json:"requestId,omitempty"`
	Decision  string `json:"decision,omitempty"`
}

// MailboxAccount is the cabinet's mailbox as the desktop keeps it: never its
// password (kept by backend/secretstore).
type MailboxAccount struct {
	Host      string    `json:"host"`
	Port      int       `json:"port"`
	Username  string    `json:"username"`
	Folder    string    `json:"folder"`
	UpdatedAt time.Time `json:"updatedAt"`
}

// MailFindingFilter narrows a list of findings ("" fields: any).
type MailFindingFilter struct {
	RPPS      string `json:"rpps"`
	RequestID string `json:"requestId"`
	Limit     int    `json:"limit"`
}

// MailboxStore keeps the mailbox's account and findings (the desktop's
// store).
type MailboxStore interface {
	MailboxAccount(ctx context.Context) (*MailboxAccount, error) // ENOTFOUND when none
	SaveMailboxAccount(ctx context.Context, a *MailboxAccount) error
	DeleteMailboxAccount(ctx context.Context) error
	// SaveMailFinding files f (ID given when ""), ignoring an e-mail already
	// filed (same MessageKey); added tells which.
	SaveMailFinding(ctx context.Context, f *MailFinding) (added bool, err error)
	ListMailFindings(ctx context.Context, filter MailFindingFilter) ([]MailFinding, error)
	// PurgeMailActivationCodes drops the activation codes e-mailed before
	// receivedBefore (past their validity); decisions are kept.
	PurgeMailActivationCodes(ctx context.Context, receivedBefore time.Time) (int64, error)
}
