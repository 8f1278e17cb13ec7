package backoffice

import (
	"context"

	"erpps/backend/erpps"
)

// Record returns a practitioner's record to an agent whose region it
// concerns: a place of practice in the region, or a request (not a draft)
// examined by its ARS. Any other record is ENOTFOUND, as one that does not
// exist.
func (s *Service) Record(ctx context.Context, agent *erpps.Account, rpps string) (*erpps.Practitioner, error) {
	reg, err := s.regionOf(agent)
	if err != nil {
		return nil, err
	}
	missing := erpps.NotFound("Ce dossier est introuvable.")
	p, err := s.Store.FindPractitionerByRPPS(ctx, rpps)
	if erpps.ErrorCode(err) == erpps.ENOTFOUND {
		return nil, missing
	}
	if err != nil {
		return nil, err
	}
	for _, a := range p.Activities {
		if reg.in[a.Structure.Department] {
			return p, nil
		}
	}
	reqs, err := s.Store.ListRequests(ctx, erpps.RequestFilter{RPPS: rpps, WithoutHistory: true})
	if err != nil {
		return nil, err
	}
	for _, r := range reqs {
		if r.Status != erpps.StatusDraft && reg.in[r.Department] {
			return p, nil
		}
	}
	return nil, missing
}
