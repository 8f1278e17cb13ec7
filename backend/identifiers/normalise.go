package identifiers

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// spec describes how an identifier is named in French messages.
type spec struct {
	kind    string // Error.Kind
	subject string // "Le numéro RPPS", at the start of a sentence
	object  string // "le numéro RPPS", inside a sentence
	length  int    // expected number of characters after normalisation
	unit    string // "chiffres" or "caractères"
	corsica bool   // 2A/2B allowed as the first two characters
}

// normalise removes what people type between the characters of an
// identifier (every Unicode space including NBSP, dots, dashes, zero-width
// spaces) and upper-cases ASCII letters, so that "2a" becomes "2A".
func normalise(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case unicode.IsSpace(r), r == '.', r == '-', r == '\u200b', r == '\ufeff',
			r >= '\u2010' && r <= '\u2015', r == '\u2212':
			continue
		case r >= 'a' && r <= 'z':
			b.WriteRune(r - 'a' + 'A')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// isDigits reports whether s is non-empty and made of ASCII digits only.
func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// isCorsicaPrefix reports whether s starts with 2A or 2B.
func isCorsicaPrefix(s string) bool {
	return len(s) >= 2 && s[0] == '2' && (s[1] == 'A' || s[1] == 'B')
}

// wellFormedCharacters reports whether v holds only digits, or, when corsica
// is set, 2A/2B followed by digits.
func wellFormedCharacters(v string, corsica bool) bool {
	if corsica && isCorsicaPrefix(v) {
		return len(v) == 2 || isDigits(v[2:])
	}
	return isDigits(v)
}

// cleanInput normalises s and returns the errors every identifier shares:
// empty input, then characters that cannot appear in it.
func cleanInput(sp spec, s string) (string, *Error) {
	v := normalise(s)
	if v == "" {
		return "", newError(sp.kind, CodeEmpty, "Saisissez "+sp.object+".")
	}
	if !wellFormedCharacters(v, sp.corsica) {
		return "", charactersError(sp, v)
	}
	return v, nil
}

func charactersError(sp spec, v string) *Error {
	msg := sp.subject + " ne doit comporter que des chiffres"
	if sp.corsica {
		msg += " (ou 2A / 2B en tête pour la Corse)"
	}
	if strings.ContainsAny(v, "O") {
		msg += " : vérifiez que la lettre O n'a pas été saisie à la place du zéro"
	}
	return newError(sp.kind, CodeCharacters, msg+".")
}

func lengthError(sp spec, v string) *Error {
	return newError(sp.kind, CodeLength, lengthMessage(sp, v))
}

func lengthMessage(sp spec, v string) string {
	return fmt.Sprintf("%s doit comporter %d %s (vous en avez saisi %d).",
		sp.subject, sp.length, sp.unit, utf8.RuneCountInString(v))
}

func checksumError(sp spec) *Error {
	return newError(sp.kind, CodeChecksum,
		sp.subject+" saisi est incorrect : vérifiez les chiffres (clé de contrôle invalide).")
}
