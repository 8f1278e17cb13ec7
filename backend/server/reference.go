package server

import (
	"net/http"

	"erpps/backend/refdata"
)

// referenceReply is the reply of GET /api/v1/reference: the NOS tables, the
// professions and the départements (with their region and ARS), the labels
// the back office shows a record's codes with and the départements it
// filters the queue on. Public data: no session needed.
type referenceReply struct {
	Tables      map[string]*refdata.Table `json:"tables"`
	Professions []refdata.Code            `json:"professions"`
	Departments []refdata.Department      `json:"departments"`
}

// reference serves GET /api/v1/reference.
func (s *Server) reference(w http.ResponseWriter, _ *http.Request, _ *caller) error {
	c := s.cfg.Catalog
	out := referenceReply{Tables: map[string]*refdata.Table{}, Professions: c.Professions(), Departments: c.Departments()}
	for _, t := range c.Tables() {
		out.Tables[t.ID] = t
	}
	w.Header().Set("Cache-Control", "private, max-age=3600")
	writeJSON(w, http.StatusOK, out)
	return nil
}
