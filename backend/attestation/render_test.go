package attestation

import (
	"bytes"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"

	"erpps/backend/erpps"
	"erpps/backend/signing"
)

// TestRenderSample renders 25 activities, reads the PDF back with poppler and
// decodes its QR code with zbar from a page image at 80 dpi.
func TestRenderSample(t *testing.T) {
	dir := t.TempDir()
	d := sampleData(25)
	pdf := writePDF(t, dir, d)

	text := string(run(t, "pdftotext", "-layout", pdf, "-"))
	for _, want := range []string{
		"Attestation d'enregistrement au RPPS", "RÉPUBLIQUE", "FRANÇAISE",
		d.RPPS, d.IDNPS, "DÉMONSTRATION-LŒUVRE", "Anaïs-Hélène", "ARS Occitanie",
		"27 novembre 2026", "ATT-2026-000123", "Chirurgien-dentiste",
		"Cabinet médical des Écoles n° 1 ", "Cabinet médical des Écoles n° 25", "Page 2 / 2",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("pdftotext misses %q", want)
		}
	}
	if strings.ContainsAny(text, "Ã�") {
		t.Error("broken accents in the text")
	}

	run(t, "pdftoppm", "-png", "-r", "80", pdf, filepath.Join(dir, "page"))
	page1 := filepath.Join(dir, "page-1.png")
	out := run(t, "zbarimg", "--raw", "-q", page1)
	payload := strings.TrimSpace(string(out))
	ring := signing.NewKeyRing(testSigner(t, 1).PublicKey())
	v, err := Verify(payload, ring)
	if err != nil {
		t.Fatalf("the decoded QR code %q does not verify: %v", payload, err)
	}
	if v.RPPS != d.RPPS || v.Name != d.Name() || !v.Matches(d) {
		t.Errorf("Verified = %+v", v)
	}
	t.Run("ErrOneByteChanged", func(t *testing.T) {
		for i := 0; i < len(payload); i++ {
			b := []byte(payload)
			if b[i] == 'A' {
				b[i] = 'B'
			} else {
				b[i] = 'A'
			}
			if _, err := Verify(string(b), ring); err == nil {
				t.Fatalf("Verify accepted the payload with byte %d changed: %q", i, b)
			}
		}
	})
	copyArtifacts(t, map[string]string{
		pdf:                              "attestation-sample.pdf",
		page1:                            "attestation-sample-1.png",
		filepath.Join(dir, "page-2.png"): "attestation-sample-2.png",
	})
}

func TestRenderPageCount(t *testing.T) {
	tests := []struct {
		name       string
		activities int
		pages      string
	}{
		{"NoActivity", 0, "1"},
		{"FewActivities", 3, "1"},
		{"ManyActivities", 25, "2"},
		{"VeryManyActivities", 80, "4"}, // DejaVu Sans is wider than Helvetica
	}
	pagesRe := regexp.MustCompile(`(?m)^Pages:\s+(\d+)$`)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			pdf := writePDF(t, dir, sampleData(tt.activities))
			m := pagesRe.FindSubmatch(run(t, "pdfinfo", pdf))
			if m == nil || string(m[1]) != tt.pages {
				t.Errorf("pages = %q, want %s", m, tt.pages)
			}
			text := string(run(t, "pdftotext", pdf, "-"))
			if tt.activities == 0 && !strings.Contains(text, noActivity) {
				t.Errorf("no %q", noActivity)
			}
			// The table head is repeated on each page the table runs onto.
			if n := strings.Count(text, "Structure / raison sociale"); tt.activities > 25 && n < 2 {
				t.Errorf("table head printed %d times", n)
			}
		})
	}
}

func TestRenderRejectsIncompleteData(t *testing.T) {
	r, err := NewRenderer()
	if err != nil {
		t.Fatal(err)
	}
	d := sampleData(1)
	d.RPPS, d.DocumentNumber = "", ""
	_, err = r.Render(d, testSigner(t, 1))
	e := erpps.AsError(err)
	if e == nil || e.Code != erpps.EINVALID || len(e.Fields) != 2 {
		t.Fatalf("Render = %v", err)
	}
	if e.Fields[0].Field != "documentNumber" || e.Fields[1].Field != "rpps" {
		t.Errorf("fields = %+v", e.Fields)
	}
	if _, err := r.Render(sampleData(1), nil); erpps.ErrorCode(err) != erpps.EINTERNAL {
		t.Errorf("Render(nil signer) = %v", err)
	}
}

func TestRenderIsAPDF(t *testing.T) {
	r, _ := NewRenderer()
	pdf, err := r.Render(sampleData(2), testSigner(t, 1))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(pdf, []byte("%PDF-")) || !bytes.Contains(pdf[len(pdf)-32:], []byte("%%EOF")) {
		t.Errorf("not a PDF: %q...%q", pdf[:8], pdf[len(pdf)-8:])
	}
}

// TestRenderConcurrently shares one Renderer between goroutines (run with -race).
func TestRenderConcurrently(t *testing.T) {
	r, _ := NewRenderer()
	s := testSigner(t, 1)
	var wg sync.WaitGroup
	sizes := make([]int, 4)
	for i := range sizes {
		wg.Add(1)
		go func() {
			defer wg.Done()
			pdf, err := r.Render(sampleData(10+i), s)
			if err != nil {
				t.Error(err)
			}
			sizes[i] = len(pdf)
		}()
	}
	wg.Wait()
	for i, n := range sizes {
		if n == 0 {
			t.Errorf("goroutine %d rendered nothing", i)
		}
	}
}
