package attestation

import (
	"testing"

	"github.com/johnfercher/maroto/v2/pkg/consts/fontfamily"
)

// BenchmarkRender25 renders one attestation with 25 activities and its QR
// code, as the application does (embedded Unicode font).
func BenchmarkRender25(b *testing.B) {
	r, err := NewRenderer()
	if err != nil {
		b.Fatal(err)
	}
	benchmarkRender(b, r)
}

// BenchmarkRender25Helvetica renders the same document with the PDF core font
// Helvetica (Windows-1252 only): the baseline of the embedded font.
func BenchmarkRender25Helvetica(b *testing.B) {
	r, err := newHelveticaRenderer()
	if err != nil {
		b.Fatal(err)
	}
	benchmarkRender(b, r)
}

// BenchmarkRender25MarotoDefaults renders the same document the way maroto
// does by default: family "arial", whose text maroto converts to Windows-1252
// by re-parsing a code page table on every call. It is the "before" of the
// text optimisations. Its QR code is the application's: maroto's own bitmap
// QR code (which did not scan at 80 dpi) is cut from eRPPS's copy of maroto
// (backend/third_party/maroto/ERPPS.md).
func BenchmarkRender25MarotoDefaults(b *testing.B) {
	r, err := newRenderer(layout{family: fontfamily.Arial, encode: func(s string) string { return s }}, nil)
	if err != nil {
		b.Fatal(err)
	}
	benchmarkRender(b, r)
}

func benchmarkRender(b *testing.B, r *Renderer) {
	s := testSigner(b, 1)
	d := sampleData(25)
	b.ReportAllocs()
	cpu := processCPU()
	for b.Loop() {
		if _, err := r.Render(d, s); err != nil {
			b.Fatal(err)
		}
	}
	// CPU time per document (garbage collection included): wall time
	// varies with the machine's load, this much less.
	if used := processCPU() - cpu; used > 0 {
		b.ReportMetric(float64(used)/float64(b.N), "cpu-ns/op")
	}
}

// BenchmarkPayload signs the QR code's content.
func BenchmarkPayload(b *testing.B) {
	s := testSigner(b, 1)
	d := sampleData(25)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Payload(d, s); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkQRCode encodes the QR code and draws its PNG.
func BenchmarkQRCode(b *testing.B) {
	s := testSigner(b, 1)
	payload, err := Payload(sampleData(25), s)
	if err != nil {
		b.Fatal(err)
	}
	e := newQREncoder()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := e.encode(payload); err != nil {
			b.Fatal(err)
		}
	}
}
