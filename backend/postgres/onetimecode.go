package postgres

import (
	"context"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"erpps/backend/erpps"
	"erpps/backend/internal/storekit"
)

const oneTimeCodeColumns = `id, purpose, subject, channel, hash, created_at, expires_at, tries, used_at`

// IssueOneTimeCode implements erpps.OneTimeCodeStore. The transaction takes
// the sends table's lock first: the counts and the insert of two issues,
// in any process, never interleave.
func (db *DB) IssueOneTimeCode(ctx context.Context, c *erpps.OneTimeCode, send erpps.CodeSend, limits erpps.CodeLimits) error {
	if err := storekit.PrepareOneTimeCode(c, send, limits); err != nil {
		return storeError("issue a one-time code", err)
	}
	if c != nil {
		c.CreatedAt, c.ExpiresAt = stamp(c.CreatedAt), stamp(c.ExpiresAt)
	}
	since := stamp(limits.Since)
	return db.plainTx(ctx, "issue a one-time code", func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, `LOCK TABLE one_time_code_sends IN SHARE ROW EXCLUSIVE MODE`); err != nil {
			return fmt.Errorf("lock the sends: %w", err)
		}
		if _, err := tx.Exec(ctx, `DELETE FROM one_time_code_sends WHERE at <= $1`, since); err != nil {
			return fmt.Errorf("forget old sends: %w", err)
		}
		var toRecipient, fromClient int
		if err := tx.QueryRow(ctx, `
			SELECT (SELECT count(*) FROM one_time_code_sends WHERE recipient_key = $1 AND at > $3),
			       (SELECT count(*) FROM one_time_code_sends WHERE client_key = $2 AND at > $3)`,
			send.RecipientKey, send.ClientKey, since).Scan(&toRecipient, &fromClient); err != nil {
			return fmt.Errorf("count the sends: %w", err)
		}
		if toRecipient >= limits.PerRecipient || fromClient >= limits.PerClient {
			return storekit.TooManyCodes()
		}
		if _, err := tx.Exec(ctx, `INSERT INTO one_time_code_sends (recipient_key, client_key, at) VALUES ($1, $2, $3)`,
			send.RecipientKey, send.ClientKey, stamp(send.At)); err != nil {
			return fmt.Errorf("record the send: %w", err)
		}
		if c == nil {
			return nil // a decoy: counted, no code kept
		}
		_, err := tx.Exec(ctx, `
			INSERT INTO one_time_codes (purpose, subject, id, channel, hash, created_at, expires_at, tries, used_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, 0, NULL)
			ON CONFLICT (purpose, subject) DO UPDATE SET id = excluded.id, channel = excluded.channel,
				hash = excluded.hash, created_at = excluded.created_at, expires_at = excluded.expires_at,
				tries = 0, used_at = NULL`,
			c.Purpose, c.Subject, c.ID, c.Channel, c.Hash, c.CreatedAt, c.ExpiresAt)
		if isUnique(err, "") {
			return erpps.Errorf(erpps.ECONFLICT, "Ce code existe déjà.")
		}
		if err != nil {
			return fmt.Errorf("keep the code: %w", err)
		}
		return nil
	})
}

// TryOneTimeCode implements erpps.OneTimeCodeStore: one UPDATE counts the
// try under the row's lock.
func (db *DB) TryOneTimeCode(ctx context.Context, purpose, subject string, at time.Time, maxTries int) (*erpps.OneTimeCode, error) {
	c, err := scanOneTimeCode(db.pool.QueryRow(ctx, `
		UPDATE one_time_codes SET tries = tries + 1
		WHERE purpose = $1 AND subject = $2 AND used_at IS NULL AND expires_at > $3 AND tries < $4
		RETURNING `+oneTimeCodeColumns, purpose, subject, stamp(at), maxTries))
	if errNoRows(err) {
		return nil, storekit.NoLiveCode()
	}
	if err != nil {
		return nil, storeError("try a one-time code", err)
	}
	return c, nil
}

// UseOneTimeCode implements erpps.OneTimeCodeStore.
func (db *DB) UseOneTimeCode(ctx context.Context, id string, at time.Time) error {
	tag, err := db.pool.Exec(ctx, `UPDATE one_time_codes SET used_at = $2 WHERE id = $1 AND used_at IS NULL`, id, stamp(at))
	if err != nil {
		return storeError("use a one-time code", err)
	}
	if tag.RowsAffected() != 1 {
		return storekit.NoLiveCode()
	}
	return nil
}

func scanOneTimeCode(row pgx.Row) (*erpps.OneTimeCode, error) {
	c := &erpps.OneTimeCode{}
	var usedAt *time.Time
	if err := row.Scan(&c.ID, &c.Purpose, &c.Subject, &c.Channel, &c.Hash, &c.CreatedAt, &c.ExpiresAt,
		&c.Tries, &usedAt); err != nil {
		return nil, err
	}
	c.CreatedAt, c.ExpiresAt = c.CreatedAt.UTC(), c.ExpiresAt.UTC()
	if usedAt != nil {
		t := usedAt.UTC()
		c.UsedAt = &t
	}
	return c, nil
}
