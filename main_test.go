package main

import (
	"bytes"
	"crypto/sha256"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestBadStoreFileIsReportedAndKept: a damaged data file gives a clear
// French message at start-up and is never overwritten.
func TestBadStoreFileIsReportedAndKept(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "erpps.db")
	garbage := bytes.Repeat([]byte("not a database, a holiday photo. "), 300)
	if err := os.WriteFile(path, garbage, 0o600); err != nil {
		t.Fatal(err)
	}
	before := sha256.Sum256(garbage)
	var stderr bytes.Buffer
	if code := run([]string{"web", "--data", dir, "--addr", "127.0.0.1:0"}, &stderr); code != 1 {
		t.Fatalf("exit code %d, want 1; stderr: %s", code, stderr.String())
	}
	if !strings.Contains(stderr.String(), "endommagé") {
		t.Fatalf("no clear message: %s", stderr.String())
	}
	after, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if sha256.Sum256(after) != before {
		t.Fatal("the damaged file was modified")
	}
}

func TestUsage(t *testing.T) {
	var stderr bytes.Buffer
	if code := run([]string{"--no-such-flag"}, &stderr); code != 2 {
		t.Fatalf("exit code %d, want 2", code)
	}
	stderr.Reset()
	if code := run([]string{"version"}, &stderr); code != 0 || !strings.HasPrefix(stderr.String(), "erpps ") {
		t.Fatalf("version: %d %q", code, stderr.String())
	}
}
