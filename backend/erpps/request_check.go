package erpps

import (
	"encoding/json"
	"fmt"
	"strings"
)

// MaxPayloadSize bounds a request's payload: a form is a few kilobytes.
const MaxPayloadSize = 64 << 10

// MaxRequestIDLength bounds a request identifier given by the caller.
const MaxRequestIDLength = 64

// CheckPayload rejects a payload that is not one JSON value or is larger
// than MaxPayloadSize.
func CheckPayload(payload json.RawMessage) error {
	if len(payload) > MaxPayloadSize {
		return Invalid("Le contenu de la demande est trop volumineux.",
			FieldError{Field: "payload", Code: EINVALID,
				Message: fmt.Sprintf("Le contenu de la demande est trop volumineux (%d Kio au plus).", MaxPayloadSize>>10)})
	}
	if len(payload) == 0 || !json.Valid(payload) {
		return Invalid("Le contenu de la demande est illisible.",
			FieldError{Field: "payload", Code: EINVALID,
				Message: "Le contenu de la demande n'est pas un document JSON valide."})
	}
	return nil
}

// validRequestID says whether id may name a request: short, without spaces
// around it; empty when empty is allowed.
func validRequestID(id string, emptyAllowed bool) bool {
	if id == "" {
		return emptyAllowed
	}
	return len(id) <= MaxRequestIDLength && strings.TrimSpace(id) == id
}

// CheckNew rejects a request that cannot be created: a draft (or no status
// yet) of a known kind, for an RPPS number, with a sound identifier or none.
// The payload is checked apart (CheckPayload), once it is filled in.
func (r *Request) CheckNew() error {
	if r == nil {
		return Invalid("La demande est vide.")
	}
	var fields []FieldError
	if strings.TrimSpace(r.RPPS) == "" {
		fields = append(fields, FieldError{Field: "rpps", Code: EINVALID,
			Message: "Le numéro RPPS est obligatoire."})
	}
	if !r.Kind.Valid() {
		fields = append(fields, FieldError{Field: "kind", Code: EINVALID,
			Message: "Type de demande inconnu."})
	}
	if r.Status != "" && r.Status != StatusDraft {
		fields = append(fields, FieldError{Field: "status", Code: EINVALID,
			Message: "Une demande est créée en brouillon."})
	}
	if !validRequestID(r.ID, true) {
		fields = append(fields, FieldError{Field: "id", Code: EINVALID,
			Message: "Identifiant de demande invalide."})
	}
	if len(fields) > 0 {
		return Invalid("La demande ne peut pas être créée.", fields...)
	}
	return nil
}

// CheckReceived rejects a request received whole (from the desktop app, by
// the server) that a store cannot hold: it has its identifier, RPPS number,
// kind, status, revision, dates and a payload.
func (r *Request) CheckReceived() error {
	if r == nil {
		return Invalid("La demande est vide.")
	}
	var fields []FieldError
	bad := func(field, message string) {
		fields = append(fields, FieldError{Field: field, Code: EINVALID, Message: message})
	}
	if !validRequestID(r.ID, false) {
		bad("id", "Identifiant de demande invalide.")
	}
	if strings.TrimSpace(r.RPPS) == "" {
		bad("rpps", "Le numéro RPPS est obligatoire.")
	}
	if !r.Kind.Valid() {
		bad("kind", "Type de demande inconnu.")
	}
	if !r.Status.Valid() {
		bad("status", "Statut de demande inconnu.")
	}
	if r.Revision < 1 {
		bad("revision", "La version d'une demande commence à 1.")
	}
	if r.CreatedAt.IsZero() || r.UpdatedAt.IsZero() {
		bad("createdAt", "Une demande reçue porte ses dates de création et de mise à jour.")
	}
	if len(fields) > 0 {
		return Invalid("La demande reçue ne peut pas être enregistrée.", fields...)
	}
	return CheckPayload(r.Payload)
}
