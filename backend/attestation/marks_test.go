package attestation

import (
	"crypto/ed25519"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"erpps/backend/signing"
)

// authoritySigner stands for the server's key: not a local one.
type authoritySigner struct{ s *signing.LocalSigner }

func (a authoritySigner) KeyID() string                   { return a.s.KeyID() }
func (a authoritySigner) Sign(msg []byte) ([]byte, error) { return a.s.Sign(msg) }
func (a authoritySigner) PublicKey() ed25519.PublicKey    { return a.s.PublicKey() }

// An attestation signed by this computer's key says, on the page and in the
// footer, that it is an offline preview; a demo record's says « DÉMO ».
func TestRenderMarks(t *testing.T) {
	r, err := NewRenderer()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name        string
		signer      signing.Signer
		demo        bool
		want, avoid []string
	}{
		{"LocalKey", testSigner(t, 1), false, []string{"APERÇU HORS LIGNE", "sans valeur officielle", "Aperçu signé par ce poste"}, []string{"DÉMO", "signée électroniquement : voir"}},
		{"LocalKeyDemo", testSigner(t, 1), true, []string{"APERÇU HORS LIGNE", "DÉMO — dossier fictif", "– DÉMO"}, nil},
		{"AuthorityKey", authoritySigner{testSigner(t, 1)}, false, []string{"signée électroniquement : voir"}, []string{"APERÇU", "DÉMO", "sans valeur officielle"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := sampleData(3)
			d.ExerciseName = "ESSAI"
			d.Demo = tt.demo
			pdf, err := r.Render(d, tt.signer)
			if err != nil {
				t.Fatal(err)
			}
			path := filepath.Join(t.TempDir(), "a.pdf")
			if err := os.WriteFile(path, pdf, 0o600); err != nil {
				t.Fatal(err)
			}
			text := string(run(t, "pdftotext", path, "-"))
			for _, w := range tt.want {
				if !strings.Contains(text, w) {
					t.Errorf("the PDF lacks %q", w)
				}
			}
			for _, a := range tt.avoid {
				if strings.Contains(text, a) {
					t.Errorf("the PDF says %q", a)
				}
			}
		})
	}
}
