package app

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"errors"
	"fmt"
	"net"
	"net/http"
	"strings"

	"erpps/backend/erpps"
)

// WebAuth is browser mode's per-run secret, as Jupyter does it: a random
// token, printed at start in the address to open and nowhere else (never in
// erpps.log), exchanged on first load for a SameSite=Strict, HttpOnly
// cookie. Every request but that exchange needs the cookie: another local
// user, or a page of another site, cannot call the methods.
type WebAuth struct {
	token  string
	cookie string // the cookie's value, derived from the token
}

// NewWebAuth draws a new secret.
func NewWebAuth() (*WebAuth, error) {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		return nil, fmt.Errorf("app: unable to draw the browser mode's secret: %w", err)
	}
	return newWebAuth(base64.RawURLEncoding.EncodeToString(b)), nil
}

func newWebAuth(token string) *WebAuth {
	mac := hmac.New(sha256.New, []byte(token))
	mac.Write([]byte("erpps session cookie"))
	return &WebAuth{token: token, cookie: base64.RawURLEncoding.EncodeToString(mac.Sum(nil))}
}

// OpenURL is the address to open in the browser: the listener's address with
// the token.
func (w *WebAuth) OpenURL(addr net.Addr) string {
	return "http://" + addr.String() + "/?token=" + w.token
}

// cookieName holds the port: cookies ignore ports, and two erpps web on
// one computer must not overwrite each other's.
func cookieName(r *http.Request) string {
	_, port, err := net.SplitHostPort(r.Host)
	if err != nil || port == "" {
		port = "80"
	}
	return "erpps-session-" + port
}

var (
	msgNoSession = "Accès refusé : ouvrez eRPPS avec l'adresse affichée au lancement d'erpps web (elle contient un jeton d'accès), " +
		"dans ce navigateur."
	msgBadSecret = "Accès refusé : le jeton ou la session ne correspond pas à cette exécution d'erpps web. " +
		"Ouvrez l'adresse affichée à son dernier lancement."
)

// require lets through the requests that carry the session cookie and
// exchanges the token of the printed address for it.
func (w *WebAuth) require(next http.Handler) http.Handler {
	return http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
		api := strings.HasPrefix(r.URL.Path, "/api/")
		q := r.URL.Query()
		if !api && q.Has("token") && (r.Method == http.MethodGet || r.Method == http.MethodHead) {
			if !equal(q.Get("token"), w.token) {
				refuse(rw, api, http.StatusForbidden, msgBadSecret)
				return
			}
			http.SetCookie(rw, &http.Cookie{
				Name: cookieName(r), Value: w.cookie, Path: "/",
				HttpOnly: true, SameSite: http.SameSiteStrictMode,
			})
			q.Del("token")
			target := *r.URL
			target.RawQuery = q.Encode()
			target.Scheme, target.Host = "", ""
			http.Redirect(rw, r, target.String(), http.StatusSeeOther)
			return
		}
		c, err := r.Cookie(cookieName(r))
		switch {
		case errors.Is(err, http.ErrNoCookie):
			refuse(rw, api, http.StatusUnauthorized, msgNoSession)
		case err != nil || !equal(c.Value, w.cookie):
			refuse(rw, api, http.StatusForbidden, msgBadSecret)
		default:
			next.ServeHTTP(rw, r)
		}
	})
}

// equal compares secrets in constant time.
func equal(got, want string) bool {
	return subtle.ConstantTimeCompare([]byte(got), []byte(want)) == 1
}

// refuse answers an API call with the JSON error {code, message}, a page
// load with the message as a page.
func refuse(w http.ResponseWriter, api bool, status int, message string) {
	if api {
		writeJSON(w, status, &erpps.Error{Code: erpps.EFORBIDDEN, Message: message})
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	fmt.Fprintf(w, "<!doctype html><html lang=\"fr\"><meta charset=\"utf-8\"><title>eRPPS – accès refusé</title>"+
		"<main style=\"font-family:sans-serif;max-width:40em;margin:4em auto\"><h1>Accès refusé</h1><p>%s</p></main></html>\n", message)
}

// CheckLoopback refuses a listen address that other computers could reach:
// browser mode serves this computer only. The host must be a loopback
// address or localhost; an empty host (":8080") means every address.
func CheckLoopback(addr string) error {
	host, _, err := net.SplitHostPort(addr)
	ok := err == nil && host != ""
	if ok && host != "localhost" {
		ip := net.ParseIP(host)
		ok = ip != nil && ip.IsLoopback()
	}
	if !ok {
		return erpps.Errorf(erpps.EINVALID, "l'adresse d'écoute « %s » est refusée : erpps web ne sert que cet ordinateur. "+
			"Indiquez une adresse de boucle locale, par exemple --addr 127.0.0.1:8080 (ou [::1]:8080, localhost:8080).", addr)
	}
	return nil
}
