package erpps

import (
	"context"
	"time"
)

// ECPSDevice is a phone enrolled for a practitioner's e-CPS: its browser
// holds the private half of an ECDSA P-256 key; the server keeps the public
// half and checks every call of the phone against it.
type ECPSDevice struct {
	ID        string     `json:"id"`
	RPPS      string     `json:"rpps"`
	Name      string     `json:"name"`
	PublicKey []byte     `json:"-"` // the uncompressed P-256 point (65 bytes)
	CreatedAt time.Time  `json:"createdAt"`
	RevokedAt *time.Time `json:"revokedAt,omitempty"`
}

// ECPSTransactionType says what a phone is asked to approve.
type ECPSTransactionType string

const (
	ECPSLogin    ECPSTransactionType = "login"    // a computer's two-step login
	ECPSApproval ECPSTransactionType = "approval" // one action (a transmission), CIBA-like
)

// ECPSStatus is where a transaction is. Expiry is not stored: a pending
// transaction past its ExpiresAt is expired.
type ECPSStatus string

const (
	ECPSPending   ECPSStatus = "pending"
	ECPSApproved  ECPSStatus = "approved"
	ECPSRefused   ECPSStatus = "refused"
	ECPSExpired   ECPSStatus = "expired"
	ECPSCancelled ECPSStatus = "cancelled"
)

// ECPSTransaction is one thing the practitioner's phone is asked to approve.
// The code a computer shows (login) and its binding code (approval) are not
// secrets of the practitioner: the phone's proof is its key and the password.
type ECPSTransaction struct {
	ID        string              `json:"id"`
	Type      ECPSTransactionType `json:"type"`
	RPPS      string              `json:"rpps"` // whose phone answers
	Label     string              `json:"label"`
	Status    ECPSStatus          `json:"status"`
	Message   string              `json:"message,omitempty"` // why it was refused, in French
	CreatedAt time.Time           `json:"createdAt"`
	ExpiresAt time.Time           `json:"expiresAt"`
	DecidedAt *time.Time          `json:"decidedAt,omitempty"`
	// Login: the auth request it belongs to, the code the computer shows,
	// the three codes the phone proposes (shuffled, Code among them), and
	// when CompleteLogin consumed it.
	AuthRequestID string     `json:"authRequestId,omitempty"`
	Code          string     `json:"code,omitempty"`
	Choices       []string   `json:"choices,omitempty"`
	CompletedAt   *time.Time `json:"completedAt,omitempty"`
	// Approval: the request version and payload hash approved, the code on
	// both screens, who asked (an account id), and the erpps.Approval made.
	RequestID   string `json:"requestId,omitempty"`
	Revision    int64  `json:"revision,omitempty"`
	PayloadHash string `json:"payloadHash,omitempty"`
	BindingCode string `json:"bindingCode,omitempty"`
	RequestedBy string `json:"requestedBy,omitempty"`
	ApprovalID  string `json:"approvalId,omitempty"`
}

// StatusAt is the transaction's status at now: pending turns expired.
func (t *ECPSTransaction) StatusAt(now time.Time) ECPSStatus {
	if t.Status == ECPSPending && !now.Before(t.ExpiresAt) {
		return ECPSExpired
	}
	return t.Status
}

// ECPSDecision is a pending transaction's end, written only if it is still
// pending and unexpired at At.
type ECPSDecision struct {
	Status     ECPSStatus
	Message    string
	ApprovalID string
	At         time.Time
}

// ECPSStore keeps e-CPS enrolments (a password hash per RPPS), enrolled
// devices, the single-use nonces of signed calls and the transactions.
type ECPSStore interface {
	// ECPSSecret returns the server's e-CPS secret, keeping fresh when none
	// is kept yet (the first caller wins; every caller gets the kept one).
	ECPSSecret(ctx context.Context, fresh []byte) ([]byte, error)
	// SetECPSPassword keeps rpps's password hash (argon2id, PHC), replacing
	// the previous one.
	SetECPSPassword(ctx context.Context, rpps, hash string, at time.Time) error
	// ECPSPassword returns rpps's password hash, ENOTFOUND when not enrolled.
	ECPSPassword(ctx context.Context, rpps string) (string, error)
	// CreateECPSDevice keeps d (an empty ID is drawn); ECONFLICT when taken.
	CreateECPSDevice(ctx context.Context, d *ECPSDevice) error
	// FindECPSDevice returns the device, ENOTFOUND when none has that id.
	FindECPSDevice(ctx context.Context, id string) (*ECPSDevice, error)
	// RevokeECPSDevice ends the device's enrolment; ENOTFOUND, ECONFLICT
	// when already revoked.
	RevokeECPSDevice(ctx context.Context, id string, at time.Time) error
	// CreateECPSNonce keeps a challenge given to a device (its SHA-256).
	CreateECPSNonce(ctx context.Context, deviceID string, nonceHash []byte, expiresAt time.Time) error
	// UseECPSNonce consumes a challenge: it must be the device's, unused and
	// unexpired at now; anything else is EUNAUTHORIZED.
	UseECPSNonce(ctx context.Context, deviceID string, nonceHash []byte, now time.Time) error
	// CreateECPSTransaction keeps t as pending (an empty ID is drawn).
	CreateECPSTransaction(ctx context.Context, t *ECPSTransaction) error
	// FindECPSTransaction returns it, ENOTFOUND when none has that id.
	FindECPSTransaction(ctx context.Context, id string) (*ECPSTransaction, error)
	// PendingECPSTransactions lists rpps's transactions still pending and
	// unexpired at now, oldest first.
	PendingECPSTransactions(ctx context.Context, rpps string, now time.Time) ([]*ECPSTransaction, error)
	// DecideECPSTransaction ends a pending transaction unexpired at d.At;
	// ECONFLICT when it is no longer pending (or expired), ENOTFOUND.
	DecideECPSTransaction(ctx context.Context, id string, d ECPSDecision) error
	// CompleteECPSLogin marks an approved login transaction of that auth
	// request as used, once: ECONFLICT otherwise.
	CompleteECPSLogin(ctx context.Context, id, authRequestID string, at time.Time) error
	// DeleteExpiredECPS forgets the transactions and challenges that
	// expired before before; it returns how many rows went.
	DeleteExpiredECPS(ctx context.Context, before time.Time) (int, error)
}

// Messages of e-CPS refusals shared by the stores and the service.
const (
	// MsgECPSBadSignature answers a signed call that does not prove the
	// device: unknown or revoked device, bad signature, reused or expired
	// challenge (the same words for all).
	MsgECPSBadSignature = "Votre téléphone n'a pas pu être reconnu : relancez l'application e-CPS et réessayez. Si le problème persiste, vérifiez l'heure de votre téléphone ou activez à nouveau e-CPS."
	// MsgECPSTransactionOver answers an action on a transaction already
	// ended, expired or used.
	MsgECPSTransactionOver = "Cette demande de validation est terminée (expirée, annulée ou déjà utilisée) : recommencez."
)
