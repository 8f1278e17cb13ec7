package attestation

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/unicode/norm"
)

// toWinAnsi converts UTF-8 text to the Windows-1252 bytes that the PDF core
// fonts (Helvetica) expect. Control characters become spaces; a letter with
// no Windows-1252 form loses its diacritics ("ă" → "a") or becomes "?".
//
// maroto does this itself for its "arial"/"helvetica" families, but rebuilds
// the translation table from text on every call (80% of the rendering time);
// the renderer names the family "Helvetica", which maroto passes through and
// the PDF library resolves to the same core font, and converts the text here.
func toWinAnsi(s string) string {
	if isPlainASCII(s) {
		return s
	}
	b := make([]byte, 0, len(s))
	for _, r := range s {
		b = append(b, winAnsiByte(r))
	}
	return string(b)
}

func isPlainASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c >= 0x7f {
			return false
		}
	}
	return true
}

func winAnsiByte(r rune) byte {
	switch {
	case r < 0x20 || r == 0x7f:
		return ' '
	case r < 0x80:
		return byte(r)
	}
	if c, ok := charmap.Windows1252.EncodeRune(r); ok && r != utf8.RuneError {
		return c
	}
	switch {
	case unicode.Is(unicode.Zs, r):
		return ' '
	case unicode.Is(unicode.Pd, r):
		return '-'
	case unicode.IsControl(r):
		return ' '
	}
	// A letter with diacritics: keep its base letter when it has one.
	if base, _ := utf8.DecodeRuneInString(norm.NFD.String(string(r))); base != r {
		if base < 0x80 && base >= 0x20 {
			return byte(base)
		}
		if c, ok := charmap.Windows1252.EncodeRune(base); ok {
			return c
		}
	}
	return '?'
}

// fromWinAnsi is toWinAnsi's inverse, for tests and diagnostics.
func fromWinAnsi(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		b.WriteRune(charmap.Windows1252.DecodeByte(s[i]))
	}
	return b.String()
}

// toPrintable prepares UTF-8 text for the embedded Unicode font: in NFC (one
// glyph per accented letter, as pdftotext gives it back), valid UTF-8,
// control characters as spaces.
func toPrintable(s string) string {
	if isPlainASCII(s) {
		return s
	}
	s = norm.NFC.String(strings.ToValidUTF8(s, "?"))
	return strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return ' '
		}
		return r
	}, s)
}
