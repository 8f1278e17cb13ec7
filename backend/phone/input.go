package phone

import (
	"strings"
	"unicode"
)

// maxDigits bounds what is handed to the library: E.164 allows 15 digits, and
// "00" plus a few mistyped digits stay under this.
const maxDigits = 20

// typed is what the user typed, reduced to its digits.
type typed struct {
	digits        string // the digits, without the international prefix
	international bool   // typed with + or 00 in front of a country code
}

// readInput keeps the digits of input and says whether it starts with an
// international prefix. It drops spaces (NBSP included), dots, dashes, slashes,
// brackets, and the "(0)" people write after a country code.
func readInput(input string) (typed, *Error) {
	s := strings.TrimSpace(input)
	if s == "" {
		return typed{}, newError(CodeEmpty, "Saisissez un numéro de téléphone.")
	}
	s = strings.ReplaceAll(strings.Map(dropSeparator, s), "(0)", "")
	var digits strings.Builder
	plus, letters, letterO, other := false, false, false, false
	for i, r := range s {
		switch {
		case r >= '0' && r <= '9':
			digits.WriteRune(r)
		case r == '(' || r == ')':
		case r == '+' && i == 0:
			plus = true
		case unicode.IsLetter(r):
			letters = true
			letterO = letterO || r == 'O' || r == 'o'
		default:
			other = true
		}
	}
	switch {
	case letters && letterO:
		return typed{}, newError(CodeLetters, "Le numéro de téléphone ne doit comporter que des chiffres : vérifiez que la lettre O n'a pas été saisie à la place du zéro.")
	case letters:
		return typed{}, newError(CodeLetters, "Le numéro de téléphone ne doit comporter que des chiffres : retirez les lettres.")
	case other:
		return typed{}, newError(CodeCharacters, "Le numéro de téléphone ne doit comporter que des chiffres, des espaces et, au début, le signe + suivi de l'indicatif du pays.")
	}
	t := typed{digits: digits.String(), international: plus}
	if !plus && strings.HasPrefix(t.digits, "00") {
		t.digits, t.international = t.digits[2:], true
	}
	switch {
	case len(t.digits) > maxDigits:
		return typed{}, newError(CodeTooLong, "Il y a trop de chiffres pour un numéro de téléphone.")
	case t.international && t.digits == "":
		return typed{}, newError(CodeTooShort, "Il manque des chiffres : après le + (ou le 00), saisissez l'indicatif du pays puis le numéro.")
	case t.digits == "":
		return typed{}, newError(CodeTooShort, msgFrenchTooShort)
	}
	return t, nil
}

// dropSeparator removes the characters people put between digits.
func dropSeparator(r rune) rune {
	switch {
	case unicode.IsSpace(r), r == '.', r == '-', r == '/', r == '\u200b', r == '\ufeff',
		r >= '\u2010' && r <= '\u2015', r == '\u2212':
		return -1
	}
	return r
}
