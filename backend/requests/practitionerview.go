package requests

import (
	"context"

	"erpps/backend/erpps"
	"erpps/backend/identifiers"
)

// PractitionerView is a practitioner's record as the UI shows it: who keeps
// it, the civility as written before the name (« Dr », « Mme »), and each
// activity saying whether it is still exercised today (the service's Now),
// so that the UI does not compare dates itself.
type PractitionerView struct {
	*erpps.Practitioner
	Registration  Registration `json:"registration"`
	CivilityShort string       `json:"civilityShort"`
	// Demo marks a fictional record (a test identity): shown « DÉMO ».
	Demo bool `json:"demo"`
	// IDNPS is the national professional identifier: "8" then the RPPS number.
	IDNPS      string         `json:"idnps"`
	Activities []ActivityView `json:"activities"`
}

// ActivityView is an activity and whether it is still exercised today.
type ActivityView struct {
	erpps.Activity
	Open bool `json:"open"`
}

// PractitionerViewFor is p as the UI shows it on day (YYYY-MM-DD).
func PractitionerViewFor(p *erpps.Practitioner, day string) *PractitionerView {
	v := &PractitionerView{Practitioner: p, IDNPS: p.IDNPS(), Demo: identifiers.IsTestRPPS(p.RPPS), Activities: make([]ActivityView, len(p.Activities))}
	for i, a := range p.Activities {
		v.Activities[i] = ActivityView{Activity: a, Open: a.Open(day)}
	}
	return v
}

// Practitioner returns a practitioner's record as the UI shows it today.
func (s *Service) Practitioner(ctx context.Context, rpps string) (*PractitionerView, error) {
	p, err := s.Practitioners.FindPractitionerByRPPS(ctx, rpps)
	if err != nil {
		return nil, err
	}
	day := today(s.Now())
	v := PractitionerViewFor(p, day)
	v.Registration = RegistrationOf(s.Catalog, p, day)
	v.CivilityShort = s.Catalog.CivilityShort(p.Civility, p.ExerciseCivility)
	return v, nil
}
