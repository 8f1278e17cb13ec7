package secretstore

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"

	"erpps/backend/erpps"
	"erpps/backend/sqlite"
)

const password = "Mot-de-passe-boîte-42!"

func openStore(t *testing.T, dir string) *sqlite.DB {
	t.Helper()
	db := sqlite.NewDB(filepath.Join(dir, "erpps.db"))
	if err := db.Open(context.Background()); err != nil {
		t.Fatal(err)
	}
	return db
}

// The password goes to the store only encrypted: neither the store's file
// nor its journal holds it, and the key is in its own 0600 file.
func TestSealedKeepsNoPlainTextInTheStore(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	keyPath := filepath.Join(dir, "secrets.key")
	db := openStore(t, dir)
	s := &Sealed{KeyPath: keyPath, Settings: db}
	if err := s.Set(ctx, "mailbox", []byte(password)); err != nil {
		t.Fatal(err)
	}
	got, err := s.Get(ctx, "mailbox")
	if err != nil || string(got) != password {
		t.Fatalf("Get = %q, %v", got, err)
	}
	// A new Sealed (a restart) reads it with the key file.
	db.Close()
	db = openStore(t, dir)
	defer db.Close()
	got, err = (&Sealed{KeyPath: keyPath, Settings: db}).Get(ctx, "mailbox")
	if err != nil || string(got) != password {
		t.Fatalf("after restart Get = %q, %v", got, err)
	}
	entries, _ := os.ReadDir(dir)
	stored := 0
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if e.Name() != "secrets.key" && bytes.Contains(b, []byte(password)) {
			t.Errorf("%s holds the password in plain text", e.Name())
		}
		if filepath.Ext(e.Name()) == ".db" {
			stored++
		}
	}
	if stored == 0 {
		t.Fatal("no store file read")
	}
	raw, err := db.GetSetting(ctx, "secret.mailbox")
	if err != nil || len(raw) < len(password) || bytes.Contains(raw, []byte(password)) {
		t.Errorf("the store's value: %d bytes, %v", len(raw), err)
	}
	info, err := os.Stat(keyPath)
	if err != nil || info.Mode().Perm() != 0o600 {
		t.Errorf("key file: %v, %v", info, err)
	}
}

func TestSealedRefusals(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	db := openStore(t, dir)
	defer db.Close()
	keyPath := filepath.Join(dir, "secrets.key")
	s := &Sealed{KeyPath: keyPath, Settings: db}
	if _, err := s.Get(ctx, "mailbox"); erpps.ErrorCode(err) != erpps.ENOTFOUND {
		t.Errorf("nothing stored: %v", err)
	}
	if err := s.Set(ctx, "mailbox", []byte(password)); err != nil {
		t.Fatal(err)
	}
	// Another name's ciphertext under this name: refused (the name is
	// authenticated).
	raw, _ := db.GetSetting(ctx, "secret.mailbox")
	if err := db.SetSetting(ctx, "secret.other", raw); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Get(ctx, "other"); err == nil {
		t.Error("a ciphertext moved to another name was opened")
	}
	// Another key: refused.
	if err := os.Remove(keyPath); err != nil {
		t.Fatal(err)
	}
	other := &Sealed{KeyPath: keyPath, Settings: db}
	if err := other.Set(ctx, "x", []byte("y")); err != nil {
		t.Fatal(err)
	}
	if _, err := other.Get(ctx, "mailbox"); err == nil {
		t.Error("opened with another key")
	}
	// A key readable by others: refused.
	if err := os.Chmod(keyPath, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := (&Sealed{KeyPath: keyPath, Settings: db}).Get(ctx, "x"); err == nil {
		t.Error("a key readable by others was used")
	}
	// Deleted.
	if err := s.Delete(ctx, "mailbox"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Get(ctx, "mailbox"); erpps.ErrorCode(err) != erpps.ENOTFOUND {
		t.Errorf("after Delete: %v", err)
	}
}
