package app

import (
	"fmt"
	"unicode/utf8"

	"erpps/backend/erpps"
	"erpps/backend/identifiers"
	"erpps/backend/requests"
)

// maxSearchRunes bounds the search text: a name or an RPPS number is far
// shorter, and every word of it becomes a condition of the query.
const maxSearchRunes = 100

// ListPractitioners lists the records held on this computer that the user
// may open (see mayOpen).
func (a *App) ListPractitioners(filter erpps.PractitionerFilter) ([]erpps.PractitionerSummary, error) {
	if utf8.RuneCountInString(filter.Query) > maxSearchRunes {
		return nil, erpps.Invalid(fmt.Sprintf("La recherche est trop longue : %d caractères au plus.", maxSearchRunes),
			erpps.FieldError{Field: "query", Code: "too_long", Message: fmt.Sprintf("%d caractères au plus.", maxSearchRunes)})
	}
	list, err := a.deps.Practitioners.ListPractitioners(a.ctx, filter)
	if err != nil {
		return nil, err
	}
	return a.visible(list), nil
}

// GetPractitioner returns a practitioner's record, with who keeps it
// (registration authority per profession), the civility to write, and each
// activity saying whether it is still exercised today.
func (a *App) GetPractitioner(rpps string) (*requests.PractitionerView, error) {
	if err := a.mayOpen(rpps); err != nil {
		return nil, err
	}
	return a.deps.Requests.Practitioner(a.ctx, rpps)
}

// ConnectionIdentifier reads an RPPS number as the help page's visitor types
// it: the identifier (IDNPS) to type on Pro Santé Connect once the 11 digits
// are there, or how many are missing.
func (a *App) ConnectionIdentifier(typed string) (*identifiers.IDNPSTyped, error) {
	id, err := identifiers.IDNPSOfTypedRPPS(typed)
	if err != nil {
		fe := erpps.FieldErrorFor("rpps", err)
		return nil, erpps.Invalid(fe.Message, fe)
	}
	return &id, nil
}
