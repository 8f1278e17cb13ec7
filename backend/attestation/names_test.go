package attestation

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"
)

// Every name comes back from the PDF exactly, whatever its script: the
// embedded font has the letters that Helvetica (Windows-1252) lost.
func TestRenderExactNames(t *testing.T) {
	names := []struct{ first, exercise, birth string }{
		{"Łukasz", "Dvořák", "Dvořák"},
		{"Nguyễn Thị", "Ánh", "Nguyễn"},
		{"Anaïs-Hélène", "DÉMONSTRATION-LŒUVRE", "Çağlar"},
		{"Ștefan", "Țurcanu", "Ðorđević"},
		{"Zoë", "Åsa Øvergård", "Strauß"},
		{"Γιώργος", "Παπαδόπουλος", "Шевченко"},
	}
	r, err := NewRenderer()
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range names {
		t.Run(n.exercise, func(t *testing.T) {
			d := sampleData(3)
			d.FirstName, d.ExerciseName, d.BirthName = n.first, n.exercise, n.birth
			d.Activities[0].Structure = "Cabinet " + n.exercise
			pdf, err := r.Render(d, testSigner(t, 1))
			if err != nil {
				t.Fatal(err)
			}
			path := filepath.Join(t.TempDir(), "a.pdf")
			if err := os.WriteFile(path, pdf, 0o600); err != nil {
				t.Fatal(err)
			}
			text := norm.NFC.String(string(run(t, "pdftotext", "-enc", "UTF-8", path, "-")))
			for _, want := range []string{n.first, n.exercise, n.birth, "Cabinet " + n.exercise} {
				if !strings.Contains(text, want) {
					t.Errorf("pdftotext does not give back %q", want)
				}
			}
		})
	}
}
