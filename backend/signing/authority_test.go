package signing

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"erpps/backend/erpps"
)

func TestAuthorityPEMRoundTrip(t *testing.T) {
	a, err := NewAuthority()
	if err != nil {
		t.Fatal(err)
	}
	a, err = a.Rotated()
	if err != nil {
		t.Fatal(err)
	}
	text, err := a.MarshalPEM()
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(text), "Key-Id: "+a.KeyID()) {
		t.Errorf("the PEM text does not name its key:\n%s", text)
	}
	b, err := ParseAuthority(text)
	if err != nil {
		t.Fatal(err)
	}
	if b.KeyID() != a.KeyID() || len(b.PublicKeys()) != 2 || b.PublicKeys()[1].KeyID != a.PublicKeys()[1].KeyID {
		t.Fatalf("parsed %v, want %v", b.PublicKeys(), a.PublicKeys())
	}
	sig, _ := b.Sign([]byte("m"))
	if err := a.KeyRing().Verify(a.KeyID(), []byte("m"), sig); err != nil {
		t.Fatalf("the parsed key signs differently: %v", err)
	}
	if IsLocal(a) {
		t.Error("the authority's key is labelled a local stand-in")
	}
}

func TestAuthorityParseRefused(t *testing.T) {
	a, _ := NewAuthority()
	a, _ = a.Rotated()
	text, _ := a.MarshalPEM()
	pub := text[bytes.Index(text, []byte("-----BEGIN PUBLIC")):]
	for name, in := range map[string][]byte{
		"ErrEmpty":       nil,
		"ErrNotPEM":      []byte("hello"),
		"ErrTwoPrivate":  append(append([]byte{}, text...), text...),
		"ErrOnlyPublic":  pub,
		"ErrDamagedBody": []byte("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n"),
		"ErrOtherBlock":  append([]byte("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n"), text...),
	} {
		t.Run(name, func(t *testing.T) {
			_, err := ParseAuthority(in)
			if err == nil || erpps.ErrorMessage(err) != msgAuthorityDamaged {
				t.Fatalf("got %v", err)
			}
		})
	}
}

// A rotation signs with a new key and keeps verifying what the old keys
// signed; the file holds no copy of an old private key.
func TestAuthorityFileRotation(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, AuthorityFileName)
	first, created, err := LoadOrCreateAuthorityFile(path)
	if err != nil || !created {
		t.Fatalf("first start: %v, created %v", err, created)
	}
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if runtime.GOOS != "windows" && info.Mode().Perm() != 0o600 {
		t.Errorf("key file mode %04o, want 0600", info.Mode().Perm())
	}
	again, created, err := LoadOrCreateAuthorityFile(path)
	if err != nil || created || again.KeyID() != first.KeyID() {
		t.Fatalf("restart: %v, created %v, key %s then %s", err, created, first.KeyID(), again.KeyID())
	}
	oldSig, _ := first.Sign([]byte("attestation 1"))

	second, err := RotateAuthorityFile(path)
	if err != nil {
		t.Fatal(err)
	}
	third, err := RotateAuthorityFile(path)
	if err != nil {
		t.Fatal(err)
	}
	loaded, err := LoadAuthorityFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if loaded.KeyID() != third.KeyID() || third.KeyID() == second.KeyID() || second.KeyID() == first.KeyID() {
		t.Fatalf("keys %s, %s, %s; loaded %s", first.KeyID(), second.KeyID(), third.KeyID(), loaded.KeyID())
	}
	var ids []string
	for _, k := range loaded.PublicKeys() {
		ids = append(ids, k.KeyID)
	}
	if want := []string{third.KeyID(), second.KeyID(), first.KeyID()}; strings.Join(ids, ",") != strings.Join(want, ",") {
		t.Fatalf("public keys %v, want %v", ids, want)
	}
	if !loaded.PublicKeys()[0].Current || loaded.PublicKeys()[1].Current {
		t.Error("the current key is not the first, alone")
	}
	if err := loaded.KeyRing().Verify(first.KeyID(), []byte("attestation 1"), oldSig); err != nil {
		t.Errorf("a signature of the first key no longer verifies: %v", err)
	}
	newSig, _ := loaded.Sign([]byte("attestation 2"))
	if err := loaded.KeyRing().Verify(third.KeyID(), []byte("attestation 2"), newSig); err != nil {
		t.Errorf("the new key's signature does not verify: %v", err)
	}
	text, _ := os.ReadFile(path)
	if n := bytes.Count(text, []byte("PRIVATE KEY-----")); n != 2 { // BEGIN and END of one block
		t.Errorf("%d private key markers in the file, want one block", n/2)
	}
	if leftovers, _ := filepath.Glob(filepath.Join(dir, ".*")); len(leftovers) != 0 {
		t.Errorf("temporary files left: %v", leftovers)
	}
	info, _ = os.Stat(path)
	if runtime.GOOS != "windows" && info.Mode().Perm() != 0o600 {
		t.Errorf("rotated key file mode %04o, want 0600", info.Mode().Perm())
	}
}

func TestAuthorityFileRefused(t *testing.T) {
	path := filepath.Join(t.TempDir(), AuthorityFileName)
	if _, err := LoadAuthorityFile(path); !errors.Is(err, fs.ErrNotExist) {
		t.Fatalf("missing file: %v", err)
	}
	if _, _, err := LoadOrCreateAuthorityFile(path); err != nil {
		t.Fatal(err)
	}
	if runtime.GOOS != "windows" {
		if err := os.Chmod(path, 0o640); err != nil {
			t.Fatal(err)
		}
		if _, err := LoadAuthorityFile(path); err == nil || !strings.Contains(erpps.ErrorMessage(err), "chmod 600") {
			t.Fatalf("a key readable by others was used: %v", err)
		}
		if _, err := RotateAuthorityFile(path); err == nil {
			t.Fatal("a key readable by others was rotated")
		}
		_ = os.Chmod(path, 0o600)
	}
	if err := os.WriteFile(path, []byte("damaged"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, _, err := LoadOrCreateAuthorityFile(path); err == nil {
		t.Fatal("a damaged key was used")
	}
	if _, err := RotateAuthorityFile(path); err == nil {
		t.Fatal("a damaged key was rotated (its public keys would be lost)")
	}
	if b, _ := os.ReadFile(path); string(b) != "damaged" {
		t.Error("the damaged key was replaced")
	}
}
