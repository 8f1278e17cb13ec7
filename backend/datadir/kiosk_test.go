package datadir

import (
	"os"
	"path/filepath"
	"testing"

	"erpps/backend/erpps"
)

func TestAcquireHoldsTheFolder(t *testing.T) {
	dir := t.TempDir()
	first, err := Acquire(dir)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Acquire(dir); erpps.ErrorCode(err) != erpps.ESTORELOCKED {
		t.Fatalf("second Acquire: %v, want %s", err, erpps.ESTORELOCKED)
	}
	if err := first.Release(); err != nil {
		t.Fatal(err)
	}
	again, err := Acquire(dir)
	if err != nil {
		t.Fatalf("after Release: %v", err)
	}
	_ = again.Release()
	if info, err := os.Stat(LockPath(dir)); err != nil || info.Mode().Perm() != 0o600 {
		t.Fatalf("lock file: %v %v", info, err)
	}
}

func TestKioskFolders(t *testing.T) {
	tmp := t.TempDir()
	running, err := CreateKiosk(tmp)
	if err != nil {
		t.Fatal(err)
	}
	defer running.Close()
	killed, err := CreateKiosk(tmp)
	if err != nil {
		t.Fatal(err)
	}
	// What SIGKILL leaves: the folder and its files, the lock let go.
	if err := killed.lock.Release(); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(killed.Dir, "erpps.db"), []byte("data"), 0o600); err != nil {
		t.Fatal(err)
	}
	unmarked := filepath.Join(tmp, kioskPrefix+"lookalike")
	if err := os.MkdirAll(unmarked, 0o700); err != nil {
		t.Fatal(err)
	}
	elsewhere := filepath.Join(t.TempDir(), kioskPrefix+"other")
	if err := os.MkdirAll(elsewhere, 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(elsewhere, kioskMarker), nil, 0o600); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(tmp, kioskPrefix+"link")
	if err := os.Symlink(elsewhere, link); err != nil {
		t.Fatal(err)
	}

	n, err := SweepKiosks(tmp)
	if err != nil || n != 1 {
		t.Fatalf("SweepKiosks = %d, %v; want 1 folder erased", n, err)
	}
	if _, err := os.Stat(killed.Dir); !os.IsNotExist(err) {
		t.Fatalf("the killed kiosk's folder is still there: %v", err)
	}
	for _, kept := range []string{running.Dir, unmarked, elsewhere, link} {
		if _, err := os.Lstat(kept); err != nil {
			t.Fatalf("%s was erased: %v", kept, err)
		}
	}
	if err := removeKiosk(tmp, unmarked); err == nil {
		t.Fatal("removeKiosk erased a folder without the marker")
	}
	if info, err := os.Stat(running.Dir); err != nil || info.Mode().Perm() != 0o700 {
		t.Fatalf("kiosk folder: %v %v", info, err)
	}
	if err := running.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(running.Dir); !os.IsNotExist(err) {
		t.Fatalf("Close left the kiosk's folder: %v", err)
	}
}

func TestCheckWritable(t *testing.T) {
	if err := CheckWritable(t.TempDir()); err != nil {
		t.Fatal(err)
	}
	if err := CheckWritable(filepath.Join(t.TempDir(), "missing")); erpps.ErrorCode(err) != erpps.ESTOREOPEN {
		t.Fatalf("missing folder: %v", err)
	}
}
