package e2e

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"erpps/backend/erpps"
	"erpps/backend/requests"
	"erpps/backend/sqlite"
)

// mountTmpfs mounts a tmpfs of sizeKB kilobytes (a small real disk that can
// be filled or made read-only) and returns its folder; it is unmounted when
// the test ends. It needs root (CI runs as root); elsewhere the test skips.
func mountTmpfs(t *testing.T, sizeKB int) string {
	t.Helper()
	if os.Geteuid() != 0 {
		t.Skip("mounting a small disk needs root")
	}
	dir := t.TempDir()
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size="+strconv.Itoa(sizeKB)+"k,mode=0700", "tmpfs", dir).CombinedOutput(); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("mount tmpfs: %v %s", err, out)
		}
		t.Skipf("mount tmpfs: %v %s", err, out)
	}
	t.Cleanup(func() {
		if out, err := exec.Command("umount", "-l", dir).CombinedOutput(); err != nil {
			t.Errorf("umount %s: %v %s", dir, err, out)
		}
	})
	return dir
}

// remount changes the options of a mounted folder ("ro", "rw").
func remount(t *testing.T, dir, opt string) {
	t.Helper()
	if out, err := exec.Command("mount", "-o", "remount,"+opt, dir).CombinedOutput(); err != nil {
		t.Fatalf("remount %s %s: %v %s", dir, opt, err, out)
	}
}

// fillDisk writes a file until the disk holding dir is full.
func fillDisk(t *testing.T, dir string) {
	t.Helper()
	f, err := os.Create(filepath.Join(dir, "remplissage.bin"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	chunk := make([]byte, 4096)
	for {
		if _, err := f.Write(chunk); err != nil {
			if !strings.Contains(err.Error(), "no space") {
				t.Fatal(err)
			}
			return
		}
	}
}

// makeStore creates a store with its schema in dir, closed.
func makeStore(t *testing.T, dir string) {
	t.Helper()
	db := sqlite.NewDB(filepath.Join(dir, "erpps.db"))
	if err := db.Open(context.Background()); err != nil {
		t.Fatal(err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
}

// wantRefused runs erpps web on dir and checks that it refuses to start
// with exit code 1 and a message holding every one of want.
func wantRefused(t *testing.T, dir string, want ...string) string {
	t.Helper()
	code, stderr := runBinary(t, "web", "--no-demo", "--addr", "127.0.0.1:0", "--data", dir)
	if code != 1 {
		t.Fatalf("exit code %d, want 1 (refused)\n%s", code, stderr)
	}
	for _, w := range want {
		if !strings.Contains(stderr, w) {
			t.Fatalf("the message lacks %q:\n%s", w, stderr)
		}
	}
	return stderr
}

// TestStartRefusesAReadOnlyStoreFile: a store file that cannot be written
// (immutable: even root cannot write it) is refused at start-up with what to
// do, and the refusal is logged in erpps.log.
func TestStartRefusesAReadOnlyStoreFile(t *testing.T) {
	need(t, "chattr")
	if os.Geteuid() != 0 {
		t.Skip("chattr +i needs root")
	}
	dir := t.TempDir()
	makeStore(t, dir)
	store := filepath.Join(dir, "erpps.db")
	if out, err := exec.Command("chattr", "+i", store).CombinedOutput(); err != nil {
		t.Skipf("chattr +i: %v %s", err, out)
	}
	t.Cleanup(func() { _ = exec.Command("chattr", "-i", store).Run() })
	wantRefused(t, dir, "lecture seule", "erpps.db")
	logText, err := os.ReadFile(filepath.Join(dir, "erpps.log"))
	if err != nil || !strings.Contains(string(logText), erpps.EREADONLY) {
		t.Fatalf("the refusal is not in erpps.log (%v):\n%s", err, logText)
	}
}

// TestStartRefusesAReadOnlyFolder: a data folder on a disk mounted read-only.
func TestStartRefusesAReadOnlyFolder(t *testing.T) {
	dir := mountTmpfs(t, 2048)
	makeStore(t, dir)
	remount(t, dir, "ro")
	wantRefused(t, dir, "lecture seule", "dossier")
}

// TestStartRefusesAFullDisk: a new store on a full disk.
func TestStartRefusesAFullDisk(t *testing.T) {
	dir := mountTmpfs(t, 256)
	fillDisk(t, dir)
	wantRefused(t, dir, "plein", "place")
}

// TestStartRefusesAFolderInUse: a second erpps on the same folder is told
// that the first one holds it.
func TestStartRefusesAFolderInUse(t *testing.T) {
	dir := t.TempDir()
	startServer(t, dir)
	wantRefused(t, dir, "déjà", "Fermez")
}

// TestSaveOnAFullDiskSaysSo: the disk fills while erpps web runs; a save
// answers disk_full with a French message, not « erreur interne », and the
// next save after space is freed succeeds.
func TestSaveOnAFullDiskSaysSo(t *testing.T) {
	dir := mountTmpfs(t, 4096)
	srv := startServer(t, dir)
	rpps := demoRPPS(t)
	if status, body := postAPI(t, srv.URL, "OpenSession", rpps); status != 200 {
		t.Fatalf("open the record: HTTP %d %s", status, body)
	}
	fillDisk(t, dir)
	var status int
	var body []byte
	deadline := time.Now().Add(20 * time.Second)
	for _, kind := range []erpps.RequestKind{erpps.KindContact, erpps.KindExerciseName, erpps.KindNewProfession} {
		status, body = postAPI(t, srv.URL, "StartRequest", requests.StartInput{RPPS: rpps, Kind: kind})
		if status != 200 || time.Now().After(deadline) {
			break
		}
	}
	if status != 507 || !strings.Contains(string(body), `"code":"`+erpps.EDISKFULL+`"`) || !strings.Contains(string(body), "plein") {
		t.Fatalf("a save on a full disk: HTTP %d %s; want 507 disk_full with a French message", status, body)
	}
	if err := os.Remove(filepath.Join(dir, "remplissage.bin")); err != nil {
		t.Fatal(err)
	}
	if status, body = postAPI(t, srv.URL, "StartRequest", requests.StartInput{RPPS: rpps, Kind: erpps.KindContact}); status != 200 {
		t.Fatalf("after freeing space: HTTP %d %s", status, body)
	}
}
