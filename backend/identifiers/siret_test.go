package identifiers

import (
	"strings"
	"testing"
)

func TestParseSIREN(t *testing.T) {
	tests := []parseCase{
		{"EDF", "552081317", "552081317", ""},
		{"Engie", "542 107 651", "542107651", ""},
		{"PublicSample", "732 829 320", "732829320", ""},
		{"LaPoste", "356 000 000", "356000000", ""},
		{"ErrEmpty", "", "", CodeEmpty},
		{"ErrTooShort", "55208131", "", CodeLength},
		{"ErrSIRETTyped", "73282932000074", "", CodeLength},
		{"ErrDigitChanged", "552081318", "", CodeChecksum},
		{"ErrTransposed", "550281317", "", CodeChecksum},
		{"ErrLetters", "55208I317", "", CodeCharacters},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) { checkParse(t, "SIREN", ParseSIREN, tc) })
	}
	t.Run("ErrSIRETTypedSaysSo", func(t *testing.T) {
		_, err := ParseSIREN("73282932000074")
		if e := checkError(t, err, "SIREN", CodeLength); !strings.Contains(e.Message, "SIRET") {
			t.Fatalf("message %q should mention the SIRET", e.Message)
		}
	})
}

func TestParseSIRET(t *testing.T) {
	tests := []parseCase{
		{"PublicSample", "73282932000074", "73282932000074", ""},
		{"Formatted", "732 829 320 00074", "73282932000074", ""},
		{"CompanyFooter", "753 805 035 00031", "75380503500031", ""},
		{"LibraryExample", "332.433.952.00022", "33243395200022", ""},
		{"LaPosteEstablishment", "35600000049837", "35600000049837", ""},
		{"LaPosteHeadOfficeLuhn", "356 000 000 00048", "35600000000048", ""},
		{"ErrEmpty", "\u00a0", "", CodeEmpty},
		{"ErrSIRENTyped", "732829320", "", CodeLength},
		{"ErrTooShort", "7328293200007", "", CodeLength},
		{"ErrTooLong", "732829320000745", "", CodeLength},
		{"ErrDigitChanged", "73282932000075", "", CodeChecksum},
		{"ErrTransposed", "73282932000047", "", CodeChecksum},
		{"ErrLetters", "7328293200OO74", "", CodeCharacters},
		// 35600000049838: its digits sum to 46 and it fails Luhn.
		{"ErrLaPosteDigitChanged", "35600000049838", "", CodeChecksum},
		// The head office follows Luhn, not the sum rule: 35600000000049 fails Luhn.
		{"ErrLaPosteHeadOfficeDigitChanged", "35600000000049", "", CodeChecksum},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) { checkParse(t, "SIRET", ParseSIRET, tc) })
	}
	t.Run("LaPosteSumRule", func(t *testing.T) {
		// 35600000000010 sums to 15, a multiple of 5, and is not the head office.
		if _, err := ParseSIRET("35600000000010"); err != nil {
			t.Fatalf("a La Poste SIRET summing to 15 should be valid: %v", err)
		}
		if LuhnValid("35600000000010") {
			t.Fatal("test number should fail Luhn, so that only the sum rule accepts it")
		}
	})
	t.Run("ErrSIRENTypedSaysAddNIC", func(t *testing.T) {
		_, err := ParseSIRET("732829320")
		if e := checkError(t, err, "SIRET", CodeLength); !strings.Contains(e.Message, "NIC") {
			t.Fatalf("message %q should mention the NIC", e.Message)
		}
	})
}

func TestSIRENOfSIRET(t *testing.T) {
	tests := []struct{ name, siret, want string }{
		{"Plain", "73282932000074", "732829320"},
		{"Formatted", "732 829 320 00074", "732829320"},
		{"LaPoste", "35600000049837", "356000000"},
		{"TooShort", "732829320", ""},
		{"Letters", "7328293200007A", ""},
		{"Empty", "", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := SIRENOfSIRET(tc.siret); got != tc.want {
				t.Fatalf("SIRENOfSIRET(%q) = %q, want %q", tc.siret, got, tc.want)
			}
		})
	}
	t.Run("SIRENOfRealSIRETIsValid", func(t *testing.T) {
		for _, siret := range []string{"73282932000074", "75380503500031", "33243395200022", "35600000049837"} {
			if _, err := ParseSIREN(SIRENOfSIRET(siret)); err != nil {
				t.Errorf("SIREN of %s: %v", siret, err)
			}
		}
	})
}
