package app

import (
	"fmt"
	"unicode/utf8"

	"erpps/backend/erpps"
	"erpps/backend/requests"
)

// maxSearchRunes bounds the search text: a name or an RPPS number is far
// shorter, and every word of it becomes a condition of the query.
const maxSearchRunes = 100

// ListPractitioners lists the records held on this computer.
func (a *App) ListPractitioners(filter erpps.PractitionerFilter) ([]erpps.PractitionerSummary, error) {
	if utf8.RuneCountInString(filter.Query) > maxSearchRunes {
		return nil, erpps.Invalid(fmt.Sprintf("La recherche est trop longue : %d caractères au plus.", maxSearchRunes),
			erpps.FieldError{Field: "query", Code: "too_long", Message: fmt.Sprintf("%d caractères au plus.", maxSearchRunes)})
	}
	list, err := a.deps.Practitioners.ListPractitioners(a.ctx, filter)
	if list == nil && err == nil {
		list = []erpps.PractitionerSummary{}
	}
	return list, err
}

// GetPractitioner returns a practitioner's record, with who keeps it
// (registration authority per profession) and the civility to write.
func (a *App) GetPractitioner(rpps string) (*requests.PractitionerView, error) {
	return a.deps.Requests.Practitioner(a.ctx, rpps)
}
