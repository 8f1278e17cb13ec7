package postgres

import (
	"context"
	"errors"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
)

// pipedTx is a transaction whose BEGIN was sent in a batch with its first
// statements (pgx's Begin sends it alone: one more round trip): the
// pgx.Tx that fn functions take, on a connection where a transaction is
// open. Commit and Rollback send COMMIT and ROLLBACK; it has no nested
// transactions.
type pipedTx struct{ conn *pgx.Conn }

var _ pgx.Tx = pipedTx{}

func (t pipedTx) Begin(context.Context) (pgx.Tx, error) {
	return nil, errors.New("store: no nested transaction here")
}

func (t pipedTx) Commit(ctx context.Context) error {
	tag, err := t.conn.Exec(ctx, "COMMIT")
	if err == nil && tag.String() != "COMMIT" {
		return pgx.ErrTxCommitRollback
	}
	return err
}

func (t pipedTx) Rollback(ctx context.Context) error {
	_, err := t.conn.Exec(ctx, "ROLLBACK")
	return err
}

func (t pipedTx) CopyFrom(ctx context.Context, table pgx.Identifier, columns []string, src pgx.CopyFromSource) (int64, error) {
	return t.conn.CopyFrom(ctx, table, columns, src)
}

func (t pipedTx) SendBatch(ctx context.Context, b *pgx.Batch) pgx.BatchResults {
	return t.conn.SendBatch(ctx, b)
}

func (t pipedTx) LargeObjects() pgx.LargeObjects { return pgx.LargeObjects{} }

func (t pipedTx) Prepare(ctx context.Context, name, sql string) (*pgconn.StatementDescription, error) {
	return t.conn.Prepare(ctx, name, sql)
}

func (t pipedTx) Exec(ctx context.Context, sql string, args ...any) (pgconn.CommandTag, error) {
	return t.conn.Exec(ctx, sql, args...)
}

func (t pipedTx) Query(ctx context.Context, sql string, args ...any) (pgx.Rows, error) {
	return t.conn.Query(ctx, sql, args...)
}

func (t pipedTx) QueryRow(ctx context.Context, sql string, args ...any) pgx.Row {
	return t.conn.QueryRow(ctx, sql, args...)
}

func (t pipedTx) Conn() *pgx.Conn { return t.conn }
