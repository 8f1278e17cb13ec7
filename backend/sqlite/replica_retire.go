package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"

	"erpps/backend/erpps"
	"erpps/backend/internal/storekit"
)

// Mutations set aside outside the numbering: the server will never see
// them (their record's mandate ended, another account signed in, or the
// server lost what it had answered them). They move to seqs from
// retiredSeqBase on, far above any seq given (replica_state.last_seq), keep
// status conflict or rejected with their result, and are shown with the
// other set-aside mutations; the seqs behind stay without gap for the
// server.
const retiredSeqBase int64 = 1 << 50

// The messages of the mutations set aside here.
const (
	msgMandateEnded = "Votre mandat pour ce professionnel a pris fin : cette modification n'a pas été envoyée au serveur, " +
		"et ses données ont été retirées de ce poste."
	msgOtherAccount = "Cette modification a été faite sous un autre compte (ou pour un autre serveur) que celui connecté maintenant : " +
		"elle n'a pas été envoyée sous ce compte. Reconnectez le compte d'origine pour l'envoyer, ou refaites-la."
	msgServerLost = "Le serveur a été restauré d'une sauvegarde et ne connaît plus la réponse qu'il avait faite à cette modification : " +
		"vérifiez la demande."
)

// settingSyncAccount keeps the account the outbox is bound to (BindAccount).
const settingSyncAccount = "sync.account"

// retire moves the mutation at seq out of the numbering, set aside with
// result r (status conflict when r is one, else rejected).
func retire(ctx context.Context, tx *sql.Tx, seq int64, r erpps.MutationResult) error {
	var next int64
	if err := tx.QueryRowContext(ctx, `SELECT max(coalesce(max(seq) + 1, 0), ?) FROM replica_mutations WHERE seq >= ?`,
		retiredSeqBase, retiredSeqBase).Scan(&next); err != nil {
		return fmt.Errorf("store: unable to set a mutation aside: %w", err)
	}
	status := erpps.PendingRejected
	if r.Outcome == erpps.OutcomeConflict {
		status = erpps.PendingConflict
	}
	result, err := json.Marshal(r)
	if err != nil {
		return fmt.Errorf("store: unable to encode the result: %w", err)
	}
	if _, err := tx.ExecContext(ctx, `UPDATE replica_mutations SET seq = ?, status = ?, result = ? WHERE seq = ?`,
		next, string(status), string(result), seq); err != nil {
		return fmt.Errorf("store: unable to set a mutation aside: %w", err)
	}
	return nil
}

// retiredRow is a mutation to retire: its seq, id and stored result.
type retiredRow struct {
	seq    int64
	id     string
	status string
	result sql.NullString
}

// readNumbered reads the mutations inside the numbering matching where
// (args), in seq order.
func readNumbered(ctx context.Context, tx *sql.Tx, where string, args ...any) ([]retiredRow, error) {
	rows, err := tx.QueryContext(ctx, `SELECT seq, id, status, result FROM replica_mutations
		WHERE seq < ? AND (`+where+`) ORDER BY seq`, append([]any{retiredSeqBase}, args...)...)
	if err != nil {
		return nil, fmt.Errorf("store: unable to read the mutations: %w", err)
	}
	defer rows.Close()
	var out []retiredRow
	for rows.Next() {
		var r retiredRow
		if err := rows.Scan(&r.seq, &r.id, &r.status, &r.result); err != nil {
			return nil, fmt.Errorf("store: unable to read a mutation: %w", err)
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// retireRows retires rows: a set-aside one keeps its result, the others get
// a rejection with message, for client.
func retireRows(ctx context.Context, tx *sql.Tx, rows []retiredRow, client, message string) error {
	for _, row := range rows {
		var r erpps.MutationResult
		if row.result.Valid && (row.status == string(erpps.PendingConflict) || row.status == string(erpps.PendingRejected)) {
			if err := json.Unmarshal([]byte(row.result.String), &r); err != nil {
				return fmt.Errorf("store: bad result of mutation %d: %w", row.seq, err)
			}
		} else {
			r = erpps.MutationResult{ClientID: client, Seq: row.seq, MutationID: row.id,
				Outcome: erpps.OutcomeRejected, Code: erpps.EFORBIDDEN, Message: message}
		}
		if err := retire(ctx, tx, row.seq, r); err != nil {
			return err
		}
	}
	return nil
}

// renumberQueued numbers the mutations of statuses inside the numbering
// from seq floor on, from first on, without gap, and sets last_seq to the
// last.
func renumberQueued(ctx context.Context, tx *sql.Tx, floor, first int64, statuses string) error {
	rows, err := tx.QueryContext(ctx, `SELECT seq FROM replica_mutations
		WHERE seq >= ? AND seq < ? AND status IN (`+statuses+`) ORDER BY seq`, floor, retiredSeqBase)
	if err != nil {
		return fmt.Errorf("store: unable to read the mutations: %w", err)
	}
	var seqs []int64
	for rows.Next() {
		var s int64
		if err := rows.Scan(&s); err != nil {
			rows.Close()
			return fmt.Errorf("store: unable to read the mutations: %w", err)
		}
		seqs = append(seqs, s)
	}
	if err := errors.Join(rows.Err(), rows.Close()); err != nil {
		return fmt.Errorf("store: unable to read the mutations: %w", err)
	}
	// Two passes (out of the way, just below the retired ones, then in
	// place): the new seqs may overlap the old ones in either direction.
	for i, s := range seqs {
		if _, err := tx.ExecContext(ctx, `UPDATE replica_mutations SET seq = ? WHERE seq = ?`, retiredSeqBase-1-int64(i), s); err != nil {
			return fmt.Errorf("store: unable to renumber the mutations: %w", err)
		}
	}
	for i := range seqs {
		if _, err := tx.ExecContext(ctx, `UPDATE replica_mutations SET seq = ? WHERE seq = ?`, first+int64(i), retiredSeqBase-1-int64(i)); err != nil {
			return fmt.Errorf("store: unable to renumber the mutations: %w", err)
		}
	}
	if _, err := tx.ExecContext(ctx, `UPDATE replica_state SET last_seq = ? WHERE id = 1`, first+int64(len(seqs))-1); err != nil {
		return fmt.Errorf("store: unable to renumber the mutations: %w", err)
	}
	return nil
}

func readClientID(ctx context.Context, tx *sql.Tx) (string, error) {
	var client string
	if err := tx.QueryRowContext(ctx, `SELECT client_id FROM replica_state WHERE id = 1`).Scan(&client); err != nil {
		return "", fmt.Errorf("store: unable to read the client id: %w", err)
	}
	return client, nil
}

// ForgetRecords removes the records rpps and everything of them (requests,
// their history, attestations numbered here): the account lost access. Their
// queued mutations are set aside as rejected, out of the numbering (the
// queued ones behind are numbered again); those sent stay pending: the
// server may have them, and answers them. It returns the ids of the requests
// removed.
func (db *DB) ForgetRecords(ctx context.Context, rpps []string) ([]string, error) {
	if len(rpps) == 0 {
		return nil, nil
	}
	args := make([]any, len(rpps))
	for i, r := range rpps {
		args[i] = r
	}
	in := placeholders(len(rpps))
	var removed []string
	err := db.inWriteTx(ctx, func(tx *sql.Tx) error {
		client, err := readClientID(ctx, tx)
		if err != nil {
			return err
		}
		queued, err := readNumbered(ctx, tx, `status = 'queued' AND principal IN (`+in+`)`, args...)
		if err != nil {
			return err
		}
		if len(queued) > 0 {
			if err := retireRows(ctx, tx, queued, client, msgMandateEnded); err != nil {
				return err
			}
			// The queued ones come after every other: number them again
			// from the first seq freed.
			if err := renumberQueued(ctx, tx, queued[0].seq, queued[0].seq, `'queued'`); err != nil {
				return err
			}
		}
		rows, err := tx.QueryContext(ctx, `SELECT id FROM requests WHERE rpps IN (`+in+`) ORDER BY id`, args...)
		if err != nil {
			return fmt.Errorf("store: unable to read the requests: %w", err)
		}
		for rows.Next() {
			var id string
			if err := rows.Scan(&id); err != nil {
				rows.Close()
				return fmt.Errorf("store: unable to read the requests: %w", err)
			}
			removed = append(removed, id)
		}
		if err := errors.Join(rows.Err(), rows.Close()); err != nil {
			return fmt.Errorf("store: unable to read the requests: %w", err)
		}
		for _, q := range []string{
			`DELETE FROM requests WHERE rpps IN (` + in + `)`,
			`DELETE FROM replica_deferred WHERE json_extract(state, '$.rpps') IN (` + in + `)`,
			`DELETE FROM replica_absent WHERE json_extract(state, '$.rpps') IN (` + in + `)`,
			`DELETE FROM attestations WHERE rpps IN (` + in + `)`,
			`DELETE FROM practitioners WHERE rpps IN (` + in + `)`,
		} {
			if _, err := tx.ExecContext(ctx, q, args...); err != nil {
				return fmt.Errorf("store: unable to remove a record: %w", err)
			}
		}
		return nil
	})
	if err != nil {
		return nil, db.storeError("remove the records no longer shared", err)
	}
	return removed, nil
}

// BindAccount binds the outbox to key (the server's address and the
// account). The first binding keeps everything (the changes made before
// signing in go under this account). Another key sets aside every mutation
// of the previous account out of the numbering (shown, never sent under the
// new one), draws a new client id and starts the cursor afresh.
func (db *DB) BindAccount(ctx context.Context, key string) (bool, error) {
	if key == "" {
		return false, erpps.Invalid("Le compte du serveur est obligatoire.")
	}
	switched := false
	err := db.inWriteTx(ctx, func(tx *sql.Tx) error {
		var bound []byte
		err := tx.QueryRowContext(ctx, `SELECT value FROM settings WHERE key = ?`, settingSyncAccount).Scan(&bound)
		first := errors.Is(err, sql.ErrNoRows)
		if err != nil && !first {
			return fmt.Errorf("store: unable to read the bound account: %w", err)
		}
		if !first && string(bound) == key {
			return nil
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO settings (key, value) VALUES (?, ?)
			ON CONFLICT (key) DO UPDATE SET value = excluded.value`, settingSyncAccount, []byte(key)); err != nil {
			return fmt.Errorf("store: unable to bind the account: %w", err)
		}
		if first {
			return nil // the first account: its changes are these
		}
		switched = true
		client, err := readClientID(ctx, tx)
		if err != nil {
			return err
		}
		all, err := readNumbered(ctx, tx, `1 = 1`)
		if err != nil {
			return err
		}
		if err := retireRows(ctx, tx, all, client, msgOtherAccount); err != nil {
			return err
		}
		id, err := storekit.NewID()
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE replica_state SET client_id = ?, last_seq = 0, cursor = 0,
			last_sync_at = NULL WHERE id = 1`, id); err != nil {
			return fmt.Errorf("store: unable to start a new client: %w", err)
		}
		return nil
	})
	if err != nil {
		return false, db.storeError("bind the server account", err)
	}
	return switched, nil
}

// RenumberPending numbers the pending (queued and sent) mutations again from
// from, the seq the server expects (restored from a backup, it lost the
// mutations this desktop had sent and it had answered): the set-aside ones
// in the numbering move out of it, keeping their result, and the cursor goes
// back to 0 (the server's changes since the backup are gone: a pull from 0
// resyncs).
func (db *DB) RenumberPending(ctx context.Context, from int64) error {
	if from < 1 {
		return erpps.Invalid("Numéro de modification invalide.")
	}
	err := db.inWriteTx(ctx, func(tx *sql.Tx) error {
		client, err := readClientID(ctx, tx)
		if err != nil {
			return err
		}
		aside, err := readNumbered(ctx, tx, `status IN ('conflict', 'rejected')`)
		if err != nil {
			return err
		}
		if err := retireRows(ctx, tx, aside, client, msgServerLost); err != nil {
			return err
		}
		if err := renumberQueued(ctx, tx, 0, from, `'queued', 'sent'`); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE replica_state SET cursor = 0 WHERE id = 1`); err != nil {
			return fmt.Errorf("store: unable to reset the cursor: %w", err)
		}
		return nil
	})
	return db.storeError("number the pending mutations again", err)
}
