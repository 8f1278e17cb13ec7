package identifiers

import (
	"fmt"
	"strings"
)

// IDNPS type prefixes (nomenclature TRE_G08).
const (
	IDNPSTypeADELI = "0"
	IDNPSTypeRPPS  = "8"
)

// IDNPS is the national identifier of a health professional: a type prefix
// followed by the identifier. "8" + RPPS (12 digits) is what Pro Santé Connect
// expects; "0" + ADELI (10 characters) is for professionals still under ADELI.
type IDNPS struct {
	Type string `json:"type"` // IDNPSTypeRPPS or IDNPSTypeADELI
	ID   string `json:"id"`   // the RPPS or ADELI number, without the prefix
}

// String returns the IDNPS as it is written: the type prefix then the number.
func (i IDNPS) String() string { return i.Type + i.ID }

var idnpsSpec = spec{kind: "IDNPS", subject: "L'identifiant national (IDNPS)", object: "l'identifiant national (IDNPS)", unit: "caractères"}

// ParseIDNPS parses "8"+RPPS or "0"+ADELI. A bare RPPS or ADELI number is
// refused with CodePrefix and a message saying which digit to put in front.
func ParseIDNPS(s string) (IDNPS, error) {
	v := normalise(s)
	if v == "" {
		return IDNPS{}, newError(idnpsSpec.kind, CodeEmpty, "Saisissez "+idnpsSpec.object+".")
	}
	if len(v) == RPPSLength && LuhnValid(v) {
		return IDNPS{}, newError(idnpsSpec.kind, CodePrefix,
			"Vous avez saisi un numéro RPPS : ajoutez « 8 » devant pour former l'identifiant national (IDNPS), qui comporte 12 chiffres.")
	}
	if len(v) == ADELILength {
		if _, err := ParseADELI(v); err == nil {
			return IDNPS{}, newError(idnpsSpec.kind, CodePrefix,
				"Vous avez saisi un numéro ADELI : ajoutez « 0 » devant pour former l'identifiant national (IDNPS), qui comporte 10 caractères.")
		}
	}
	switch v[0] {
	case '8':
		return parseIDNPSRPPS(v)
	case '0':
		return parseIDNPSADELI(v)
	}
	if !wellFormedCharacters(v, false) {
		return IDNPS{}, charactersError(idnpsSpec, v)
	}
	return IDNPS{}, newError(idnpsSpec.kind, CodeUnknown,
		"L'identifiant national (IDNPS) commence par 8 suivi des 11 chiffres du numéro RPPS, ou par 0 suivi des 9 caractères du numéro ADELI.")
}

func parseIDNPSRPPS(v string) (IDNPS, error) {
	if !isDigits(v) {
		return IDNPS{}, charactersError(idnpsSpec, v)
	}
	if len(v) != 1+RPPSLength {
		return IDNPS{}, newError(idnpsSpec.kind, CodeLength, fmt.Sprintf(
			"L'identifiant national (IDNPS) d'un professionnel au RPPS comporte 12 chiffres : 8 suivi des 11 chiffres du numéro RPPS (vous en avez saisi %d).", len(v)))
	}
	if !LuhnValid(v[1:]) {
		return IDNPS{}, newError(idnpsSpec.kind, CodeChecksum,
			"L'identifiant national (IDNPS) saisi est incorrect : vérifiez les chiffres du numéro RPPS (clé de contrôle invalide).")
	}
	return IDNPS{Type: IDNPSTypeRPPS, ID: v[1:]}, nil
}

func parseIDNPSADELI(v string) (IDNPS, error) {
	if len(v) > 1 && !wellFormedCharacters(v[1:], true) {
		sp := idnpsSpec
		sp.corsica = true
		return IDNPS{}, charactersError(sp, v)
	}
	if len(v) != 1+ADELILength {
		return IDNPS{}, newError(idnpsSpec.kind, CodeLength, fmt.Sprintf(
			"L'identifiant national (IDNPS) d'un professionnel ADELI comporte 10 caractères : 0 suivi des 9 caractères du numéro ADELI (vous en avez saisi %d).", len(v)))
	}
	if _, err := ParseADELI(v[1:]); err != nil {
		return IDNPS{}, newError(idnpsSpec.kind, CodeChecksum,
			"L'identifiant national (IDNPS) saisi est incorrect : vérifiez les chiffres du numéro ADELI (clé de contrôle invalide).")
	}
	return IDNPS{Type: IDNPSTypeADELI, ID: v[1:]}, nil
}

// IDNPSFromRPPS returns "8" followed by the RPPS number, the identifier Pro
// Santé Connect expects. rpps is normalised like ParseRPPS does; when it is not
// a valid RPPS number the result is "", never a wrong identifier.
func IDNPSFromRPPS(rpps string) string {
	v, err := ParseRPPS(rpps)
	if err != nil {
		return ""
	}
	return IDNPSTypeRPPS + v
}

// IDNPSTyped is what an RPPS number being typed gives (the help page): the
// IDNPS to type on Pro Santé Connect once its 11 digits are there, or how many
// digits are still missing. Only the shape is checked (digits, at most 11),
// not the key: the number itself is checked when the professional connects.
type IDNPSTyped struct {
	IDNPS   string `json:"idnps"`   // "8" then the 11 digits; "" until they are all typed
	Missing int    `json:"missing"` // digits still to type, 0 when complete
}

// IDNPSOfTypedRPPS reads an RPPS number as it is being typed (spaces ignored).
func IDNPSOfTypedRPPS(typed string) (IDNPSTyped, error) {
	v := strings.Join(strings.Fields(typed), "")
	if v != "" && !isDigits(v) {
		return IDNPSTyped{}, newError("RPPS", CodeCharacters, "Le numéro RPPS ne contient que des chiffres.")
	}
	if len(v) > RPPSLength {
		return IDNPSTyped{}, newError("RPPS", CodeLength, fmt.Sprintf("Le numéro RPPS comporte 11 chiffres ; vous en avez saisi %d.", len(v)))
	}
	if len(v) < RPPSLength {
		return IDNPSTyped{Missing: RPPSLength - len(v)}, nil
	}
	return IDNPSTyped{IDNPS: IDNPS{Type: IDNPSTypeRPPS, ID: v}.String()}, nil
}
