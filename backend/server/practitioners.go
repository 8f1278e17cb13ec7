package server

import (
	"fmt"
	"net/http"

	"erpps/backend/attestation"
	"erpps/backend/erpps"
	"erpps/backend/requests"
)

// practitioner serves GET /api/v1/practitioners/{rpps}: the record as the UI
// shows it.
func (s *Server) practitioner(w http.ResponseWriter, r *http.Request, c *caller) error {
	rpps := r.PathValue("rpps")
	if err := s.checkRecord(r.Context(), c, rpps); err != nil {
		return err
	}
	v, err := s.cfg.Requests.Practitioner(r.Context(), rpps)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, v)
	return nil
}

// itemsReply is a list.
type itemsReply[T any] struct {
	Items []T `json:"items"`
}

// practitionerRequests serves GET /api/v1/practitioners/{rpps}/requests:
// the practitioner's requests, newest first; an ARS agent sees those sent
// to their region.
func (s *Server) practitionerRequests(w http.ResponseWriter, r *http.Request, c *caller) error {
	rpps := r.PathValue("rpps")
	if err := s.checkRecord(r.Context(), c, rpps); err != nil {
		return err
	}
	items, err := s.cfg.Requests.ListItems(r.Context(), erpps.RequestFilter{RPPS: rpps}, c.actor())
	if err != nil {
		return err
	}
	out := make([]*requests.Item, 0, len(items))
	for _, it := range items {
		if c.account.Role == erpps.RoleARSAgent && !s.agentSees(c.account, it.Request) {
			continue
		}
		out = append(out, it)
	}
	writeJSON(w, http.StatusOK, itemsReply[*requests.Item]{Items: out})
	return nil
}

// attestation serves GET /api/v1/practitioners/{rpps}/attestation: the
// attestation d'enregistrement of the record as it stands, signed by the
// authority (PDF). Its number is taken only once the whole document was
// written to the connection; a HEAD request takes none.
func (s *Server) attestation(w http.ResponseWriter, r *http.Request, c *caller) error {
	rpps := r.PathValue("rpps")
	if err := s.checkRecord(r.Context(), c, rpps); err != nil {
		return err
	}
	if s.cfg.Attestations == nil {
		return erpps.Errorf(erpps.EUNAVAILABLE, "Les attestations ne sont pas délivrées par ce serveur.")
	}
	if r.Method == http.MethodHead {
		// A HEAD request delivers no document: it takes no number.
		w.Header().Set("Content-Type", "application/pdf")
		w.Header().Set("Cache-Control", "no-store")
		w.WriteHeader(http.StatusOK)
		return nil
	}
	sent := false
	_, err := s.cfg.Attestations.Issue(r.Context(), rpps, func(issued *attestation.Issued) error {
		h := w.Header()
		h.Set("Content-Type", "application/pdf")
		h.Set("Content-Disposition", fmt.Sprintf("attachment; filename=%q", issued.FileName))
		h.Set("Content-Length", fmt.Sprint(len(issued.PDF)))
		h.Set("Cache-Control", "no-store")
		sent = true
		if _, err := w.Write(issued.PDF); err != nil {
			return fmt.Errorf("server: attestation not sent: %w", err)
		}
		if f, ok := w.(http.Flusher); ok {
			f.Flush()
		}
		return nil
	})
	if err != nil && sent {
		s.log.Warn("server: attestation interrupted", "err", err)
		return nil
	}
	return err
}
