package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"erpps/backend/erpps"
	"erpps/backend/internal/storekit"
)

// IssueOneTimeCode implements erpps.OneTimeCodeStore: the counts, the send
// and the code are written in one write transaction (SQLite has one writer:
// two issues never interleave).
func (db *DB) IssueOneTimeCode(ctx context.Context, c *erpps.OneTimeCode, send erpps.CodeSend, limits erpps.CodeLimits) error {
	if err := storekit.PrepareOneTimeCode(c, send, limits); err != nil {
		return db.storeError("issue a one-time code", err)
	}
	since := formatTime(limits.Since)
	err := db.writeTx(ctx, nil, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `DELETE FROM one_time_code_sends WHERE at <= ?`, since); err != nil {
			return fmt.Errorf("store: unable to forget old sends: %w", err)
		}
		var toRecipient, fromClient int
		if err := tx.QueryRowContext(ctx, `
			SELECT (SELECT count(*) FROM one_time_code_sends WHERE recipient_key = ? AND at > ?),
			       (SELECT count(*) FROM one_time_code_sends WHERE client_key = ? AND at > ?)`,
			send.RecipientKey, since, send.ClientKey, since).Scan(&toRecipient, &fromClient); err != nil {
			return fmt.Errorf("store: unable to count the sends: %w", err)
		}
		if toRecipient >= limits.PerRecipient || fromClient >= limits.PerClient {
			return storekit.TooManyCodes()
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO one_time_code_sends (recipient_key, client_key, at) VALUES (?, ?, ?)`,
			send.RecipientKey, send.ClientKey, formatTime(send.At)); err != nil {
			return fmt.Errorf("store: unable to record the send: %w", err)
		}
		if c == nil {
			return nil // a decoy: counted, no code kept
		}
		_, err := tx.ExecContext(ctx, `
			INSERT INTO one_time_codes (purpose, subject, id, channel, hash, created_at, expires_at, tries, used_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, 0, NULL)
			ON CONFLICT (purpose, subject) DO UPDATE SET id = excluded.id, channel = excluded.channel,
				hash = excluded.hash, created_at = excluded.created_at, expires_at = excluded.expires_at,
				tries = 0, used_at = NULL`,
			c.Purpose, c.Subject, c.ID, c.Channel, c.Hash, formatTime(c.CreatedAt), formatTime(c.ExpiresAt))
		if isConstraint(err) {
			return erpps.Errorf(erpps.ECONFLICT, "Ce code existe déjà.")
		}
		if err != nil {
			return fmt.Errorf("store: unable to keep the code: %w", err)
		}
		return nil
	})
	return db.storeError("issue a one-time code", err)
}

// TryOneTimeCode implements erpps.OneTimeCodeStore.
func (db *DB) TryOneTimeCode(ctx context.Context, purpose, subject string, at time.Time, maxTries int) (*erpps.OneTimeCode, error) {
	var c *erpps.OneTimeCode
	err := db.writeTx(ctx, nil, func(tx *sql.Tx) error {
		var err error
		c, err = scanOneTimeCode(tx.QueryRowContext(ctx, `
			UPDATE one_time_codes SET tries = tries + 1
			WHERE purpose = ? AND subject = ? AND used_at IS NULL AND expires_at > ? AND tries < ?
			RETURNING id, purpose, subject, channel, hash, created_at, expires_at, tries, used_at`,
			purpose, subject, formatTime(at), maxTries))
		return err
	})
	if err != nil {
		return nil, db.storeError("try a one-time code", err)
	}
	return c, nil
}

// UseOneTimeCode implements erpps.OneTimeCodeStore.
func (db *DB) UseOneTimeCode(ctx context.Context, id string, at time.Time) error {
	err := db.writeTx(ctx, nil, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE one_time_codes SET used_at = ? WHERE id = ? AND used_at IS NULL`,
			formatTime(at), id)
		if err != nil {
			return fmt.Errorf("store: unable to use the code: %w", err)
		}
		if n, err := res.RowsAffected(); err != nil {
			return fmt.Errorf("store: unable to use the code: %w", err)
		} else if n != 1 {
			return storekit.NoLiveCode()
		}
		return nil
	})
	return db.storeError("use a one-time code", err)
}

func scanOneTimeCode(row scanner) (*erpps.OneTimeCode, error) {
	var c erpps.OneTimeCode
	var created, expires string
	var used sql.NullString
	err := row.Scan(&c.ID, &c.Purpose, &c.Subject, &c.Channel, &c.Hash, &created, &expires, &c.Tries, &used)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, storekit.NoLiveCode()
	}
	if err != nil {
		return nil, fmt.Errorf("store: unable to read a one-time code: %w", err)
	}
	if c.CreatedAt, err = parseTime(created); err != nil {
		return nil, err
	}
	if c.ExpiresAt, err = parseTime(expires); err != nil {
		return nil, err
	}
	if used.Valid {
		t, err := parseTime(used.String)
		if err != nil {
			return nil, err
		}
		c.UsedAt = &t
	}
	return &c, nil
}
