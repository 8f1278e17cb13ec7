package syncclient

import (
	"bytes"
	"context"
	"crypto/tls"
	"crypto/x509"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptrace"
	"os"
	"sync/atomic"
	"time"

	"erpps/backend/erpps"
)

// msgUnreachable is said when the server cannot be reached at all.
const msgUnreachable = "Le serveur eRPPS est injoignable : les modifications seront envoyées dès le retour de la connexion."

// maxReply bounds a reply's body read into memory (a snapshot is the
// largest: every record and request of a secretary's practitioners).
const maxReply = 256 << 20

// netError is a failure to reach the server (connection refused, reset,
// TLS, timeout): the request may or may not have been delivered.
type netError struct{ err error }

func (e *netError) Error() string { return "syncclient: server unreachable: " + e.err.Error() }
func (e *netError) Unwrap() error { return e.err }

// undeliveredError is a failure before any request reached the server: no
// token, or no connection could be made (refused, DNS, TLS handshake,
// timeout while dialling). What the request carried was certainly not
// applied.
type undeliveredError struct{ err error }

func (e *undeliveredError) Error() string { return e.err.Error() }
func (e *undeliveredError) Unwrap() error { return e.err }

// undelivered tells whether err certainly never reached the server.
func undelivered(err error) bool {
	var ue *undeliveredError
	return errors.As(err, &ue)
}

// call sends one request to the server with the bearer token and decodes
// the JSON reply into out; an error reply becomes an *erpps.Error.
func (c *Client) call(ctx context.Context, method, path string, timeout time.Duration, in, out any) error {
	token, err := c.cfg.Token(ctx)
	if err != nil {
		return &undeliveredError{err: fmt.Errorf("syncclient: token: %w", err)}
	}
	if token == "" {
		return &undeliveredError{err: erpps.Errorf(erpps.EUNAUTHORIZED, "Connectez-vous au serveur eRPPS pour synchroniser.")}
	}
	var body io.Reader
	if in != nil {
		raw, err := json.Marshal(in)
		if err != nil {
			return fmt.Errorf("syncclient: unable to encode %s %s: %w", method, path, err)
		}
		body = bytes.NewReader(raw)
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	// A request goes out on a connection only: with none obtained (refused,
	// DNS, TLS handshake), the server certainly never saw it.
	var connected atomic.Bool
	ctx = httptrace.WithClientTrace(ctx, &httptrace.ClientTrace{GotConn: func(httptrace.GotConnInfo) { connected.Store(true) }})
	req, err := http.NewRequestWithContext(ctx, method, c.baseURL+path, body)
	if err != nil {
		return &undeliveredError{err: fmt.Errorf("syncclient: unable to build %s %s: %w", method, path, err)}
	}
	req.Header.Set("Authorization", "Bearer "+token)
	req.Header.Set("Accept", "application/json")
	if in != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	res, err := c.cfg.HTTP.Do(req)
	if err != nil {
		if !connected.Load() {
			return &undeliveredError{err: &netError{err: err}}
		}
		return &netError{err: err}
	}
	defer func() { _ = res.Body.Close() }()
	raw, err := io.ReadAll(io.LimitReader(res.Body, maxReply))
	if err != nil {
		return &netError{err: err}
	}
	if res.StatusCode < 200 || res.StatusCode > 299 {
		return replyError(res.StatusCode, raw)
	}
	if err := json.Unmarshal(raw, out); err != nil {
		// A reply cut short reads as a network failure: retried as one.
		return &netError{err: fmt.Errorf("%s %s: reply %d is not JSON: %w", method, path, res.StatusCode, err)}
	}
	return nil
}

// replyError turns an error reply {code, message, fields} into an
// *erpps.Error (a reply of another shape, e.g. from a proxy, by its status).
func replyError(status int, raw []byte) error {
	var e erpps.Error
	if err := json.Unmarshal(raw, &e); err == nil && e.Code != "" {
		return &erpps.Error{Code: e.Code, Message: e.Message, Fields: e.Fields, Err: fmt.Errorf("syncclient: server replied %d", status)}
	}
	cause := fmt.Errorf("syncclient: server replied %d without an error body", status)
	switch {
	case status == http.StatusUnauthorized:
		return &erpps.Error{Code: erpps.EUNAUTHORIZED, Message: "Votre session sur le serveur a expiré : reconnectez-vous.", Err: cause}
	case status == http.StatusForbidden:
		return &erpps.Error{Code: erpps.EFORBIDDEN, Message: "Le serveur refuse la synchronisation à ce compte.", Err: cause}
	case status == http.StatusRequestEntityTooLarge:
		return &erpps.Error{Code: erpps.ETOOLARGE, Message: "Le serveur refuse un envoi trop volumineux.", Err: cause}
	case status == http.StatusNotFound:
		return &erpps.Error{Code: erpps.ENOTFOUND, Message: "Ce serveur ne propose pas la synchronisation (adresse incorrecte ?).", Err: cause}
	}
	return &erpps.Error{Code: erpps.EUNAVAILABLE, Message: "Le serveur eRPPS est momentanément indisponible : nouvel essai automatique.", Err: cause}
}

// NewHTTPClient returns an HTTP client trusting the system's roots and,
// when caFile is not empty, the certificates of that PEM file (a private
// certification authority). It has no overall timeout: the sync client
// bounds each request.
func NewHTTPClient(caFile string) (*http.Client, error) {
	pool, err := x509.SystemCertPool()
	if err != nil || pool == nil {
		pool = x509.NewCertPool()
	}
	if caFile != "" {
		pem, err := os.ReadFile(caFile)
		if err != nil {
			return nil, &erpps.Error{Code: erpps.EINVALID, Message: "Le fichier de l'autorité de certification ne peut pas être lu.",
				Fields: []erpps.FieldError{{Field: "caFile", Code: erpps.EINVALID, Message: "Fichier illisible."}},
				Err:    fmt.Errorf("syncclient: unable to read the CA file: %w", err)}
		}
		if !pool.AppendCertsFromPEM(pem) {
			return nil, erpps.Invalid("Le fichier de l'autorité de certification ne contient aucun certificat PEM.",
				erpps.FieldError{Field: "caFile", Code: erpps.EINVALID, Message: "Aucun certificat PEM dans ce fichier."})
		}
	}
	base, ok := http.DefaultTransport.(*http.Transport)
	if !ok {
		return nil, errors.New("syncclient: the default transport is not an *http.Transport")
	}
	tr := base.Clone()
	tr.TLSClientConfig = &tls.Config{RootCAs: pool, MinVersion: tls.VersionTLS12}
	tr.ResponseHeaderTimeout = 0
	return &http.Client{Transport: tr}, nil
}
