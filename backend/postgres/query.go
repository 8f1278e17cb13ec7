package postgres

import (
	"context"
	"crypto/rand"
	"encoding/json"
	"fmt"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"

	"erpps/backend/erpps"
)

// querier runs queries: a pgx.Tx or the pool.
type querier interface {
	Query(ctx context.Context, sql string, args ...any) (pgx.Rows, error)
	QueryRow(ctx context.Context, sql string, args ...any) pgx.Row
	Exec(ctx context.Context, sql string, args ...any) (pgconn.CommandTag, error)
	// SendBatch sends queries in one round trip.
	SendBatch(ctx context.Context, b *pgx.Batch) pgx.BatchResults
}

// MaxPayloadSize bounds a request's payload: a form is a few kilobytes.
const MaxPayloadSize = 64 << 10

// maxIDLength bounds an identifier given by the caller.
const maxIDLength = 64

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

// newID returns a random UUID (version 4) from crypto/rand.
func newID() (string, error) {
	var b [16]byte
	if _, err := rand.Read(b[:]); err != nil {
		return "", fmt.Errorf("store: unable to draw an id: %w", err)
	}
	b[6] = b[6]&0x0f | 0x40 // version 4
	b[8] = b[8]&0x3f | 0x80 // RFC 4122 variant
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:16]), nil
}

// statusesWhere lists the request statuses for which keep says true.
func statusesWhere(keep func(erpps.RequestStatus) bool) []string {
	var out []string
	for _, s := range erpps.AllRequestStatuses {
		if keep(s.Value) {
			out = append(out, string(s.Value))
		}
	}
	return out
}

// strs turns statuses into strings for an array parameter.
func strs[T ~string](in []T) []string {
	out := make([]string, len(in))
	for i, v := range in {
		out[i] = string(v)
	}
	return out
}

// args collects the parameters of a query built piece by piece.
type args []any

// add appends v and returns its placeholder ($n).
func (a *args) add(v any) string {
	*a = append(*a, v)
	return fmt.Sprintf("$%d", len(*a))
}
