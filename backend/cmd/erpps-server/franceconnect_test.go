package main

import (
	"encoding/json"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"erpps/backend/primo/primotest"
)

// TestFranceConnectConfig: no issuer closes the door; an issuer needs a
// client id and a secret, kept out of the command line and out of files
// others can read.
func TestFranceConnectConfig(t *testing.T) {
	dir := t.TempDir()
	private := filepath.Join(dir, "secret")
	shared := filepath.Join(dir, "shared")
	if err := os.WriteFile(private, []byte("s3cret\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(shared, []byte("s3cret\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		c    franceConnectConfig
		ok   bool
		open bool
	}{
		{"no issuer", franceConnectConfig{}, true, false},
		{"no client id", franceConnectConfig{Issuer: "https://fc.example", Secret: "s"}, false, false},
		{"no secret", franceConnectConfig{Issuer: "https://fc.example", ClientID: "c"}, false, false},
		{"a secret file others read", franceConnectConfig{Issuer: "https://fc.example", ClientID: "c", SecretFile: shared}, false, false},
		{"a missing secret file", franceConnectConfig{Issuer: "https://fc.example", ClientID: "c", SecretFile: filepath.Join(dir, "none")}, false, false},
		{"a private secret file", franceConnectConfig{Issuer: "https://fc.example", ClientID: "c", SecretFile: private}, true, true},
		{"the secret from the environment", franceConnectConfig{Issuer: "https://fc.example", ClientID: "c", Secret: "s"}, true, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fc, err := tt.c.client("127.0.0.1:8443", false)
			if (err == nil) != tt.ok || (fc != nil) != tt.open {
				t.Fatalf("client = %v, %v; want ok %v, open %v", fc, err, tt.ok, tt.open)
			}
		})
	}
}

// TestServeFranceConnect: erpps-server with a FranceConnect (mockoidc)
// signs a person in and opens the registration form's session.
func TestServeFranceConnect(t *testing.T) {
	fake := primotest.Start(t)
	cfg := fake.Config("http://127.0.0.1:1/api/v1/franceconnect/callback")
	srv := startServer(t, []string{envFranceConnectSecret + "=" + cfg.ClientSecret},
		"--data", t.TempDir(), "--franceconnect-issuer", cfg.Issuer, "--franceconnect-client-id", cfg.ClientID,
		"--franceconnect-scopes", strings.Join(cfg.Scopes, " "))
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := client.Get(srv.URL + "/api/v1/franceconnect/login")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusFound || !strings.HasPrefix(resp.Header.Get("Location"), cfg.Issuer) {
		t.Fatalf("login: %d to %q (%s)", resp.StatusCode, resp.Header.Get("Location"), srv.stderr)
	}
	fake.Queue(primotest.Angela())
	q := primotest.Authorize(t, resp.Header.Get("Location"))
	req, _ := http.NewRequest("GET", srv.URL+"/api/v1/franceconnect/callback?"+q.Encode(), nil)
	for _, c := range resp.Cookies() {
		req.AddCookie(c)
	}
	back, err := client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	back.Body.Close()
	if back.StatusCode != http.StatusFound || back.Header.Get("Location") != "/inscription" {
		t.Fatalf("callback: %d to %q", back.StatusCode, back.Header.Get("Location"))
	}
	req, _ = http.NewRequest("GET", srv.URL+"/api/v1/registration", nil)
	for _, c := range back.Cookies() {
		req.AddCookie(c)
	}
	st, err := client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Body.Close()
	var status struct {
		Identity struct {
			FamilyName string `json:"familyName"`
		} `json:"identity"`
	}
	if err := json.NewDecoder(st.Body).Decode(&status); err != nil || st.StatusCode != http.StatusOK || status.Identity.FamilyName != "DUBOIS" {
		t.Fatalf("status: %d %+v %v", st.StatusCode, status, err)
	}
	if strings.Contains(srv.stderr.String(), cfg.ClientSecret) {
		t.Fatal("the client secret is in the log")
	}
}
