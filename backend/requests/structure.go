package requests

import (
	"context"

	"erpps/backend/erpps"
	"erpps/backend/identifiers"
)

// StructureLookupBy is the number a structure is looked up by (the `by` of
// LookupStructure).
type StructureLookupBy string

// The numbers a structure is looked up by.
const (
	LookupBySIRET  StructureLookupBy = "siret"
	LookupByFINESS StructureLookupBy = "finess"
)

// LookupStructure finds a structure by SIRET ("siret") or FINESS ("finess"):
// the number's key is checked first, so a typo is reported as such rather
// than as an unknown structure.
func (s *Service) LookupStructure(ctx context.Context, by StructureLookupBy, value string) (*erpps.Structure, error) {
	switch by {
	case LookupBySIRET:
		siret, err := identifiers.ParseSIRET(value)
		if err != nil {
			fe := erpps.FieldErrorFor("structure.siret", err)
			return nil, erpps.Invalid(fe.Message, fe)
		}
		st, err := s.Structures.FindStructureBySIRET(ctx, siret)
		if erpps.ErrorCode(err) == erpps.ENOTFOUND {
			return nil, erpps.NotFound("Aucune structure connue avec ce numéro SIRET : vérifiez-le ou saisissez la structure.")
		}
		return st, err
	case LookupByFINESS:
		finess, err := identifiers.ParseFINESS(value)
		if err != nil {
			fe := erpps.FieldErrorFor("structure.finess", err)
			return nil, erpps.Invalid(fe.Message, fe)
		}
		st, err := s.Structures.FindStructureByFINESS(ctx, finess)
		if erpps.ErrorCode(err) == erpps.ENOTFOUND {
			return nil, erpps.NotFound("Aucun établissement connu avec ce numéro FINESS : vérifiez-le ou saisissez la structure.")
		}
		return st, err
	}
	return nil, erpps.Errorf(erpps.EINVALID, "Recherche de structure inconnue : par SIRET ou par FINESS.")
}
