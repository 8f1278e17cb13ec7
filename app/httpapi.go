package app

import (
	"encoding/json"
	"errors"
	"io"
	"io/fs"
	"net"
	"net/http"
	"strings"

	"erpps/backend/erpps"
)

// maxBody bounds a request's arguments.
const maxBody = 1 << 20

// NewHTTPHandler serves browser mode: the embedded UI at / and every bound
// method of a at POST /api/{method}, arguments as a JSON array, the result or
// an error {code, message, fields} as JSON. Every request needs auth's
// session cookie (see WebAuth); a nil auth is refused.
func NewHTTPHandler(a *App, assets fs.FS, auth *WebAuth) (http.Handler, error) {
	if auth == nil {
		return nil, errors.New("app: browser mode needs its per-run secret")
	}
	methods, err := methodsOf(a)
	if err != nil {
		return nil, err
	}
	mux := http.NewServeMux()
	mux.HandleFunc("POST /api/{method}", func(w http.ResponseWriter, r *http.Request) {
		m, ok := methods[r.PathValue("method")]
		if !ok {
			writeError(w, a, erpps.NotFound("Cette fonction n'existe pas."))
			return
		}
		if !strings.HasPrefix(r.Header.Get("Content-Type"), "application/json") {
			writeError(w, a, erpps.Errorf(erpps.EINVALID, "Requête refusée : le contenu doit être du JSON."))
			return
		}
		body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxBody))
		if err != nil {
			writeError(w, a, erpps.Errorf(erpps.EINVALID, "Requête trop volumineuse."))
			return
		}
		// The provider redirects a Pro Santé Connect login to this very
		// address (the Host header is a loopback one: guard checked it).
		result, err := m.call(withOrigin(r.Context(), "http://"+r.Host), body)
		if err != nil {
			writeError(w, a, err)
			return
		}
		writeJSON(w, http.StatusOK, result)
	})
	for _, route := range a.httpRoutes() {
		mux.HandleFunc(route.pattern, route.handler)
	}
	mux.Handle("GET /", spaHandler(assets))
	// The provider's redirect carries no session cookie (SameSite=Strict):
	// its single-use state is checked instead.
	outer := http.NewServeMux()
	outer.HandleFunc("GET /callback", a.webCallback)
	outer.Handle("/", auth.require(mux))
	return guard(bounded(outer, writeTimeout)), nil
}

// httpRoute is a route of browser mode that is not a bound method (a file
// download, for instance).
type httpRoute struct {
	pattern string
	handler http.HandlerFunc
}

func (a *App) httpRoutes() []httpRoute {
	return []httpRoute{{"GET /api/attestation/{file}", a.downloadAttestation}, {"GET /api/events", a.serveEvents}}
}

func writeError(w http.ResponseWriter, a *App, err error) {
	e := a.formatError(err)
	writeJSON(w, erpps.HTTPStatus(e.Code), e)
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

// guard refuses requests that a web page of another site could forge against
// this local server (CSRF, DNS rebinding) and sets protective headers.
func guard(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !loopbackOrSameHost(r) {
			http.Error(w, "Hôte refusé.", http.StatusForbidden)
			return
		}
		if origin := r.Header.Get("Origin"); origin != "" && origin != "http://"+r.Host && origin != "https://"+r.Host {
			http.Error(w, "Origine refusée.", http.StatusForbidden)
			return
		}
		// Browsers say where a request comes from: another site's page may
		// not call the API, even with a GET (an attestation download).
		if site := r.Header.Get("Sec-Fetch-Site"); strings.HasPrefix(r.URL.Path, "/api/") && site != "" && site != "same-origin" && site != "none" {
			http.Error(w, "Requête d'un autre site refusée.", http.StatusForbidden)
			return
		}
		h := w.Header()
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; font-src 'self' data:; frame-ancestors 'none'")
		next.ServeHTTP(w, r)
	})
}

// loopbackOrSameHost accepts Host headers naming a loopback address or
// localhost: browser mode is meant for this computer (or a kiosk's own browser).
func loopbackOrSameHost(r *http.Request) bool {
	host := r.Host
	if h, _, err := net.SplitHostPort(host); err == nil {
		host = h
	}
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(strings.Trim(host, "[]"))
	return ip != nil && ip.IsLoopback()
}

// spaHandler serves the built UI; unknown paths get index.html so that deep
// links work.
func spaHandler(assets fs.FS) http.Handler {
	files := http.FileServerFS(assets)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		name := strings.TrimPrefix(r.URL.Path, "/")
		if name == "" {
			name = "index.html"
		}
		if _, err := fs.Stat(assets, name); errors.Is(err, fs.ErrNotExist) {
			if _, err := fs.Stat(assets, "index.html"); err != nil {
				http.Error(w, "Interface non construite : lancez « make frontend ».", http.StatusServiceUnavailable)
				return
			}
			r.URL.Path = "/"
		}
		files.ServeHTTP(w, r)
	})
}
