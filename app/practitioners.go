package app

import (
	"erpps/backend/erpps"
	"erpps/backend/requests"
)

// ListPractitioners lists the records held on this computer.
func (a *App) ListPractitioners(filter erpps.PractitionerFilter) ([]erpps.PractitionerSummary, error) {
	list, err := a.deps.Practitioners.ListPractitioners(a.ctx, filter)
	if list == nil && err == nil {
		list = []erpps.PractitionerSummary{}
	}
	return list, err
}

// GetPractitioner returns a practitioner's record, each activity saying
// whether it is still exercised today.
func (a *App) GetPractitioner(rpps string) (*requests.PractitionerView, error) {
	return a.deps.Requests.Practitioner(a.ctx, rpps)
}
