package phone

import (
	"os/exec"
	"strings"
	"testing"
)

// TestNoProtobufLinked: every byte of code linked into the desktop is resident
// (its memory is measured as PSS), and google.golang.org/protobuf's reflection
// runtime (0.73 MB of symbols plus its pclntab) was linked only to decode the
// phone library's metadata. Our copy of the library decodes it with its own
// wire reader (backend/third_party/phonenumbers/ERPPS.md).
func TestNoProtobufLinked(t *testing.T) {
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("go not on PATH")
	}
	out, err := exec.Command(goTool, "list", "-deps", "erpps/backend/phone").Output()
	if err != nil {
		t.Fatalf("go list -deps erpps/backend/phone: %v", err)
	}
	var protobuf []string
	for _, pkg := range strings.Fields(string(out)) {
		if strings.HasPrefix(pkg, "google.golang.org/protobuf") {
			protobuf = append(protobuf, pkg)
		}
	}
	if len(protobuf) > 0 {
		t.Errorf("erpps/backend/phone links %d protobuf packages: %s", len(protobuf), strings.Join(protobuf, " "))
	}
	if !strings.Contains(string(out), "github.com/nyaruka/phonenumbers") {
		t.Errorf("go list -deps erpps/backend/phone does not list the phone library:\n%s", out)
	}
}
