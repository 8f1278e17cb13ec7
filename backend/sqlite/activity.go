package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"

	"erpps/backend/erpps"
)

func findActivities(ctx context.Context, tx querier, rpps string) ([]erpps.Activity, error) {
	rows, err := tx.QueryContext(ctx, `
		SELECT id, profession_code, siret, siren, finess, finess_ej, technical_id,
		       company_name, trade_name, address, phone, email, department,
		       mode_code, sector_code, function_code, genre_code,
		       start_date, end_date, end_reason_code
		FROM activities WHERE rpps = ? ORDER BY position`, rpps)
	if err != nil {
		return nil, fmt.Errorf("store: unable to read activities: %w", err)
	}
	defer rows.Close()
	out := []erpps.Activity{}
	for rows.Next() {
		var a erpps.Activity
		var address string
		s := &a.Structure
		if err := rows.Scan(&a.ID, &a.ProfessionCode, &s.SIRET, &s.SIREN, &s.FINESS, &s.FINESSEJ,
			&s.TechnicalID, &s.CompanyName, &s.TradeName, &address, &s.Phone, &s.Email, &s.Department,
			&a.ModeCode, &a.SectorCode, &a.FunctionCode, &a.GenreCode,
			&a.StartDate, &a.EndDate, &a.EndReasonCode); err != nil {
			return nil, fmt.Errorf("store: unable to read an activity: %w", err)
		}
		if err := json.Unmarshal([]byte(address), &s.Address); err != nil {
			return nil, fmt.Errorf("store: bad activity address: %w", err)
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

func replaceActivities(ctx context.Context, tx *sql.Tx, p *erpps.Practitioner) error {
	if _, err := tx.ExecContext(ctx, `DELETE FROM activities WHERE rpps = ?`, p.RPPS); err != nil {
		return fmt.Errorf("store: unable to clear activities: %w", err)
	}
	for i, a := range p.Activities {
		s := a.Structure
		address, err := json.Marshal(s.Address)
		if err != nil {
			return fmt.Errorf("store: unable to encode an activity address: %w", err)
		}
		if _, err := tx.ExecContext(ctx, `
			INSERT INTO activities (id, rpps, position, profession_code, siret, siren, finess,
				finess_ej, technical_id, company_name, trade_name, address, phone, email,
				department, mode_code, sector_code, function_code, genre_code,
				start_date, end_date, end_reason_code)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			a.ID, p.RPPS, i, a.ProfessionCode, s.SIRET, s.SIREN, s.FINESS,
			s.FINESSEJ, s.TechnicalID, s.CompanyName, s.TradeName, string(address), s.Phone, s.Email,
			s.Department, a.ModeCode, a.SectorCode, a.FunctionCode, a.GenreCode,
			a.StartDate, a.EndDate, a.EndReasonCode); err != nil {
			return fmt.Errorf("store: unable to write an activity: %w", err)
		}
	}
	return nil
}
