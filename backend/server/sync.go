package server

import (
	"net/http"
	"net/url"
	"strconv"

	"erpps/backend/erpps"
	"erpps/backend/syncserver"
)

// pushBodyFactor is how many times the API's body limit a push may take: a
// batch carries whole payloads.
const pushBodyFactor = 8

// syncPush serves POST /api/v1/sync/push: a desktop's mutations, applied
// exactly once and in order (backend/syncserver).
func (s *Server) syncPush(w http.ResponseWriter, r *http.Request, c *caller) error {
	var in erpps.PushRequest
	if err := decode(w, r, s.maxBody*pushBodyFactor, &in, false); err != nil {
		return err
	}
	out, err := s.cfg.Sync.Push(r.Context(), c.account, in)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, out)
	return nil
}

// syncPull serves GET /api/v1/sync/pull?cursor=N&limit=M: the changes after
// the cursor the caller may see.
func (s *Server) syncPull(w http.ResponseWriter, r *http.Request, c *caller) error {
	q, err := syncQueryOf(r.URL.Query(), "cursor", "limit")
	if err != nil {
		return err
	}
	if q["limit"] > syncserver.MaxPullLimit {
		return erpps.Invalid("Trop de changements demandés à la fois.",
			erpps.FieldError{Field: "limit", Code: "range", Message: "1000 au plus."})
	}
	out, err := s.cfg.Sync.Pull(r.Context(), c.account, q["cursor"], int(q["limit"]))
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, out)
	return nil
}

// syncSnapshot serves GET /api/v1/sync/snapshot: everything the caller may
// see, with the change sequence it is at.
func (s *Server) syncSnapshot(w http.ResponseWriter, r *http.Request, c *caller) error {
	out, err := s.cfg.Sync.Snapshot(r.Context(), c.account)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, out)
	return nil
}

// waitReply is GET /api/v1/sync/wait's reply.
type waitReply struct {
	ChangeSeq int64 `json:"changeSeq"`
}

// syncWait serves GET /api/v1/sync/wait?cursor=N: the long poll, answered
// as soon as the change sequence passes the cursor, or after 25 s at most.
func (s *Server) syncWait(w http.ResponseWriter, r *http.Request, c *caller) error {
	q, err := syncQueryOf(r.URL.Query(), "cursor")
	if err != nil {
		return err
	}
	// Who may not synchronise learns it now, not after the wait.
	if c.account.Role != erpps.RoleProfessional && c.account.Role != erpps.RoleSecretary {
		return erpps.Errorf(erpps.EFORBIDDEN, "La synchronisation est réservée aux professionnels et à leurs secrétariats.")
	}
	seq, err := s.cfg.Sync.Wait(r.Context(), q["cursor"])
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, waitReply{ChangeSeq: seq})
	return nil
}

// syncQueryOf reads the non-negative integer parameters named; another
// parameter, or a value that is not one, is EINVALID.
func syncQueryOf(v url.Values, names ...string) (map[string]int64, error) {
	out := map[string]int64{}
	var fields []erpps.FieldError
	known := map[string]bool{}
	for _, n := range names {
		known[n] = true
		s := v.Get(n)
		if s == "" {
			continue
		}
		i, err := strconv.ParseInt(s, 10, 64)
		if err != nil || i < 0 {
			fields = append(fields, erpps.FieldError{Field: n, Code: "type", Message: "Type attendu : nombre entier positif ou nul."})
		}
		out[n] = i
	}
	for n := range v {
		if !known[n] {
			fields = append(fields, erpps.FieldError{Field: n, Code: "unknown", Message: "Paramètre inconnu."})
		}
	}
	if len(fields) > 0 {
		return nil, erpps.Invalid("Les paramètres de la synchronisation sont invalides.", fields...)
	}
	return out, nil
}
