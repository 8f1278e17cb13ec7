package erpps

import (
	"context"
	"time"
)

// QueueFilter selects the requests an ARS agent sees. The service fills
// Departments from the agent's region: a store never returns a request of a
// département that is not listed.
type QueueFilter struct {
	Departments []string        `json:"departments"`        // required, the agent's region or a part of it
	Statuses    []RequestStatus `json:"statuses,omitempty"` // default: transmitted, under_review, complement_requested
	Kind        RequestKind     `json:"kind,omitempty"`
	// TransmittedBefore keeps the requests waiting since before that instant
	// (the « ancienneté » filter: more than 7, 30 days...).
	TransmittedBefore *time.Time `json:"transmittedBefore,omitempty"`
	Offset            int        `json:"offset,omitempty"`
	Limit             int        `json:"limit,omitempty"` // 1..100, default 20
}

// QueueItem is one line of the agent's queue: no payload.
type QueueItem struct {
	ID               string        `json:"id"`
	RPPS             string        `json:"rpps"`
	PractitionerName string        `json:"practitionerName"` // exercise (or birth) name and first name
	Kind             RequestKind   `json:"kind"`
	Status           RequestStatus `json:"status"`
	Department       string        `json:"department"`
	Revision         int64         `json:"revision"`
	TransmittedAt    time.Time     `json:"transmittedAt"`
	UpdatedAt        time.Time     `json:"updatedAt"`
	Deadline         string        `json:"deadline,omitempty"`
	// AssignedTo is the agent who took the request (« en instruction »).
	AssignedTo *Actor `json:"assignedTo,omitempty"`
}

// QueuePage is a page of the queue, oldest transmission first, with the total
// number of requests matching the filter.
type QueuePage struct {
	Items  []QueueItem `json:"items"`
	Total  int         `json:"total"`
	Offset int         `json:"offset"`
	Limit  int         `json:"limit"`
}

// DecisionAction is what an agent (or the system) does to a transmitted request.
type DecisionAction string

const (
	DecisionTake       DecisionAction = "take"       // transmitted → under_review
	DecisionAccept     DecisionAction = "accept"     // under_review → accepted, the register changes
	DecisionRefuse     DecisionAction = "refuse"     // under_review → refused, with a reason
	DecisionComplement DecisionAction = "complement" // under_review → complement_requested, message and deadline
	DecisionClose      DecisionAction = "close"      // complement_requested → closed_no_action (deadline passed)
)

// RequestStep moves one request from one status to another, tied to the
// revision it was planned on.
type RequestStep struct {
	RequestID    string        `json:"requestId"`
	BaseRevision int64         `json:"baseRevision"`
	From         RequestStatus `json:"from"`
	To           RequestStatus `json:"to"`
}

// DecisionPlan is a decision validated by the service, that the store commits
// in one transaction: the request's (and its linked pair's) new status, the
// reason or deadline, the history step attributed to the actor and the
// principal, and for an acceptance the practitioner's record as it becomes. A
// request whose revision or status moved since it was planned is ECONFLICT and
// nothing is written.
type DecisionPlan struct {
	Action    DecisionAction `json:"action"`
	Step      RequestStep    `json:"step"`
	Linked    *RequestStep   `json:"linked,omitempty"` // the other request of a moved cabinet
	Actor     Actor          `json:"actor"`
	Principal string         `json:"principal"`          // RPPS of the record
	Reason    string         `json:"reason,omitempty"`   // refusal reason, complement message
	Deadline  string         `json:"deadline,omitempty"` // YYYY-MM-DD, for a complement
	// Record is the practitioner's record after an accepted request (nil otherwise),
	// written in the same transaction, tied to RecordUpdatedAt (ECONFLICT when the
	// record changed meanwhile).
	Record          *Practitioner `json:"record,omitempty"`
	RecordUpdatedAt time.Time     `json:"recordUpdatedAt"`
	At              time.Time     `json:"at"`
}

// Decision is a decision as recorded, dated and attributed.
type Decision struct {
	ID        int64          `json:"id"`
	RequestID string         `json:"requestId"`
	Action    DecisionAction `json:"action"`
	Actor     Actor          `json:"actor"`
	Principal string         `json:"principal"`
	Reason    string         `json:"reason,omitempty"`
	Deadline  string         `json:"deadline,omitempty"`
	At        time.Time      `json:"at"`
}

// RegisterStore is what the ARS back office needs of the server's store.
type RegisterStore interface {
	ListQueue(ctx context.Context, filter QueueFilter) (*QueuePage, error)
	CommitDecision(ctx context.Context, plan DecisionPlan) (*Request, error)
	ListDecisions(ctx context.Context, requestID string) ([]Decision, error)
	// ListExpiredComplements returns the requests whose complement deadline
	// (YYYY-MM-DD) is before today.
	ListExpiredComplements(ctx context.Context, today string, limit int) ([]*Request, error)
	// ReceiveRequest stores a request transmitted elsewhere (a desktop) as it
	// is, with its history; an id already known is ECONFLICT.
	ReceiveRequest(ctx context.Context, r *Request) error
}

// AllDecisionActions lists every decision, for the UI's labels.
var AllDecisionActions = []DecisionAction{DecisionTake, DecisionAccept, DecisionRefuse, DecisionComplement, DecisionClose}

// Label is the decision's button in the UI (« Prendre en charge »).
func (a DecisionAction) Label() string {
	switch a {
	case DecisionTake:
		return "Prendre en charge"
	case DecisionAccept:
		return "Accepter"
	case DecisionRefuse:
		return "Refuser"
	case DecisionComplement:
		return "Demander un complément"
	case DecisionClose:
		return "Classer sans suite"
	}
	return string(a)
}

// DoneLabel says what the decision did, in a request's history (« Prise en charge »).
func (a DecisionAction) DoneLabel() string {
	switch a {
	case DecisionTake:
		return "Prise en charge"
	case DecisionAccept:
		return "Acceptée"
	case DecisionRefuse:
		return "Refusée"
	case DecisionComplement:
		return "Complément demandé"
	case DecisionClose:
		return "Classée sans suite"
	}
	return string(a)
}
