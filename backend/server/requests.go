package server

import (
	"encoding/json"
	"net/http"

	"erpps/backend/erpps"
	"erpps/backend/requests"
)

// startRequest serves POST /api/v1/requests: a new draft, or the draft of
// the same kind on the same object (200, resumed).
func (s *Server) startRequest(w http.ResponseWriter, r *http.Request, c *caller) error {
	var in requests.StartInput
	if err := decode(w, r, s.maxBody, &in, false); err != nil {
		return err
	}
	switch c.account.Role {
	case erpps.RoleProfessional:
		if in.RPPS != c.account.RPPS {
			return erpps.NotFound(msgNoRecord)
		}
	case erpps.RoleSecretary:
		if !s.secretaryMay(r.Context(), c, in.RPPS, in.Kind, true) {
			return erpps.NotFound(msgNoRecord)
		}
	default:
		return erpps.Errorf(erpps.EFORBIDDEN, "Seuls le professionnel et son secrétariat préparent ses demandes.")
	}
	v, err := s.cfg.Requests.Start(r.Context(), in, c.actor())
	if err != nil {
		return err
	}
	status := http.StatusCreated
	if v.Resumed {
		status = http.StatusOK
	}
	writeJSON(w, status, v)
	return nil
}

// getRequest serves GET /api/v1/requests/{id}.
func (s *Server) getRequest(w http.ResponseWriter, r *http.Request, c *caller) error {
	req, err := s.requestFor(r.Context(), c, r.PathValue("id"), false)
	if err != nil {
		return err
	}
	v, err := s.cfg.Requests.Get(r.Context(), req.ID, c.actor())
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, v)
	return nil
}

// draftInput is what PUT /api/v1/requests/{id}/draft reads.
type draftInput struct {
	BaseRevision int64           `json:"baseRevision"`
	Payload      json.RawMessage `json:"payload"`
}

// saveDraft serves PUT /api/v1/requests/{id}/draft: the autosave over a
// base revision (conflict when it moved).
func (s *Server) saveDraft(w http.ResponseWriter, r *http.Request, c *caller) error {
	var in draftInput
	if err := decode(w, r, s.maxBody, &in, false); err != nil {
		return err
	}
	if len(in.Payload) == 0 || in.Payload[0] != '{' {
		return erpps.Invalid("Le contenu de la demande doit être un objet JSON.",
			erpps.FieldError{Field: "payload", Code: "type", Message: "Type attendu : objet."})
	}
	req, err := s.requestFor(r.Context(), c, r.PathValue("id"), true)
	if err != nil {
		return err
	}
	v, err := s.cfg.Requests.SaveDraft(r.Context(), req.ID, in.BaseRevision, in.Payload, c.actor())
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, v)
	return nil
}

// deleteRequest serves DELETE /api/v1/requests/{id}: a draft abandoned.
func (s *Server) deleteRequest(w http.ResponseWriter, r *http.Request, c *caller) error {
	req, err := s.requestFor(r.Context(), c, r.PathValue("id"), true)
	if err != nil {
		return err
	}
	if err := s.cfg.Requests.Delete(r.Context(), req.ID, c.actor()); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

// transmitInput is what POST /api/v1/requests/{id}/transmit reads.
type transmitInput struct {
	// ApprovalID is the practitioner's approval of this exact version,
	// needed when a secretary transmits.
	ApprovalID string `json:"approvalId,omitempty"`
}

// transmit serves POST /api/v1/requests/{id}/transmit.
func (s *Server) transmit(w http.ResponseWriter, r *http.Request, c *caller) error {
	var in transmitInput
	if err := decode(w, r, s.maxBody, &in, true); err != nil {
		return err
	}
	req, err := s.requestFor(r.Context(), c, r.PathValue("id"), true)
	if err != nil {
		return err
	}
	v, err := s.transmitAs(r, c, req, in.ApprovalID)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, v)
	return nil
}

// withdrawInput is what POST /api/v1/requests/{id}/withdraw reads.
type withdrawInput struct {
	Comment string `json:"comment,omitempty"`
}

// withdraw serves POST /api/v1/requests/{id}/withdraw (with its linked
// request, for a moved cabinet).
func (s *Server) withdraw(w http.ResponseWriter, r *http.Request, c *caller) error {
	var in withdrawInput
	if err := decode(w, r, s.maxBody, &in, true); err != nil {
		return err
	}
	req, err := s.requestFor(r.Context(), c, r.PathValue("id"), true)
	if err != nil {
		return err
	}
	v, err := s.cfg.Requests.Withdraw(r.Context(), req.ID, c.actor(), in.Comment)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, v)
	return nil
}
