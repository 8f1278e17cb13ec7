package identifiers

import (
	"strings"
	"testing"
)

func TestParseRPPS(t *testing.T) {
	tests := []parseCase{
		{"ANSTestIdentity", "99700771191", "99700771191", ""},
		{"HandComputedKey", "10000000009", "10000000009", ""},
		{"Spaces", " 997 007 711 91 ", "99700771191", ""},
		{"NBSPAndDots", "997\u00a0007.711.91", "99700771191", ""},
		{"Dashes", "9970-0771-191", "99700771191", ""},
		{"ErrEmpty", "", "", CodeEmpty},
		{"ErrOnlySeparators", " . - ", "", CodeEmpty},
		{"ErrTooShort", "9970077119", "", CodeLength},
		{"ErrTooLong", "997007711910", "", CodeLength},
		{"ErrLetters", "9970O771191", "", CodeCharacters},
		{"ErrSymbol", "99700771191/", "", CodeCharacters},
		{"ErrOneDigitChanged", "99700771192", "", CodeChecksum},
		{"ErrTransposed", "99070771191", "", CodeChecksum},
		{"ErrInnerDigitChanged", "99700781191", "", CodeChecksum},
		{"ErrIDNPSTyped", "899700771191", "", CodePrefix},
		{"ErrIDNPSTypedWithSpaces", "8 99700771191", "", CodePrefix},
		{"Err12DigitsNot8", "199700771191", "", CodeLength},
		{"Err8ButRPPSWrong", "899700771192", "", CodeLength},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) { checkParse(t, "RPPS", ParseRPPS, tc) })
	}
}

func TestParseRPPSMessages(t *testing.T) {
	t.Run("ErrLengthSaysHowMany", func(t *testing.T) {
		_, err := ParseRPPS("9970077119")
		e := checkError(t, err, "RPPS", CodeLength)
		want := "Le numéro RPPS doit comporter 11 chiffres (vous en avez saisi 10)."
		if e.Message != want {
			t.Fatalf("message = %q, want %q", e.Message, want)
		}
	})
	t.Run("ErrChecksumSaysCheckTheDigits", func(t *testing.T) {
		_, err := ParseRPPS("99700771192")
		e := checkError(t, err, "RPPS", CodeChecksum)
		want := "Le numéro RPPS saisi est incorrect : vérifiez les chiffres (clé de contrôle invalide)."
		if e.Message != want {
			t.Fatalf("message = %q, want %q", e.Message, want)
		}
	})
	t.Run("ErrPrefixMentionsThe8", func(t *testing.T) {
		_, err := ParseRPPS("899700771191")
		e := checkError(t, err, "RPPS", CodePrefix)
		if !strings.Contains(e.Message, "« 8 »") || !strings.Contains(e.Message, "Pro Santé Connect") {
			t.Fatalf("message %q should explain the 8 of Pro Santé Connect", e.Message)
		}
	})
	t.Run("ErrLetterOMentionsZero", func(t *testing.T) {
		_, err := ParseRPPS("997OO771191")
		e := checkError(t, err, "RPPS", CodeCharacters)
		if !strings.Contains(e.Message, "lettre O") {
			t.Fatalf("message %q should mention the letter O", e.Message)
		}
	})
}

func TestCompleteRPPS(t *testing.T) {
	tests := []parseCase{
		{"ANSTestIdentity", "9970077119", "99700771191", ""},
		{"HandComputed", "1000000000", "10000000009", ""},
		{"Spaces", "997 007 711 9", "99700771191", ""},
		{"ErrEmpty", "", "", CodeEmpty},
		{"ErrEleven", "99700771191", "", CodeLength},
		{"ErrLetters", "997007711X", "", CodeCharacters},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) { checkParse(t, "RPPS", CompleteRPPS, tc) })
	}
	t.Run("CompletedNumbersParse", func(t *testing.T) {
		for _, first10 := range []string{"1000000000", "1234567890", "9999999999", "0000000000"} {
			rpps, err := CompleteRPPS(first10)
			if err != nil {
				t.Fatalf("CompleteRPPS(%q): %v", first10, err)
			}
			if got, err := ParseRPPS(rpps); err != nil || got != rpps {
				t.Fatalf("ParseRPPS(%q) = %q, %v", rpps, got, err)
			}
		}
	})
}

func TestIsTestRPPS(t *testing.T) {
	for rpps, want := range map[string]bool{
		"99900000016": true, "99100000003": true, "10000000008": false, "9990000001": false,
		"999000000160": false, "9990000001a": false, "": false, "89900000016": false,
	} {
		if got := IsTestRPPS(rpps); got != want {
			t.Errorf("IsTestRPPS(%q) = %v, want %v", rpps, got, want)
		}
	}
}
