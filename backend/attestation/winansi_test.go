package attestation

import "testing"

func TestToWinAnsi(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want string // decoded back from Windows-1252
	}{
		{"ASCII", "RPPS 10101010101", "RPPS 10101010101"},
		{"FrenchAccents", "Hélène à l'Église, çà", "Hélène à l'Église, çà"},
		{"Ligatures", "Œuvre, cœur", "Œuvre, cœur"},
		{"Typography", "n° 3 – « oui » … 12 €", "n° 3 – « oui » … 12 €"},
		{"DiacriticsOutsideLatin1", "Ștefan Łukasz Dvořák", "Stefan ?ukasz Dvorák"},
		{"ControlCharacters", "a\nb\tc\x00d", "a b c d"},
		{"OtherSpaces", "a\u202fb\u2003c", "a b c"},
		{"OtherDashes", "a\u2011b", "a-b"},
		{"InvalidUTF8", "a\xffb", "a?b"},
		{"NonLatin", "日本", "??"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := toWinAnsi(tt.in)
			for i := 0; i < len(got); i++ {
				if got[i] < 0x20 {
					t.Fatalf("control byte %#x left in %q", got[i], got)
				}
			}
			if back := fromWinAnsi(got); back != tt.want {
				t.Errorf("toWinAnsi(%q) reads %q, want %q", tt.in, back, tt.want)
			}
		})
	}
}
