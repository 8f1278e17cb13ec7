package e2e

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestDesktopShowsWhyItCannotStart: a desktop launched from the menu has no
// terminal; when the store cannot be opened it shows a window and the native
// error dialog with the French message (here a damaged store).
func TestDesktopShowsWhyItCannotStart(t *testing.T) {
	bin := desktopBinary(t)
	display := startXvfb(t)
	data := t.TempDir()
	if err := os.WriteFile(filepath.Join(data, "erpps.db"), bytes.Repeat([]byte("pas une base "), 500), 0o600); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, "--data", data)
	cmd.Env = append(os.Environ(), "DISPLAY="+display, "XDG_RUNTIME_DIR="+t.TempDir())
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	t.Cleanup(func() { _ = cmd.Process.Kill() })

	deadline := time.Now().Add(60 * time.Second)
	for {
		out, _ := exec.Command("xwininfo", "-display", display, "-root", "-tree").Output()
		// The window and the dialog over it carry the title.
		if bytes.Count(out, []byte(`"eRPPS Desktop ne peut pas démarrer"`)) >= 2 {
			break
		}
		select {
		case err := <-exited:
			t.Fatalf("exited without showing why: %v\n%s", err, stderr.String())
		default:
		}
		if time.Now().After(deadline) {
			t.Fatalf("no window and dialog titled « eRPPS Desktop ne peut pas démarrer » within 60 s\n%s\n%s", stderr.String(), out)
		}
		time.Sleep(300 * time.Millisecond)
	}
	time.Sleep(1500 * time.Millisecond)
	if _, err := exec.LookPath("import"); err == nil {
		dir := os.Getenv("ERPPS_ARTIFACTS")
		if dir == "" {
			dir = t.TempDir()
		}
		dir = filepath.Join(dir, "screenshots")
		_ = os.MkdirAll(dir, 0o755)
		if out, err := exec.Command("import", "-display", display, "-window", "root", filepath.Join(dir, "desktop-startup-error.png")).CombinedOutput(); err != nil {
			t.Errorf("screenshot: %v %s", err, out)
		}
	}
	if !strings.Contains(stderr.String(), "endommagé") {
		t.Fatalf("stderr lacks the message:\n%s", stderr.String())
	}
	// The dialog waits for the user's « OK » (no tool here to click it).
	_ = cmd.Process.Kill()
	<-exited
}
