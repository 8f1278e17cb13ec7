package server

import (
	"fmt"
	"net/http"
	"regexp"
	"strings"

	goqr "github.com/piglig/go-qr"

	"erpps/backend/erpps"
)

// The phone companion's QR code, drawn as SVG for the connection page (the
// front end has no QR encoder of its own): it holds the address of
// /mobile on this server, as the computer's browser reached it, with the
// practitioner's identifier in the fragment when given (so that the phone's
// request never carries it).

// companionHost is what a Host header may be: a name or an address, and a port.
var companionHost = regexp.MustCompile(`^(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9.-]+)(:[0-9]{1,5})?$`)

// companionIdentifier is an IDNPS of type RPPS: "8" and 11 digits.
var companionIdentifier = regexp.MustCompile(`^8[0-9]{11}$`)

// companionURL is the phone companion's address: under the server's public
// address when one is configured (a phone cannot reach the 127.0.0.1 a
// computer may browse), else on the server as r reached it.
func companionURL(r *http.Request, publicURL string) (string, error) {
	var u string
	if publicURL != "" {
		u = strings.TrimRight(publicURL, "/") + "/mobile"
	} else {
		if !companionHost.MatchString(r.Host) {
			return "", erpps.Errorf(erpps.EINVALID, "Adresse du serveur illisible.")
		}
		scheme := "http"
		if r.TLS != nil {
			scheme = "https"
		}
		u = scheme + "://" + r.Host + "/mobile"
	}
	if id := r.URL.Query().Get("identifiant"); id != "" {
		if !companionIdentifier.MatchString(id) {
			return "", erpps.Errorf(erpps.EINVALID, "L'identifiant doit être « 8 » suivi des 11 chiffres du numéro RPPS.")
		}
		u += "#identifiant=" + id
	}
	return u, nil
}

// companionSVG draws the QR code of text as an SVG image, with a quiet zone
// of four modules.
func companionSVG(text string) (string, error) {
	code, err := goqr.EncodeText(text, goqr.Medium)
	if err != nil {
		return "", fmt.Errorf("server: unable to encode the companion's QR code: %w", err)
	}
	const quiet = 4
	n := code.Size()
	var b strings.Builder
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %d %d" shape-rendering="crispEdges">`, n+2*quiet, n+2*quiet)
	b.WriteString(`<rect width="100%" height="100%" fill="#fff"/><path fill="#000" d="`)
	for y := range n {
		for x := range n {
			if code.Module(x, y) {
				fmt.Fprintf(&b, "M%d %dh1v1h-1z", x+quiet, y+quiet)
			}
		}
	}
	b.WriteString(`"/></svg>`)
	return b.String(), nil
}

// companionQR serves GET /api/v1/ecps/companion.svg.
func (s *Server) companionQR(w http.ResponseWriter, r *http.Request, _ *caller) error {
	u, err := companionURL(r, s.cfg.PublicURL)
	if err != nil {
		return err
	}
	svg, err := companionSVG(u)
	if err != nil {
		return err
	}
	h := w.Header()
	h.Set("Content-Type", "image/svg+xml")
	h.Set("Cache-Control", "no-store")
	_, _ = w.Write([]byte(svg))
	return nil
}
