package phone

import (
	"os"
	"os/exec"
	"regexp"
	"strconv"
	"testing"
)

// TestNoMetadataParsedAtStart: every program that links this package (the
// desktop among them) pays the phone library's package initialisation at
// start; its metadata (all countries' numbering plans, about 2 MB of heap once
// parsed) is built on the first number read, not at start.
// GODEBUG=inittrace=1 reports what each package's init allocates.
func TestNoMetadataParsedAtStart(t *testing.T) {
	if os.Getenv("ERPPS_PHONE_INITTRACE") != "" {
		return // the child process: its start is what is measured
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestNoMetadataParsedAtStart$", "-test.count=1")
	cmd.Env = append(os.Environ(), "GODEBUG=inittrace=1", "ERPPS_PHONE_INITTRACE=1")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("child test binary: %v\n%s", err, out)
	}
	m := regexp.MustCompile(`init github\.com/nyaruka/phonenumbers @[^,]*, [^,]*, (\d+) bytes`).FindSubmatch(out)
	if m == nil {
		t.Fatalf("no init trace of github.com/nyaruka/phonenumbers in:\n%s", out)
	}
	allocated, _ := strconv.Atoi(string(m[1]))
	const limit = 512 << 10
	if allocated > limit {
		t.Errorf("github.com/nyaruka/phonenumbers allocates %d bytes at start, want at most %d (metadata built on first use)", allocated, limit)
	}
	// The metadata is there when a number is read.
	if _, err := Parse("06 12 34 56 78", "75"); err != nil {
		t.Fatalf("Parse after a lazy start: %v", err)
	}
}
