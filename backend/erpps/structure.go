package erpps

import "context"

// StructureService finds the structures (places of practice) the register
// knows, so that a new activity's structure is picked rather than retyped.
type StructureService interface {
	// FindStructureBySIRET returns the structure with that SIRET
	// (normalised, 14 digits); ENOTFOUND when none is known.
	FindStructureBySIRET(ctx context.Context, siret string) (*Structure, error)
	// FindStructureByFINESS returns the établissement with that FINESS
	// (normalised, 9 characters); ENOTFOUND when none is known.
	FindStructureByFINESS(ctx context.Context, finess string) (*Structure, error)
}
