package main

import (
	"context"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"erpps/backend/attestation"
	"erpps/backend/signing"
)

// attestationPayload downloads the practitioner's attestation and returns
// its text and the content of its QR code.
func attestationPayload(t *testing.T, baseURL, token, rpps string) (text, payload string) {
	t.Helper()
	for _, tool := range []string{"pdftotext", "pdftoppm", "zbarimg"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Fatalf("%s is needed (.ci/deps.sh test installs it): %v", tool, err)
		}
	}
	req, _ := http.NewRequest("GET", baseURL+"/api/v1/practitioners/"+rpps+"/attestation", nil)
	req.Header.Set("Authorization", "Bearer "+token)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	pdf, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusOK || resp.Header.Get("Content-Type") != "application/pdf" {
		t.Fatalf("attestation: %d %s", resp.StatusCode, pdf)
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "a.pdf")
	if err := os.WriteFile(path, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	if err := exec.Command("pdftoppm", "-r", "150", "-png", "-f", "1", "-l", "1", path, filepath.Join(dir, "page")).Run(); err != nil {
		t.Fatal(err)
	}
	pages, _ := filepath.Glob(filepath.Join(dir, "page*.png"))
	if len(pages) == 0 {
		t.Fatal("no page image")
	}
	qr, err := exec.Command("zbarimg", "--quiet", "--raw", pages[0]).Output()
	if err != nil {
		t.Fatalf("no QR code read: %v", err)
	}
	return string(out), strings.TrimSpace(string(qr))
}

// The server signs attestations with the authority's key, not as an offline
// preview; a desktop that keeps the published keys verifies them, and still
// does after a rotation.
func TestAttestationSignedByTheAuthority(t *testing.T) {
	data := t.TempDir()
	out, stderr, code := command(t, nil, "seed-demo", "--data", data)
	if code != 0 {
		t.Fatalf("seed-demo: %d %s", code, stderr)
	}
	p := parseSeed(t, out).professionals[0]
	s := startServer(t, nil, "--data", data)
	token, _, err := signIn(t, s.URL, p.login, p.password)
	if err != nil {
		t.Fatal(err)
	}
	text, first := attestationPayload(t, s.URL, token, p.login)
	if strings.Contains(text, "APERÇU HORS LIGNE") || strings.Contains(text, "sans valeur officielle") {
		t.Errorf("the authority's attestation is labelled an offline preview:\n%s", text)
	}
	ctx := context.Background()
	keys, err := signing.FetchAuthorityKeys(ctx, http.DefaultClient, s.URL)
	if err != nil {
		t.Fatal(err)
	}
	ring := signing.NewKeyRing()
	for _, k := range keys {
		_ = ring.Add(k.PublicKey)
	}
	v, err := attestation.Verify(first, ring)
	if err != nil || v.RPPS != p.login || v.KeyID != keys[0].KeyID || !keys[0].Current {
		t.Fatalf("verified %+v, %v; keys %+v", v, err, keys)
	}
	if code := s.stop(t); code != 0 {
		t.Fatal(s.stderr)
	}

	// Rotation: new attestations signed by the new key, the old ones still verify.
	if _, stderr, code := command(t, nil, "keys", "rotate", "--data", data); code != 0 {
		t.Fatal(stderr)
	}
	s = startServer(t, nil, "--data", data)
	defer s.stop(t)
	token, _, _ = signIn(t, s.URL, p.login, p.password)
	_, second := attestationPayload(t, s.URL, token, p.login)
	keys, err = signing.FetchAuthorityKeys(ctx, http.DefaultClient, s.URL)
	if err != nil || len(keys) != 2 {
		t.Fatalf("keys after rotation: %v %v", keys, err)
	}
	ring = signing.NewKeyRing()
	for _, k := range keys {
		_ = ring.Add(k.PublicKey)
	}
	for _, payload := range []string{first, second} {
		if _, err := attestation.Verify(payload, ring); err != nil {
			t.Errorf("after rotation, %q does not verify: %v", payload, err)
		}
	}
	if v2, _ := attestation.Verify(second, ring); v2.KeyID == v.KeyID || v2.KeyID != keys[0].KeyID {
		t.Errorf("the new attestation is signed by %s; keys %+v", v2.KeyID, keys)
	}
}
