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
		_, err := s.cfg.BackOffice.Record(ctx, c.account, rpps)
		if erpps.ErrorCode(err) != erpps.ENOTFOUND {
			return err
		}
	}
	return erpps.NotFound(msgNoRecord)
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
