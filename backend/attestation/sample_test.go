package attestation

import (
	"os"
	"path/filepath"
	"testing"
)

func TestWriteSample(t *testing.T) {
	dir := os.Getenv("ERPPS_SAMPLE_DIR")
	if dir == "" {
		t.Skip()
	}
	r, _ := NewRenderer()
	pdf, err := r.Render(sampleData(25), testSigner(t, 1))
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, "sample.pdf"), pdf, 0o644)
}
