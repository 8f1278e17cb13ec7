package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"erpps/backend/erpps"
	"erpps/backend/internal/storekit"
)

// MailboxStore is implemented by *DB (the desktop's store).
var _ erpps.MailboxStore = (*DB)(nil)

// maxMailFindings bounds a list of findings.
const maxMailFindings = 500

// MailboxAccount returns the cabinet's mailbox account, or ENOTFOUND.
func (db *DB) MailboxAccount(ctx context.Context) (*erpps.MailboxAccount, error) {
	var a erpps.MailboxAccount
	err := db.inReadTx(ctx, func(tx *sql.Tx) error {
		var updated string
		err := tx.QueryRowContext(ctx, `SELECT host, port, username, folder, updated_at FROM mailbox_account WHERE id = 1`).
			Scan(&a.Host, &a.Port, &a.Username, &a.Folder, &updated)
		if errors.Is(err, sql.ErrNoRows) {
			return erpps.NotFound("Aucune boîte aux lettres n'est connectée.")
		}
		if err != nil {
			return fmt.Errorf("store: unable to read the mailbox account: %w", err)
		}
		a.UpdatedAt, err = parseTime(updated)
		return err
	})
	if err != nil {
		return nil, db.storeError("read the mailbox account", err)
	}
	return &a, nil
}

// SaveMailboxAccount stores the cabinet's mailbox account (no password).
func (db *DB) SaveMailboxAccount(ctx context.Context, a *erpps.MailboxAccount) error {
	folder := a.Folder
	if folder == "" {
		folder = "INBOX"
	}
	err := db.inWriteTx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `
			INSERT INTO mailbox_account (id, host, port, username, folder, updated_at) VALUES (1, ?, ?, ?, ?, ?)
			ON CONFLICT (id) DO UPDATE SET host = excluded.host, port = excluded.port,
				username = excluded.username, folder = excluded.folder, updated_at = excluded.updated_at`,
			a.Host, a.Port, a.Username, folder, formatTime(a.UpdatedAt)); err != nil {
			return fmt.Errorf("store: unable to write the mailbox account: %w", err)
		}
		return nil
	})
	return db.storeError("write the mailbox account", err)
}

// DeleteMailboxAccount forgets the mailbox account (its findings stay).
func (db *DB) DeleteMailboxAccount(ctx context.Context) error {
	err := db.inWriteTx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `DELETE FROM mailbox_account`); err != nil {
			return fmt.Errorf("store: unable to delete the mailbox account: %w", err)
		}
		return nil
	})
	return db.storeError("delete the mailbox account", err)
}

// SaveMailFinding files f once per e-mail (MessageKey).
func (db *DB) SaveMailFinding(ctx context.Context, f *erpps.MailFinding) (bool, error) {
	if f.MessageKey == "" || f.RPPS == "" {
		return false, erpps.Invalid("Un courriel classé a une clé et un professionnel.")
	}
	if f.ID == "" {
		id, err := storekit.NewID()
		if err != nil {
			return false, err
		}
		f.ID = id
	}
	var added bool
	err := db.inWriteTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `
			INSERT INTO mailbox_findings (id, message_key, kind, by_headers, subject, received_at, found_at,
				rpps, code, request_id, decision)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT (message_key) DO NOTHING`,
			f.ID, f.MessageKey, string(f.Kind), f.ByHeaders, f.Subject, formatTime(f.ReceivedAt), formatTime(f.FoundAt),
			f.RPPS, nullIfEmpty(f.Code), nullIfEmpty(f.RequestID), f.Decision)
		if err != nil {
			return fmt.Errorf("store: unable to file an e-mail: %w", err)
		}
		n, err := res.RowsAffected()
		added = n == 1
		return err
	})
	if err != nil {
		return false, db.storeError("file an e-mail", err)
	}
	return added, nil
}

// PurgeMailActivationCodes drops the activation codes received before
// receivedBefore; decisions are kept.
func (db *DB) PurgeMailActivationCodes(ctx context.Context, receivedBefore time.Time) (int64, error) {
	var n int64
	err := db.inWriteTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `DELETE FROM mailbox_findings WHERE kind = ? AND received_at < ?`,
			string(erpps.MailActivationCode), formatTime(receivedBefore))
		if err != nil {
			return fmt.Errorf("store: unable to drop the expired activation codes: %w", err)
		}
		n, err = res.RowsAffected()
		return err
	})
	if err != nil {
		return 0, db.storeError("drop the expired activation codes", err)
	}
	return n, nil
}

// ListMailFindings lists the findings, newest first.
func (db *DB) ListMailFindings(ctx context.Context, filter erpps.MailFindingFilter) ([]erpps.MailFinding, error) {
	var where []string
	var args []any
	if filter.RPPS != "" {
		where, args = append(where, "rpps = ?"), append(args, filter.RPPS)
	}
	if filter.RequestID != "" {
		where, args = append(where, "request_id = ?"), append(args, filter.RequestID)
	}
	limit := filter.Limit
	if limit <= 0 || limit > maxMailFindings {
		limit = maxMailFindings
	}
	q := `SELECT id, kind, by_headers, subject, received_at, found_at, rpps, COALESCE(code, ''),
		COALESCE(request_id, ''), decision FROM mailbox_findings`
	if len(where) > 0 {
		q += " WHERE " + strings.Join(where, " AND ")
	}
	q += " ORDER BY found_at DESC, id LIMIT ?"
	args = append(args, limit)
	out := []erpps.MailFinding{}
	err := db.inReadTx(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, q, args...)
		if err != nil {
			return fmt.Errorf("store: unable to list the e-mails filed: %w", err)
		}
		defer rows.Close()
		for rows.Next() {
			var f erpps.MailFinding
			var kind, received, found string
			if err := rows.Scan(&f.ID, &kind, &f.ByHeaders, &f.Subject, &received, &found, &f.RPPS, &f.Code, &f.RequestID, &f.Decision); err != nil {
				return fmt.Errorf("store: unable to read an e-mail filed: %w", err)
			}
			f.Kind = erpps.MailKind(kind)
			if f.ReceivedAt, err = parseTime(received); err != nil {
				return err
			}
			if f.FoundAt, err = parseTime(found); err != nil {
				return err
			}
			if f.Kind == erpps.MailActivationCode {
				f.IDNPS = "8" + f.RPPS
			}
			out = append(out, f)
		}
		return rows.Err()
	})
	if err != nil {
		return nil, db.storeError("list the e-mails filed", err)
	}
	return out, nil
}

func nullIfEmpty(s string) any {
	if s == "" {
		return nil
	}
	return s
}
