package e2e

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestKioskRefusesADataFolder: a kiosk erases its data at exit, so it may not
// be given a folder (--data or ERPPS_DATA): it refuses to start with exit code
// 2 and the folder and its files are left as they were.
func TestKioskRefusesADataFolder(t *testing.T) {
	tests := []struct {
		name string
		env  func(dir string) []string
		args func(dir string) []string
	}{
		{"Flag", func(string) []string { return nil }, func(dir string) []string { return []string{"--kiosk", "--data", dir} }},
		{"Environment", func(dir string) []string { return []string{"ERPPS_DATA=" + dir} }, func(string) []string { return []string{"--kiosk"} }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			precious := filepath.Join(dir, "compte-rendu.odt")
			if err := os.WriteFile(precious, []byte("un document de l'utilisateur"), 0o600); err != nil {
				t.Fatal(err)
			}
			env := append(tt.env(dir), "TMPDIR="+t.TempDir())
			code, stderr := runWithEnv(t, env, tt.args(dir)...)
			if _, err := os.Stat(precious); err != nil {
				t.Fatalf("the kiosk erased a file of the folder it was given: %v\n%s", err, stderr)
			}
			if code != 2 || !strings.Contains(stderr, "borne") || !strings.Contains(stderr, "--data") {
				t.Fatalf("exit code %d, stderr %q; want 2 and a French message about --data", code, stderr)
			}
			if _, err := os.Stat(filepath.Join(dir, "erpps.db")); err == nil {
				t.Fatal("the kiosk created a store in the folder it refused")
			}
		})
	}
}

// kioskFolders lists the kiosk folders under tmp.
func kioskFolders(t *testing.T, tmp string) []string {
	t.Helper()
	list, err := filepath.Glob(filepath.Join(tmp, "erpps-kiosk-*"))
	if err != nil {
		t.Fatal(err)
	}
	return list
}

// TestKioskLeftoverIsErasedAtNextStart kills a real kiosk (the desktop binary
// under Xvfb) with SIGKILL: its folder stays behind, is left alone while a
// kiosk still uses it, and the next kiosk start erases it. A folder that
// merely looks like a kiosk's (no marker) is never touched.
func TestKioskLeftoverIsErasedAtNextStart(t *testing.T) {
	bin := desktopBinary(t)
	tmp := t.TempDir()
	decoy := filepath.Join(tmp, "erpps-kiosk-not-ours")
	if err := os.MkdirAll(decoy, 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(decoy, "erpps.db"), []byte("somebody else's"), 0o600); err != nil {
		t.Fatal(err)
	}

	cmd := exec.Command(bin, "--kiosk")
	cmd.Env = append(os.Environ(), "DISPLAY="+startXvfb(t), "XDG_RUNTIME_DIR="+t.TempDir(), "TMPDIR="+tmp)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	t.Cleanup(func() { _ = cmd.Process.Kill() })

	var folder string
	deadline := time.Now().Add(60 * time.Second)
	for folder == "" {
		for _, dir := range kioskFolders(t, tmp) {
			if dir == decoy {
				continue
			}
			if _, err := os.Stat(filepath.Join(dir, "erpps.db")); err == nil {
				folder = dir
			}
		}
		select {
		case err := <-exited:
			t.Fatalf("the kiosk exited: %v\n%s", err, stderr.String())
		default:
		}
		if time.Now().After(deadline) {
			t.Fatalf("no kiosk folder with a store within 60 s\n%s", stderr.String())
		}
		time.Sleep(200 * time.Millisecond)
	}

	// A second kiosk while the first runs leaves the first one's folder alone
	// (the web binary has no window: it starts, fails to open one, and
	// erases its own folder).
	runWithEnv(t, []string{"TMPDIR=" + tmp}, "--kiosk")
	if _, err := os.Stat(filepath.Join(folder, "erpps.db")); err != nil {
		t.Fatalf("a second kiosk erased the folder of a running one: %v", err)
	}

	if err := cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	<-exited
	if _, err := os.Stat(folder); err != nil {
		t.Fatalf("after SIGKILL the folder should still be there: %v", err)
	}

	runWithEnv(t, []string{"TMPDIR=" + tmp}, "--kiosk")
	if _, err := os.Stat(folder); !os.IsNotExist(err) {
		t.Fatalf("the next kiosk start left the killed kiosk's folder %s (%v)", folder, err)
	}
	if _, err := os.Stat(filepath.Join(decoy, "erpps.db")); err != nil {
		t.Fatalf("a folder without the kiosk marker was erased: %v", err)
	}
	if left := kioskFolders(t, tmp); len(left) != 1 || left[0] != decoy {
		t.Fatalf("kiosk folders left: %v", left)
	}
}
