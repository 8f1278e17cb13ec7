package postgres

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"

	"erpps/backend/erpps"
)

// receiptTaken is the error of a mutation whose seq is not the client's
// next one: handled already (a replay, another server process) or early.
func receiptTaken() *erpps.Error {
	return erpps.Errorf(erpps.ECONFLICT, "Cette modification n'est pas la suivante attendue de ce poste : elle a peut-être déjà été traitée.")
}

// lockCounter takes the change counter's lock (see writeTx).
const lockCounter = `SELECT 1 FROM sync_counter WHERE id = 1 FOR UPDATE`

// lockAndClaim begins tx (on a connection outside any transaction), takes
// the change counter's lock, sends then (a SAVEPOINT), then claims r for
// the transaction (see claim). One round trip.
func lockAndClaim(ctx context.Context, tx pgx.Tx, r erpps.Receipt, then ...string) error {
	return claim(ctx, tx, r, append([]string{`BEGIN`, lockCounter}, then...)...)
}

// claim sends before, then claims r for the transaction: the client's seq
// advances to r.Seq (its line locked until the commit; ECONFLICT unless
// r.Seq is the next one: the caller rolls back) and the client is named for
// the triggers, which attribute the transaction's changes to it. One round
// trip.
func claim(ctx context.Context, tx pgx.Tx, r erpps.Receipt, before ...string) error {
	b := &pgx.Batch{}
	for _, q := range before {
		b.Queue(q)
	}
	b.Queue(`
		UPDATE sync_clients SET last_seq = $2 WHERE client_id = $1 AND last_seq = $2 - 1
		RETURNING set_config('erpps.sync_client', $1, true)`, r.ClientID, r.Seq)
	br := tx.SendBatch(ctx, b)
	defer br.Close()
	for _, q := range before {
		if _, err := br.Exec(); err != nil {
			return fmt.Errorf("%s: %w", strings.Fields(q)[0], err)
		}
	}
	err := br.QueryRow().Scan(nil)
	if errNoRows(err) {
		if err := br.Close(); err != nil {
			return fmt.Errorf("claim the receipt: %w", err)
		}
		var known bool
		if err := tx.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM sync_clients WHERE client_id = $1)`, r.ClientID).Scan(&known); err != nil {
			return fmt.Errorf("read the sync client: %w", err)
		}
		if !known {
			return erpps.Errorf(erpps.ECONFLICT, "Ce poste n'est pas enregistré auprès du serveur.")
		}
		return receiptTaken()
	}
	if err != nil {
		return fmt.Errorf("claim the receipt: %w", err)
	}
	if err := br.Close(); err != nil {
		return fmt.Errorf("claim the receipt: %w", err)
	}
	return nil
}

// receiptResult is the result of the client's mutation (applied, with the
// request read back) and its JSON, to store.
func receiptResult(ctx context.Context, tx pgx.Tx, r erpps.Receipt) (*erpps.MutationResult, []byte, error) {
	res := erpps.MutationResult{ClientID: r.ClientID, Seq: r.Seq, MutationID: r.MutationID, Outcome: erpps.OutcomeApplied}
	var err error
	var req, linked *erpps.Request
	if r.RequestID == "" {
		if res.ChangeSeq, err = changeSeq(ctx, tx); err != nil {
			return nil, nil, err
		}
	} else if res.ChangeSeq, req, linked, err = readBackWithSeq(ctx, tx, r.RequestID); err != nil {
		return nil, nil, err
	}
	if req != nil {
		res.Request, res.Version, res.Linked = req, req.Revision, linked
	}
	text, err := json.Marshal(res)
	if err != nil {
		return nil, nil, fmt.Errorf("encode the mutation result: %w", err)
	}
	return &res, text, nil
}

// changeSeq returns the newest change sequence the transaction sees.
func changeSeq(ctx context.Context, q querier) (int64, error) {
	var seq int64
	if err := q.QueryRow(ctx, `SELECT seq FROM sync_counter WHERE id = 1`).Scan(&seq); err != nil {
		return 0, fmt.Errorf("read the change sequence: %w", err)
	}
	return seq, nil
}

// readBackWithSeq reads the change sequence and readBack(id), in one round
// trip unless the request is linked to another one (the counter's lock is
// held meanwhile: each round trip delays every other write).
func readBackWithSeq(ctx context.Context, tx pgx.Tx, id string) (seq int64, req, linked *erpps.Request, err error) {
	b := &pgx.Batch{}
	b.Queue(`SELECT seq FROM sync_counter WHERE id = 1`)
	queueRequest(b, id)
	b.Queue(linkedQuery, id)
	br := tx.SendBatch(ctx, b)
	defer br.Close()
	if err := br.QueryRow().Scan(&seq); err != nil {
		return 0, nil, nil, fmt.Errorf("read the change sequence: %w", err)
	}
	req, err = readRequest(br, id)
	if erpps.ErrorCode(err) == erpps.ENOTFOUND {
		return seq, nil, nil, br.Close()
	}
	if err != nil {
		return 0, nil, nil, err
	}
	var other string
	if err := br.QueryRow().Scan(&other); err != nil && !errNoRows(err) {
		return 0, nil, nil, fmt.Errorf("read the linked request: %w", err)
	}
	if err := br.Close(); err != nil {
		return 0, nil, nil, fmt.Errorf("read back the request: %w", err)
	}
	if req.LinkedRequestID != "" {
		other = req.LinkedRequestID
	}
	if other != "" {
		linked, err = findRequest(ctx, tx, other)
		if erpps.ErrorCode(err) == erpps.ENOTFOUND {
			linked, err = nil, nil
		}
		if err != nil {
			return 0, nil, nil, err
		}
	}
	return seq, req, linked, nil
}

// linkedQuery reads the id of the request linked to $1 (the other one of a
// moved cabinet), through the partial index requests_by_link.
const linkedQuery = `SELECT id FROM requests WHERE linked_request_id = $1 AND linked_request_id <> '' ORDER BY seq LIMIT 1`

// readBack reads request id with its history and the request linked to it
// (the other one of a moved cabinet); nil when id is gone.
func readBack(ctx context.Context, q querier, id string) (req, linked *erpps.Request, err error) {
	if id == "" {
		return nil, nil, nil
	}
	req, err = findRequest(ctx, q, id)
	if erpps.ErrorCode(err) == erpps.ENOTFOUND {
		return nil, nil, nil
	}
	if err != nil {
		return nil, nil, err
	}
	other := req.LinkedRequestID
	if other == "" {
		err := q.QueryRow(ctx, linkedQuery, id).Scan(&other)
		if err != nil && !errNoRows(err) {
			return nil, nil, fmt.Errorf("read the linked request: %w", err)
		}
	}
	if other != "" {
		linked, err = findRequest(ctx, q, other)
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
func storeResult(ctx context.Context, tx pgx.Tx, res erpps.MutationResult, requestID string, now time.Time) error {
	text, err := json.Marshal(res)
	if err != nil {
		return fmt.Errorf("encode the mutation result: %w", err)
	}
	// One round trip. When the seq was not the next one, the insert's
	// outcome does not matter: the transaction is rolled back.
	b := &pgx.Batch{}
	b.Queue(`UPDATE sync_clients SET last_seq = $1 WHERE client_id = $2 AND last_seq = $3`,
		res.Seq, res.ClientID, res.Seq-1)
	b.Queue(insertResultQuery, res.ClientID, res.Seq, res.MutationID, requestID, string(res.Outcome), string(text), now)
	br := tx.SendBatch(ctx, b)
	defer br.Close()
	tag, err := br.Exec()
	if err != nil {
		return fmt.Errorf("advance the client's sequence: %w", err)
	}
	if tag.RowsAffected() != 1 {
		return receiptTaken()
	}
	if _, err := br.Exec(); err != nil {
		return fmt.Errorf("store the mutation result: %w", err)
	}
	if err := br.Close(); err != nil {
		return fmt.Errorf("store the mutation result: %w", err)
	}
	return nil
}

// insertResultQuery stores a mutation's result.
const insertResultQuery = `
		INSERT INTO sync_mutations (client_id, seq, mutation_id, request_id, outcome, result, at)
		VALUES ($1, $2, $3, $4, $5, $6, $7)`
