package server

import (
	"context"
	"net/http"

	"erpps/backend/erpps"
	"erpps/backend/requests"
)

// secretaryMay tells whether the secretary c may read the record rpps
// (write false) or prepare a request of kind on it (write true): only under
// an active mandate of the practitioner covering the kind.
func (s *Server) secretaryMay(ctx context.Context, c *caller, rpps string, kind erpps.RequestKind, write bool) bool {
	if write {
		return s.cfg.Delegation.CheckPrepare(ctx, c.account, rpps, kind) == nil
	}
	return s.cfg.Delegation.CheckRead(ctx, c.account, rpps) == nil
}

// transmitAs transmits req for c: a practitioner their own request; a
// secretary with the practitioner's approval of this exact version.
func (s *Server) transmitAs(r *http.Request, c *caller, req *erpps.Request, approvalID string) (*requests.View, error) {
	if c.account.Role == erpps.RoleSecretary || approvalID != "" {
		return s.cfg.Requests.TransmitApproved(r.Context(), req.ID, c.actor(), approvalID)
	}
	return s.cfg.Requests.Transmit(r.Context(), req.ID, c.actor())
}
