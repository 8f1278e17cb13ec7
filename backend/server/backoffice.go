package server

import (
	"net/http"
	"net/url"
	"strconv"

	"erpps/backend/backoffice"
	"erpps/backend/erpps"
)

// agentOnly refuses whoever is not an ARS agent.
func agentOnly(c *caller) error {
	if c.account.Role != erpps.RoleARSAgent {
		return erpps.Errorf(erpps.EFORBIDDEN, "Réservé aux agents de l'ARS.")
	}
	return nil
}

// queue serves GET /api/v1/queue?status=&department=&kind=&age=&page=&pageSize=:
// a page of the requests of the agent's region, oldest transmission first.
func (s *Server) queue(w http.ResponseWriter, r *http.Request, c *caller) error {
	if err := agentOnly(c); err != nil {
		return err
	}
	q, err := queueQueryOf(r.URL.Query())
	if err != nil {
		return err
	}
	page, err := s.cfg.BackOffice.Queue(r.Context(), c.account, q)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, page)
	return nil
}

// queueQueryOf reads the queue's filters; an unknown parameter or a number
// that is not one is EINVALID.
func queueQueryOf(v url.Values) (backoffice.QueueQuery, error) {
	var q backoffice.QueueQuery
	var fields []erpps.FieldError
	number := func(name string) int {
		s := v.Get(name)
		if s == "" {
			return 0
		}
		n, err := strconv.Atoi(s)
		if err != nil {
			fields = append(fields, erpps.FieldError{Field: name, Code: "type", Message: "Type attendu : nombre entier."})
		}
		return n
	}
	for name := range v {
		switch name {
		case "status", "department", "kind", "age", "page", "pageSize":
		default:
			fields = append(fields, erpps.FieldError{Field: name, Code: "unknown", Message: "Filtre inconnu."})
		}
	}
	q.Status = erpps.RequestStatus(v.Get("status"))
	q.Department = v.Get("department")
	q.Kind = erpps.RequestKind(v.Get("kind"))
	q.MinAgeDays = number("age")
	q.Page = number("page")
	q.PageSize = number("pageSize")
	if len(fields) > 0 {
		return q, erpps.Invalid("Les filtres de la file sont invalides.", fields...)
	}
	return q, nil
}

// caseOf serves GET /api/v1/cases/{id}: a request as the agent examines it.
func (s *Server) caseOf(w http.ResponseWriter, r *http.Request, c *caller) error {
	if err := agentOnly(c); err != nil {
		return err
	}
	cs, err := s.cfg.BackOffice.Case(r.Context(), c.account, r.PathValue("id"))
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, cs)
	return nil
}

// decide serves POST /api/v1/requests/{id}/decisions: take, accept, refuse,
// ask for a complement, on the revision the agent saw.
func (s *Server) decide(w http.ResponseWriter, r *http.Request, c *caller) error {
	var in backoffice.DecisionInput
	if err := decode(w, r, s.maxBody, &in, false); err != nil {
		return err
	}
	if c.account.Role != erpps.RoleARSAgent {
		// Nobody else decides; tell nothing of the request.
		if _, err := s.requestFor(r.Context(), c, r.PathValue("id"), false); err != nil {
			return err
		}
		return agentOnly(c)
	}
	cs, err := s.cfg.BackOffice.Decide(r.Context(), c.account, r.PathValue("id"), in)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, cs)
	return nil
}
