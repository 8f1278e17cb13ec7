package identifiers

// CommuneCodeLength is the number of characters of an INSEE commune code.
const CommuneCodeLength = 5

var communeSpec = spec{kind: "CodeCommune", subject: "Le code commune (INSEE)", object: "le code commune (INSEE)", length: CommuneCodeLength, unit: "caractères", corsica: true}

// ParseCommuneCode returns an INSEE commune code (code officiel géographique),
// which is not the postal code: 5 characters, the département (01 to 95, 2A or
// 2B for Corsica, never 20) then the commune's number (001 and up), or, overseas,
// 971 to 978 then two digits (975 Saint-Pierre-et-Miquelon, 977
// Saint-Barthélemy, 978 Saint-Martin). Codes 99xxx, which designate foreign
// countries, and the Pacific's 98xxx are refused.
func ParseCommuneCode(s string) (string, error) {
	v, err := cleanInput(communeSpec, s)
	if err != nil {
		return "", err
	}
	if len(v) != CommuneCodeLength {
		return "", lengthError(communeSpec, v)
	}
	if isCorsicaPrefix(v) {
		if v[2:] == "000" {
			return "", unknownCommune()
		}
		return v, nil
	}
	switch dept := v[:2]; {
	case dept == "20":
		return "", newError(communeSpec.kind, CodePrefix,
			"Pour la Corse, le code commune (INSEE) commence par 2A (Corse-du-Sud) ou 2B (Haute-Corse), et non par 20.")
	case dept == "97":
		if v[2] < '1' || v[2] > '8' || v[3:] == "00" {
			return "", unknownCommune()
		}
		return v, nil
	case dept == "00" || dept >= "96":
		return "", unknownCommune()
	case v[2:] == "000":
		return "", unknownCommune()
	}
	return v, nil
}

func unknownCommune() *Error {
	return newError(communeSpec.kind, CodeUnknown,
		"Ce code commune (INSEE) n'existe pas : il commence par le numéro du département (2A ou 2B pour la Corse, 971 à 978 outre-mer), suivi du numéro de la commune.")
}
