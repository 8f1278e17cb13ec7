package storekit

import (
	"strings"

	"erpps/backend/erpps"
)

// PractitionerSearchText is the folded text a practitioner search matches:
// every name.
func PractitionerSearchText(p *erpps.Practitioner) string {
	return Fold(strings.Join([]string{p.ExerciseName, p.ExerciseFirstName, p.BirthName, p.FirstName}, " "))
}

// PractitionerSortKey orders lists by the name the Annuaire Santé shows.
func PractitionerSortKey(p *erpps.Practitioner) string {
	first := p.ExerciseFirstName
	if first == "" {
		first = p.FirstName
	}
	return Fold(p.DisplayName() + " " + first)
}
