//go:build unix

package sqlite

import (
	"context"
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// TestStoreFilesArePrivate: the store, its -wal and -shm are 0600 whatever
// the umask, in a folder that already exists (a store created by an older
// version with a looser mode is made private too).
func TestStoreFilesArePrivate(t *testing.T) {
	old := syscall.Umask(0o022)
	defer syscall.Umask(old)
	ctx := context.Background()
	check := func(t *testing.T, path string) {
		t.Helper()
		for _, name := range []string{path, path + "-wal", path + "-shm"} {
			info, err := os.Stat(name)
			if err != nil {
				t.Fatal(err)
			}
			if perm := info.Mode().Perm(); perm != 0o600 {
				t.Errorf("%s has mode %o, want 600", filepath.Base(name), perm)
			}
		}
	}
	t.Run("NewStore", func(t *testing.T) {
		dir := t.TempDir()
		if err := os.Chmod(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(dir, "erpps.db")
		db := NewDB(path)
		if err := db.Open(ctx); err != nil {
			t.Fatal(err)
		}
		defer MustCloseDB(t, db)
		mustSavePractitioner(t, db, "10000000001", "Testeur", "Alix")
		check(t, path)
	})
	t.Run("OlderLooseStore", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "erpps.db")
		db := NewDB(path)
		if err := db.Open(ctx); err != nil {
			t.Fatal(err)
		}
		MustCloseDB(t, db)
		if err := os.Chmod(path, 0o644); err != nil {
			t.Fatal(err)
		}
		db = NewDB(path)
		if err := db.Open(ctx); err != nil {
			t.Fatal(err)
		}
		defer MustCloseDB(t, db)
		mustSavePractitioner(t, db, "10000000001", "Testeur", "Alix")
		check(t, path)
	})
}
