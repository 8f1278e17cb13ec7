package erpps

import (
	"fmt"
	"strings"
)

// Check rejects a record a store cannot hold: it needs an RPPS number, each
// profession a code and each activity an identifier, once each.
func (p *Practitioner) Check() error {
	if p == nil || strings.TrimSpace(p.RPPS) == "" {
		return Invalid("Le numéro RPPS est obligatoire.",
			FieldError{Field: "rpps", Code: EINVALID, Message: "Le numéro RPPS est obligatoire."})
	}
	seen := map[string]bool{}
	for i, pr := range p.Professions {
		if pr.Code == "" || seen[pr.Code] {
			return Invalid("Chaque profession doit avoir un code, une seule fois.",
				FieldError{Field: fmt.Sprintf("professions[%d].code", i), Code: EINVALID,
					Message: "Code de profession absent ou en double."})
		}
		seen[pr.Code] = true
	}
	ids := map[string]bool{}
	for i, a := range p.Activities {
		if a.ID == "" || ids[a.ID] {
			return Invalid("Chaque activité doit avoir un identifiant, une seule fois.",
				FieldError{Field: fmt.Sprintf("activities[%d].id", i), Code: EINVALID,
					Message: "Identifiant d'activité absent ou en double."})
		}
		ids[a.ID] = true
	}
	return nil
}
