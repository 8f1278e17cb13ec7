package erpps

// RequestStatus is where a request stands in its life.
type RequestStatus string

// The life of a request (DOMAIN.md, "Requests and their life").
const (
	StatusDraft               RequestStatus = "draft"                // brouillon (« en cours »), local, editable
	StatusTransmitted         RequestStatus = "transmitted"          // transmise
	StatusUnderReview         RequestStatus = "under_review"         // en instruction
	StatusAccepted            RequestStatus = "accepted"             // acceptée
	StatusRefused             RequestStatus = "refused"              // refusée
	StatusComplementRequested RequestStatus = "complement_requested" // complément demandé
	StatusWithdrawn           RequestStatus = "withdrawn"            // retirée
	StatusClosedNoAction      RequestStatus = "closed_no_action"     // classée sans suite
)

// AllRequestStatuses lists every status, for the UI's enums.
var AllRequestStatuses = []struct {
	Value  RequestStatus
	TSName string
}{
	{StatusDraft, "Draft"},
	{StatusTransmitted, "Transmitted"},
	{StatusUnderReview, "UnderReview"},
	{StatusAccepted, "Accepted"},
	{StatusRefused, "Refused"},
	{StatusComplementRequested, "ComplementRequested"},
	{StatusWithdrawn, "Withdrawn"},
	{StatusClosedNoAction, "ClosedNoAction"},
}

// Label is the status's name in the UI.
func (s RequestStatus) Label() string {
	switch s {
	case StatusDraft:
		return "En cours (non transmise)"
	case StatusTransmitted:
		return "Transmise — en attente d'envoi au serveur"
	case StatusUnderReview:
		return "En instruction"
	case StatusAccepted:
		return "Acceptée"
	case StatusRefused:
		return "Refusée"
	case StatusComplementRequested:
		return "Complément demandé"
	case StatusWithdrawn:
		return "Retirée"
	case StatusClosedNoAction:
		return "Classée sans suite"
	}
	return string(s)
}

// StepLabel names the step of a request's history that moved it to s: the
// event, not the state (« Transmise », whether or not the server has it yet).
func (s RequestStatus) StepLabel() string {
	if s == StatusTransmitted {
		return "Transmise"
	}
	return s.Label()
}

// ServerLabel is the status's name where the server holds the request (the
// ARS back office): a transmitted request has arrived there, « Transmise »,
// not waiting to be sent as on the desktop.
func (s RequestStatus) ServerLabel() string {
	return s.StepLabel()
}

// Valid tells whether s is a known status.
func (s RequestStatus) Valid() bool {
	for _, v := range AllRequestStatuses {
		if v.Value == s {
			return true
		}
	}
	return false
}

// Editable tells whether the professional may change the request's content.
func (s RequestStatus) Editable() bool {
	return s == StatusDraft || s == StatusComplementRequested
}

// Final tells whether the request's life is over.
func (s RequestStatus) Final() bool {
	switch s {
	case StatusAccepted, StatusRefused, StatusWithdrawn, StatusClosedNoAction:
		return true
	}
	return false
}

// Open tells whether the request is transmitted and not decided yet.
func (s RequestStatus) Open() bool {
	switch s {
	case StatusTransmitted, StatusUnderReview, StatusComplementRequested:
		return true
	}
	return false
}

// transition is one edge of the state machine and who may take it.
type transition struct {
	from, to RequestStatus
	roles    []Role
}

var applicant = []Role{RoleProfessional, RoleSecretary}

// transitions is the state machine of a request, in one place. A secretary
// prepares and transmits on behalf of the professional (who authenticates to
// transmit once e-CPS login exists); ARS agents examine; the system closes
// complements whose deadline passed.
var transitions = []transition{
	{StatusDraft, StatusTransmitted, applicant},
	{StatusTransmitted, StatusUnderReview, []Role{RoleARSAgent}},
	{StatusTransmitted, StatusWithdrawn, applicant},
	{StatusUnderReview, StatusAccepted, []Role{RoleARSAgent}},
	{StatusUnderReview, StatusRefused, []Role{RoleARSAgent}},
	{StatusUnderReview, StatusComplementRequested, []Role{RoleARSAgent}},
	{StatusUnderReview, StatusWithdrawn, applicant},
	{StatusComplementRequested, StatusTransmitted, applicant},
	{StatusComplementRequested, StatusWithdrawn, applicant},
	{StatusComplementRequested, StatusClosedNoAction, []Role{RoleARSAgent, RoleSystem}},
}

// CheckTransition says whether actor may move a request from `from` to `to`,
// with an error in French when not.
func CheckTransition(from, to RequestStatus, actor Actor) error {
	if !to.Valid() {
		return Errorf(EINVALID, "Statut de demande inconnu.")
	}
	for _, t := range transitions {
		if t.from != from || t.to != to {
			continue
		}
		for _, r := range t.roles {
			if r == actor.Role {
				return nil
			}
		}
		return Errorf(EFORBIDDEN, "Vous ne pouvez pas faire passer une demande « %s » à « %s ».", from.Label(), to.Label())
	}
	return Errorf(ECONFLICT, "Une demande « %s » ne peut pas passer à « %s ».", from.Label(), to.Label())
}

// NextStatuses lists the statuses actor may move a request in `from` to.
func NextStatuses(from RequestStatus, actor Actor) []RequestStatus {
	var out []RequestStatus
	for _, t := range transitions {
		if t.from != from {
			continue
		}
		for _, r := range t.roles {
			if r == actor.Role {
				out = append(out, t.to)
				break
			}
		}
	}
	return out
}
