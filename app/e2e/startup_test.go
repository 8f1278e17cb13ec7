package e2e

import (
	"bytes"
	"context"
	"crypto/sha256"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// runBinary runs the erpps binary with args and returns its exit code and
// standard error.
func runBinary(t *testing.T, args ...string) (int, string) {
	t.Helper()
	return runWithEnv(t, nil, args...)
}

// runWithEnv runs the erpps binary with args and extra environment variables
// ("K=V"), and returns its exit code and standard error. A process still
// running after 30 s is killed and fails the test.
func runWithEnv(t *testing.T, env []string, args ...string) (int, string) {
	t.Helper()
	var stderr bytes.Buffer
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, webBinary(t), args...)
	cmd.Env = append(os.Environ(), env...)
	cmd.Stderr = &stderr
	err := cmd.Run()
	if ctx.Err() != nil {
		t.Fatalf("erpps %s still running after 30 s (killed)\n%s", strings.Join(args, " "), stderr.String())
	}
	var exit *exec.ExitError
	switch {
	case err == nil:
		return 0, stderr.String()
	case errors.As(err, &exit):
		return exit.ExitCode(), stderr.String()
	}
	t.Fatal(err)
	return 0, ""
}

// TestBadStoreFileIsReportedAndKept: a damaged data file gives a clear
// French message at start-up and is never overwritten.
func TestBadStoreFileIsReportedAndKept(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "erpps.db")
	garbage := bytes.Repeat([]byte("not a database, a holiday photo. "), 300)
	if err := os.WriteFile(path, garbage, 0o600); err != nil {
		t.Fatal(err)
	}
	code, stderr := runBinary(t, "web", "--data", dir, "--addr", "127.0.0.1:0")
	if code != 1 || !strings.Contains(stderr, "endommagé") {
		t.Fatalf("exit code %d, stderr %q; want 1 and a clear message", code, stderr)
	}
	after, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if sha256.Sum256(after) != sha256.Sum256(garbage) {
		t.Fatal("the damaged file was modified")
	}
}

func TestCommandLine(t *testing.T) {
	if code, _ := runBinary(t, "--no-such-flag"); code != 2 {
		t.Fatalf("unknown flag: exit code %d, want 2", code)
	}
	if code, stderr := runBinary(t, "version"); code != 0 || !strings.HasPrefix(stderr, "erpps ") {
		t.Fatalf("version: %d %q", code, stderr)
	}
}
