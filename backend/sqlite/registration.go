package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"erpps/backend/erpps"
	"erpps/backend/internal/storekit"
)

// RegistrationStore is implemented by *DB.
var _ erpps.RegistrationStore = (*DB)(nil)

// registrationColumns are the columns scanRegistration reads, in its order.
const registrationColumns = `id, status, identity, profession_code, diploma, department, email, phone,
	submitted_at, decided_at, decider_role, decider_id, decider_name, motif, rpps`

// CreateRegistration adds r as submitted.
func (db *DB) CreateRegistration(ctx context.Context, r *erpps.Registration) error {
	if r == nil || r.Identity.Subject == "" || r.ProfessionCode == "" || r.Department == "" {
		return erpps.Invalid("La demande doit nommer la personne, sa profession et son département.")
	}
	if r.ID == "" {
		id, err := storekit.NewID()
		if err != nil {
			return db.storeError("create the registration", err)
		}
		r.ID = id
	}
	if r.SubmittedAt.IsZero() {
		r.SubmittedAt = db.now()
	}
	r.Status = erpps.RegistrationSubmitted
	identity, err := json.Marshal(r.Identity)
	if err != nil {
		return db.storeError("create the registration", err)
	}
	diploma, err := json.Marshal(r.Diploma)
	if err != nil {
		return db.storeError("create the registration", err)
	}
	err = db.inWriteTx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `
			INSERT INTO registrations (id, subject, status, identity, profession_code, diploma,
				department, email, phone, submitted_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			r.ID, r.Identity.Subject, string(r.Status), string(identity), r.ProfessionCode, string(diploma),
			r.Department, r.Email, r.Phone, formatTime(r.SubmittedAt))
		if isConstraint(err) {
			return registrationExists()
		}
		if err != nil {
			return fmt.Errorf("store: unable to insert the registration: %w", err)
		}
		return nil
	})
	return db.storeError("create the registration", err)
}

// registrationExists is the one reply to a second registration of a person.
func registrationExists() *erpps.Error {
	return erpps.Errorf(erpps.ECONFLICT, "Vous avez déjà une demande d'enregistrement transmise ou acceptée.")
}

func registrationNotFound() *erpps.Error {
	return erpps.NotFound("Cette demande d'enregistrement est introuvable.")
}

func registrationClosed() *erpps.Error {
	return erpps.Errorf(erpps.ECONFLICT, "Cette demande d'enregistrement a déjà été traitée.")
}

func scanRegistration(row interface{ Scan(...any) error }) (*erpps.Registration, error) {
	var r erpps.Registration
	var status, identity, diploma, submittedAt, decidedAt, role, id, name string
	if err := row.Scan(&r.ID, &status, &identity, &r.ProfessionCode, &diploma, &r.Department, &r.Email, &r.Phone,
		&submittedAt, &decidedAt, &role, &id, &name, &r.Motif, &r.RPPS); err != nil {
		return nil, err
	}
	r.Status = erpps.RegistrationStatus(status)
	if err := json.Unmarshal([]byte(identity), &r.Identity); err != nil {
		return nil, fmt.Errorf("store: bad registration identity: %w", err)
	}
	if err := json.Unmarshal([]byte(diploma), &r.Diploma); err != nil {
		return nil, fmt.Errorf("store: bad registration diploma: %w", err)
	}
	var err error
	if r.SubmittedAt, err = parseTime(submittedAt); err != nil {
		return nil, err
	}
	if decidedAt != "" {
		t, err := parseTime(decidedAt)
		if err != nil {
			return nil, err
		}
		r.DecidedAt = &t
		r.DecidedBy = &erpps.Actor{Role: erpps.Role(role), ID: id, Name: name}
	}
	return &r, nil
}

func findRegistration(ctx context.Context, q querier, id string) (*erpps.Registration, error) {
	r, err := scanRegistration(q.QueryRowContext(ctx, `SELECT `+registrationColumns+` FROM registrations WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, registrationNotFound()
	}
	if err != nil {
		return nil, fmt.Errorf("store: unable to read the registration: %w", err)
	}
	return r, nil
}

// FindRegistration returns the registration, or ENOTFOUND.
func (db *DB) FindRegistration(ctx context.Context, id string) (*erpps.Registration, error) {
	var r *erpps.Registration
	err := db.inReadTx(ctx, func(tx *sql.Tx) error {
		var err error
		r, err = findRegistration(ctx, tx, id)
		return err
	})
	return r, db.storeError("find the registration", err)
}

// LatestRegistration returns the subject's newest registration.
func (db *DB) LatestRegistration(ctx context.Context, subject string) (*erpps.Registration, error) {
	var r *erpps.Registration
	err := db.inReadTx(ctx, func(tx *sql.Tx) error {
		var err error
		r, err = scanRegistration(tx.QueryRowContext(ctx, `SELECT `+registrationColumns+`
			FROM registrations WHERE subject = ? ORDER BY submitted_at DESC, rowid DESC LIMIT 1`, subject))
		if errors.Is(err, sql.ErrNoRows) {
			return registrationNotFound()
		}
		return err
	})
	return r, db.storeError("find the registration", err)
}

// ListRegistrations lists registrations, oldest submission first.
func (db *DB) ListRegistrations(ctx context.Context, f erpps.RegistrationFilter) ([]*erpps.Registration, error) {
	var where []string
	var args []any
	if len(f.Departments) > 0 {
		where = append(where, "department IN (?"+strings.Repeat(", ?", len(f.Departments)-1)+")")
		for _, d := range f.Departments {
			args = append(args, d)
		}
	}
	if f.Status != "" {
		where = append(where, "status = ?")
		args = append(args, string(f.Status))
	}
	limit := f.Limit
	if limit <= 0 {
		limit = 200
	}
	query := `SELECT ` + registrationColumns + ` FROM registrations`
	if len(where) > 0 {
		query += " WHERE " + strings.Join(where, " AND ")
	}
	query += " ORDER BY submitted_at, id LIMIT ?"
	args = append(args, limit)
	out := []*erpps.Registration{}
	err := db.inReadTx(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, query, args...)
		if err != nil {
			return fmt.Errorf("store: unable to list registrations: %w", err)
		}
		defer rows.Close()
		for rows.Next() {
			r, err := scanRegistration(rows)
			if err != nil {
				return fmt.Errorf("store: unable to read a registration: %w", err)
			}
			out = append(out, r)
		}
		return rows.Err()
	})
	if err != nil {
		return nil, db.storeError("list the registrations", err)
	}
	return out, nil
}

// AcceptRegistration draws the next RPPS number of the sequence that no
// record holds, creates the record and closes the registration, in one
// transaction.
func (db *DB) AcceptRegistration(ctx context.Context, a erpps.RegistrationAcceptance) (*erpps.Registration, error) {
	if a.Record == nil || a.Number == nil || a.At.IsZero() {
		return nil, erpps.Invalid("L'acceptation doit porter le dossier à créer et la règle du numéro.")
	}
	var out *erpps.Registration
	err := db.inWriteTx(ctx, func(tx *sql.Tx) error {
		r, err := findRegistration(ctx, tx, a.ID)
		if err != nil {
			return err
		}
		if r.Status != erpps.RegistrationSubmitted {
			return registrationClosed()
		}
		rpps, err := drawRPPS(ctx, tx, a)
		if err != nil {
			return err
		}
		rec := *a.Record
		rec.RPPS = rpps
		rec.UpdatedAt = a.At
		if err := rec.Check(); err != nil {
			return err
		}
		if err := writePractitioner(ctx, tx, &rec); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `
			UPDATE registrations SET status = 'accepted', rpps = ?, decided_at = ?,
				decider_role = ?, decider_id = ?, decider_name = ?
			WHERE id = ?`, append(append([]any{rpps, formatTime(a.At)}, actorArgs(a.Decider)...), a.ID)...); err != nil {
			return fmt.Errorf("store: unable to close the registration: %w", err)
		}
		out, err = findRegistration(ctx, tx, a.ID)
		return err
	})
	if err != nil {
		return nil, db.storeError("accept the registration", err)
	}
	return out, nil
}

// drawRPPS moves the sequence past every number a record already holds and
// records the number drawn.
func drawRPPS(ctx context.Context, tx *sql.Tx, a erpps.RegistrationAcceptance) (string, error) {
	for range 1000 {
		var seq int64
		if err := tx.QueryRowContext(ctx, `UPDATE rpps_sequence SET last = last + 1 WHERE id = 1 RETURNING last`).Scan(&seq); err != nil {
			return "", fmt.Errorf("store: unable to draw from the RPPS sequence: %w", err)
		}
		rpps, err := a.Number(seq)
		if err != nil {
			return "", err
		}
		var taken int
		if err := tx.QueryRowContext(ctx, `
			SELECT (SELECT count(*) FROM practitioners WHERE rpps = ?) + (SELECT count(*) FROM rpps_assigned WHERE rpps = ?)`,
			rpps, rpps).Scan(&taken); err != nil {
			return "", fmt.Errorf("store: unable to check the RPPS number: %w", err)
		}
		if taken > 0 {
			continue
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO rpps_assigned (rpps, seq, registration_id, assigned_at) VALUES (?, ?, ?, ?)`,
			rpps, seq, a.ID, formatTime(a.At)); err != nil {
			return "", fmt.Errorf("store: unable to record the RPPS number: %w", err)
		}
		return rpps, nil
	}
	return "", fmt.Errorf("store: 1000 numbers of the RPPS sequence in a row are taken")
}

// RefuseRegistration closes a submitted registration with a motif.
func (db *DB) RefuseRegistration(ctx context.Context, id string, decider erpps.Actor, motif string, at time.Time) (*erpps.Registration, error) {
	return db.closeRegistration(ctx, id, "", erpps.RegistrationRefused, &decider, motif, at)
}

// WithdrawRegistration closes a submitted registration of subject.
func (db *DB) WithdrawRegistration(ctx context.Context, id, subject string, at time.Time) (*erpps.Registration, error) {
	return db.closeRegistration(ctx, id, subject, erpps.RegistrationWithdrawn, nil, "", at)
}

func (db *DB) closeRegistration(ctx context.Context, id, subject string, status erpps.RegistrationStatus,
	decider *erpps.Actor, motif string, at time.Time) (*erpps.Registration, error) {
	var out *erpps.Registration
	err := db.inWriteTx(ctx, func(tx *sql.Tx) error {
		r, err := findRegistration(ctx, tx, id)
		if err != nil {
			return err
		}
		if subject != "" && r.Identity.Subject != subject {
			return registrationNotFound()
		}
		if r.Status != erpps.RegistrationSubmitted {
			return registrationClosed()
		}
		who := erpps.Actor{Role: erpps.RoleProfessional, ID: subject, Name: r.Identity.GivenName + " " + r.Identity.FamilyName}
		if decider != nil {
			who = *decider
		}
		if _, err := tx.ExecContext(ctx, `
			UPDATE registrations SET status = ?, motif = ?, decided_at = ?,
				decider_role = ?, decider_id = ?, decider_name = ?
			WHERE id = ?`, append(append([]any{string(status), motif, formatTime(at)}, actorArgs(who)...), id)...); err != nil {
			return fmt.Errorf("store: unable to close the registration: %w", err)
		}
		out, err = findRegistration(ctx, tx, id)
		return err
	})
	if err != nil {
		return nil, db.storeError("close the registration", err)
	}
	return out, nil
}

// DeleteRegistration removes a registration that is not accepted.
func (db *DB) DeleteRegistration(ctx context.Context, id string) error {
	err := db.inWriteTx(ctx, func(tx *sql.Tx) error {
		r, err := findRegistration(ctx, tx, id)
		if err != nil {
			return err
		}
		if r.Status == erpps.RegistrationAccepted {
			return erpps.Errorf(erpps.ECONFLICT, "Une demande acceptée est à l'origine d'un dossier : elle est conservée.")
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM registrations WHERE id = ?`, id); err != nil {
			return fmt.Errorf("store: unable to delete the registration: %w", err)
		}
		return nil
	})
	return db.storeError("delete the registration", err)
}

// CreateFranceConnectSession keeps a FranceConnect session by its token's hash.
func (db *DB) CreateFranceConnectSession(ctx context.Context, s *erpps.FranceConnectSession, tokenHash []byte) error {
	if s == nil || len(tokenHash) == 0 || s.Identity.Subject == "" {
		return erpps.Invalid("La session FranceConnect doit avoir un jeton et une identité.")
	}
	identity, err := json.Marshal(s.Identity)
	if err != nil {
		return db.storeError("create the FranceConnect session", err)
	}
	err = db.inWriteTx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `
			INSERT INTO franceconnect_sessions (token_hash, identity, created_at, expires_at) VALUES (?, ?, ?, ?)`,
			tokenHash, string(identity), formatTime(s.CreatedAt), formatTime(s.ExpiresAt))
		if isConstraint(err) {
			return erpps.Errorf(erpps.ECONFLICT, "Cette session existe déjà.")
		}
		if err != nil {
			return fmt.Errorf("store: unable to insert the FranceConnect session: %w", err)
		}
		return nil
	})
	return db.storeError("create the FranceConnect session", err)
}

// franceConnectExpired is the one reply for a session that is not (or no
// longer) valid.
func franceConnectExpired() *erpps.Error {
	return erpps.Errorf(erpps.EUNAUTHORIZED, "Votre session FranceConnect a expiré : identifiez-vous à nouveau avec FranceConnect.")
}

// FindFranceConnectSession returns the session valid at now.
func (db *DB) FindFranceConnectSession(ctx context.Context, tokenHash []byte, now time.Time) (*erpps.FranceConnectSession, error) {
	var s erpps.FranceConnectSession
	err := db.inReadTx(ctx, func(tx *sql.Tx) error {
		var identity, created, expires string
		err := tx.QueryRowContext(ctx, `SELECT identity, created_at, expires_at FROM franceconnect_sessions WHERE token_hash = ?`,
			tokenHash).Scan(&identity, &created, &expires)
		if errors.Is(err, sql.ErrNoRows) {
			return franceConnectExpired()
		}
		if err != nil {
			return fmt.Errorf("store: unable to read the FranceConnect session: %w", err)
		}
		if err := json.Unmarshal([]byte(identity), &s.Identity); err != nil {
			return fmt.Errorf("store: bad FranceConnect identity: %w", err)
		}
		if s.CreatedAt, err = parseTime(created); err != nil {
			return err
		}
		if s.ExpiresAt, err = parseTime(expires); err != nil {
			return err
		}
		if !now.Before(s.ExpiresAt) {
			return franceConnectExpired()
		}
		return nil
	})
	if err != nil {
		return nil, db.storeError("find the FranceConnect session", err)
	}
	return &s, nil
}

// DeleteFranceConnectSession removes the session (none is not an error).
func (db *DB) DeleteFranceConnectSession(ctx context.Context, tokenHash []byte) error {
	err := db.inWriteTx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `DELETE FROM franceconnect_sessions WHERE token_hash = ?`, tokenHash)
		return err
	})
	return db.storeError("delete the FranceConnect session", err)
}

// DeleteExpiredFranceConnectSessions removes the sessions expired at now.
func (db *DB) DeleteExpiredFranceConnectSessions(ctx context.Context, now time.Time) (int, error) {
	var n int64
	err := db.inWriteTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `DELETE FROM franceconnect_sessions WHERE expires_at <= ?`, formatTime(now))
		if err != nil {
			return fmt.Errorf("store: unable to delete expired FranceConnect sessions: %w", err)
		}
		n, err = res.RowsAffected()
		return err
	})
	return int(n), db.storeError("delete expired FranceConnect sessions", err)
}
