package erpps

import (
	"context"
	"encoding/json"
	"time"
)

// RequestKind is what a request asks the ARS to change.
type RequestKind string

// The requests the portal's actions create.
const (
	KindCeaseActivity RequestKind = "cease_activity" // Cesser une activité
	KindNewActivity   RequestKind = "new_activity"   // Déclarer une nouvelle activité
	KindNewProfession RequestKind = "new_profession" // Déclarer une nouvelle profession
	KindContact       RequestKind = "contact"        // Modifier vos coordonnées de contact
	KindExerciseName  RequestKind = "exercise_name"  // Modifier le nom d'exercice
)

// AllRequestKinds lists every kind, in the portal's order.
var AllRequestKinds = []struct {
	Value  RequestKind
	TSName string
}{
	{KindCeaseActivity, "CeaseActivity"},
	{KindNewActivity, "NewActivity"},
	{KindNewProfession, "NewProfession"},
	{KindContact, "Contact"},
	{KindExerciseName, "ExerciseName"},
}

// Valid tells whether k is a known kind.
func (k RequestKind) Valid() bool {
	for _, v := range AllRequestKinds {
		if v.Value == k {
			return true
		}
	}
	return false
}

// Label is the kind's name in the UI.
func (k RequestKind) Label() string {
	switch k {
	case KindCeaseActivity:
		return "Cessation d'activité"
	case KindNewActivity:
		return "Nouvelle activité"
	case KindNewProfession:
		return "Nouvelle profession"
	case KindContact:
		return "Coordonnées de contact"
	case KindExerciseName:
		return "Nom d'exercice"
	}
	return string(k)
}

// Request is a demande: a change to the practitioner's record that the ARS of
// the département concerned examines.
type Request struct {
	ID              string          `json:"id"`
	RPPS            string          `json:"rpps"`
	Kind            RequestKind     `json:"kind"`
	Status          RequestStatus   `json:"status"`
	TargetID        string          `json:"targetId,omitempty"`        // the activity a cessation ends
	LinkedRequestID string          `json:"linkedRequestId,omitempty"` // a moved cabinet: the cessation and the new activity
	Department      string          `json:"department,omitempty"`      // routes the request to its ARS
	Payload         json.RawMessage `json:"payload" ts_type:"Record<string, any>"`
	Revision        int64           `json:"revision"`           // bumped at every save
	Deadline        string          `json:"deadline,omitempty"` // for a complement asked by the ARS
	Reason          string          `json:"reason,omitempty"`   // of a refusal or of a complement asked
	CreatedAt       time.Time       `json:"createdAt"`
	UpdatedAt       time.Time       `json:"updatedAt"`
	TransmittedAt   *time.Time      `json:"transmittedAt,omitempty"`
	// UpdatedBy is who wrote the request last (a save, a transmission...).
	UpdatedBy Actor          `json:"updatedBy"`
	History   []RequestEvent `json:"history"`
}

// Editable tells whether the professional may still change the request.
func (r *Request) Editable() bool { return r.Status.Editable() }

// Untouched tells whether the request is a draft that was opened but never
// saved since (revision 1): it is not listed as a request « en cours ».
func (r *Request) Untouched() bool { return r.Status == StatusDraft && r.Revision <= 1 }

// RequestEvent is one dated, attributed step of a request's life.
type RequestEvent struct {
	From  RequestStatus `json:"from"`
	To    RequestStatus `json:"to"`
	At    time.Time     `json:"at"`
	Actor Actor         `json:"actor"`
	// Principal is the RPPS number of the practitioner on whose record the
	// actor acted: a secretary's steps remain the practitioner's requests.
	Principal string `json:"principal"`
	Comment   string `json:"comment,omitempty"`
}

// Role is what an actor is to the register.
type Role string

// The roles of the people and processes that act on requests.
const (
	RoleProfessional Role = "professional"
	RoleSecretary    Role = "secretary"
	RoleARSAgent     Role = "ars_agent"
	RoleSystem       Role = "system"
)

// Actor is who did something: kept on every step of a request.
type Actor struct {
	Role Role   `json:"role"`
	ID   string `json:"id"`   // RPPS, agent or secretary identifier
	Name string `json:"name"` // shown in the history
}

// RequestFilter narrows a list of requests.
type RequestFilter struct {
	RPPS     string          `json:"rpps,omitempty"`
	Kind     RequestKind     `json:"kind,omitempty"`
	Statuses []RequestStatus `json:"statuses,omitempty"`
	TargetID string          `json:"targetId,omitempty"`
	Limit    int             `json:"limit,omitempty"`
	// WithoutHistory leaves History empty: cheaper when only the requests'
	// state matters (validation on every autosave).
	WithoutHistory bool `json:"withoutHistory,omitempty"`
}

// RequestService stores requests and commits the applicant's actions on
// them, each in one transaction.
type RequestService interface {
	CreateRequest(ctx context.Context, r *Request, actor Actor) error
	FindRequestByID(ctx context.Context, id string) (*Request, error)
	ListRequests(ctx context.Context, filter RequestFilter) ([]*Request, error)
	// FindRequestWithRecord reads, in one transaction, a request with its
	// history, its practitioner and the practitioner's other open requests:
	// everything validating the request needs.
	FindRequestWithRecord(ctx context.Context, id string) (*RequestWithRecord, error)
	// SaveDraft replaces the payload of an editable request at revision
	// baseRevision, in one transaction, and bumps its revision; ECONFLICT
	// (StaleDraft) when the revision moved. The returned request has no
	// History: a save adds no step.
	SaveDraft(ctx context.Context, id string, baseRevision int64, payload json.RawMessage, actor Actor) (*Request, error)
	// DeleteDraft deletes a draft never transmitted.
	DeleteDraft(ctx context.Context, id string) error
	// CommitTransmit commits a validated transmission (see TransmitPlan).
	CommitTransmit(ctx context.Context, plan TransmitPlan) (*Request, error)
	// CommitWithdraw commits a withdrawal (see WithdrawPlan).
	CommitWithdraw(ctx context.Context, plan WithdrawPlan) (*Request, error)
}
