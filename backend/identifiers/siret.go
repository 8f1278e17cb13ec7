package identifiers

import "fmt"

// Lengths of the business identifiers of the INSEE's SIRENE register.
const (
	SIRENLength = 9
	SIRETLength = 14
)

// La Poste numbers its many establishments outside the Luhn scheme: apart from
// its head office, a SIRET of SIREN 356000000 is valid when its 14 digits add
// up to a multiple of 5.
const (
	laPosteSIREN      = "356000000"
	laPosteHeadOffice = "35600000000048"
)

var (
	sirenSpec = spec{kind: "SIREN", subject: "Le numéro SIREN", object: "le numéro SIREN", length: SIRENLength, unit: "chiffres"}
	siretSpec = spec{kind: "SIRET", subject: "Le numéro SIRET", object: "le numéro SIRET", length: SIRETLength, unit: "chiffres"}
)

// ParseSIREN returns the 9 digits of a SIREN number (Luhn key checked).
func ParseSIREN(s string) (string, error) {
	v, err := cleanInput(sirenSpec, s)
	if err != nil {
		return "", err
	}
	if len(v) == SIRETLength {
		return "", newError(sirenSpec.kind, CodeLength, fmt.Sprintf(
			"Le numéro SIREN doit comporter %d chiffres (vous en avez saisi %d) : il s'agit peut-être d'un SIRET, dont le SIREN est formé des 9 premiers chiffres.",
			SIRENLength, SIRETLength))
	}
	if len(v) != SIRENLength {
		return "", lengthError(sirenSpec, v)
	}
	if !LuhnValid(v) {
		return "", checksumError(sirenSpec)
	}
	return v, nil
}

// ParseSIRET returns the 14 digits of a SIRET number: the Luhn key is checked,
// and La Poste's rule applies to its establishments (see laPosteSIREN); a La
// Poste SIRET that passes the Luhn formula is accepted too.
func ParseSIRET(s string) (string, error) {
	v, err := cleanInput(siretSpec, s)
	if err != nil {
		return "", err
	}
	if len(v) == SIRENLength {
		return "", newError(siretSpec.kind, CodeLength, fmt.Sprintf(
			"Le numéro SIRET doit comporter %d chiffres (vous en avez saisi %d) : il s'agit peut-être du SIREN ; ajoutez les 5 chiffres de l'établissement (NIC).",
			SIRETLength, SIRENLength))
	}
	if len(v) != SIRETLength {
		return "", lengthError(siretSpec, v)
	}
	if !siretKeyValid(v) {
		return "", checksumError(siretSpec)
	}
	return v, nil
}

// siretKeyValid checks the key of 14 digits.
func siretKeyValid(v string) bool {
	if LuhnValid(v) {
		return true
	}
	return v[:SIRENLength] == laPosteSIREN && v != laPosteHeadOffice && digitSum(v)%5 == 0
}

// SIRENOfSIRET returns the SIREN part (first 9 digits) of a SIRET, normalised
// like ParseSIRET does; "" when siret is not 14 digits. It does not check keys.
func SIRENOfSIRET(siret string) string {
	v := normalise(siret)
	if len(v) != SIRETLength || !isDigits(v) {
		return ""
	}
	return v[:SIRENLength]
}
