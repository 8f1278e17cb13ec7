package server

import (
	"net/http"
	"time"

	"erpps/backend/erpps"
)

// mandateInput is what POST /api/v1/mandates reads.
type mandateInput struct {
	SecretaryID string              `json:"secretaryId"`
	Kinds       []erpps.RequestKind `json:"kinds"`
	ExpiresAt   time.Time           `json:"expiresAt"`
}

// grantMandate serves POST /api/v1/mandates: a practitioner gives a named
// secretary a mandate on their record.
func (s *Server) grantMandate(w http.ResponseWriter, r *http.Request, c *caller) error {
	var in mandateInput
	if err := decode(w, r, s.maxBody, &in, false); err != nil {
		return err
	}
	m, err := s.cfg.Delegation.Grant(r.Context(), c.account, in.SecretaryID, in.Kinds, in.ExpiresAt)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusCreated, m)
	return nil
}

// listMandates serves GET /api/v1/mandates: those the caller gave or holds.
func (s *Server) listMandates(w http.ResponseWriter, r *http.Request, c *caller) error {
	list, err := s.cfg.Delegation.List(r.Context(), c.account)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, itemsReply[*erpps.Mandate]{Items: list})
	return nil
}

// revokeMandate serves DELETE /api/v1/mandates/{id}: either side ends it.
func (s *Server) revokeMandate(w http.ResponseWriter, r *http.Request, c *caller) error {
	if err := s.cfg.Delegation.Revoke(r.Context(), c.account, r.PathValue("id")); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

// approvalInput is what POST /api/v1/requests/{id}/approvals reads.
type approvalInput struct {
	Revision int64 `json:"revision"`
}

// approve serves POST /api/v1/requests/{id}/approvals: the practitioner
// approves the exact version (revision) of a request their secretary
// prepared, for its transmission.
func (s *Server) approve(w http.ResponseWriter, r *http.Request, c *caller) error {
	var in approvalInput
	if err := decode(w, r, s.maxBody, &in, false); err != nil {
		return err
	}
	req, err := s.requestFor(r.Context(), c, r.PathValue("id"), false)
	if err != nil {
		return err
	}
	if c.account.Role != erpps.RoleProfessional {
		return erpps.Errorf(erpps.EFORBIDDEN, "Seul le professionnel approuve la transmission de ses demandes.")
	}
	a, err := s.cfg.Delegation.Approve(r.Context(), c.account, req.ID, in.Revision)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusCreated, a)
	return nil
}
