package ecps

import (
	"fmt"
	"strings"

	"erpps/backend/erpps"
	"erpps/backend/identifiers"
)

// Identifier is a practitioner's identifier as understood: the RPPS number
// and the IDNPS ("8" + RPPS) that the screens show.
type Identifier struct {
	RPPS  string
	IDNPS string
}

// IdentifierReading is what the connection pages say, while it is typed,
// of what was typed in « Votre identifiant RPPS »: the identifier
// understood, or why there is none yet. The pages ask the server
// (POST /api/v1/ecps/identifier) so that the rule lives here only.
type IdentifierReading struct {
	OK bool `json:"ok"`
	// IDNPS is "8" + RPPS, 12 digits, when OK.
	IDNPS string `json:"idnps,omitempty"`
	RPPS  string `json:"rpps,omitempty"`
	// PrefixAdded: the number was typed without its "8", added here.
	PrefixAdded bool `json:"prefixAdded"`
	// Empty: nothing was typed.
	Empty bool `json:"empty"`
	// Message says what was understood (« Identifiant compris : 8 1000… »)
	// or what is wrong, in French.
	Message string `json:"message"`
}

// maxTypedIdentifier bounds what ReadIdentifier reads: far more than any
// identifier with its separators.
const maxTypedIdentifier = 64

// identifierSeparators are the characters people type inside an identifier
// and that are not part of it.
const identifierSeparators = " \t\u00a0.-_/"

// ReadIdentifier reads what a practitioner typed: the 11-digit RPPS number
// or the 12-digit IDNPS "8" + RPPS, with or without spaces, dots or dashes.
// The key is checked on the 11 RPPS digits (never on the 12-digit IDNPS);
// whether the practitioner exists is not.
func ReadIdentifier(typed string) IdentifierReading {
	if len(typed) > maxTypedIdentifier {
		return IdentifierReading{Message: "Votre identifiant compte 12 chiffres : un « 8 » suivi de vos 11 chiffres RPPS."}
	}
	raw := strings.Map(func(r rune) rune {
		if strings.ContainsRune(identifierSeparators, r) {
			return -1
		}
		return r
	}, typed)
	switch {
	case raw == "":
		return IdentifierReading{Empty: true, Message: "Indiquez votre identifiant : votre numéro RPPS avec un « 8 » devant."}
	case strings.Trim(raw, "0123456789") != "":
		return IdentifierReading{Message: "Votre identifiant ne contient que des chiffres : votre numéro RPPS (11 chiffres) avec un « 8 » devant."}
	}
	var rpps string
	prefixAdded := false
	switch {
	case len(raw) == identifiers.RPPSLength:
		rpps, prefixAdded = raw, true
	case len(raw) == identifiers.RPPSLength+1 && raw[0] == '8':
		rpps = raw[1:]
	case len(raw) == identifiers.RPPSLength+1:
		return IdentifierReading{Message: fmt.Sprintf("Un identifiant à 12 chiffres commence par « 8 » (le type RPPS), celui-ci commence par « %c ». Saisissez « 8 » suivi de vos 11 chiffres RPPS.", raw[0])}
	case len(raw) == identifiers.ADELILength+1 && raw[0] == '0':
		return IdentifierReading{Message: "Ceci ressemble à un identifiant ADELI (« 0 » suivi de 9 chiffres). La connexion e-CPS se fait avec votre numéro RPPS : retrouvez-le sur l'Annuaire Santé."}
	default:
		plural := ""
		if len(raw) > 1 {
			plural = "s"
		}
		return IdentifierReading{Message: fmt.Sprintf("Votre identifiant compte 12 chiffres : un « 8 » suivi de vos 11 chiffres RPPS. Vous avez saisi %d chiffre%s.", len(raw), plural)}
	}
	if !identifiers.LuhnValid(rpps) {
		return IdentifierReading{Message: fmt.Sprintf("Le numéro RPPS %s n'existe pas : son dernier chiffre (la clé) ne correspond pas. Vérifiez-le sur l'Annuaire Santé ou votre carte CPS.", rpps)}
	}
	how := "« 8 » suivi de votre numéro RPPS " + rpps + "."
	if prefixAdded {
		how = "vous avez saisi votre numéro RPPS, le « 8 » a été ajouté devant."
	}
	return IdentifierReading{OK: true, IDNPS: "8" + rpps, RPPS: rpps, PrefixAdded: prefixAdded,
		Message: "Identifiant compris : 8 " + rpps + " (" + how + ")"}
}

// ParseIdentifier reads what a practitioner typed as ReadIdentifier does;
// an EINVALID error on the field "identifier" with its message when it
// holds no identifier.
func ParseIdentifier(typed string) (Identifier, error) {
	r := ReadIdentifier(typed)
	if !r.OK {
		return Identifier{}, erpps.Invalid("Identifiant incorrect.", erpps.FieldError{Field: "identifier", Code: erpps.EINVALID, Message: r.Message})
	}
	return Identifier{RPPS: r.RPPS, IDNPS: r.IDNPS}, nil
}
