package main

import (
	"encoding/base64"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"erpps/backend/signing"
)

func TestKeysRotateAndList(t *testing.T) {
	data := t.TempDir()
	_, stderr, code := command(t, nil, "keys", "list", "--data", data)
	if code != 1 || !strings.Contains(stderr, "keys rotate") {
		t.Errorf("list without a key: %d %q", code, stderr)
	}
	command(t, nil, "keys", "rotate", "--data", data)
	first, err := signing.LoadAuthorityFile(filepath.Join(data, signing.AuthorityFileName))
	if err != nil {
		t.Fatal(err)
	}
	out, stderr, code := command(t, nil, "keys", "rotate", "--data", data)
	if code != 0 {
		t.Fatalf("rotate: %d %s", code, stderr)
	}
	second, err := signing.LoadAuthorityFile(filepath.Join(data, signing.AuthorityFileName))
	if err != nil {
		t.Fatal(err)
	}
	if second.KeyID() == first.KeyID() || !strings.Contains(out, second.KeyID()) {
		t.Fatalf("rotate printed %q; keys %s then %s", out, first.KeyID(), second.KeyID())
	}
	out, _, code = command(t, []string{"ERPPS_SERVER_SIGNING_KEY_FILE=" + filepath.Join(data, signing.AuthorityFileName)}, "keys", "list")
	if code != 0 || !strings.Contains(out, second.KeyID()+"  ed25519  (actuelle") || !strings.Contains(out, first.KeyID()+"  ed25519  (ancienne") {
		t.Errorf("list: %d %q", code, out)
	}

	// A key kept in the environment: the rotated text is printed, nothing written.
	text, _ := os.ReadFile(filepath.Join(data, signing.AuthorityFileName))
	elsewhere := t.TempDir()
	out, _, code = command(t, []string{"ERPPS_SERVER_SIGNING_KEY=" + string(text)}, "keys", "rotate", "--data", elsewhere)
	third, err := signing.ParseAuthority([]byte(out))
	if code != 0 || err != nil || len(third.PublicKeys()) != 3 || third.PublicKeys()[1].KeyID != second.KeyID() {
		t.Fatalf("rotate from the environment: %d %v %q", code, err, out)
	}
	if entries, _ := os.ReadDir(elsewhere); len(entries) != 0 {
		t.Errorf("rotating the environment's key wrote files: %v", entries)
	}

	// serve signs with the environment's key.
	s := startServer(t, []string{"ERPPS_SERVER_SIGNING_KEY=" + out}, "--data", elsewhere)
	_, body := get(t, s.URL+"/api/v1/keys")
	for _, k := range third.PublicKeys() {
		if !strings.Contains(body, fmt.Sprintf(`{"keyId":%q,"algorithm":"Ed25519","publicKey":%q,"current":%v}`, k.KeyID, base64.StdEncoding.EncodeToString(k.PublicKey), k.Current)) {
			t.Errorf("GET /api/v1/keys does not publish %s: %s", k.KeyID, body)
		}
	}
	if code := s.stop(t); code != 0 {
		t.Fatal(s.stderr)
	}
	if _, err := os.Stat(filepath.Join(elsewhere, signing.AuthorityFileName)); !os.IsNotExist(err) {
		t.Errorf("serve wrote a key file beside the environment's key: %v", err)
	}
}

// On PostgreSQL, several processes share one key: it is never made up.
func TestServeNeedsTheKeyOnPostgres(t *testing.T) {
	dir := t.TempDir()
	_, stderr, code := command(t, nil, "serve", "--data", dir, "--database", "postgres://127.0.0.1:1/x")
	if code != 1 || !strings.Contains(stderr, "keys rotate") {
		t.Errorf("exit %d: %s", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, signing.AuthorityFileName)); !os.IsNotExist(err) {
		t.Errorf("a key was made up: %v", err)
	}
}
