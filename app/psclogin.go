package app

import (
	"context"
	"errors"
	"fmt"
	"html"
	"net"
	"net/http"
	"net/url"
	"strings"
	"time"

	"erpps/backend/erpps"
	"erpps/backend/identifiers"
)

// errNoPSC refuses a login where Pro Santé Connect cannot be used.
var errNoPSC = erpps.Errorf(erpps.EUNAVAILABLE, "La connexion avec Pro Santé Connect n'est pas disponible dans ce mode.")

// originKey carries browser mode's own address ("http://127.0.0.1:8080")
// in a method's context: the provider redirects there.
type originKey struct{}

func withOrigin(ctx context.Context, origin string) context.Context {
	return context.WithValue(ctx, originKey{}, origin)
}

func originOf(ctx context.Context) (string, bool) {
	o, ok := ctx.Value(originKey{}).(string)
	return o, ok && o != ""
}

// StartProSanteConnect starts the practitioner's login with Pro Santé
// Connect (OpenID Connect, authorization code with PKCE). On the desktop
// the system's browser opens the provider's page and the redirect comes
// back to a loopback port of this computer ("connection:changed" tells the
// end); in browser mode the page goes to AuthURL and comes back to erpps
// web's /callback.
func (a *App) StartProSanteConnect() (*LoginStart, error) {
	m := a.sync
	if !m.available() || a.deps.OIDC == nil || a.deps.OIDC.New == nil {
		return nil, errNoPSC
	}
	s, _, _ := m.settings()
	base, caFile := s.URL, s.CAFile
	if base == "" {
		base, caFile = m.deps.URL, m.deps.CAFile
	}
	if strings.TrimSpace(base) == "" {
		return nil, erpps.Errorf(erpps.EINVALID, "Aucun serveur eRPPS n'est indiqué sur ce poste : saisissez l'adresse donnée par votre ARS "+
			"sur la page « Serveur eRPPS », puis connectez-vous avec Pro Santé Connect.")
	}
	base, err := checkServerURL(base)
	if err != nil {
		return nil, err
	}
	hc, err := m.httpClient(caFile)
	if err != nil {
		return nil, err
	}
	client, err := a.psc.clientFor(a.ctx, a.deps.OIDC, m.issuer(base), hc)
	if err != nil {
		return nil, err
	}
	p := &pendingLogin{hc: hc, base: storedServer{URL: base, CAFile: caFile}}
	if a.deps.Info.Mode == ModeWeb {
		origin, ok := originOf(a.ctx)
		if !ok {
			return nil, errNoPSC
		}
		if p.auth, err = client.Authorize(origin + "/callback"); err != nil {
			return nil, erpps.Internal(err)
		}
		a.keepLogin(p)
		return &LoginStart{AuthURL: p.auth.URL, Navigate: true}, nil
	}
	if a.deps.OIDC.OpenURL == nil {
		return nil, errNoPSC
	}
	if err := a.listenLoopback(client, p); err != nil {
		return nil, err
	}
	if err := a.deps.OIDC.OpenURL(a.ctx, p.auth.URL); err != nil {
		a.psc.cancel()
		return nil, &erpps.Error{Code: erpps.EUNAVAILABLE, Err: err, Message: "Le navigateur de ce poste n'a pas pu être ouvert : " +
			"ouvrez-le, puis réessayez."}
	}
	return &LoginStart{AuthURL: p.auth.URL}, nil
}

// CancelProSanteConnect gives up the login under way (« Quitter
// l'authentification »): its redirect will be refused.
func (a *App) CancelProSanteConnect() error {
	if a.psc.cancel() {
		a.events.Emit(EventConnection, ConnectionChanged{State: "cancelled"})
	}
	return nil
}

// keepLogin makes p the login under way, for loginTimeout at most.
func (a *App) keepLogin(p *pendingLogin) {
	p.timer = time.AfterFunc(loginTimeout, func() {
		if a.psc.take(p.auth.State) != nil {
			if p.close != nil {
				p.close()
			}
			a.events.Emit(EventConnection, ConnectionChanged{State: "failed",
				Message: "La connexion n'a pas abouti dans les 10 minutes : recommencez."})
		}
	})
	a.psc.replace(p)
}

// listenLoopback listens on a loopback port for the provider's redirect
// (RFC 8252) and prepares the authorization that comes back there.
func (a *App) listenLoopback(client OIDCClient, p *pendingLogin) error {
	listen := a.deps.OIDC.ListenLoopback
	if listen == nil {
		listen = func() (net.Listener, error) { return net.Listen("tcp", "127.0.0.1:0") }
	}
	ln, err := listen()
	if err != nil {
		return erpps.Internal(fmt.Errorf("app: unable to listen for the login's redirect: %w", err))
	}
	auth, err := client.Authorize("http://" + ln.Addr().String() + "/callback")
	if err != nil {
		_ = ln.Close()
		return erpps.Internal(err)
	}
	p.auth = auth
	mux := http.NewServeMux()
	mux.HandleFunc("GET /callback", a.loopbackCallback)
	srv := &http.Server{Handler: mux, ReadHeaderTimeout: readHeaderTimeout}
	p.close = func() {
		// The page of the answer is written first (Shutdown waits for it).
		go func() {
			ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
			defer cancel()
			_ = srv.Shutdown(ctx)
		}()
	}
	go func() { _ = srv.Serve(ln) }()
	a.keepLogin(p)
	return nil
}

// loopbackCallback receives the provider's redirect on the desktop: the
// browser shows a page saying to go back to the application, which the
// event "connection:changed" brings to the practitioner's portal.
func (a *App) loopbackCallback(w http.ResponseWriter, r *http.Request) {
	p := a.psc.take(r.URL.Query().Get("state"))
	if p == nil {
		loginPage(w, http.StatusBadRequest, "Connexion non aboutie", "Cette connexion n'est plus attendue par eRPPS Desktop : recommencez depuis l'application.", "")
		return
	}
	defer p.close()
	rpps, err := a.completeLogin(r.Context(), p, r.URL.Query())
	if err != nil {
		msg := erpps.AsError(err).Message
		a.events.Emit(EventConnection, ConnectionChanged{State: "failed", Message: msg})
		loginPage(w, http.StatusOK, "Connexion non aboutie", msg+" Revenez à eRPPS Desktop pour réessayer.", "")
		return
	}
	a.events.Emit(EventConnection, ConnectionChanged{State: "connected", RPPS: rpps})
	loginPage(w, http.StatusOK, "Vous êtes connecté", "Revenez à la fenêtre d'eRPPS Desktop : votre portail s'y est ouvert. Vous pouvez fermer cet onglet.", "")
}

// webCallback receives the provider's redirect in browser mode and opens
// the practitioner's portal. It needs no session cookie (a redirect from
// another site does not carry a SameSite=Strict one): the single-use state
// is what it checks; the portal is then opened from this page, same-site.
func (a *App) webCallback(w http.ResponseWriter, r *http.Request) {
	p := a.psc.take(r.URL.Query().Get("state"))
	if p == nil {
		loginPage(w, http.StatusBadRequest, "Connexion non aboutie", "Cette connexion n'est plus attendue : recommencez depuis l'accueil.", "/")
		return
	}
	rpps, err := a.completeLogin(r.Context(), p, r.URL.Query())
	if err != nil {
		loginPage(w, http.StatusOK, "Connexion non aboutie", erpps.AsError(err).Message, "/")
		return
	}
	a.events.Emit(EventConnection, ConnectionChanged{State: "connected", RPPS: rpps})
	target := "/#/pro/" + url.PathEscape(rpps)
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	fmt.Fprintf(w, "<!doctype html><html lang=\"fr\"><meta charset=\"utf-8\"><meta http-equiv=\"refresh\" content=\"0;url=%s\">"+
		"<title>eRPPS – connexion</title><main style=\"font-family:sans-serif;max-width:40em;margin:4em auto\"><h1>Vous êtes connecté</h1>"+
		"<p><a href=\"%s\">Ouvrir votre portail</a></p></main></html>\n", html.EscapeString(target), html.EscapeString(target))
}

// loginPage is the page the browser shows at the end of a login.
func loginPage(w http.ResponseWriter, status int, title, message, back string) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	link := ""
	if back != "" {
		link = "<p><a href=\"" + html.EscapeString(back) + "\">Retour à l'accueil</a></p>"
	}
	fmt.Fprintf(w, "<!doctype html><html lang=\"fr\"><meta charset=\"utf-8\"><title>eRPPS – %s</title>"+
		"<main style=\"font-family:sans-serif;max-width:40em;margin:4em auto\"><h1>%s</h1><p>%s</p>%s</main></html>\n",
		html.EscapeString(title), html.EscapeString(title), html.EscapeString(message), link)
}

// completeLogin exchanges the redirect's code for tokens, keeps them and
// makes the practitioner the actor of this computer. It returns the RPPS.
func (a *App) completeLogin(ctx context.Context, p *pendingLogin, query url.Values) (string, error) {
	m := a.sync
	client, err := a.psc.clientFor(ctx, a.deps.OIDC, m.issuer(p.base.URL), p.hc)
	if err != nil {
		return "", err
	}
	sess, err := client.Complete(ctx, p.auth, query)
	if err != nil {
		return "", loginRefusal(err)
	}
	rpps, err := rppsOfIDNPS(sess.IDNPS)
	if err != nil {
		a.revokeQuietly(ctx, client, sess.RefreshToken, sess.AccessToken)
		return "", err
	}
	name := strings.TrimSpace(sess.GivenName + " " + sess.FamilyName)
	if name == "" {
		name = "Professionnel " + rpps
	}
	acct := &erpps.Account{ID: rpps, Login: rpps, Role: erpps.RoleProfessional, Name: name, RPPS: rpps}
	ctx = context.WithoutCancel(ctx)
	if err := m.signedInWithPSC(ctx, p.base, acct, sess); err != nil {
		return "", err
	}
	// Another record open on this computer is closed: the practitioner
	// acts on theirs only.
	if cur, err := a.sessions.get(); err == nil && cur.Principal != rpps {
		a.endSession(EndReplaced)
	}
	a.sessions.actAs(acct.Actor())
	if a.deps.Log != nil {
		a.deps.Log.Info("signed in with Pro Santé Connect")
	}
	// A first login on this computer: the record comes with the first
	// synchronisation, waited for a moment.
	if _, err := a.deps.Practitioners.FindPractitionerByRPPS(ctx, rpps); erpps.ErrorCode(err) == erpps.ENOTFOUND {
		m.syncOnce(ctx, 30*time.Second)
	}
	return rpps, nil
}

// loginRefusal says why the provider's answer ended the login, in French.
func loginRefusal(err error) error {
	var e *erpps.Error
	if errors.As(err, &e) && e.Message != "" {
		return err
	}
	return &erpps.Error{Code: erpps.EUNAUTHORIZED, Err: err, Message: "La connexion avec Pro Santé Connect n'a pas abouti. " +
		"Vérifiez l'heure de votre téléphone et votre identifiant (un « 8 » devant votre numéro RPPS), puis réessayez."}
}

// rppsOfIDNPS reads the RPPS number of a national identifier "8" + RPPS.
func rppsOfIDNPS(idnps string) (string, error) {
	id, err := identifiers.ParseIDNPS(idnps)
	if err != nil || id.Type != "8" {
		return "", erpps.Errorf(erpps.EFORBIDDEN, "Pro Santé Connect n'a pas donné d'identifiant RPPS (« 8 » suivi du numéro RPPS) : "+
			"eRPPS est réservé aux professionnels enregistrés au RPPS.")
	}
	return id.ID, nil
}

// revokeQuietly revokes tokens at the provider when it can be reached.
func (a *App) revokeQuietly(ctx context.Context, client OIDCClient, refresh, access string) {
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
	defer cancel()
	for _, t := range []struct{ token, hint string }{{refresh, "refresh_token"}, {access, "access_token"}} {
		if t.token == "" {
			continue
		}
		if err := client.Revoke(ctx, t.token, t.hint); err != nil && a.deps.Log != nil {
			a.deps.Log.WithField("hint", t.hint).Warn("token not revoked at the provider")
		}
	}
}
