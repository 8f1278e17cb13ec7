package identifiers

// ADELILength is the number of characters of an ADELI number.
const ADELILength = 9

var adeliSpec = spec{kind: "ADELI", subject: "Le numéro ADELI", object: "le numéro ADELI", length: ADELILength, unit: "caractères", corsica: true}

// ParseADELI returns the 9 characters of an ADELI number: département (2A/2B
// for Corsica), profession code, order number and key. The Luhn key is checked
// on numeric numbers (it held on every real sample; no official text was
// found); Corsican ones are accepted without a key check.
func ParseADELI(s string) (string, error) {
	v, err := cleanInput(adeliSpec, s)
	if err != nil {
		return "", err
	}
	if len(v) != ADELILength {
		return "", lengthError(adeliSpec, v)
	}
	if isCorsicaPrefix(v) {
		return v, nil
	}
	if !LuhnValid(v) {
		return "", checksumError(adeliSpec)
	}
	return v, nil
}
