package server

import (
	"net/http"
	"strings"
	"time"

	"erpps/backend/auth"
	"erpps/backend/erpps"
)

// CookieName is the session cookie of browsers.
const CookieName = "erpps_session"

// signInInput is what POST /api/v1/session reads.
type signInInput struct {
	Login    string `json:"login"`
	Password string `json:"password"`
	// Bearer asks for the token in the reply (desktops); browsers leave it
	// false and keep only the HttpOnly cookie.
	Bearer bool `json:"bearer"`
	// Device asks for a desktop's session: 90 days since its last use
	// (sliding), the token in the reply, no cookie.
	Device bool `json:"device"`
}

// sessionReply is a session as the API shows it.
type sessionReply struct {
	Session *erpps.Session `json:"session"`
	Token   string         `json:"token,omitempty"`
}

func (s *Server) signIn(w http.ResponseWriter, r *http.Request, _ *caller) error {
	var in signInInput
	if err := decode(w, r, s.maxBody, &in, false); err != nil {
		return err
	}
	release, err := s.awaitSignIn(r)
	if err != nil {
		return err
	}
	acct, err := s.cfg.Auth.Authenticate(r.Context(), erpps.Credentials{Login: in.Login, Password: in.Password})
	release()
	if err != nil {
		return err
	}
	open := s.cfg.Sessions.Open
	if in.Device {
		open = s.cfg.Sessions.OpenDevice
	}
	token, sess, err := open(r.Context(), acct)
	if err != nil {
		return err
	}
	reply := sessionReply{Session: sess}
	if in.Device {
		reply.Token = token
	} else {
		http.SetCookie(w, sessionCookie(r, token, sess.ExpiresAt))
		if in.Bearer {
			reply.Token = token
		}
	}
	writeJSON(w, http.StatusCreated, reply)
	return nil
}

func (s *Server) currentSession(w http.ResponseWriter, _ *http.Request, c *caller) error {
	writeJSON(w, http.StatusOK, sessionReply{Session: c.session})
	return nil
}

// signOut revokes the caller's session, if any, and clears the cookie.
func (s *Server) signOut(w http.ResponseWriter, r *http.Request, _ *caller) error {
	if token, _ := tokenOf(r); token != "" {
		if err := s.cfg.Sessions.Close(r.Context(), token); err != nil {
			return err
		}
	}
	http.SetCookie(w, sessionCookie(r, "", time.Unix(0, 0)))
	w.WriteHeader(http.StatusNoContent)
	return nil
}

// awaitSignIn waits for a free password check (MaxConcurrentSignIns), so
// that a burst of sign-ins cannot take all the memory and the cores; it
// answers unavailable after SignInWait.
func (s *Server) awaitSignIn(r *http.Request) (release func(), err error) {
	t := time.NewTimer(s.cfg.SignInWait)
	defer t.Stop()
	select {
	case s.signIns <- struct{}{}:
		return func() { <-s.signIns }, nil
	case <-t.C:
	case <-r.Context().Done():
	}
	return nil, erpps.Errorf(erpps.EUNAVAILABLE, "Trop de connexions en cours : réessayez dans quelques instants.")
}

// authenticate finds the caller's session from the bearer token or the
// cookie; EUNAUTHORIZED when there is none valid.
func (s *Server) authenticate(r *http.Request) (*caller, error) {
	token, cookie := tokenOf(r)
	if token == "" {
		return nil, erpps.Errorf(erpps.EUNAUTHORIZED, auth.MsgNoSession)
	}
	sess, err := s.cfg.Sessions.Check(r.Context(), token)
	if err != nil && !cookie && s.cfg.OIDC != nil && erpps.ErrorCode(err) == erpps.EUNAUTHORIZED {
		// Not a session: perhaps one of the OpenID provider's access tokens.
		acct, expires, oerr := s.cfg.OIDC.AccountForAccessToken(r.Context(), token)
		if oerr != nil {
			return nil, oerr
		}
		now := s.cfg.Now()
		return &caller{account: acct, session: &erpps.Session{ID: "oidc", Account: *acct, CreatedAt: now, ExpiresAt: expires}}, nil
	}
	if err != nil {
		return nil, err
	}
	return &caller{account: &sess.Account, session: sess, cookie: cookie}, nil
}

// tokenOf returns the session token of r: the Authorization: Bearer header,
// else the cookie (cookie true).
func tokenOf(r *http.Request) (token string, cookie bool) {
	if h := r.Header.Get("Authorization"); h != "" {
		scheme, tok, ok := strings.Cut(h, " ")
		if ok && strings.EqualFold(scheme, "Bearer") {
			return strings.TrimSpace(tok), false
		}
		return "", false
	}
	if ck, err := r.Cookie(CookieName); err == nil {
		return ck.Value, true
	}
	return "", false
}

// sessionCookie is the browser's session cookie: HttpOnly, SameSite=Strict,
// Secure when the connection is (or a proxy says it was) HTTPS.
func sessionCookie(r *http.Request, token string, expires time.Time) *http.Cookie {
	secure := r.TLS != nil || strings.EqualFold(r.Header.Get("X-Forwarded-Proto"), "https")
	ck := &http.Cookie{Name: CookieName, Value: token, Path: "/", HttpOnly: true, Secure: secure,
		SameSite: http.SameSiteStrictMode, Expires: expires.UTC()}
	if token == "" {
		ck.MaxAge = -1
	}
	return ck
}
