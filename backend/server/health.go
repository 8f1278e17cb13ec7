package server

import (
	"net/http"

	"erpps/backend/erpps"
)

// statusReply is the reply of /healthz and /readyz.
type statusReply struct {
	Status string `json:"status"`
}

// healthz serves GET /healthz: the process answers.
func (s *Server) healthz(w http.ResponseWriter, _ *http.Request, _ *caller) error {
	writeJSON(w, http.StatusOK, statusReply{Status: "ok"})
	return nil
}

// readyz serves GET /readyz: the store is reachable and its migrations
// applied (unavailable otherwise).
func (s *Server) readyz(w http.ResponseWriter, r *http.Request, _ *caller) error {
	if err := s.cfg.Store.Ready(r.Context()); err != nil {
		return &erpps.Error{Code: erpps.EUNAVAILABLE, Message: msgUnavailable, Err: err}
	}
	writeJSON(w, http.StatusOK, statusReply{Status: "ready"})
	return nil
}

// keysReply is the reply of GET /api/v1/keys.
type keysReply struct {
	Keys []PublicKey `json:"keys"`
}

// keys serves GET /api/v1/keys: the authority's public keys, for desktops
// to verify attestations offline.
func (s *Server) keys(w http.ResponseWriter, r *http.Request, _ *caller) error {
	if s.cfg.Keys == nil {
		return erpps.Errorf(erpps.EUNAVAILABLE, "Les clés de l'autorité ne sont pas publiées par ce serveur.")
	}
	keys, err := s.cfg.Keys.PublicKeys(r.Context())
	if err != nil {
		return err
	}
	if keys == nil {
		keys = []PublicKey{}
	}
	writeJSON(w, http.StatusOK, keysReply{Keys: keys})
	return nil
}
