package postgres

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"

	"erpps/backend/erpps"
)

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
	notFound := erpps.NotFound("Aucune structure connue avec ce numéro.")
	if value == "" {
		return nil, notFound
	}
	var s erpps.Structure
	var address []byte
	err := db.pool.QueryRow(ctx, `
		SELECT siret, siren, finess, finess_ej, technical_id, company_name, trade_name,
		       address, phone, email, department
		FROM activities WHERE `+column+` = $1 ORDER BY start_date DESC LIMIT 1`, value).Scan(
		&s.SIRET, &s.SIREN, &s.FINESS, &s.FINESSEJ, &s.TechnicalID, &s.CompanyName,
		&s.TradeName, &address, &s.Phone, &s.Email, &s.Department)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, notFound
	}
	if err != nil {
		return nil, storeError("find a structure", err)
	}
	if err := json.Unmarshal(address, &s.Address); err != nil {
		return nil, storeError("find a structure", fmt.Errorf("bad structure address: %w", err))
	}
	return &s, nil
}
