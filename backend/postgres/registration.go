package postgres

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"

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
			return storeError("create the registration", err)
		}
		r.ID = id
	}
	if r.SubmittedAt.IsZero() {
		r.SubmittedAt = db.now()
	}
	r.SubmittedAt = stamp(r.SubmittedAt)
	r.Status = erpps.RegistrationSubmitted
	_, err := db.pool.Exec(ctx, `
		INSERT INTO registrations (id, subject, status, identity, profession_code, diploma,
			department, email, phone, submitted_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
		r.ID, r.Identity.Subject, string(r.Status), r.Identity, r.ProfessionCode, r.Diploma,
		r.Department, r.Email, r.Phone, r.SubmittedAt)
	if isUnique(err, "") {
		return erpps.Errorf(erpps.ECONFLICT, "Vous avez déjà une demande d'enregistrement transmise ou acceptée.")
	}
	return storeError("create the registration", err)
}

func registrationNotFound() *erpps.Error {
	return erpps.NotFound("Cette demande d'enregistrement est introuvable.")
}

func registrationClosed() *erpps.Error {
	return erpps.Errorf(erpps.ECONFLICT, "Cette demande d'enregistrement a déjà été traitée.")
}

func scanRegistration(row pgx.Row) (*erpps.Registration, error) {
	var r erpps.Registration
	var status, role, id, name string
	var decidedAt *time.Time
	if err := row.Scan(&r.ID, &status, &r.Identity, &r.ProfessionCode, &r.Diploma, &r.Department, &r.Email, &r.Phone,
		&r.SubmittedAt, &decidedAt, &role, &id, &name, &r.Motif, &r.RPPS); err != nil {
		return nil, err
	}
	r.Status = erpps.RegistrationStatus(status)
	r.SubmittedAt = r.SubmittedAt.UTC()
	if decidedAt != nil {
		t := decidedAt.UTC()
		r.DecidedAt = &t
		r.DecidedBy = &erpps.Actor{Role: erpps.Role(role), ID: id, Name: name}
	}
	return &r, nil
}

type rowQuerier interface {
	QueryRow(ctx context.Context, sql string, args ...any) pgx.Row
}

func findRegistration(ctx context.Context, q rowQuerier, id string, lock bool) (*erpps.Registration, error) {
	query := `SELECT ` + registrationColumns + ` FROM registrations WHERE id = $1`
	if lock {
		query += " FOR UPDATE"
	}
	r, err := scanRegistration(q.QueryRow(ctx, query, id))
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, registrationNotFound()
	}
	if err != nil {
		return nil, fmt.Errorf("read the registration: %w", err)
	}
	return r, nil
}

// FindRegistration returns the registration, or ENOTFOUND.
func (db *DB) FindRegistration(ctx context.Context, id string) (*erpps.Registration, error) {
	r, err := findRegistration(ctx, db.pool, id, false)
	return r, storeError("find the registration", err)
}

// LatestRegistration returns the subject's newest registration.
func (db *DB) LatestRegistration(ctx context.Context, subject string) (*erpps.Registration, error) {
	r, err := scanRegistration(db.pool.QueryRow(ctx, `SELECT `+registrationColumns+`
		FROM registrations WHERE subject = $1 ORDER BY submitted_at DESC, id DESC LIMIT 1`, subject))
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, registrationNotFound()
	}
	return r, storeError("find the registration", err)
}

// ListRegistrations lists registrations, oldest submission first.
func (db *DB) ListRegistrations(ctx context.Context, f erpps.RegistrationFilter) ([]*erpps.Registration, error) {
	var where []string
	var a args
	if len(f.Departments) > 0 {
		where = append(where, "department = ANY("+a.add(f.Departments)+")")
	}
	if f.Status != "" {
		where = append(where, "status = "+a.add(string(f.Status)))
	}
	limit := f.Limit
	if limit <= 0 {
		limit = 200
	}
	query := `SELECT ` + registrationColumns + ` FROM registrations`
	if len(where) > 0 {
		query += " WHERE " + strings.Join(where, " AND ")
	}
	query += " ORDER BY submitted_at, id LIMIT " + a.add(limit)
	rows, err := db.pool.Query(ctx, query, a...)
	if err != nil {
		return nil, storeError("list the registrations", err)
	}
	defer rows.Close()
	out := []*erpps.Registration{}
	for rows.Next() {
		r, err := scanRegistration(rows)
		if err != nil {
			return nil, storeError("list the registrations", err)
		}
		out = append(out, r)
	}
	return out, storeError("list the registrations", rows.Err())
}

// AcceptRegistration draws the next RPPS number of the sequence that no
// record holds, creates the record and closes the registration, in one
// transaction.
func (db *DB) AcceptRegistration(ctx context.Context, acc erpps.RegistrationAcceptance) (*erpps.Registration, error) {
	if acc.Record == nil || acc.Number == nil || acc.At.IsZero() {
		return nil, erpps.Invalid("L'acceptation doit porter le dossier à créer et la règle du numéro.")
	}
	at := stamp(acc.At)
	var out *erpps.Registration
	err := db.inTx(ctx, "accept the registration", func(tx pgx.Tx) error {
		r, err := findRegistration(ctx, tx, acc.ID, true)
		if err != nil {
			return err
		}
		if r.Status != erpps.RegistrationSubmitted {
			return registrationClosed()
		}
		rpps, err := drawRPPS(ctx, tx, acc, at)
		if err != nil {
			return err
		}
		rec := *acc.Record
		rec.RPPS, rec.UpdatedAt = rpps, at
		if err := rec.Check(); err != nil {
			return err
		}
		if err := writePractitioner(ctx, tx, &rec); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `
			UPDATE registrations SET status = 'accepted', rpps = $1, decided_at = $2,
				decider_role = $3, decider_id = $4, decider_name = $5
			WHERE id = $6`, rpps, at, string(acc.Decider.Role), acc.Decider.ID, acc.Decider.Name, acc.ID); err != nil {
			return fmt.Errorf("close the registration: %w", err)
		}
		out, err = findRegistration(ctx, tx, acc.ID, false)
		return err
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// drawRPPS moves the sequence past every number a record already holds and
// records the number drawn. The sequence's row lock orders concurrent
// acceptances.
func drawRPPS(ctx context.Context, tx pgx.Tx, acc erpps.RegistrationAcceptance, at time.Time) (string, error) {
	for range 1000 {
		var seq int64
		if err := tx.QueryRow(ctx, `UPDATE rpps_sequence SET last = last + 1 WHERE id = 1 RETURNING last`).Scan(&seq); err != nil {
			return "", fmt.Errorf("draw from the RPPS sequence: %w", err)
		}
		rpps, err := acc.Number(seq)
		if err != nil {
			return "", err
		}
		var taken bool
		if err := tx.QueryRow(ctx, `
			SELECT EXISTS (SELECT 1 FROM practitioners WHERE rpps = $1) OR EXISTS (SELECT 1 FROM rpps_assigned WHERE rpps = $1)`,
			rpps).Scan(&taken); err != nil {
			return "", fmt.Errorf("check the RPPS number: %w", err)
		}
		if taken {
			continue
		}
		if _, err := tx.Exec(ctx, `INSERT INTO rpps_assigned (rpps, seq, registration_id, assigned_at) VALUES ($1, $2, $3, $4)`,
			rpps, seq, acc.ID, at); err != nil {
			return "", fmt.Errorf("record the RPPS number: %w", err)
		}
		return rpps, nil
	}
	return "", fmt.Errorf("1000 numbers of the RPPS sequence in a row are taken")
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
	err := db.plainTx(ctx, "close the registration", func(tx pgx.Tx) error {
		r, err := findRegistration(ctx, tx, id, true)
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
		if _, err := tx.Exec(ctx, `
			UPDATE registrations SET status = $1, motif = $2, decided_at = $3,
				decider_role = $4, decider_id = $5, decider_name = $6
			WHERE id = $7`, string(status), motif, stamp(at), string(who.Role), who.ID, who.Name, id); err != nil {
			return fmt.Errorf("close the registration: %w", err)
		}
		out, err = findRegistration(ctx, tx, id, false)
		return err
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// DeleteRegistration removes a registration that is not accepted.
func (db *DB) DeleteRegistration(ctx context.Context, id string) error {
	return db.plainTx(ctx, "delete the registration", func(tx pgx.Tx) error {
		r, err := findRegistration(ctx, tx, id, true)
		if err != nil {
			return err
		}
		if r.Status == erpps.RegistrationAccepted {
			return erpps.Errorf(erpps.ECONFLICT, "Une demande acceptée est à l'origine d'un dossier : elle est conservée.")
		}
		_, err = tx.Exec(ctx, `DELETE FROM registrations WHERE id = $1`, id)
		return err
	})
}

// CreateFranceConnectSession keeps a FranceConnect session by its token's hash.
func (db *DB) CreateFranceConnectSession(ctx context.Context, s *erpps.FranceConnectSession, tokenHash []byte) error {
	if s == nil || len(tokenHash) == 0 || s.Identity.Subject == "" {
		return erpps.Invalid("La session FranceConnect doit avoir un jeton et une identité.")
	}
	_, err := db.pool.Exec(ctx, `
		INSERT INTO franceconnect_sessions (token_hash, identity, created_at, expires_at) VALUES ($1, $2, $3, $4)`,
		tokenHash, s.Identity, stamp(s.CreatedAt), stamp(s.ExpiresAt))
	if isUnique(err, "") {
		return erpps.Errorf(erpps.ECONFLICT, "Cette session existe déjà.")
	}
	return storeError("create the FranceConnect session", err)
}

// FindFranceConnectSession returns the session valid at now.
func (db *DB) FindFranceConnectSession(ctx context.Context, tokenHash []byte, now time.Time) (*erpps.FranceConnectSession, error) {
	var s erpps.FranceConnectSession
	err := db.pool.QueryRow(ctx, `SELECT identity, created_at, expires_at FROM franceconnect_sessions WHERE token_hash = $1`,
		tokenHash).Scan(&s.Identity, &s.CreatedAt, &s.ExpiresAt)
	if errors.Is(err, pgx.ErrNoRows) || (err == nil && !now.Before(s.ExpiresAt)) {
		return nil, erpps.Errorf(erpps.EUNAUTHORIZED, "Votre session FranceConnect a expiré : identifiez-vous à nouveau avec FranceConnect.")
	}
	if err != nil {
		return nil, storeError("find the FranceConnect session", err)
	}
	s.CreatedAt, s.ExpiresAt = s.CreatedAt.UTC(), s.ExpiresAt.UTC()
	return &s, nil
}

// DeleteFranceConnectSession removes the session (none is not an error).
func (db *DB) DeleteFranceConnectSession(ctx context.Context, tokenHash []byte) error {
	_, err := db.pool.Exec(ctx, `DELETE FROM franceconnect_sessions WHERE token_hash = $1`, tokenHash)
	return storeError("delete the FranceConnect session", err)
}

// DeleteExpiredFranceConnectSessions removes the sessions expired at now.
func (db *DB) DeleteExpiredFranceConnectSessions(ctx context.Context, now time.Time) (int, error) {
	tag, err := db.pool.Exec(ctx, `DELETE FROM franceconnect_sessions WHERE expires_at <= $1`, now)
	if err != nil {
		return 0, storeError("delete expired FranceConnect sessions", err)
	}
	return int(tag.RowsAffected()), nil
}
