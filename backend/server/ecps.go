package server

import (
	"net"
	"net/http"
	"time"

	"erpps/backend/ecps"
	"erpps/backend/erpps"
)

// ecpsService is the e-CPS service, EUNAVAILABLE on a server without it.
func (s *Server) ecpsService() (*ecps.Service, error) {
	if s.cfg.ECPS == nil {
		return nil, erpps.Errorf(erpps.EUNAVAILABLE, "La connexion e-CPS n'est pas disponible sur ce serveur.")
	}
	return s.cfg.ECPS, nil
}

// ecpsPost serves one of e-CPS's POST routes: the service, the body decoded
// as In, the password checks bounded when the call verifies an argon2id
// hash (argon), then call's result replied with status.
func ecpsPost[In any](s *Server, w http.ResponseWriter, r *http.Request, status int, argon bool, call func(*ecps.Service, In) (any, error)) error {
	svc, err := s.ecpsService()
	if err != nil {
		return err
	}
	var in In
	if err := decode(w, r, s.maxBody, &in, false); err != nil {
		return err
	}
	if argon {
		release, err := s.awaitSignIn(r)
		if err != nil {
			return err
		}
		defer release()
	}
	out, err := call(svc, in)
	if err != nil {
		return err
	}
	writeJSON(w, status, out)
	return nil
}

// ecpsTime serves GET /api/v1/ecps/time: the companion compares its clock.
func (s *Server) ecpsTime(w http.ResponseWriter, _ *http.Request, _ *caller) error {
	writeJSON(w, http.StatusOK, map[string]string{"now": s.cfg.Now().UTC().Format(time.RFC3339Nano)})
	return nil
}

// identifierInput is what the activation lookup reads.
type identifierInput struct {
	Identifier string `json:"identifier"`
}

// ecpsIdentifier serves POST /api/v1/ecps/identifier: what the connection
// pages say of an identifier as it is typed. A pure reading, served even
// without the e-CPS service.
func (s *Server) ecpsIdentifier(w http.ResponseWriter, r *http.Request, _ *caller) error {
	var in identifierInput
	if err := decode(w, r, s.maxBody, &in, false); err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, ecps.ReadIdentifier(in.Identifier))
	return nil
}

// ecpsLookup serves POST /api/v1/ecps/activation/lookup.
func (s *Server) ecpsLookup(w http.ResponseWriter, r *http.Request, _ *caller) error {
	return ecpsPost(s, w, r, http.StatusOK, false, func(svc *ecps.Service, in identifierInput) (any, error) {
		return svc.Lookup(r.Context(), in.Identifier)
	})
}

// sendInput is what the activation send reads.
type sendInput struct {
	Identifier string `json:"identifier"`
	Channel    string `json:"channel"`
}

// ecpsSend serves POST /api/v1/ecps/activation/send.
func (s *Server) ecpsSend(w http.ResponseWriter, r *http.Request, _ *caller) error {
	return ecpsPost(s, w, r, http.StatusAccepted, false, func(svc *ecps.Service, in sendInput) (any, error) {
		return svc.SendCode(r.Context(), in.Identifier, in.Channel, clientHost(r))
	})
}

// clientHost is the caller's address without its port.
func clientHost(r *http.Request) string {
	if h, _, err := net.SplitHostPort(r.RemoteAddr); err == nil {
		return h
	}
	return r.RemoteAddr
}

// ecpsConfirm serves POST /api/v1/ecps/activation/confirm.
func (s *Server) ecpsConfirm(w http.ResponseWriter, r *http.Request, _ *caller) error {
	return ecpsPost(s, w, r, http.StatusCreated, true, func(svc *ecps.Service, in ecps.Confirmation) (any, error) {
		return svc.Confirm(r.Context(), in)
	})
}

// deviceInput is what a challenge is asked with.
type deviceInput struct {
	DeviceID string `json:"deviceId"`
}

// ecpsChallenge serves POST /api/v1/ecps/device/challenge.
func (s *Server) ecpsChallenge(w http.ResponseWriter, r *http.Request, _ *caller) error {
	return ecpsPost(s, w, r, http.StatusOK, false, func(svc *ecps.Service, in deviceInput) (any, error) {
		return svc.Challenge(r.Context(), in.DeviceID)
	})
}

// ecpsPending serves POST /api/v1/ecps/device/pending.
func (s *Server) ecpsPending(w http.ResponseWriter, r *http.Request, _ *caller) error {
	return ecpsPost(s, w, r, http.StatusOK, false, func(svc *ecps.Service, in ecps.Signed) (any, error) {
		return svc.Pending(r.Context(), in)
	})
}

// ecpsAnswer serves POST /api/v1/ecps/device/answer.
func (s *Server) ecpsAnswer(w http.ResponseWriter, r *http.Request, _ *caller) error {
	return ecpsPost(s, w, r, http.StatusOK, true, func(svc *ecps.Service, in ecps.Answer) (any, error) {
		return svc.Answer(r.Context(), in)
	})
}

// loginInput is what a computer's login starts with.
type loginInput struct {
	AuthRequestID string `json:"authRequestId"`
	Identifier    string `json:"identifier"`
}

// ecpsStartLogin serves POST /api/v1/ecps/login.
func (s *Server) ecpsStartLogin(w http.ResponseWriter, r *http.Request, _ *caller) error {
	return ecpsPost(s, w, r, http.StatusCreated, false, func(svc *ecps.Service, in loginInput) (any, error) {
		return svc.StartLogin(r.Context(), in.AuthRequestID, in.Identifier)
	})
}

// ecpsLoginStatus serves GET /api/v1/ecps/login/{id}.
func (s *Server) ecpsLoginStatus(w http.ResponseWriter, r *http.Request, _ *caller) error {
	svc, err := s.ecpsService()
	if err != nil {
		return err
	}
	out, err := svc.LoginStatus(r.Context(), r.PathValue("id"))
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, out)
	return nil
}

// ecpsCancelLogin serves DELETE /api/v1/ecps/login/{id}.
func (s *Server) ecpsCancelLogin(w http.ResponseWriter, r *http.Request, _ *caller) error {
	svc, err := s.ecpsService()
	if err != nil {
		return err
	}
	if err := svc.CancelLogin(r.Context(), r.PathValue("id")); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

// ecpsApprovalInput is what an approval is asked with.
type ecpsApprovalInput struct {
	RequestID string `json:"requestId"`
	Revision  int64  `json:"revision"`
}

// ecpsStartApproval serves POST /api/v1/ecps/approvals: the practitioner,
// or a secretary with a mandate for the request's kind, asks the
// practitioner's phone to approve its transmission.
func (s *Server) ecpsStartApproval(w http.ResponseWriter, r *http.Request, c *caller) error {
	svc, err := s.ecpsService()
	if err != nil {
		return err
	}
	var in ecpsApprovalInput
	if err := decode(w, r, s.maxBody, &in, false); err != nil {
		return err
	}
	if c.account.Role != erpps.RoleProfessional && c.account.Role != erpps.RoleSecretary {
		return erpps.Errorf(erpps.EFORBIDDEN, "Seuls le professionnel et son secrétariat demandent sa validation.")
	}
	req, err := s.requestFor(r.Context(), c, in.RequestID, true)
	if err != nil {
		return err
	}
	out, err := svc.StartApproval(r.Context(), req, in.Revision, c.account)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusCreated, out)
	return nil
}

// ecpsApprovalStatus serves GET /api/v1/ecps/approvals/{id}.
func (s *Server) ecpsApprovalStatus(w http.ResponseWriter, r *http.Request, c *caller) error {
	svc, err := s.ecpsService()
	if err != nil {
		return err
	}
	out, err := svc.ApprovalStatus(r.Context(), r.PathValue("id"), c.account)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, out)
	return nil
}
