package identifiers

// FINESSLength is the number of characters of a FINESS number.
const FINESSLength = 9

var finessSpec = spec{kind: "FINESS", subject: "Le numéro FINESS", object: "le numéro FINESS", length: FINESSLength, unit: "caractères", corsica: true}

// ParseFINESS returns the 9 characters of a FINESS number (établissement
// géographique ET or entité juridique EJ). It starts with the département: two
// digits, 97 for the overseas ones, 2A or 2B for Corsica (never 20). The Luhn
// key is checked on numeric numbers; Corsican ones are accepted without a key
// check, as no rule was found for them.
func ParseFINESS(s string) (string, error) {
	v, err := cleanInput(finessSpec, s)
	if err != nil {
		return "", err
	}
	if len(v) != FINESSLength {
		return "", lengthError(finessSpec, v)
	}
	if isCorsicaPrefix(v) {
		return v, nil
	}
	switch v[:2] {
	case "20":
		return "", newError(finessSpec.kind, CodePrefix,
			"Pour la Corse, le numéro FINESS commence par 2A (Corse-du-Sud) ou 2B (Haute-Corse), et non par 20.")
	case "00", "96":
		return "", newError(finessSpec.kind, CodeUnknown,
			"Le numéro FINESS saisi est incorrect : ses deux premiers chiffres doivent être ceux d'un département.")
	}
	if !LuhnValid(v) {
		return "", checksumError(finessSpec)
	}
	return v, nil
}
