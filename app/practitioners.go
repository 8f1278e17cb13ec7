package app

import (
	"erpps/backend/erpps"
)

// ListPractitioners lists the records held on this computer.
func (a *App) ListPractitioners(filter erpps.PractitionerFilter) ([]erpps.PractitionerSummary, error) {
	list, err := a.deps.Practitioners.ListPractitioners(a.ctx, filter)
	if list == nil && err == nil {
		list = []erpps.PractitionerSummary{}
	}
	return list, err
}

// GetPractitioner returns a practitioner's record.
func (a *App) GetPractitioner(rpps string) (*erpps.Practitioner, error) {
	return a.deps.Practitioners.FindPractitionerByRPPS(a.ctx, rpps)
}
