// Package core contains all core interfaces and basic implementations.
package core

import (
	"encoding/base64"
	"errors"
	"os"

	// erpps patch: internal/time and pkg/merge (pdfcpu) are not imported.
	"github.com/johnfercher/maroto/v2/pkg/metrics"
)

// ErrMergeUnavailable is returned by Pdf.Merge: merging PDFs needs pdfcpu,
// which eRPPS's copy of maroto does not link (erpps patch).
var ErrMergeUnavailable = errors.New("maroto: merging PDFs is not available in this copy (no pdfcpu)")

type Pdf struct {
	bytes  []byte
	report *metrics.Report
}

// NewPDF is responsible to create a new instance of PDF.
func NewPDF(bytes []byte, report *metrics.Report) Document {
	return &Pdf{
		bytes:  bytes,
		report: report,
	}
}

// GetBytes returns the PDF bytes.
func (p *Pdf) GetBytes() []byte {
	return p.bytes
}

// GetBase64 returns the PDF bytes in base64.
func (p *Pdf) GetBase64() string {
	return base64.StdEncoding.EncodeToString(p.bytes)
}

// GetReport returns the metrics.Report.
func (p *Pdf) GetReport() *metrics.Report {
	return p.report
}

// Save saves the PDF in a file.
func (p *Pdf) Save(file string) error {
	return os.WriteFile(file, p.bytes, os.ModePerm)
}

// Merge merges the PDF with another PDF.
// erpps patch: it always returns ErrMergeUnavailable and leaves the PDF as it
// is (upstream merged with pkg/merge, then appended a "merge_pdf" time metric
// to the report with appendMetric, removed here too).
func (p *Pdf) Merge(_ []byte) error {
	return ErrMergeUnavailable
}
