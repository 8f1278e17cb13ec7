package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"erpps/backend/erpps"
)

// openStatuses are the statuses of requests still in the works.
var openStatuses = []any{string(erpps.StatusDraft), string(erpps.StatusTransmitted),
	string(erpps.StatusUnderReview), string(erpps.StatusComplementRequested)}

// FindRequestWithRecord reads, in one read transaction, the request with its
// history, its practitioner and the practitioner's other open requests.
func (db *DB) FindRequestWithRecord(ctx context.Context, id string) (*erpps.RequestWithRecord, error) {
	out := &erpps.RequestWithRecord{}
	err := db.inReadTx(ctx, func(sqlTx *sql.Tx) error {
		tx := cachedTx{sqlTx, &db.stmts, db.read}
		var err error
		if out.Request, err = findRequest(ctx, tx, id); err != nil {
			return err
		}
		if out.Practitioner, err = findPractitioner(ctx, tx, out.Request.RPPS); err != nil {
			return err
		}
		out.Others, err = listOthers(ctx, tx, out.Request.RPPS, id)
		return err
	})
	db.stmts.prepareWanted(ctx)
	if err != nil {
		return nil, db.storeError("find the request", err)
	}
	return out, nil
}

// listOthers reads rpps's open requests but id, newest first, without
// history.
func listOthers(ctx context.Context, tx querier, rpps, id string) ([]*erpps.Request, error) {
	args := append([]any{rpps, id}, openStatuses...)
	rows, err := tx.QueryContext(ctx, `SELECT `+requestColumns+` FROM requests
		WHERE rpps = ? AND id <> ? AND status IN (`+placeholders(len(openStatuses))+`)
		ORDER BY created_at DESC, rowid DESC`, args...)
	if err != nil {
		return nil, fmt.Errorf("store: unable to list requests: %w", err)
	}
	var out []*erpps.Request
	for rows.Next() {
		r, err := scanRequest(rows)
		if err != nil {
			rows.Close()
			return nil, fmt.Errorf("store: unable to read a request: %w", err)
		}
		out = append(out, r)
	}
	if err := errors.Join(rows.Err(), rows.Close()); err != nil {
		return nil, fmt.Errorf("store: unable to list requests: %w", err)
	}
	return out, nil
}
