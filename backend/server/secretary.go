package server

import (
	"context"
	"net/http"

	"erpps/backend/erpps"
	"erpps/backend/requests"
)

// secretaryMay tells whether the secretary c may read the record rpps
// (write false) or prepare a request of kind on it (write true): only under
// an active mandate of the practitioner. Until the delegation service is
// wired, a secretary may do nothing.
func (s *Server) secretaryMay(_ context.Context, _ *caller, _ string, _ erpps.RequestKind, _ bool) bool {
	return false
}

// transmitAs transmits req for c: a practitioner transmits their own; a
// secretary needs the practitioner's approval of this exact version.
func (s *Server) transmitAs(r *http.Request, c *caller, req *erpps.Request, approvalID string) (*requests.View, error) {
	if c.account.Role == erpps.RoleSecretary {
		return nil, erpps.Errorf(erpps.EFORBIDDEN, "La transmission doit être approuvée par le professionnel.")
	}
	return s.cfg.Requests.Transmit(r.Context(), req.ID, c.actor())
}
