package server

import (
	"context"

	"erpps/backend/erpps"
)

// Messages of a refusal that tells nothing of what exists.
const (
	msgNoRecord  = "Dossier introuvable."
	msgNoRequest = "Demande introuvable."
)

// regionDepartments lists the départements of an ARS region.
func (s *Server) regionDepartments(region string) []string {
	var out []string
	for _, d := range s.cfg.Catalog.Departments() {
		if d.RegionCode == region && region != "" {
			out = append(out, d.Code)
		}
	}
	return out
}

// inRegion tells whether département dep belongs to the agent's region.
func (s *Server) inRegion(agent *erpps.Account, dep string) bool {
	if dep == "" {
		return false
	}
	d, err := s.cfg.Catalog.Department(dep)
	return err == nil && agent.Region != "" && d.RegionCode == agent.Region
}

// checkRecord says whether c may read the record of rpps; ENOTFOUND
// otherwise, the same reply as for a record that does not exist. A
// practitioner reads their own; a secretary under an active mandate; an ARS
// agent the records with an activity, or a transmitted request, in their
// region.
func (s *Server) checkRecord(ctx context.Context, c *caller, rpps string) error {
	switch c.account.Role {
	case erpps.RoleProfessional:
		if rpps != "" && rpps == c.account.RPPS {
			return nil
		}
	case erpps.RoleSecretary:
		if s.secretaryMay(ctx, c, rpps, "", false) {
			return nil
		}
	case erpps.RoleARSAgent:
		if ok, err := s.recordInRegion(ctx, c.account, rpps); err != nil || ok {
			return err
		}
	}
	return erpps.NotFound(msgNoRecord)
}

// recordInRegion tells whether the practitioner rpps has an activity, or a
// request sent to the ARS, in the agent's region.
func (s *Server) recordInRegion(ctx context.Context, agent *erpps.Account, rpps string) (bool, error) {
	p, err := s.cfg.Store.FindPractitionerByRPPS(ctx, rpps)
	if erpps.ErrorCode(err) == erpps.ENOTFOUND {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	for _, a := range p.Activities {
		if s.inRegion(agent, a.Structure.Department) {
			return true, nil
		}
	}
	list, err := s.cfg.Store.ListRequests(ctx, erpps.RequestFilter{RPPS: rpps, WithoutHistory: true})
	if err != nil {
		return false, err
	}
	for _, r := range list {
		if s.agentSees(agent, r) {
			return true, nil
		}
	}
	return false, nil
}

// agentSees tells whether an ARS agent may read request r: transmitted to
// their region's ARS (drafts are the applicant's own).
func (s *Server) agentSees(agent *erpps.Account, r *erpps.Request) bool {
	return r.Status != erpps.StatusDraft && s.inRegion(agent, r.Department)
}

// requestFor returns request id when c may read it (write false) or act on
// it as its applicant (write true); ENOTFOUND otherwise, as for a request
// that does not exist. An ARS agent reads and decides the requests of their
// region through their case (GET /api/v1/cases/{id}), EFORBIDDEN here.
func (s *Server) requestFor(ctx context.Context, c *caller, id string, write bool) (*erpps.Request, error) {
	r, err := s.cfg.Store.FindRequestByID(ctx, id)
	if erpps.ErrorCode(err) == erpps.ENOTFOUND {
		return nil, erpps.NotFound(msgNoRequest)
	}
	if err != nil {
		return nil, err
	}
	switch c.account.Role {
	case erpps.RoleProfessional:
		if r.RPPS == c.account.RPPS {
			return r, nil
		}
	case erpps.RoleSecretary:
		if s.secretaryMay(ctx, c, r.RPPS, r.Kind, write) {
			return r, nil
		}
	case erpps.RoleARSAgent:
		if s.agentSees(c.account, r) {
			return nil, erpps.Errorf(erpps.EFORBIDDEN, "Un agent de l'ARS examine une demande depuis la file de l'ARS (dossier d'instruction).")
		}
	}
	return nil, erpps.NotFound(msgNoRequest)
}
