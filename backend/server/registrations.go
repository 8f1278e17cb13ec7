package server

import (
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"time"

	"erpps/backend/erpps"
	"erpps/backend/primo"
)

// The primo-registration's routes. FranceConnect's sign-in opens only the
// registration form (its own cookie, never a server session); the ARS's
// agents list, examine and decide the registrations of their region.

const (
	// loginCookie keeps a FranceConnect sign-in's state, nonce and PKCE
	// verifier until the callback (SameSite=Lax: the callback is a
	// top-level navigation from FranceConnect).
	loginCookie = "erpps_fc_login"
	// franceConnectCookie is the FranceConnect session of the form.
	franceConnectCookie = "erpps_franceconnect"
	// registrationPage is the front end's page of the form.
	registrationPage = "/inscription"
)

func secureRequest(r *http.Request) bool {
	return r.TLS != nil || strings.EqualFold(r.Header.Get("X-Forwarded-Proto"), "https")
}

func (s *Server) primoService() (*primo.Service, error) {
	if s.cfg.Primo == nil {
		return nil, erpps.Errorf(erpps.EUNAVAILABLE, "Le primo enregistrement n'est pas ouvert sur ce serveur.")
	}
	return s.cfg.Primo, nil
}

// pageError sends the browser back to the form's page with an error code
// it explains (no personal data in the address).
func (s *Server) pageError(w http.ResponseWriter, r *http.Request, err error) {
	code := "echec"
	switch erpps.ErrorCode(err) {
	case erpps.EUNAVAILABLE:
		code = "indisponible"
	case erpps.EINTERNAL:
		s.log.Error("server: FranceConnect sign-in", slog.String("error", err.Error()))
	}
	if r.URL.Query().Get("error") != "" {
		code = "annulee" // the person cancelled at FranceConnect
	}
	http.Redirect(w, r, registrationPage+"?erreur="+url.QueryEscape(code), http.StatusFound)
}

// franceConnectLogin serves GET /api/v1/franceconnect/login: to
// FranceConnect, the sign-in kept in a short cookie.
func (s *Server) franceConnectLogin(w http.ResponseWriter, r *http.Request, _ *caller) error {
	svc, err := s.primoService()
	if err != nil {
		s.pageError(w, r, err)
		return nil
	}
	login, err := svc.Start(r.Context())
	if err != nil {
		s.pageError(w, r, err)
		return nil
	}
	http.SetCookie(w, &http.Cookie{Name: loginCookie, Value: login.State + "." + login.Nonce + "." + login.Verifier,
		Path: "/api/v1/franceconnect/", HttpOnly: true, Secure: secureRequest(r), SameSite: http.SameSiteLaxMode, MaxAge: 600})
	w.Header().Set("Cache-Control", "no-store")
	http.Redirect(w, r, login.URL, http.StatusFound)
	return nil
}

// keptLogin reads the sign-in kept by this browser, nil when none.
func keptLogin(r *http.Request) *primo.Login {
	ck, err := r.Cookie(loginCookie)
	if err != nil {
		return nil
	}
	parts := strings.Split(ck.Value, ".")
	if len(parts) != 3 {
		return nil
	}
	return &primo.Login{State: parts[0], Nonce: parts[1], Verifier: parts[2]}
}

// franceConnectCallback serves GET /api/v1/franceconnect/callback: the
// identity checked, a FranceConnect session opened, to the form.
func (s *Server) franceConnectCallback(w http.ResponseWriter, r *http.Request, _ *caller) error {
	http.SetCookie(w, &http.Cookie{Name: loginCookie, Path: "/api/v1/franceconnect/", HttpOnly: true, Secure: secureRequest(r),
		SameSite: http.SameSiteLaxMode, MaxAge: -1})
	svc, err := s.primoService()
	if err != nil {
		s.pageError(w, r, err)
		return nil
	}
	q := r.URL.Query()
	token, err := svc.Finish(r.Context(), primo.Callback{Code: q.Get("code"), State: q.Get("state"), Error: q.Get("error"), Kept: keptLogin(r)})
	if err != nil {
		s.pageError(w, r, err)
		return nil
	}
	ttl := svc.SessionTTL
	if ttl <= 0 {
		ttl = primo.DefaultSessionTTL
	}
	http.SetCookie(w, franceConnectSessionCookie(r, token, int(ttl/time.Second)))
	w.Header().Set("Cache-Control", "no-store")
	http.Redirect(w, r, registrationPage, http.StatusFound)
	return nil
}

func franceConnectSessionCookie(r *http.Request, token string, maxAge int) *http.Cookie {
	return &http.Cookie{Name: franceConnectCookie, Value: token, Path: "/api/v1/", HttpOnly: true, Secure: secureRequest(r),
		SameSite: http.SameSiteStrictMode, MaxAge: maxAge}
}

// franceConnectToken is the FranceConnect session's token of r ("" when none).
func franceConnectToken(r *http.Request) string {
	ck, err := r.Cookie(franceConnectCookie)
	if err != nil {
		return ""
	}
	return ck.Value
}

// franceConnectSignOut serves DELETE /api/v1/franceconnect/session.
func (s *Server) franceConnectSignOut(w http.ResponseWriter, r *http.Request, _ *caller) error {
	svc, err := s.primoService()
	if err != nil {
		return err
	}
	if !sameOrigin(r) {
		return erpps.Errorf(erpps.EFORBIDDEN, "Requête d'un autre site refusée.")
	}
	if err := svc.SignOut(r.Context(), franceConnectToken(r)); err != nil {
		return err
	}
	http.SetCookie(w, franceConnectSessionCookie(r, "", -1))
	w.WriteHeader(http.StatusNoContent)
	return nil
}

// registrationStatus serves GET /api/v1/registration: the FranceConnect
// identity and the person's latest registration.
func (s *Server) registrationStatus(w http.ResponseWriter, r *http.Request, _ *caller) error {
	svc, err := s.primoService()
	if err != nil {
		return err
	}
	st, err := svc.Status(r.Context(), franceConnectToken(r))
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, st)
	return nil
}

// submitRegistration serves POST /api/v1/registration.
func (s *Server) submitRegistration(w http.ResponseWriter, r *http.Request, _ *caller) error {
	svc, err := s.primoService()
	if err != nil {
		return err
	}
	if !sameOrigin(r) {
		return erpps.Errorf(erpps.EFORBIDDEN, "Requête d'un autre site refusée.")
	}
	var f primo.Form
	if err := decode(w, r, s.maxBody, &f, false); err != nil {
		return err
	}
	reg, err := svc.Submit(r.Context(), franceConnectToken(r), f)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusCreated, reg)
	return nil
}

// registrationsList is GET /api/v1/registrations's reply.
type registrationsList struct {
	Items []*primo.Case `json:"items"`
}

// registrations serves GET /api/v1/registrations?status=: the agent's
// region's registrations.
func (s *Server) registrations(w http.ResponseWriter, r *http.Request, c *caller) error {
	svc, err := s.primoService()
	if err != nil {
		return err
	}
	for name := range r.URL.Query() {
		if name != "status" {
			return erpps.Invalid("Filtre inconnu.", erpps.FieldError{Field: name, Code: "unknown", Message: "Filtre inconnu."})
		}
	}
	items, err := svc.List(r.Context(), c.account, erpps.RegistrationStatus(r.URL.Query().Get("status")))
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, registrationsList{Items: items})
	return nil
}

// registration serves GET /api/v1/registrations/{id}.
func (s *Server) registration(w http.ResponseWriter, r *http.Request, c *caller) error {
	svc, err := s.primoService()
	if err != nil {
		return err
	}
	cs, err := svc.Get(r.Context(), c.account, r.PathValue("id"))
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, cs)
	return nil
}

// decideRegistration serves POST /api/v1/registrations/{id}/decisions.
func (s *Server) decideRegistration(w http.ResponseWriter, r *http.Request, c *caller) error {
	svc, err := s.primoService()
	if err != nil {
		return err
	}
	var d primo.Decision
	if err := decode(w, r, s.maxBody, &d, false); err != nil {
		return err
	}
	cs, err := svc.Decide(r.Context(), c.account, r.PathValue("id"), d)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, cs)
	return nil
}
