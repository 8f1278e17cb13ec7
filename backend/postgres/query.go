package postgres

import (
	"context"
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
