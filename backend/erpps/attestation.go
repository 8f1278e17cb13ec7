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

// AttestationRegistry numbers and records the attestations issued.
type AttestationRegistry interface {
	// NextAttestationNumber draws the next number of year, atomically.
	NextAttestationNumber(ctx context.Context, year int) (string, error)
	RecordAttestation(ctx context.Context, a IssuedAttestation) error
	FindAttestation(ctx context.Context, number string) (*IssuedAttestation, error)
}

// SettingsStore keeps small values of the application (the local signing
// key, for instance).
type SettingsStore interface {
	// GetSetting returns the value of key, ENOTFOUND when absent.
	GetSetting(ctx context.Context, key string) ([]byte, error)
	SetSetting(ctx context.Context, key string, value []byte) error
}
