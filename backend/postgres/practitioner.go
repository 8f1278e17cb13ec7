package postgres

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"

	"erpps/backend/erpps"
	"erpps/backend/internal/storekit"
)

// FindPractitionerByRPPS returns the practitioner with their professions and
// activities, or ENOTFOUND.
func (db *DB) FindPractitionerByRPPS(ctx context.Context, rpps string) (*erpps.Practitioner, error) {
	var p *erpps.Practitioner
	err := db.inReadTx(ctx, "find the practitioner", func(tx pgx.Tx) error {
		var err error
		p, err = findPractitioner(ctx, tx, rpps)
		return err
	})
	if err != nil {
		return nil, err
	}
	return p, nil
}

func practitionerNotFound() *erpps.Error {
	return erpps.NotFound("Aucun professionnel n'est enregistré sous ce numéro RPPS.")
}

// findPractitioner reads rpps's record (the practitioner, their professions
// and activities) in one round trip, or ENOTFOUND.
func findPractitioner(ctx context.Context, q querier, rpps string) (*erpps.Practitioner, error) {
	b := &pgx.Batch{}
	queuePractitioner(b, "$1", rpps)
	br := q.SendBatch(ctx, b)
	p, err := readPractitioner(br, rpps)
	if cerr := br.Close(); err == nil && cerr != nil {
		err = fmt.Errorf("read the practitioner: %w", cerr)
	}
	if err != nil {
		return nil, err
	}
	return p, nil
}

// queuePractitioner queues the reads of a record, the practitioner's RPPS
// being the SQL expression rpps of the argument arg ($1); readPractitioner
// reads their results.
func queuePractitioner(b *pgx.Batch, rpps string, arg any) {
	b.Queue(`
		SELECT civility, exercise_civility, birth_name, exercise_name, first_name,
		       exercise_first_name, birth_date, email, phone, address, updated_at
		FROM practitioners WHERE rpps = `+rpps, arg)
	b.Queue(`
		SELECT code, category_code, exercise_civility, skill_type_code, skill_code, since
		FROM professions WHERE rpps = `+rpps+` ORDER BY position`, arg)
	b.Queue(`
		SELECT id, profession_code, siret, siren, finess, finess_ej, technical_id,
		       company_name, trade_name, address, phone, email, department,
		       mode_code, sector_code, function_code, genre_code,
		       start_date, end_date, end_reason_code
		FROM activities WHERE rpps = `+rpps+` ORDER BY position`, arg)
}

// readPractitioner reads the results queuePractitioner queued, in order.
func readPractitioner(br pgx.BatchResults, rpps string) (*erpps.Practitioner, error) {
	p := &erpps.Practitioner{RPPS: rpps}
	var address []byte
	err := br.QueryRow().Scan(
		&p.Civility, &p.ExerciseCivility, &p.BirthName, &p.ExerciseName, &p.FirstName,
		&p.ExerciseFirstName, &p.BirthDate, &p.Contact.Email, &p.Contact.Phone, &address, &p.UpdatedAt)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, practitionerNotFound()
	}
	if err != nil {
		return nil, fmt.Errorf("read the practitioner: %w", err)
	}
	p.UpdatedAt = p.UpdatedAt.UTC()
	if err := json.Unmarshal(address, &p.Contact.Address); err != nil {
		return nil, fmt.Errorf("bad practitioner address: %w", err)
	}
	if p.Professions, err = readProfessions(br); err != nil {
		return nil, err
	}
	if p.Activities, err = readActivities(br); err != nil {
		return nil, err
	}
	return p, nil
}

func readProfessions(br pgx.BatchResults) ([]erpps.Profession, error) {
	rows, err := br.Query()
	if err != nil {
		return nil, fmt.Errorf("read professions: %w", err)
	}
	defer rows.Close()
	out := []erpps.Profession{}
	for rows.Next() {
		var pr erpps.Profession
		if err := rows.Scan(&pr.Code, &pr.CategoryCode, &pr.ExerciseCivility,
			&pr.SkillTypeCode, &pr.SkillCode, &pr.Since); err != nil {
			return nil, fmt.Errorf("read a profession: %w", err)
		}
		out = append(out, pr)
	}
	return out, rows.Err()
}

func readActivities(br pgx.BatchResults) ([]erpps.Activity, error) {
	rows, err := br.Query()
	if err != nil {
		return nil, fmt.Errorf("read activities: %w", err)
	}
	defer rows.Close()
	out := []erpps.Activity{}
	for rows.Next() {
		var a erpps.Activity
		var address []byte
		s := &a.Structure
		if err := rows.Scan(&a.ID, &a.ProfessionCode, &s.SIRET, &s.SIREN, &s.FINESS, &s.FINESSEJ,
			&s.TechnicalID, &s.CompanyName, &s.TradeName, &address, &s.Phone, &s.Email, &s.Department,
			&a.ModeCode, &a.SectorCode, &a.FunctionCode, &a.GenreCode,
			&a.StartDate, &a.EndDate, &a.EndReasonCode); err != nil {
			return nil, fmt.Errorf("read an activity: %w", err)
		}
		if err := json.Unmarshal(address, &s.Address); err != nil {
			return nil, fmt.Errorf("bad activity address: %w", err)
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

// SavePractitioner inserts or updates the practitioner and replaces their
// professions and activities, in one transaction. A zero UpdatedAt is set to
// now; UpdatedAt is kept to the microsecond.
func (db *DB) SavePractitioner(ctx context.Context, p *erpps.Practitioner) error {
	if err := p.Check(); err != nil {
		return err
	}
	if p.UpdatedAt.IsZero() {
		p.UpdatedAt = db.now()
	}
	p.UpdatedAt = stamp(p.UpdatedAt)
	return db.inTx(ctx, "save the practitioner", func(tx pgx.Tx) error {
		return writePractitioner(ctx, tx, p)
	})
}

// writePractitioner upserts p with its professions and activities.
func writePractitioner(ctx context.Context, tx pgx.Tx, p *erpps.Practitioner) error {
	address, err := json.Marshal(p.Contact.Address)
	if err != nil {
		return fmt.Errorf("encode the address: %w", err)
	}
	if _, err := tx.Exec(ctx, `
		INSERT INTO practitioners (rpps, civility, exercise_civility, birth_name, exercise_name,
			first_name, exercise_first_name, birth_date, email, phone, address,
			search_text, sort_key, updated_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
		ON CONFLICT (rpps) DO UPDATE SET
			civility = excluded.civility, exercise_civility = excluded.exercise_civility,
			birth_name = excluded.birth_name, exercise_name = excluded.exercise_name,
			first_name = excluded.first_name, exercise_first_name = excluded.exercise_first_name,
			birth_date = excluded.birth_date, email = excluded.email, phone = excluded.phone,
			address = excluded.address, search_text = excluded.search_text,
			sort_key = excluded.sort_key, updated_at = excluded.updated_at`,
		p.RPPS, p.Civility, p.ExerciseCivility, p.BirthName, p.ExerciseName,
		p.FirstName, p.ExerciseFirstName, p.BirthDate, p.Contact.Email, p.Contact.Phone, string(address),
		storekit.PractitionerSearchText(p), storekit.PractitionerSortKey(p), p.UpdatedAt); err != nil {
		return fmt.Errorf("write the practitioner: %w", err)
	}
	if _, err := tx.Exec(ctx, `DELETE FROM professions WHERE rpps = $1`, p.RPPS); err != nil {
		return fmt.Errorf("clear professions: %w", err)
	}
	for i, pr := range p.Professions {
		if _, err := tx.Exec(ctx, `
			INSERT INTO professions (rpps, code, position, category_code, exercise_civility,
				skill_type_code, skill_code, since)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
			p.RPPS, pr.Code, i, pr.CategoryCode, pr.ExerciseCivility,
			pr.SkillTypeCode, pr.SkillCode, pr.Since); err != nil {
			return fmt.Errorf("write a profession: %w", err)
		}
	}
	if _, err := tx.Exec(ctx, `DELETE FROM activities WHERE rpps = $1`, p.RPPS); err != nil {
		return fmt.Errorf("clear activities: %w", err)
	}
	for i, a := range p.Activities {
		s := a.Structure
		address, err := json.Marshal(s.Address)
		if err != nil {
			return fmt.Errorf("encode an activity address: %w", err)
		}
		_, err = tx.Exec(ctx, `
			INSERT INTO activities (id, rpps, position, profession_code, siret, siren, finess,
				finess_ej, technical_id, company_name, trade_name, address, phone, email,
				department, mode_code, sector_code, function_code, genre_code,
				start_date, end_date, end_reason_code)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22)`,
			a.ID, p.RPPS, i, a.ProfessionCode, s.SIRET, s.SIREN, s.FINESS,
			s.FINESSEJ, s.TechnicalID, s.CompanyName, s.TradeName, string(address), s.Phone, s.Email,
			s.Department, a.ModeCode, a.SectorCode, a.FunctionCode, a.GenreCode,
			a.StartDate, a.EndDate, a.EndReasonCode)
		if isUnique(err, "activities_pkey") {
			return erpps.Errorf(erpps.ECONFLICT, "Une des activités de ce dossier est déjà rattachée à un autre professionnel.")
		}
		if err != nil {
			return fmt.Errorf("write an activity: %w", err)
		}
	}
	return nil
}
