package backoffice

import (
	"bytes"
	"encoding/json"
	"os"
	"testing"
)

// labelsFixture is what the front end's tests are fed as the server's labels.
const labelsFixture = "../../frontend/src/backoffice/testdata/labels.json"

// TestLabelsFixtureInSync: the front end's tests read the labels Go sends,
// not a copy of their own (ERPPS_UPDATE_FIXTURES=1 rewrites the file).
func TestLabelsFixtureInSync(t *testing.T) {
	want, err := json.MarshalIndent(NewLabels(), "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	want = append(want, '\n')
	if os.Getenv("ERPPS_UPDATE_FIXTURES") != "" {
		if err := os.WriteFile(labelsFixture, want, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := os.ReadFile(labelsFixture)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Fatalf("%s is not the labels Go sends; run ERPPS_UPDATE_FIXTURES=1 go test ./backend/backoffice -run TestLabelsFixtureInSync. Want:\n%s", labelsFixture, want)
	}
}
