package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"erpps/backend/erpps"
)

// RouteRequest sets the département whose ARS examines an editable request.
func (db *DB) RouteRequest(ctx context.Context, id, department string) error {
	editable := statusesWhere(erpps.RequestStatus.Editable)
	args := []any{department, id}
	for _, s := range editable {
		args = append(args, string(s))
	}
	err := db.inWriteTx(ctx, func(tx *sql.Tx) error {
		var got string
		err := tx.QueryRowContext(ctx, `
			UPDATE requests SET department = ?
			WHERE id = ? AND status IN (`+placeholders(len(editable))+`)
			RETURNING id`, args...).Scan(&got)
		if errors.Is(err, sql.ErrNoRows) {
			return whyNotEditable(ctx, tx, id)
		}
		if err != nil {
			return fmt.Errorf("store: unable to route the request: %w", err)
		}
		return nil
	})
	return db.storeError("route the request", err)
}
