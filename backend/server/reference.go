package server

import (
	"encoding/json"
	"fmt"
	"net/http"

	"erpps/backend/backoffice"
	"erpps/backend/refdata"
)

// referenceReply is GET /api/v1/reference: the NOS tables, the professions
// and the départements, for the labels of a record's codes and the agent's
// départements (the same as the desktop's ReferenceData, without the
// activity codes the back office does not offer), and the back office's
// labels of the statuses, kinds, roles and decisions, from Go.
type referenceReply struct {
	Tables      map[string]*refdata.Table `json:"tables"`
	Professions []refdata.Code            `json:"professions"`
	Departments []refdata.Department      `json:"departments"`
	Labels      backoffice.Labels         `json:"labels"`
}

// referenceJSON encodes the catalog's reference data once: it does not
// change while the server runs.
func referenceJSON(c *refdata.Catalog) ([]byte, error) {
	out := referenceReply{Tables: map[string]*refdata.Table{}, Professions: c.Professions(), Departments: c.Departments(), Labels: backoffice.NewLabels()}
	for _, t := range c.Tables() {
		out.Tables[t.ID] = t
	}
	b, err := json.Marshal(out)
	if err != nil {
		return nil, fmt.Errorf("server: unable to encode the reference data: %w", err)
	}
	return b, nil
}

// reference serves GET /api/v1/reference (public data, cached an hour).
func (s *Server) reference(w http.ResponseWriter, _ *http.Request, _ *caller) error {
	h := w.Header()
	h.Set("Content-Type", "application/json; charset=utf-8")
	h.Set("Cache-Control", "public, max-age=3600")
	_, _ = w.Write(s.referenceJSON)
	return nil
}
