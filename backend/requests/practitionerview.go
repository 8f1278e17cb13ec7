package requests

import (
	"context"

	"erpps/backend/erpps"
	"erpps/backend/identifiers"
	"erpps/backend/refdata"
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
	// AddableProfessions are the professions « Déclarer une nouvelle
	// profession » offers: active, not held yet, registered by the ARS.
	AddableProfessions []refdata.Code `json:"addableProfessions"`
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
	v.AddableProfessions = AddableProfessions(s.Catalog, p)
	return v, nil
}

// AddableProfessions are the professions p may declare through the ARS:
// active (TRE_G15, TRE_R95), not held yet, and registered by an ARS (an
// Ordre or the SSA registers the others), sorted by label.
func AddableProfessions(cat *refdata.Catalog, p *erpps.Practitioner) []refdata.Code {
	out := []refdata.Code{}
	for _, c := range cat.Professions() {
		if !p.HasProfession(c.Code) && cat.RegistrationAuthority(c.Code).Kind == refdata.AuthorityARS {
			out = append(out, c)
		}
	}
	return out
}
