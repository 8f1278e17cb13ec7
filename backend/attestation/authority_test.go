package attestation

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The attestation names the body that really keeps the record, and says
// what kind of body it is: the ARS for the professions it registers, the
// Ordre for the others (never « Agence régionale de santé » above an Ordre).
func TestAttestationNamesItsAuthority(t *testing.T) {
	ctx := context.Background()
	iss, db, rpps := mustIssuer(t)
	text := func() string {
		t.Helper()
		doc, err := iss.Issue(ctx, rpps, func(*Issued) error { return nil })
		if err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(t.TempDir(), doc.FileName)
		if err := os.WriteFile(path, doc.PDF, 0o600); err != nil {
			t.Fatal(err)
		}
		return string(run(t, "pdftotext", "-enc", "UTF-8", path, "-"))
	}
	p, err := db.FindPractitionerByRPPS(ctx, rpps)
	if err != nil {
		t.Fatal(err)
	}
	t.Run("ARS", func(t *testing.T) {
		got := text()
		if !strings.Contains(got, "Agence régionale de santé") || !strings.Contains(got, "ARS ") || strings.Contains(got, "Ordre") {
			t.Fatalf("an ARS-registered record's attestation:\n%s", got)
		}
	})
	t.Run("Ordre", func(t *testing.T) {
		for i := range p.Professions {
			p.Professions[i].Code = "10" // médecin
		}
		for i := range p.Activities {
			p.Activities[i].ProfessionCode = "10"
		}
		if err := db.SavePractitioner(ctx, p); err != nil {
			t.Fatal(err)
		}
		got := text()
		if !strings.Contains(got, "Ordre professionnel") || !strings.Contains(got, "Ordre des médecins") || strings.Contains(got, "Agence régionale de santé") {
			t.Fatalf("a médecin's attestation:\n%s", got)
		}
	})
}
