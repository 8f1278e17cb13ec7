package erpps

import "fmt"

// AttestationNumber writes the number of the seq-th attestation of year:
// "ATT-2026-000001".
func AttestationNumber(year int, seq int64) string {
	return fmt.Sprintf("ATT-%04d-%06d", year, seq)
}

// ParseAttestationNumber reads "ATT-2026-000001" back; ok is false for
// anything AttestationNumber does not write.
func ParseAttestationNumber(number string) (year int, seq int64, ok bool) {
	if len(number) != len("ATT-2026-000001") {
		return 0, 0, false
	}
	if _, err := fmt.Sscanf(number, "ATT-%04d-%06d", &year, &seq); err != nil || year < 1 || seq < 1 {
		return 0, 0, false
	}
	return year, seq, AttestationNumber(year, seq) == number
}

// CheckAttestationYear rejects a year an attestation number cannot carry.
func CheckAttestationYear(year int) error {
	if year < 1 || year > 9999 {
		return Invalid("Année d'attestation invalide.")
	}
	return nil
}

// ReadAttestationNumber is ParseAttestationNumber with the EINVALID error
// given for a number it cannot read.
func ReadAttestationNumber(number string) (year int, seq int64, err error) {
	year, seq, ok := ParseAttestationNumber(number)
	if !ok {
		return 0, 0, Invalid("Numéro d'attestation invalide.")
	}
	return year, seq, nil
}

// Slot returns the year and sequence of a's number, rejecting a record
// without number or RPPS number.
func (a IssuedAttestation) Slot() (year int, seq int64, err error) {
	if a.Number == "" || a.RPPS == "" {
		return 0, 0, Invalid("Le numéro d'attestation et le numéro RPPS sont obligatoires.")
	}
	return ReadAttestationNumber(a.Number)
}
