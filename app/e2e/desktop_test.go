package e2e

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"erpps/app"
)

var desktopBuild = struct {
	sync.Once
	path string
	err  error
}{}

// desktopBinary builds the real desktop binary (GTK, WebKitGTK 4.1), once.
func desktopBinary(t testing.TB) string {
	t.Helper()
	need(t, "pkg-config", "gcc")
	if err := exec.Command("pkg-config", "--exists", "webkit2gtk-4.1", "gtk+-3.0").Run(); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("webkit2gtk-4.1 and gtk+-3.0 development files are missing (run .ci/deps.sh)")
		}
		t.Skip("webkit2gtk-4.1 development files are missing")
	}
	webBinary(t) // checks the front end is built
	desktopBuild.Do(func() {
		dir, err := os.MkdirTemp("", "erpps-e2e-desktop-")
		if err != nil {
			desktopBuild.err = err
			return
		}
		desktopBuild.path = filepath.Join(dir, "erpps")
		cmd := exec.Command("go", "build", "-tags", "desktop,production,webkit2_41", "-o", desktopBuild.path, ".")
		cmd.Dir = repoRoot(t)
		if out, err := cmd.CombinedOutput(); err != nil {
			desktopBuild.err = fmt.Errorf("desktop build: %v\n%s", err, out)
		}
	})
	if desktopBuild.err != nil {
		t.Fatal(desktopBuild.err)
	}
	return desktopBuild.path
}

// startXvfb starts a virtual X server and returns its DISPLAY.
func startXvfb(t testing.TB) string {
	t.Helper()
	need(t, "Xvfb", "xwininfo")
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("Xvfb", "-displayfd", "3", "-screen", "0", "1280x900x24", "-nolisten", "tcp")
	cmd.ExtraFiles = []*os.File{w}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	w.Close()
	t.Cleanup(func() { _ = cmd.Process.Kill(); _ = cmd.Wait() })
	line := make(chan string, 1)
	go func() {
		s, _ := bufio.NewReader(r).ReadString('\n')
		line <- strings.TrimSpace(s)
	}()
	select {
	case n := <-line:
		if n == "" {
			t.Fatal("Xvfb gave no display number")
		}
		// The display answers before it is handed to an application: GTK
		// fails to start on a display that does not accept clients yet.
		display := ":" + n
		for deadline := time.Now().Add(15 * time.Second); ; time.Sleep(100 * time.Millisecond) {
			if exec.Command("xwininfo", "-display", display, "-root").Run() == nil {
				return display
			}
			if time.Now().After(deadline) {
				t.Fatalf("Xvfb display %s does not answer", display)
			}
		}
	case <-time.After(15 * time.Second):
		t.Fatal("Xvfb did not start")
	}
	return ""
}

// desktopApp is the real desktop binary running on its own Xvfb display.
type desktopApp struct {
	cmd     *exec.Cmd
	display string
	data    string
	exited  chan error
	stderr  *bytes.Buffer
}

// startDesktop starts the desktop binary with args on a new Xvfb display and
// a fresh data folder; it is killed when the test ends if still running.
func startDesktop(t *testing.T, args ...string) *desktopApp {
	t.Helper()
	bin := desktopBinary(t)
	a := &desktopApp{display: startXvfb(t), data: t.TempDir(), exited: make(chan error, 1), stderr: &bytes.Buffer{}}
	a.cmd = exec.Command(bin, append(args, "--data", a.data)...)
	a.cmd.Env = append(os.Environ(), "DISPLAY="+a.display, "XDG_RUNTIME_DIR="+t.TempDir())
	a.cmd.Stderr = a.stderr
	if err := a.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() { a.exited <- a.cmd.Wait() }()
	t.Cleanup(func() { _ = a.cmd.Process.Kill() })
	return a
}

// TestDesktopWindowUnderXvfb starts the real Wails binary, sees its window,
// takes a screenshot, and quits it cleanly with SIGTERM.
func TestDesktopWindowUnderXvfb(t *testing.T) {
	app := startDesktop(t)
	cmd, display, data, exited, stderr := app.cmd, app.display, app.data, app.exited, app.stderr

	deadline := time.Now().Add(60 * time.Second)
	for {
		out, _ := exec.Command("xwininfo", "-display", display, "-root", "-tree").Output()
		if bytes.Contains(out, []byte(`"eRPPS Desktop"`)) {
			break
		}
		select {
		case err := <-exited:
			t.Fatalf("the app exited before showing its window: %v\n%s", err, stderr.String())
		default:
		}
		if time.Now().After(deadline) {
			t.Fatalf("no window titled eRPPS Desktop within 60 s\n%s", stderr.String())
		}
		time.Sleep(300 * time.Millisecond)
	}
	time.Sleep(4 * time.Second) // let the web view paint the entry page
	checkWebEngineSettings(t, cmd.Process.Pid)
	if _, err := exec.LookPath("import"); err == nil {
		dir := os.Getenv("ERPPS_ARTIFACTS")
		if dir == "" {
			dir = t.TempDir()
		}
		dir = filepath.Join(dir, "screenshots")
		_ = os.MkdirAll(dir, 0o755)
		shot := filepath.Join(dir, "desktop-xvfb.png")
		if out, err := exec.Command("import", "-display", display, "-window", "root", shot).CombinedOutput(); err != nil {
			t.Errorf("screenshot: %v %s", err, out)
		}
	}

	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	select {
	case err := <-exited:
		if err != nil {
			t.Fatalf("the app did not quit cleanly: %v\n%s", err, stderr.String())
		}
	case <-time.After(15 * time.Second):
		t.Fatalf("the app did not quit within 15 s of SIGTERM\n%s", stderr.String())
	}
	logText, err := os.ReadFile(filepath.Join(data, "erpps.log"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"application started", "application stopped"} {
		if !strings.Contains(string(logText), want) {
			t.Fatalf("log lacks %q:\n%s", want, logText)
		}
	}
	t.Logf("desktop window seen on %s and closed cleanly", display)
}

// checkWebEngineSettings fails unless the app's web process runs with the
// settings the desktop sets (app/webengine.go): they work only if they reach
// the environment of the processes WebKit starts. It also fails if the app's
// own process draws the page with OpenGL ES (libGLESv2 mapped): the DMA-BUF
// renderer that WEBKIT_DISABLE_DMABUF_RENDERER turns off.
func checkWebEngineSettings(t *testing.T, appPid int) {
	t.Helper()
	maps, err := os.ReadFile(fmt.Sprintf("/proc/%d/maps", appPid))
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(maps, []byte("libGLESv2")) {
		t.Error("the app's process maps libGLESv2: the web view still uses the DMA-BUF renderer")
	}
	for _, pid := range processTree(appPid) {
		comm, _ := os.ReadFile(fmt.Sprintf("/proc/%d/comm", pid))
		if !strings.HasPrefix(string(comm), "WebKitWebProces") {
			continue
		}
		environ, err := os.ReadFile(fmt.Sprintf("/proc/%d/environ", pid))
		if err != nil {
			t.Fatal(err)
		}
		vars := strings.Split(string(environ), "\x00")
		for _, kv := range app.WebEngineSettings() {
			if want := kv[0] + "=" + kv[1]; !slices.Contains(vars, want) {
				t.Errorf("the web process's environment lacks %s", want)
			}
		}
		return
	}
	t.Fatal("no WebKitWebProcess under the app")
}

// TestDesktopSelfTest runs the UI's self-test inside the real WebKitGTK window
// (erpps --selftest): the UI calls the Go methods through the Wails bindings
// (values, field errors, error codes through the ErrorFormatter, a request's
// life) and reports; the process exits 0 only when every check passed.
func TestDesktopSelfTest(t *testing.T) {
	app := startDesktop(t, "--selftest")
	cmd, data, exited, stderr := app.cmd, app.data, app.exited, app.stderr
	select {
	case err := <-exited:
		logText, _ := os.ReadFile(filepath.Join(data, "erpps.log"))
		if err != nil {
			t.Fatalf("self-test failed: %v\n%s\n%s", err, stderr.String(), logText)
		}
		if !strings.Contains(string(logText), "self-test passed") {
			t.Fatalf("no self-test report in the log:\n%s", logText)
		}
		t.Logf("desktop self-test passed")
	case <-time.After(90 * time.Second):
		_ = cmd.Process.Kill()
		t.Fatalf("the self-test did not finish within 90 s\n%s", stderr.String())
	}
}
