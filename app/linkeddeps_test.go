package app

import (
	"errors"
	"os/exec"
	"strings"
	"testing"
)

// forbiddenInDesktop lists import path prefixes the desktop binary must not
// link: the whole binary's code ends up resident (PSS), and none of these is
// ever run by the desktop.
var forbiddenInDesktop = []struct{ prefix, reason string }{
	{"github.com/pdfcpu/", "maroto's PDF merge (concurrent and low memory generation), cut in backend/third_party/maroto"},
	{"gopkg.in/yaml.v2", "pdfcpu's configuration, only reached through maroto's PDF merge"},
	{"github.com/f-amaral/go-async", "maroto's concurrent generation's worker pool, cut in backend/third_party/maroto"},
	{"github.com/boombuler/barcode", "maroto's barcodes and QR codes: the attestation draws its QR code with go-qr (qrcode.go)"},
	{"google.golang.org/protobuf", "the phone library's metadata, decoded by its own wire reader in backend/third_party/phonenumbers (ERPPS.md)"},
}

// TestDesktopLinksNoUnusedLibraries fails when a library the desktop never
// runs comes back into its dependencies (for instance an update of maroto
// without re-applying backend/third_party/maroto's or phonenumbers' patch).
func TestDesktopLinksNoUnusedLibraries(t *testing.T) {
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("go is not on PATH")
	}
	cmd := exec.Command("go", "list", "-deps", "-tags", "desktop,production,webkit2_41", "erpps")
	cmd.Dir = ".." // the repository's root
	out, err := cmd.Output()
	if err != nil {
		var stderr string
		if ee := (*exec.ExitError)(nil); errors.As(err, &ee) {
			stderr = string(ee.Stderr)
		}
		t.Fatalf("go list: %v\n%s", err, stderr)
	}
	for _, pkg := range strings.Fields(string(out)) {
		for _, f := range forbiddenInDesktop {
			if strings.HasPrefix(pkg, f.prefix) {
				t.Errorf("the desktop links %s (%s)", pkg, f.reason)
			}
		}
	}
	if !strings.Contains(string(out), "github.com/nyaruka/phonenumbers") {
		t.Errorf("go list -deps does not list the phone library:\n%s", out)
	}
}
