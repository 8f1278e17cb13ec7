package main

import (
	"crypto/tls"
	"crypto/x509"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"path/filepath"
	"strings"
	"testing"

	"erpps/backend/erpps"
	"erpps/backend/internal/testcert"
	"erpps/backend/serverdemo"
)

// testCA is a certification authority made for a test, and a server
// certificate for 127.0.0.1 it signed.
type testCA struct {
	pool     *x509.CertPool
	certFile string // the server's chain (PEM)
	keyFile  string // the server's key (PEM)
	caFile   string // the CA's certificate (PEM)
}

func newTestCA(t *testing.T) *testCA {
	t.Helper()
	a := testcert.NewAuthority(t, "AC de test eRPPS")
	f := a.ServerFiles(t, t.TempDir())
	return &testCA{pool: a.Pool, certFile: f.Cert, keyFile: f.Key, caFile: f.CA}
}

// With --tls-cert and --tls-key (or their variables), the server answers
// HTTPS with that certificate, trusted through the CA; a client that does
// not trust the CA, or speaks plain HTTP, gets nothing. Over it, the demo
// secretary's desktop signs in (device session) and takes its snapshot.
func TestServeTLS(t *testing.T) {
	ca := newTestCA(t)
	seededData := filepath.Join(t.TempDir(), "seeded")
	out, stderr, code := command(t, nil, "seed-demo", "--json", "--data", seededData)
	var seeded serverdemo.Result
	if code != 0 || json.Unmarshal([]byte(out), &seeded) != nil || len(seeded.Secretaries) != 1 {
		t.Fatalf("seed-demo: %d %s", code, stderr)
	}
	for _, tc := range []struct {
		name string
		env  []string
		args []string
	}{
		{"flags", nil, []string{"--tls-cert", ca.certFile, "--tls-key", ca.keyFile, "--data", seededData}},
		{"environment", []string{"ERPPS_SERVER_TLS_CERT=" + ca.certFile, "ERPPS_SERVER_TLS_KEY=" + ca.keyFile}, []string{"--data", filepath.Join(t.TempDir(), "data")}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := startServer(t, tc.env, tc.args...)
			if !strings.HasPrefix(s.URL, "https://127.0.0.1:") {
				t.Fatalf("the server says it listens on %q, want https://", s.URL)
			}
			trusting := &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{RootCAs: ca.pool}}}
			resp, err := trusting.Get(s.URL + "/healthz")
			if err != nil {
				t.Fatalf("HTTPS with the CA: %v", err)
			}
			body, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode != http.StatusOK || resp.TLS == nil || resp.TLS.Version < tls.VersionTLS12 {
				t.Fatalf("GET /healthz over TLS: %d %s (%+v)", resp.StatusCode, body, resp.TLS)
			}
			if _, err := http.Get(s.URL + "/healthz"); err == nil || !strings.Contains(err.Error(), "certificate") {
				t.Errorf("a client without the CA: %v, want a certificate error", err)
			}
			if tc.name == "flags" {
				deviceSnapshot(t, trusting, s.URL, seeded.Secretaries[0])
			}
			plain := strings.Replace(s.URL, "https://", "http://", 1)
			if resp, err := http.Get(plain + "/healthz"); err == nil {
				resp.Body.Close()
				if resp.StatusCode == http.StatusOK {
					t.Errorf("plain HTTP answered 200")
				}
			}
			if code := s.stop(t); code != 0 {
				t.Fatalf("exit code %d: %s", code, s.stderr)
			}
		})
	}
	_, stderr, code = command(t, nil, "serve", "--data", filepath.Join(t.TempDir(), "x"), "--tls-cert", ca.certFile)
	if code != 1 || !strings.Contains(stderr, "--tls-key") {
		t.Errorf("a certificate without its key: exit %d, %s", code, stderr)
	}
	_, stderr, code = command(t, nil, "serve", "--data", filepath.Join(t.TempDir(), "x"), "--tls-cert", ca.caFile, "--tls-key", ca.caFile)
	if code != 1 || !strings.Contains(stderr, "certificat TLS") {
		t.Errorf("an unreadable key: exit %d, %s", code, stderr)
	}
}

// deviceSnapshot signs sec in as a desktop over client and takes the
// snapshot: their principal's record is in it.
func deviceSnapshot(t *testing.T, client *http.Client, baseURL string, sec serverdemo.Login) {
	t.Helper()
	body := strings.NewReader(fmt.Sprintf(`{"login":%q,"password":%q,"device":true}`, sec.Login, sec.Password))
	resp, err := client.Post(baseURL+"/api/v1/session", "application/json", body)
	if err != nil {
		t.Fatal(err)
	}
	var session struct {
		Token   string `json:"token"`
		Session struct {
			Device bool `json:"device"`
		} `json:"session"`
	}
	err = json.NewDecoder(resp.Body).Decode(&session)
	resp.Body.Close()
	if err != nil || resp.StatusCode != http.StatusCreated || session.Token == "" || !session.Session.Device {
		t.Fatalf("device sign-in over TLS: %d %v %+v", resp.StatusCode, err, session.Session)
	}
	req, err := http.NewRequest("GET", baseURL+"/api/v1/sync/snapshot", nil)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Authorization", "Bearer "+session.Token)
	resp, err = client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	var snap erpps.Snapshot
	err = json.NewDecoder(resp.Body).Decode(&snap)
	resp.Body.Close()
	if err != nil || resp.StatusCode != http.StatusOK || len(snap.Practitioners) != 1 || snap.Practitioners[0].RPPS != sec.RPPS || snap.Cursor == 0 {
		t.Fatalf("the secretary's snapshot over TLS: %d %v, %d records", resp.StatusCode, err, len(snap.Practitioners))
	}
}
