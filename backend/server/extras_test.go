package server

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"erpps/backend/attestation"
	"erpps/backend/signing"
)

// keyList is a KeySource with fixed keys.
type keyList []PublicKey

func (k keyList) PublicKeys(context.Context) ([]PublicKey, error) { return k, nil }

func TestKeys(t *testing.T) {
	e := newEnv(t)
	if r := e.do(call{method: "GET", path: "/api/v1/keys"}); r.status != http.StatusServiceUnavailable {
		t.Fatalf("keys without a source: %d %s", r.status, r.body)
	}
	seed, err := signing.GenerateSeed()
	if err != nil {
		t.Fatal(err)
	}
	signer, err := signing.NewLocalSigner(seed)
	if err != nil {
		t.Fatal(err)
	}
	e.srv.cfg.Keys = keyList{{KeyID: signer.KeyID(), Algorithm: "Ed25519", PublicKey: signer.PublicKey(), Current: true}}
	r := e.do(call{method: "GET", path: "/api/v1/keys"})
	var got keysReply
	r.json(t, &got)
	if r.status != http.StatusOK || len(got.Keys) != 1 || !bytes.Equal(got.Keys[0].PublicKey, signer.PublicKey()) || got.Keys[0].KeyID != signer.KeyID() {
		t.Fatalf("keys: %d %s", r.status, r.body)
	}
	if len(got.Keys[0].PublicKey) != ed25519.PublicKeySize {
		t.Fatalf("public key of %d bytes", len(got.Keys[0].PublicKey))
	}
}

// The attestation route serves the PDF signed by the authority to whoever
// may read the record, and takes a number only then.
func TestAttestation(t *testing.T) {
	e := newEnv(t)
	seed, err := signing.GenerateSeed()
	if err != nil {
		t.Fatal(err)
	}
	signer, err := signing.NewLocalSigner(seed)
	if err != nil {
		t.Fatal(err)
	}
	renderer, err := attestation.NewRenderer()
	if err != nil {
		t.Fatal(err)
	}
	e.srv.cfg.Attestations = &attestation.Issuer{Practitioners: e.store, Registry: e.store, Catalog: e.cat, Signer: signer,
		Verifier: signing.NewKeyRing(signer.PublicKey()), Renderer: renderer, Now: time.Now}
	path := "/api/v1/practitioners/" + e.a.RPPS + "/attestation"
	if r := e.do(call{method: "GET", path: path, token: e.signIn(e.b.RPPS)}); r.status != http.StatusNotFound {
		t.Fatalf("B's attestation of A: %d", r.status)
	}
	year := time.Now().Year()
	first, err := e.store.PeekAttestationNumber(t.Context(), year)
	if err != nil {
		t.Fatal(err)
	}
	tokenA := e.signIn(e.a.RPPS)
	head := httptest.NewRequest("HEAD", path, nil)
	head.Header.Set("Authorization", "Bearer "+tokenA)
	rec := httptest.NewRecorder()
	e.srv.handler.ServeHTTP(rec, head)
	if rec.Code != http.StatusOK {
		t.Fatalf("HEAD attestation: %d", rec.Code)
	}
	if next, err := e.store.PeekAttestationNumber(t.Context(), year); err != nil || next != first {
		t.Fatalf("a HEAD request took number %s (next is %s, %v)", first, next, err)
	}
	r := e.do(call{method: "GET", path: path, token: tokenA})
	if r.status != http.StatusOK || !bytes.HasPrefix(r.body, []byte("%PDF-")) || !strings.Contains(r.header.Get("Content-Disposition"), "attachment") {
		t.Fatalf("attestation: %d %q %.20q", r.status, r.header.Get("Content-Type"), r.body)
	}
	if a, err := e.store.FindAttestation(t.Context(), first); err != nil || a.RPPS != e.a.RPPS {
		t.Fatalf("the attestation delivered is not recorded as %s: %+v, %v", first, a, err)
	}
}

func TestFrontEndServed(t *testing.T) {
	e := newEnv(t)
	assets := fstest.MapFS{
		"index.html":         {Data: []byte("<!doctype html><html><head><title>eRPPS</title></head><body></body></html>")},
		"assets/app-1234.js": {Data: []byte("console.log('ok')")},
	}
	cfg := e.srv.cfg
	cfg.Assets = assets
	h, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	get := func(path string) *httptest.ResponseRecorder {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest("GET", path, nil))
		return rec
	}
	for _, path := range []string{"/", "/index.html", "/backoffice/demandes/123"} {
		rec := get(path)
		if rec.Code != http.StatusOK || !strings.Contains(rec.Body.String(), `<head>`+"\n    "+ModeMeta+`<title>`) {
			t.Errorf("GET %s: %d %s", path, rec.Code, rec.Body)
		}
	}
	if rec := get("/assets/app-1234.js"); rec.Code != http.StatusOK || rec.Body.String() != "console.log('ok')" {
		t.Errorf("asset: %d %s", rec.Code, rec.Body)
	}
	if rec := get("/api/v1/nothing"); rec.Code != http.StatusNotFound || !strings.Contains(rec.Header().Get("Content-Type"), "json") {
		t.Errorf("an unknown API path falls to the front end: %d %s", rec.Code, rec.Body)
	}
	if rec := get("/healthz"); rec.Code != http.StatusOK {
		t.Errorf("healthz with the front end: %d", rec.Code)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("POST", "/", nil))
	if rec.Code != http.StatusMethodNotAllowed {
		t.Errorf("POST /: %d", rec.Code)
	}
	if _, err := New(Config{}); err == nil {
		t.Error("New without a store succeeded")
	}
}
