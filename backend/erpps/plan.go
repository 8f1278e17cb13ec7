package erpps

import "encoding/json"

// RequestWithRecord is a request with what its rules look at: the
// practitioner's record and their other requests still in the works, read
// together, as one state of the store.
type RequestWithRecord struct {
	Request      *Request
	Practitioner *Practitioner
	// Others are the practitioner's other open requests (drafts,
	// transmitted, under review, complement asked), without history.
	Others []*Request
}

// TransmitPlan is a transmission the service validated, for the store to
// commit whole in one transaction: the normalised payload, the route, the
// status, the history step, the outbox entry and, for a moved cabinet, the
// linked cessation. The store refuses it with ECONFLICT when the request is
// no longer at BaseRevision, the revision that was validated.
type TransmitPlan struct {
	RequestID    string
	BaseRevision int64
	Payload      json.RawMessage // normalised (E.164 phone, SIRET without spaces...)
	Department   string          // whose ARS examines the request
	Actor        Actor
	Principal    string // RPPS number of the practitioner whose record it is
	// LinkedCessation, for a moved cabinet, ends the old place: Kind,
	// TargetID, Payload and Department are set, and ID (LinkedCessationID
	// of the request's id; the store draws one when empty). It is created
	// transmitted with the request, linked to it, replacing any cessation
	// draft of the same activity; a request that already has its cessation
	// (transmitted again after a complement) keeps it.
	LinkedCessation *Request
	// Approval, for a request prepared by a secretary, is the practitioner's
	// approval of this exact version, used in the same transaction.
	Approval *ApprovalUse
}

// WithdrawPlan is a withdrawal for the store to commit in one transaction,
// with the request linked to it (the two requests of a moved cabinet are
// withdrawn together). ECONFLICT when the request is no longer at
// BaseRevision or may not be withdrawn.
type WithdrawPlan struct {
	RequestID    string
	BaseRevision int64
	Actor        Actor
	Principal    string
	Comment      string
}

// StaleDraft is the error of a save or an action based on a revision of a
// draft that changed since.
func StaleDraft() *Error {
	return Errorf(ECONFLICT, "Ce brouillon a été modifié ailleurs (autre onglet ou fenêtre) depuis que vous l'avez ouvert.")
}

// CheckActsFor refuses an actor acting on a record that is not theirs: a
// professional acts only on their own record (secretaries, ARS agents and
// the system act on others' by their role).
func CheckActsFor(actor Actor, principal string) error {
	if actor.Role == RoleProfessional && actor.ID != principal {
		return Errorf(EFORBIDDEN, "Vous ne pouvez agir que sur votre propre dossier.")
	}
	return nil
}
