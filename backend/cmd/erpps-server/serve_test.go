package main

import (
	"net/http"

	"erpps/backend/server"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The server serves the front end marked as the server's, its API, and
// stops cleanly on SIGTERM.
func TestServeFrontEndAndStop(t *testing.T) {
	data := filepath.Join(t.TempDir(), "data")
	s := startServer(t, nil, "--data", data)
	if !s.waitOutput(t, "seed-demo") {
		t.Errorf("an empty server does not say how to add demo data: %q", s.stdout.String())
	}

	resp, body := get(t, s.URL+"/")
	if resp.StatusCode != http.StatusOK || !strings.Contains(body, server.ModeMeta) || !strings.Contains(body, `<div id="root">`) {
		t.Fatalf("GET /: %d\n%s", resp.StatusCode, body)
	}
	if strings.Count(body, "erpps-mode") != 1 {
		t.Errorf("the mode is said %d times", strings.Count(body, "erpps-mode"))
	}
	if cc := resp.Header.Get("Cache-Control"); cc != "no-cache" {
		t.Errorf("index.html Cache-Control %q", cc)
	}
	resp, _ = get(t, s.URL+"/healthz")
	if resp.StatusCode != http.StatusOK {
		t.Errorf("GET /healthz: %d", resp.StatusCode)
	}
	resp, body = get(t, s.URL+"/api/v1/no-such-route")
	if resp.StatusCode != http.StatusNotFound || !strings.Contains(body, `"not_found"`) {
		t.Errorf("GET of an unknown API route: %d %s", resp.StatusCode, body)
	}
	resp, body = get(t, s.URL+"/readyz")
	if resp.StatusCode != http.StatusOK {
		t.Errorf("GET /readyz: %d %s", resp.StatusCode, body)
	}
	resp, body = get(t, s.URL+"/api/v1/keys")
	if resp.StatusCode != http.StatusOK || !strings.Contains(body, `"current":true`) {
		t.Errorf("GET /api/v1/keys: %d %s", resp.StatusCode, body)
	}

	if code := s.stop(t); code != 0 {
		t.Fatalf("exit code %d after SIGTERM: %s", code, s.stderr)
	}
	for _, name := range []string{sqliteFileName, "authority-key.pem"} {
		info, err := os.Stat(filepath.Join(data, name))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if name == "authority-key.pem" && info.Mode().Perm() != 0o600 {
			t.Errorf("key file mode %04o", info.Mode().Perm())
		}
	}
}

// Every flag is also an ERPPS_SERVER_* variable; the flag wins.
func TestServeConfiguredByEnvironment(t *testing.T) {
	dir := t.TempDir()
	s := startServer(t, []string{"ERPPS_SERVER_DATA=" + filepath.Join(dir, "env")})
	if code := s.stop(t); code != 0 {
		t.Fatalf("exit code %d: %s", code, s.stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "env", sqliteFileName)); err != nil {
		t.Fatalf("ERPPS_SERVER_DATA not used: %v", err)
	}
	s = startServer(t, []string{"ERPPS_SERVER_DATA=" + filepath.Join(dir, "env")}, "--data", filepath.Join(dir, "flag"))
	if code := s.stop(t); code != 0 {
		t.Fatalf("exit code %d: %s", code, s.stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "flag", sqliteFileName)); err != nil {
		t.Fatalf("--data did not win over ERPPS_SERVER_DATA: %v", err)
	}

	_, stderr, code := command(t, []string{"ERPPS_SERVER_SHUTDOWN_TIMEOUT=soon"}, "serve", "--data", filepath.Join(dir, "x"))
	if code != 1 || !strings.Contains(stderr, "ERPPS_SERVER_SHUTDOWN_TIMEOUT") {
		t.Errorf("a bad variable: exit %d, %s", code, stderr)
	}
	_, stderr, code = command(t, nil, "serve", "--data", filepath.Join(dir, "x"), "--database", "mysql://x")
	if code != 1 || !strings.Contains(stderr, "postgres://") {
		t.Errorf("a bad --database: exit %d, %s", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "x")); !os.IsNotExist(err) {
		t.Errorf("a refused configuration created its data folder: %v", err)
	}
}

func TestCommands(t *testing.T) {
	out, _, code := command(t, nil, "version")
	if code != 0 || !strings.HasPrefix(out, "erpps-server ") {
		t.Errorf("version: %d %q", code, out)
	}
	_, stderr, code := command(t, nil, "frobnicate")
	if code != 2 || !strings.Contains(stderr, "commande inconnue") {
		t.Errorf("unknown command: %d %q", code, stderr)
	}
	data := t.TempDir()
	out, stderr, code = command(t, nil, "migrate", "--data", data)
	if code != 0 || !strings.Contains(out, "Base à jour") {
		t.Errorf("migrate: %d %q %q", code, out, stderr)
	}
}
