package attestation

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// requireTool returns the path of an external tool. Outside CI a missing tool
// skips the test; in CI (the CI variable set) it fails it.
func requireTool(t *testing.T, name string) string {
	t.Helper()
	path, err := exec.LookPath(name)
	if err == nil {
		return path
	}
	if os.Getenv("CI") != "" {
		t.Fatalf("%s is missing (apt-get install -y poppler-utils zbar-tools): %v", name, err)
	}
	t.Skipf("%s is missing (apt-get install -y poppler-utils zbar-tools)", name)
	return ""
}

// run runs a tool and returns its standard output.
func run(t *testing.T, name string, args ...string) []byte {
	t.Helper()
	var stderr bytes.Buffer
	cmd := exec.Command(requireTool(t, name), args...)
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("%s %v: %v\n%s", name, args, err, stderr.String())
	}
	return out
}

// writePDF renders d into dir and returns the PDF's path.
func writePDF(t *testing.T, dir string, d Data) string {
	t.Helper()
	r, err := NewRenderer()
	if err != nil {
		t.Fatal(err)
	}
	pdf, err := r.Render(d, testSigner(t, 1))
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "attestation.pdf")
	if err := os.WriteFile(path, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// copyArtifacts copies the files to $ERPPS_ARTIFACTS, when it is set, under
// the names given.
func copyArtifacts(t *testing.T, files map[string]string) {
	t.Helper()
	dir := os.Getenv("ERPPS_ARTIFACTS")
	if dir == "" {
		return
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for from, name := range files {
		b, err := os.ReadFile(from)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("artifact %s", filepath.Join(dir, name))
	}
}
