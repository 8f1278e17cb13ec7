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

// PractitionerService is implemented by *DB.
var _ erpps.PractitionerService = (*DB)(nil)

// FindPractitionerByRPPS returns the practitioner with their professions and
// activities, or ENOTFOUND.
func (db *DB) FindPractitionerByRPPS(ctx context.Context, rpps string) (*erpps.Practitioner, error) {
	var p *erpps.Practitioner
	err := db.inReadTx(ctx, func(tx *sql.Tx) error {
		var err error
		p, err = findPractitioner(ctx, tx, rpps)
		return err
	})
	if err != nil {
		return nil, db.storeError("find the practitioner", err)
	}
	return p, nil
}

func findPractitioner(ctx context.Context, tx querier, rpps string) (*erpps.Practitioner, error) {
	p := &erpps.Practitioner{RPPS: rpps}
	var address, updatedAt string
	err := tx.QueryRowContext(ctx, `
		SELECT civility, exercise_civility, birth_name, exercise_name, first_name,
		       exercise_first_name, birth_date, email, phone, address, updated_at
		FROM practitioners WHERE rpps = ?`, rpps).Scan(
		&p.Civility, &p.ExerciseCivility, &p.BirthName, &p.ExerciseName, &p.FirstName,
		&p.ExerciseFirstName, &p.BirthDate, &p.Contact.Email, &p.Contact.Phone, &address, &updatedAt)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, erpps.NotFound("Aucun professionnel n'est enregistré sous ce numéro RPPS.")
	}
	if err != nil {
		return nil, fmt.Errorf("store: unable to read the practitioner: %w", err)
	}
	if err := json.Unmarshal([]byte(address), &p.Contact.Address); err != nil {
		return nil, fmt.Errorf("store: bad practitioner address: %w", err)
	}
	if p.UpdatedAt, err = parseTime(updatedAt); err != nil {
		return nil, err
	}
	if p.Professions, err = findProfessions(ctx, tx, rpps); err != nil {
		return nil, err
	}
	if p.Activities, err = findActivities(ctx, tx, rpps); err != nil {
		return nil, err
	}
	return p, nil
}

func findProfessions(ctx context.Context, tx querier, rpps string) ([]erpps.Profession, error) {
	rows, err := tx.QueryContext(ctx, `
		SELECT code, category_code, exercise_civility, skill_type_code, skill_code, since
		FROM professions WHERE rpps = ? ORDER BY position`, rpps)
	if err != nil {
		return nil, fmt.Errorf("store: unable to read professions: %w", err)
	}
	defer rows.Close()
	out := []erpps.Profession{}
	for rows.Next() {
		var pr erpps.Profession
		if err := rows.Scan(&pr.Code, &pr.CategoryCode, &pr.ExerciseCivility,
			&pr.SkillTypeCode, &pr.SkillCode, &pr.Since); err != nil {
			return nil, fmt.Errorf("store: unable to read a profession: %w", err)
		}
		out = append(out, pr)
	}
	return out, rows.Err()
}

// SavePractitioner inserts or updates the practitioner and replaces their
// professions and activities, in one transaction. A zero UpdatedAt is set to
// now.
func (db *DB) SavePractitioner(ctx context.Context, p *erpps.Practitioner) error {
	if err := p.Check(); err != nil {
		return err
	}
	if p.UpdatedAt.IsZero() {
		p.UpdatedAt = db.now()
	}
	err := db.inWriteTx(ctx, func(tx *sql.Tx) error { return writePractitioner(ctx, tx, p) })
	if isConstraint(err) {
		return erpps.Errorf(erpps.ECONFLICT, "Une des activités de ce dossier est déjà rattachée à un autre professionnel.")
	}
	return db.storeError("save the practitioner", err)
}

// writePractitioner inserts or updates p and replaces their professions and
// activities, in tx.
func writePractitioner(ctx context.Context, tx *sql.Tx, p *erpps.Practitioner) error {
	address, err := json.Marshal(p.Contact.Address)
	if err != nil {
		return fmt.Errorf("store: unable to encode the address: %w", err)
	}
	if _, err := tx.ExecContext(ctx, `
		INSERT INTO practitioners (rpps, civility, exercise_civility, birth_name, exercise_name,
			first_name, exercise_first_name, birth_date, email, phone, address,
			search_text, sort_key, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (rpps) DO UPDATE SET
			civility = excluded.civility, exercise_civility = excluded.exercise_civility,
			birth_name = excluded.birth_name, exercise_name = excluded.exercise_name,
			first_name = excluded.first_name, exercise_first_name = excluded.exercise_first_name,
			birth_date = excluded.birth_date, email = excluded.email, phone = excluded.phone,
			address = excluded.address, search_text = excluded.search_text,
			sort_key = excluded.sort_key, updated_at = excluded.updated_at`,
		p.RPPS, p.Civility, p.ExerciseCivility, p.BirthName, p.ExerciseName,
		p.FirstName, p.ExerciseFirstName, p.BirthDate, p.Contact.Email, p.Contact.Phone, string(address),
		storekit.PractitionerSearchText(p), storekit.PractitionerSortKey(p), formatTime(p.UpdatedAt)); err != nil {
		return fmt.Errorf("store: unable to write the practitioner: %w", err)
	}
	if err := replaceProfessions(ctx, tx, p); err != nil {
		return err
	}
	return replaceActivities(ctx, tx, p)
}

func replaceProfessions(ctx context.Context, tx *sql.Tx, p *erpps.Practitioner) error {
	if _, err := tx.ExecContext(ctx, `DELETE FROM professions WHERE rpps = ?`, p.RPPS); err != nil {
		return fmt.Errorf("store: unable to clear professions: %w", err)
	}
	for i, pr := range p.Professions {
		if _, err := tx.ExecContext(ctx, `
			INSERT INTO professions (rpps, code, position, category_code, exercise_civility,
				skill_type_code, skill_code, since)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
			p.RPPS, pr.Code, i, pr.CategoryCode, pr.ExerciseCivility,
			pr.SkillTypeCode, pr.SkillCode, pr.Since); err != nil {
			return fmt.Errorf("store: unable to write a profession: %w", err)
		}
	}
	return nil
}
