package sqlite

import (
	"bytes"
	"context"
	"database/sql"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"erpps/backend/erpps"
)

// smallDisk mounts a tmpfs of sizeKB kilobytes: a real disk that fills. It
// needs root (CI runs as root); elsewhere the test skips.
func smallDisk(t *testing.T, sizeKB string) string {
	t.Helper()
	if os.Geteuid() != 0 {
		t.Skip("mounting a small disk needs root")
	}
	dir := t.TempDir()
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size="+sizeKB+"k", "tmpfs", dir).CombinedOutput(); err != nil {
		t.Skipf("mount tmpfs: %v %s", err, out)
	}
	t.Cleanup(func() { _ = exec.Command("umount", "-l", dir).Run() })
	return dir
}

// TestWriteOnAFullDiskSaysSo: a write that finds the disk full is
// EDISKFULL with a French message saying what to do, not « erreur interne »;
// what was saved before is intact and writes work again once space is freed.
func TestWriteOnAFullDiskSaysSo(t *testing.T) {
	ctx := context.Background()
	dir := smallDisk(t, "1024")
	db := NewDB(filepath.Join(dir, "erpps.db"))
	if err := db.Open(ctx); err != nil {
		t.Fatal(err)
	}
	defer MustCloseDB(t, db)
	if err := db.SetSetting(ctx, "before", []byte("kept")); err != nil {
		t.Fatal(err)
	}
	filler := filepath.Join(dir, "filler")
	f, err := os.Create(filler)
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := f.Write(make([]byte, 4096)); err != nil {
			break
		}
	}
	f.Close()
	err = db.SetSetting(ctx, "big", bytes.Repeat([]byte("x"), 256<<10))
	e := wantCode(t, err, erpps.EDISKFULL)
	if !strings.Contains(e.Message, "plein") || !strings.Contains(e.Message, "Libérez") {
		t.Fatalf("message %q does not say the disk is full and what to do", e.Message)
	}
	if v, err := db.GetSetting(ctx, "before"); err != nil || string(v) != "kept" {
		t.Fatalf("earlier save: %q, %v", v, err)
	}
	if err := os.Remove(filler); err != nil {
		t.Fatal(err)
	}
	if err := db.SetSetting(ctx, "after", []byte("ok")); err != nil {
		t.Fatalf("after freeing space: %v", err)
	}
}

// TestOpenHeldByAnotherProgram: a store another program holds in a write
// transaction (here a second connection, as the sqlite3 shell would) is
// ESTORELOCKED at open, once the busy timeout has passed.
func TestOpenHeldByAnotherProgram(t *testing.T) {
	if testing.Short() {
		t.Skip("waits for the 5 s busy timeout")
	}
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "erpps.db")
	other, err := sql.Open("sqlite", dsn(path))
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	conn, err := other.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, "CREATE TABLE other(x); BEGIN EXCLUSIVE; INSERT INTO other VALUES (1)"); err != nil {
		t.Fatal(err)
	}
	defer conn.ExecContext(ctx, "ROLLBACK")
	db := NewDB(path)
	err = db.Open(ctx)
	if err == nil {
		MustCloseDB(t, db)
	}
	e := wantCode(t, err, erpps.ESTORELOCKED)
	if !strings.Contains(e.Message, "Fermez") {
		t.Fatalf("message %q does not say what to do", e.Message)
	}
}

// TestWriteToAFileMadeReadOnlySaysSo: the store's files become read-only
// while it is open (immutable: even root cannot write them); a save says so
// (EREADONLY), not « erreur interne ».
func TestWriteToAFileMadeReadOnlySaysSo(t *testing.T) {
	if _, err := exec.LookPath("chattr"); err != nil || os.Geteuid() != 0 {
		t.Skip("needs chattr and root")
	}
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "erpps.db")
	db := NewDB(path)
	if err := db.Open(ctx); err != nil {
		t.Fatal(err)
	}
	defer MustCloseDB(t, db)
	if err := db.SetSetting(ctx, "before", []byte("kept")); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{path, path + "-wal"} {
		if out, err := exec.Command("chattr", "+i", f).CombinedOutput(); err != nil {
			t.Skipf("chattr +i: %v %s", err, out)
		}
		t.Cleanup(func() { _ = exec.Command("chattr", "-i", f).Run() })
	}
	e := wantCode(t, db.SetSetting(ctx, "after", []byte("lost")), erpps.EREADONLY)
	if !strings.Contains(e.Message, "lecture seule") {
		t.Fatalf("message %q", e.Message)
	}
	for _, f := range []string{path, path + "-wal"} {
		_ = exec.Command("chattr", "-i", f).Run()
	}
}
