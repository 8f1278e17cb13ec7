package erpps

import (
	"context"
	"time"
)

// MaxMandateDuration is the longest a mandate may run (12 months).
const MaxMandateDuration = 365 * 24 * time.Hour

// Mandate lets a named secretary read a practitioner's record and prepare
// requests of the listed kinds for them, until it expires or either side
// revokes it (modelled on RPPS+'s gestionnaires and Aidants Connect's
// mandates). Every transmission prepared under it still needs the
// practitioner's own approval of that exact version.
type Mandate struct {
	ID            string        `json:"id"`
	RPPS          string        `json:"rpps"`        // the practitioner (principal)
	SecretaryID   string        `json:"secretaryId"` // the secretary's account id
	SecretaryName string        `json:"secretaryName"`
	Kinds         []RequestKind `json:"kinds"`
	CreatedAt     time.Time     `json:"createdAt"`
	ExpiresAt     time.Time     `json:"expiresAt"`
	RevokedAt     *time.Time    `json:"revokedAt,omitempty"`
	RevokedBy     *Actor        `json:"revokedBy,omitempty"`
}

// Active says whether the mandate is in force at now.
func (m *Mandate) Active(now time.Time) bool {
	return m.RevokedAt == nil && now.Before(m.ExpiresAt) && !now.Before(m.CreatedAt)
}

// Covers says whether the mandate allows preparing a request of kind at now.
func (m *Mandate) Covers(kind RequestKind, now time.Time) bool {
	if !m.Active(now) {
		return false
	}
	for _, k := range m.Kinds {
		if k == kind {
			return true
		}
	}
	return false
}

// MandateFilter selects mandates by practitioner or secretary.
type MandateFilter struct {
	RPPS        string `json:"rpps,omitempty"`
	SecretaryID string `json:"secretaryId,omitempty"`
}

// MandateStore keeps the mandates.
type MandateStore interface {
	CreateMandate(ctx context.Context, m *Mandate) error
	FindMandateByID(ctx context.Context, id string) (*Mandate, error)
	ListMandates(ctx context.Context, filter MandateFilter) ([]*Mandate, error)
	// RevokeMandate ends m now; revoking twice is ECONFLICT.
	RevokeMandate(ctx context.Context, id string, by Actor, at time.Time) error
}

// Approval is a practitioner's consent to transmit one exact version of a
// request prepared by a secretary: bound to the revision and to the hash of
// its payload, single use, expiring.
type Approval struct {
	ID          string     `json:"id"`
	RequestID   string     `json:"requestId"`
	Revision    int64      `json:"revision"`
	PayloadHash string     `json:"payloadHash"` // hex SHA-256 of the payload's bytes as stored
	ApprovedBy  Actor      `json:"approvedBy"`
	ApprovedAt  time.Time  `json:"approvedAt"`
	ExpiresAt   time.Time  `json:"expiresAt"`
	UsedAt      *time.Time `json:"usedAt,omitempty"`
}

// ApprovalStore keeps the approvals. Using one happens inside the transmit
// transaction (TransmitPlan.Approval).
type ApprovalStore interface {
	CreateApproval(ctx context.Context, a *Approval) error
	FindApprovalByID(ctx context.Context, id string) (*Approval, error)
}

// ApprovalUse ties a transmission to an approval: the store checks, in the
// transmit transaction, that the approval exists, is unused, unexpired at At,
// and names this request, revision and payload hash, then marks it used.
// Anything else is EFORBIDDEN and nothing is written.
type ApprovalUse struct {
	ID          string    `json:"id"`
	Revision    int64     `json:"revision"`
	PayloadHash string    `json:"payloadHash"`
	At          time.Time `json:"at"`
}
