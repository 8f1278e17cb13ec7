package erpps

import (
	"context"
	"time"
)

// IssuedAttestation is the record of an attestation d'enregistrement issued:
// its number, for whom, when, and the hash of what was signed.
type IssuedAttestation struct {
	Number      string    `json:"number"`
	RPPS        string    `json:"rpps"`
	IssuedAt    time.Time `json:"issuedAt"`
	PayloadHash string    `json:"payloadHash"`
}

// AttestationRegistry numbers and records the attestations issued. A number
// is taken only when an attestation is recorded: serving a document that is
// not delivered (a HEAD request, a canceled or failed save) takes none.
type AttestationRegistry interface {
	// PeekAttestationNumber returns the number the next attestation of year
	// would take ("ATT-2026-000001"), without taking it.
	PeekAttestationNumber(ctx context.Context, year int) (string, error)
	// RecordAttestation takes a.Number and keeps the record, atomically; a
	// number that is not the next one of its year (taken meanwhile) is
	// ECONFLICT.
	RecordAttestation(ctx context.Context, a IssuedAttestation) error
	// ReleaseAttestation gives back the number of an attestation that could
	// not be delivered: its record goes and, when it is still the last of its
	// year, the next attestation takes it again.
	ReleaseAttestation(ctx context.Context, number string) error
	FindAttestation(ctx context.Context, number string) (*IssuedAttestation, error)
}

// SettingsStore keeps small values of the application. Secrets do not belong
// there (the local signing key is in its own file).
type SettingsStore interface {
	// GetSetting returns the value of key, ENOTFOUND when absent.
	GetSetting(ctx context.Context, key string) ([]byte, error)
	SetSetting(ctx context.Context, key string, value []byte) error
	// DeleteSetting removes key, if present, leaving no copy in the store.
	DeleteSetting(ctx context.Context, key string) error
}
