package signing

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"erpps/backend/erpps"
	"erpps/backend/sqlite"
)

func openStore(t *testing.T, path string) *sqlite.DB {
	t.Helper()
	db := sqlite.NewDB(path)
	if err := db.Open(context.Background()); err != nil {
		t.Fatal(err)
	}
	return db
}

func TestKeyFileKeepsTheKey(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	keyPath := filepath.Join(dir, KeyFileName)
	db := openStore(t, filepath.Join(dir, "erpps.db"))
	defer db.Close()
	first, err := LoadOrCreateKeyFile(ctx, keyPath, db)
	if err != nil {
		t.Fatal(err)
	}
	info, err := os.Stat(keyPath)
	if err != nil {
		t.Fatal(err)
	}
	if runtime.GOOS != "windows" && info.Mode().Perm() != 0o600 {
		t.Errorf("key file mode %04o, want 0600", info.Mode().Perm())
	}
	if _, err := db.GetSetting(ctx, legacySeedKey); erpps.ErrorCode(err) != erpps.ENOTFOUND {
		t.Errorf("the key is in the store: %v", err)
	}
	again, err := LoadOrCreateKeyFile(ctx, keyPath, db)
	if err != nil {
		t.Fatal(err)
	}
	if first.KeyID() != again.KeyID() {
		t.Fatalf("the key changed across restarts: %s then %s", first.KeyID(), again.KeyID())
	}
	sig, _ := again.Sign([]byte("x"))
	if err := NewKeyRing(first.PublicKey()).Verify(first.KeyID(), []byte("x"), sig); err != nil {
		t.Fatalf("signature of the reloaded key does not verify: %v", err)
	}
	if leftovers, _ := filepath.Glob(filepath.Join(dir, ".*")); len(leftovers) != 0 {
		t.Errorf("temporary files left: %v", leftovers)
	}
}

// A store written before the key file keeps the seed in its settings: it moves
// to the file and leaves the store, whose file then holds no copy of it.
func TestKeyFileMigratesTheStoresKey(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	storePath := filepath.Join(dir, "erpps.db")
	seed := bytes.Repeat([]byte{0x5a, 0xc3, 0x17, 0x88}, 8)
	old, _ := NewLocalSigner(seed)
	db := openStore(t, storePath)
	if err := db.SetSetting(ctx, legacySeedKey, seed); err != nil {
		t.Fatal(err)
	}
	s, err := LoadOrCreateKeyFile(ctx, filepath.Join(dir, KeyFileName), db)
	if err != nil {
		t.Fatal(err)
	}
	if s.KeyID() != old.KeyID() {
		t.Fatalf("migrated key %s, want the store's %s", s.KeyID(), old.KeyID())
	}
	if _, err := db.GetSetting(ctx, legacySeedKey); erpps.ErrorCode(err) != erpps.ENOTFOUND {
		t.Errorf("the seed is still in the store: %v", err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob(storePath + "*")
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if bytes.Contains(b, seed) {
			t.Errorf("%s still holds the seed", filepath.Base(f))
		}
	}
	// Restarted, the key is the file's.
	db = openStore(t, storePath)
	defer db.Close()
	again, err := LoadOrCreateKeyFile(ctx, filepath.Join(dir, KeyFileName), db)
	if err != nil || again.KeyID() != old.KeyID() {
		t.Fatalf("after restart: %v, %v", again, err)
	}
}

func TestKeyFileRefused(t *testing.T) {
	ctx := context.Background()
	setup := func(t *testing.T) (string, *sqlite.DB) {
		dir := t.TempDir()
		db := openStore(t, filepath.Join(dir, "erpps.db"))
		t.Cleanup(func() { _ = db.Close() })
		path := filepath.Join(dir, KeyFileName)
		if _, err := LoadOrCreateKeyFile(ctx, path, db); err != nil {
			t.Fatal(err)
		}
		return path, db
	}
	t.Run("ErrReadableByOthers", func(t *testing.T) {
		if runtime.GOOS == "windows" {
			t.Skip("no mode bits")
		}
		path, db := setup(t)
		if err := os.Chmod(path, 0o644); err != nil {
			t.Fatal(err)
		}
		_, err := LoadOrCreateKeyFile(ctx, path, db)
		if err == nil || !bytes.Contains([]byte(erpps.ErrorMessage(err)), []byte("chmod 600")) {
			t.Fatalf("a key readable by others was used: %v", err)
		}
	})
	t.Run("ErrDamaged", func(t *testing.T) {
		path, db := setup(t)
		if err := os.WriteFile(path, []byte("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n"), 0o600); err != nil {
			t.Fatal(err)
		}
		if _, err := LoadOrCreateKeyFile(ctx, path, db); err == nil {
			t.Fatal("a damaged key was used")
		}
		if b, _ := os.ReadFile(path); !bytes.Contains(b, []byte("AAAA")) {
			t.Error("the damaged key was replaced")
		}
	})
	t.Run("ErrStoreHoldsAnotherKey", func(t *testing.T) {
		path, db := setup(t)
		if err := db.SetSetting(ctx, legacySeedKey, bytes.Repeat([]byte{1}, 32)); err != nil {
			t.Fatal(err)
		}
		if _, err := LoadOrCreateKeyFile(ctx, path, db); err == nil {
			t.Fatal("two different keys, no error")
		}
	})
}
