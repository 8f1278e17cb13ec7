package app

import (
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"
	"strings"
	"time"

	"erpps/backend/attestation"
	"erpps/backend/erpps"
	"erpps/backend/syncclient"
)

// serverLink is the desktop's signed-in connection to the eRPPS server.
type serverLink struct {
	URL   string       // the server's root (https://…), without a trailing slash
	Token string       // the device's bearer token: never logged
	HTTP  *http.Client // trusts the configured CA
}

// link returns the server this computer is signed in to; errNoServerLink
// when none is configured or it is signed out.
func (m *syncManager) link(ctx context.Context) (*serverLink, error) {
	if !m.available() {
		return nil, errNoServerLink
	}
	s, _, _ := m.settings()
	if s.Account == nil || s.URL == "" {
		return nil, errNoServerLink
	}
	token, err := loadToken(ctx, m.deps.Settings)
	if err != nil {
		return nil, err
	}
	if token == "" {
		return nil, errNoServerLink
	}
	newHTTP := m.deps.HTTPClient
	if newHTTP == nil {
		newHTTP = syncclient.NewHTTPClient
	}
	hc, err := newHTTP(s.CAFile)
	if err != nil {
		return nil, err
	}
	return &serverLink{URL: s.URL, Token: token, HTTP: hc}, nil
}

// serverAttestationTimeout bounds the fetch of an attestation from the
// server; past it, the desktop issues its offline preview.
const serverAttestationTimeout = 20 * time.Second

// maxAttestationBytes bounds the PDF read from the server.
const maxAttestationBytes = 16 << 20

// errServerAttestation marks a fetch from the server that gave no PDF.
var errServerAttestation = errors.New("app: no attestation from the server")

// issueAttestation hands the practitioner's attestation to deliver: the one
// the server signs with the authority's key when the desktop is signed in
// to a server that answers, the local offline preview otherwise (no server
// configured, not signed in, server unreachable or refusing). The server
// takes its number once it sent the whole PDF: a deliver that fails
// afterwards cannot give it back, as a browser's failed save could not.
func (a *App) issueAttestation(ctx context.Context, rpps string, deliver func(*attestation.Issued) error) error {
	if issued, err := a.fetchServerAttestation(ctx, rpps); err == nil {
		return deliver(issued)
	} else if !errors.Is(err, errNoServerLink) && a.deps.Log != nil {
		// The cause without the address or the token: the code or status only.
		a.deps.Log.WithField("cause", fetchCause(err)).Warn("attestation from the server unavailable: offline preview issued")
	}
	_, err := a.deps.Attestations.Issue(ctx, rpps, deliver)
	return err
}

// errNoServerLink: no server configured, or signed out.
var errNoServerLink = errors.New("app: not signed in to a server")

// fetchServerAttestation downloads the attestation from the server the
// desktop is signed in to (GET /api/v1/practitioners/{rpps}/attestation).
func (a *App) fetchServerAttestation(ctx context.Context, rpps string) (*attestation.Issued, error) {
	link, err := a.sync.link(ctx)
	if err != nil {
		return nil, err
	}
	ctx, cancel := context.WithTimeout(ctx, serverAttestationTimeout)
	defer cancel()
	u := strings.TrimSuffix(link.URL, "/") + "/api/v1/practitioners/" + url.PathEscape(rpps) + "/attestation"
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", errServerAttestation, err)
	}
	req.Header.Set("Authorization", "Bearer "+link.Token)
	req.Header.Set("Accept", "application/pdf")
	res, err := link.HTTP.Do(req)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", errServerAttestation, err)
	}
	defer res.Body.Close()
	if res.StatusCode != http.StatusOK {
		return nil, &statusError{status: res.StatusCode}
	}
	if ct, _, _ := mime.ParseMediaType(res.Header.Get("Content-Type")); ct != "application/pdf" {
		return nil, fmt.Errorf("%w: content type %q", errServerAttestation, ct)
	}
	pdf, err := io.ReadAll(io.LimitReader(res.Body, maxAttestationBytes+1))
	if err != nil {
		return nil, fmt.Errorf("%w: %w", errServerAttestation, err)
	}
	if len(pdf) > maxAttestationBytes || !strings.HasPrefix(string(pdf), "%PDF-") {
		return nil, fmt.Errorf("%w: not a PDF (%d bytes)", errServerAttestation, len(pdf))
	}
	name := ""
	if _, params, err := mime.ParseMediaType(res.Header.Get("Content-Disposition")); err == nil {
		name = params["filename"]
	}
	if name == "" || strings.ContainsAny(name, `/\`) {
		name = "attestation-rpps-" + rpps + ".pdf"
	}
	return &attestation.Issued{FileName: name, PDF: pdf}, nil
}

// statusError is a reply of the server other than 200.
type statusError struct{ status int }

func (e *statusError) Error() string {
	return fmt.Sprintf("%v: HTTP %d", errServerAttestation, e.status)
}

// fetchCause says why a fetch failed, without the address or the token.
func fetchCause(err error) string {
	var se *statusError
	var ue *url.Error
	switch {
	case errors.As(err, &se):
		return fmt.Sprintf("HTTP %d", se.status)
	case errors.Is(err, context.DeadlineExceeded):
		return "timeout"
	case errors.As(err, &ue):
		return "unreachable"
	}
	return string(erpps.ErrorCode(err))
}
