package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"erpps/backend/erpps"
)

// keepChangeLog switches the change log's triggers on (the server's store)
// or off (a desktop's store, which has no clients to tell: what it logged
// is dropped).
func keepChangeLog(ctx context.Context, write *sql.DB, on bool) error {
	res, err := write.ExecContext(ctx, `UPDATE sync_log SET enabled = ? WHERE id = 1 AND enabled <> ?`, on, on)
	if err != nil {
		return fmt.Errorf("store: unable to set the change log: %w", err)
	}
	if n, err := res.RowsAffected(); err != nil || n == 0 || on {
		return err
	}
	if _, err := write.ExecContext(ctx, `DELETE FROM sync_changes`); err != nil {
		return fmt.Errorf("store: unable to clear the change log: %w", err)
	}
	return nil
}

// changeSeq returns the newest change sequence given (0 when none): AUTOINCREMENT
// keeps it in sqlite_sequence, even once the lines are pruned.
func changeSeq(ctx context.Context, q querier) (int64, error) {
	var seq int64
	err := q.QueryRowContext(ctx, `SELECT seq FROM sqlite_sequence WHERE name = 'sync_changes'`).Scan(&seq)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil
	}
	if err != nil {
		return 0, fmt.Errorf("store: unable to read the change sequence: %w", err)
	}
	return seq, nil
}

// collapseChanges keeps, of the change lines after start (those of the
// transaction), the newest of each object: a transaction is one change.
func collapseChanges(ctx context.Context, tx querier, start int64) error {
	if _, err := tx.ExecContext(ctx, `
		DELETE FROM sync_changes WHERE seq > ?1 AND seq NOT IN (
			SELECT max(seq) FROM sync_changes WHERE seq > ?1 GROUP BY kind, object_id)`, start); err != nil {
		return fmt.Errorf("store: unable to collapse the change log: %w", err)
	}
	return nil
}

// receiptTaken is the error of a mutation whose seq is not the client's
// next one: handled already (a replay, another server process) or early.
func receiptTaken() *erpps.Error {
	return erpps.Errorf(erpps.ECONFLICT, "Cette modification n'est pas la suivante attendue de ce poste : elle a peut-être déjà été traitée.")
}

// claimReceipt advances the client's seq to r.Seq for the transaction, or
// refuses it (ECONFLICT) unless r.Seq is the client's next seq.
func claimReceipt(ctx context.Context, tx querier, r erpps.Receipt) error {
	up, err := tx.ExecContext(ctx, `UPDATE sync_clients SET last_seq = ?2 WHERE client_id = ?1 AND last_seq = ?2 - 1`,
		r.ClientID, r.Seq)
	if err != nil {
		return fmt.Errorf("store: unable to advance the client's sequence: %w", err)
	}
	n, err := up.RowsAffected()
	if err != nil {
		return fmt.Errorf("store: unable to advance the client's sequence: %w", err)
	}
	if n == 1 {
		return nil
	}
	var known bool
	if err := tx.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM sync_clients WHERE client_id = ?)`, r.ClientID).Scan(&known); err != nil {
		return fmt.Errorf("store: unable to read the sync client: %w", err)
	}
	if !known {
		return erpps.Errorf(erpps.ECONFLICT, "Ce poste n'est pas enregistré auprès du serveur.")
	}
	return receiptTaken()
}

// commitReceipt attributes the changes after start to the client and
// stores the result of its mutation (applied, with the request read back;
// its seq was advanced by claimReceipt); it returns the result stored.
func commitReceipt(ctx context.Context, tx querier, r erpps.Receipt, start, end int64, now time.Time) (*erpps.MutationResult, error) {
	if _, err := tx.ExecContext(ctx, `UPDATE sync_changes SET client_id = ? WHERE seq > ?`, r.ClientID, start); err != nil {
		return nil, fmt.Errorf("store: unable to attribute the changes: %w", err)
	}
	res := erpps.MutationResult{ClientID: r.ClientID, Seq: r.Seq, MutationID: r.MutationID,
		Outcome: erpps.OutcomeApplied, ChangeSeq: end}
	req, linked, err := readBack(ctx, tx, r.RequestID)
	if err != nil {
		return nil, err
	}
	if req != nil {
		res.Request, res.Version, res.Linked = req, req.Revision, linked
	}
	if err := insertResult(ctx, tx, res, r.RequestID, now); err != nil {
		return nil, err
	}
	return &res, nil
}

// readBack reads request id with its history and the request linked to it
// (the other one of a moved cabinet); nil when id is gone.
func readBack(ctx context.Context, tx querier, id string) (req, linked *erpps.Request, err error) {
	if id == "" {
		return nil, nil, nil
	}
	req, err = findRequest(ctx, tx, id)
	if erpps.ErrorCode(err) == erpps.ENOTFOUND {
		return nil, nil, nil
	}
	if err != nil {
		return nil, nil, err
	}
	other := req.LinkedRequestID
	if other == "" {
		// "<> ''" lets SQLite use the partial index requests_by_link
		// (without it, every read-back scanned the whole table).
		err := tx.QueryRowContext(ctx, `SELECT id FROM requests WHERE linked_request_id = ? AND linked_request_id <> '' ORDER BY created_at, id LIMIT 1`, id).Scan(&other)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return nil, nil, fmt.Errorf("store: unable to read the linked request: %w", err)
		}
	}
	if other != "" {
		linked, err = findRequest(ctx, tx, other)
		if erpps.ErrorCode(err) == erpps.ENOTFOUND {
			linked, err = nil, nil
		}
		if err != nil {
			return nil, nil, err
		}
	}
	return req, linked, nil
}

// storeResult advances the client's seq to res.Seq (ECONFLICT unless it is
// the next one) and stores res, the result of a mutation of request
// requestID.
func storeResult(ctx context.Context, tx querier, res erpps.MutationResult, requestID string, now time.Time) error {
	up, err := tx.ExecContext(ctx, `UPDATE sync_clients SET last_seq = ? WHERE client_id = ? AND last_seq = ?`,
		res.Seq, res.ClientID, res.Seq-1)
	if err != nil {
		return fmt.Errorf("store: unable to advance the client's sequence: %w", err)
	}
	if n, err := up.RowsAffected(); err != nil {
		return fmt.Errorf("store: unable to advance the client's sequence: %w", err)
	} else if n != 1 {
		return receiptTaken()
	}
	return insertResult(ctx, tx, res, requestID, now)
}

// insertResult stores res, the result of a mutation of request requestID
// (the client's seq already advanced).
func insertResult(ctx context.Context, tx querier, res erpps.MutationResult, requestID string, now time.Time) error {
	text, err := json.Marshal(res)
	if err != nil {
		return fmt.Errorf("store: unable to encode the mutation result: %w", err)
	}
	if _, err := tx.ExecContext(ctx, `
		INSERT INTO sync_mutations (client_id, seq, mutation_id, request_id, outcome, result, at)
		VALUES (?, ?, ?, ?, ?, ?, ?)`,
		res.ClientID, res.Seq, res.MutationID, requestID, string(res.Outcome), string(text), formatTime(now)); err != nil {
		return fmt.Errorf("store: unable to store the mutation result: %w", err)
	}
	return nil
}
