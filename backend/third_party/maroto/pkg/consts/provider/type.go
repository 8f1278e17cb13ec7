// Package provider contains all document generation providers.
package provider

// Type is a representation of a document generation provider.
type Type string

const (
	// Gofpdf represents the gofpdf provider.
	Gofpdf Type = "gofpdf"
)
