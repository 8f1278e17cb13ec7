package sqlite

import (
	"crypto/rand"
	"encoding/json"
	"fmt"
	"strings"

	"erpps/backend/erpps"
)

// MaxPayloadSize bounds a request's payload: a form is a few kilobytes.
const MaxPayloadSize = 64 << 10

// maxRequestIDLength bounds an identifier given by the caller.
const maxRequestIDLength = 64

// checkPayload rejects a payload that is not one JSON value or is too large.
func checkPayload(payload json.RawMessage) error {
	if len(payload) > MaxPayloadSize {
		return erpps.Invalid("Le contenu de la demande est trop volumineux.",
			erpps.FieldError{Field: "payload", Code: erpps.EINVALID,
				Message: fmt.Sprintf("Le contenu de la demande est trop volumineux (%d Kio au plus).", MaxPayloadSize>>10)})
	}
	if len(payload) == 0 || !json.Valid(payload) {
		return erpps.Invalid("Le contenu de la demande est illisible.",
			erpps.FieldError{Field: "payload", Code: erpps.EINVALID,
				Message: "Le contenu de la demande n'est pas un document JSON valide."})
	}
	return nil
}

// newRequestID returns a random UUID (version 4) from crypto/rand.
func newRequestID() (string, error) {
	var b [16]byte
	if _, err := rand.Read(b[:]); err != nil {
		return "", fmt.Errorf("store: unable to draw a request id: %w", err)
	}
	b[6] = b[6]&0x0f | 0x40 // version 4
	b[8] = b[8]&0x3f | 0x80 // RFC 4122 variant
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:16]), nil
}

// checkNewRequest rejects a request that cannot be created.
func checkNewRequest(r *erpps.Request) error {
	if r == nil {
		return erpps.Invalid("La demande est vide.")
	}
	var fields []erpps.FieldError
	if strings.TrimSpace(r.RPPS) == "" {
		fields = append(fields, erpps.FieldError{Field: "rpps", Code: erpps.EINVALID,
			Message: "Le numéro RPPS est obligatoire."})
	}
	if !r.Kind.Valid() {
		fields = append(fields, erpps.FieldError{Field: "kind", Code: erpps.EINVALID,
			Message: "Type de demande inconnu."})
	}
	if r.Status != "" && r.Status != erpps.StatusDraft {
		fields = append(fields, erpps.FieldError{Field: "status", Code: erpps.EINVALID,
			Message: "Une demande est créée en brouillon."})
	}
	if len(r.ID) > maxRequestIDLength || strings.TrimSpace(r.ID) != r.ID {
		fields = append(fields, erpps.FieldError{Field: "id", Code: erpps.EINVALID,
			Message: "Identifiant de demande invalide."})
	}
	if len(fields) > 0 {
		return erpps.Invalid("La demande ne peut pas être créée.", fields...)
	}
	return nil
}
