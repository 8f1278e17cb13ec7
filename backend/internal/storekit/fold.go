package storekit

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Fold normalises text for searching and sorting: lower case, accents
// removed ("É" is "e"), ligatures spelt out ("œ" is "oe"), and every run of
// characters that are neither letters nor digits (spaces, hyphens,
// apostrophes) made one space. "Le Bœuf-Énard" and "le boeuf enard" fold the
// same. Both stores fold the same way, so a search finds the same records in
// either.
func Fold(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := true // no leading space
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			switch r = unicode.ToLower(r); r {
			case 'œ':
				b.WriteString("oe")
			case 'æ':
				b.WriteString("ae")
			case 'ß':
				b.WriteString("ss")
			default:
				b.WriteRune(r)
			}
			space = false
		default:
			if !space {
				b.WriteByte(' ')
				space = true
			}
		}
	}
	return strings.TrimSuffix(b.String(), " ")
}
