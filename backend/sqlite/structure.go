package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"

	"erpps/backend/erpps"
)

var _ erpps.StructureService = (*DB)(nil)

// FindStructureBySIRET returns the most recently started known structure with
// that SIRET.
func (db *DB) FindStructureBySIRET(ctx context.Context, siret string) (*erpps.Structure, error) {
	return db.findStructure(ctx, "siret", siret)
}

// FindStructureByFINESS returns the most recently started known établissement
// with that FINESS.
func (db *DB) FindStructureByFINESS(ctx context.Context, finess string) (*erpps.Structure, error) {
	return db.findStructure(ctx, "finess", finess)
}

// findStructure reads a structure from the activities that name it; column is
// one of two constants, never user input.
func (db *DB) findStructure(ctx context.Context, column, value string) (*erpps.Structure, error) {
	if db.read == nil {
		return nil, fmt.Errorf("store: the database is not open")
	}
	if value == "" {
		return nil, erpps.NotFound("Aucune structure connue avec ce numéro.")
	}
	row := db.read.QueryRowContext(ctx, `
		SELECT siret, siren, finess, finess_ej, technical_id, company_name, trade_name,
		       address, phone, email, department
		FROM activities WHERE `+column+` = ? ORDER BY start_date DESC LIMIT 1`, value)
	var s erpps.Structure
	var address string
	err := row.Scan(&s.SIRET, &s.SIREN, &s.FINESS, &s.FINESSEJ, &s.TechnicalID, &s.CompanyName,
		&s.TradeName, &address, &s.Phone, &s.Email, &s.Department)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, erpps.NotFound("Aucune structure connue avec ce numéro.")
	}
	if err != nil {
		return nil, fmt.Errorf("store: unable to find a structure: %w", err)
	}
	if err := json.Unmarshal([]byte(address), &s.Address); err != nil {
		return nil, fmt.Errorf("store: bad structure address: %w", err)
	}
	return &s, nil
}
