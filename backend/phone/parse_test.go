package phone

import (
	"errors"
	"testing"

	"erpps/backend/erpps"
)

func TestParse(t *testing.T) {
	tests := []struct {
		name   string
		input  string
		home   string
		e164   string
		region string
		typ    string
	}{
		// Metropolitan France, every way people write it.
		{"MobileSpaces", "06 12 34 56 78", "", "+33612345678", "FR", TypeMobile},
		{"MobileDots", "06.12.34.56.78", "", "+33612345678", "FR", TypeMobile},
		{"MobileDashes", "06-12-34-56-78", "", "+33612345678", "FR", TypeMobile},
		{"MobileGlued", "0612345678", "", "+33612345678", "FR", TypeMobile},
		{"MobileNBSP", "06\u00a012\u00a034\u202f56\u00a078", "", "+33612345678", "FR", TypeMobile},
		{"MobileSurroundingSpaces", "  06 12 34 56 78  ", "", "+33612345678", "FR", TypeMobile},
		{"MobileWithoutTrunkZero", "6 12 34 56 78", "", "+33612345678", "FR", TypeMobile},
		{"Mobile07", "07 81 23 45 67", "", "+33781234567", "FR", TypeMobile},
		{"Plus33", "+33 6 12 34 56 78", "", "+33612345678", "FR", TypeMobile},
		{"Plus33Glued", "+33612345678", "", "+33612345678", "FR", TypeMobile},
		{"Plus33BracketZero", "+33 (0)6 12 34 56 78", "", "+33612345678", "FR", TypeMobile},
		{"Plus33BracketZeroGlued", "+33(0)612345678", "", "+33612345678", "FR", TypeMobile},
		{"Plus33TrunkZero", "+33 06 12 34 56 78", "", "+33612345678", "FR", TypeMobile},
		{"Double0033", "0033 6 12 34 56 78", "", "+33612345678", "FR", TypeMobile},
		{"CountryCodeWithoutPlus", "33 6 12 34 56 78", "", "+33612345678", "FR", TypeMobile},
		{"Double0033Dots", "00.33.6.12.34.56.78", "", "+33612345678", "FR", TypeMobile},
		{"FixedParisHospital", "01 42 16 00 00", "", "+33142160000", "FR", TypeFixed},
		{"FixedSlashes", "01/42/16/00/00", "", "+33142160000", "FR", TypeFixed},
		{"FixedLyon", "04 72 11 73 11", "69", "+33472117311", "FR", TypeFixed},
		{"VoIP09", "09 51 23 45 67", "", "+33951234567", "FR", TypeVoIP},
		{"SpecialRate08", "08 00 12 34 56", "", "+33800123456", "FR", TypeOther},
		{"MetropolitanWithOverseasHome", "06 12 34 56 78", "971", "+33612345678", "FR", TypeMobile},
		// Overseas, typed nationally: their own regions and country codes.
		{"GuadeloupeMobile", "0690 12 34 56", "", "+590690123456", "GP", TypeMobile},
		{"GuadeloupeFixedCHU", "05 90 89 10 10", "", "+590590891010", "GP", TypeFixed},
		{"GuadeloupeHomeHint", "0690 12 34 56", "971", "+590690123456", "GP", TypeMobile},
		{"SaintBarthelemyFixed", "05 90 27 12 34", "", "+590590271234", "BL", TypeFixed},
		{"SaintMartinHomeHint", "05 90 87 12 34", "978", "+590590871234", "MF", TypeFixed},
		{"MartiniqueFixedCHU", "05 96 55 20 00", "", "+596596552000", "MQ", TypeFixed},
		{"MartiniqueMobile", "0696 12 34 56", "972", "+596696123456", "MQ", TypeMobile},
		{"GuyaneFixed", "05 94 39 50 50", "", "+594594395050", "GF", TypeFixed},
		{"GuyaneMobile", "0694 12 34 56", "", "+594694123456", "GF", TypeMobile},
		{"ReunionFixedCHU", "02 62 90 50 50", "", "+262262905050", "RE", TypeFixed},
		{"ReunionMobile", "06 92 12 34 56", "974", "+262692123456", "RE", TypeMobile},
		{"MayotteFixed", "02 69 61 80 00", "", "+262269618000", "YT", TypeFixed},
		{"MayotteMobile", "06 39 69 12 34", "976", "+262639691234", "YT", TypeMobile},
		{"SaintPierreWithHome", "41 23 45", "975", "+508412345", "PM", TypeFixed},
		// Overseas with their country codes.
		{"Plus590", "+590 690 12 34 56", "", "+590690123456", "GP", TypeMobile},
		{"Plus262Mayotte", "+262 269 61 80 00", "", "+262269618000", "YT", TypeFixed},
		{"Plus596BracketZero", "+596 (0)596 55 20 00", "", "+596596552000", "MQ", TypeFixed},
		{"Plus508", "+508 41 23 45", "", "+508412345", "PM", TypeFixed},
		{"Plus33OverseasMobileRemapped", "+33 6 90 12 34 56", "", "+590690123456", "GP", TypeMobile},
		{"Plus33MayotteRemapped", "+33 2 69 61 80 00", "", "+262269618000", "YT", TypeFixed},
		// Other countries.
		{"BelgiumMobile", "+32 470 12 34 56", "", "+32470123456", "BE", TypeMobile},
		{"BelgiumDouble00", "0032 470 12 34 56", "", "+32470123456", "BE", TypeMobile},
		{"SwitzerlandFixed", "+41 22 123 45 67", "", "+41221234567", "CH", TypeFixed},
		{"UnitedKingdom", "+44 20 7946 0958", "", "+442079460958", "GB", TypeFixed},
		{"UnitedStatesBrackets", "+1 (202) 555-0143", "", "+12025550143", "US", TypeOther},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			n, err := Parse(tc.input, tc.home)
			if err != nil {
				t.Fatalf("Parse(%q, %q): %v", tc.input, tc.home, err)
			}
			if n.E164 != tc.e164 || n.Region != tc.region || n.Type != tc.typ {
				t.Fatalf("Parse(%q, %q) = %+v; want %s %s %s", tc.input, tc.home, n, tc.e164, tc.region, tc.typ)
			}
			if n.Mobile != (tc.typ == TypeMobile) {
				t.Fatalf("Mobile = %v for type %s", n.Mobile, n.Type)
			}
			if n.National == "" || n.International == "" {
				t.Fatalf("formats missing: %+v", n)
			}
			again, err := Parse(n.E164, tc.home)
			if err != nil || again != n {
				t.Fatalf("Parse(E164 %q) = %+v, %v; want the same number", n.E164, again, err)
			}
		})
	}
}

func TestParseFormats(t *testing.T) {
	tests := []struct{ name, input, national, international string }{
		{"Metropolitan", "0612345678", "06 12 34 56 78", "+33 6 12 34 56 78"},
		{"Guadeloupe", "0690123456", "0690 12 34 56", "+590 690 12 34 56"},
		{"Reunion", "0262905050", "0262 90 50 50", "+262 262 90 50 50"},
		{"Belgium", "+32470123456", "0470 12 34 56", "+32 470 12 34 56"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			n, err := Parse(tc.input, "")
			if err != nil {
				t.Fatal(err)
			}
			if n.National != tc.national || n.International != tc.international {
				t.Fatalf("formats = %q / %q; want %q / %q", n.National, n.International, tc.national, tc.international)
			}
		})
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name  string
		input string
		home  string
		code  string
		msg   string // exact message when set
	}{
		{"ErrEmpty", "", "", CodeEmpty, "Saisissez un numéro de téléphone."},
		{"ErrBlank", " \u00a0 ", "", CodeEmpty, ""},
		{"ErrOnlySeparators", "..--", "", CodeTooShort, ""},
		{"ErrLetters", "06 12 AB 56 78", "", CodeLetters, ""},
		{"ErrLetterO", "O6 12 34 56 78", "", CodeLetters, ""},
		{"ErrExtensionWord", "01 42 16 00 00 poste 12", "", CodeLetters, ""},
		{"ErrSymbol", "06 12 34 56 78 #", "", CodeCharacters, ""},
		{"ErrPlusInside", "06 12 +34 56 78", "", CodeCharacters, ""},
		{"ErrTooShort", "06 12 34 56 7", "", CodeTooShort, "Il manque des chiffres : un numéro français comporte 10 chiffres."},
		{"ErrTooShortFour", "0612", "", CodeTooShort, ""},
		{"ErrTooLong", "06 12 34 56 78 9", "", CodeTooLong, "Il y a trop de chiffres : un numéro français comporte 10 chiffres."},
		{"ErrWayTooLong", "0612345678901234567890123", "", CodeTooLong, ""},
		{"ErrCountryCodeWithoutPlusInvalid", "33 7 12 34 56 78", "", CodeTooLong, ""},
		{"ErrUnassigned", "07 12 34 56 78", "", CodeInvalid, ""},
		{"ErrStartsWith00Only", "00", "", CodeTooShort, ""},
		{"ErrNoTrunkTen", "6123456789", "", CodeInvalid, ""},
		{"ErrOverseasBlockUnassigned", "0639 12 34 56", "", CodeInvalid, ""},
		{"ErrOverseasBlockNotMetropolitan", "0691 12 34 56", "", CodeInvalid, ""},
		{"ErrSaintPierreWithoutHome", "41 23 45", "", CodeTooShort, ""},
		{"ErrPlus33TooShort", "+33 6 12 34 56", "", CodeTooShort, "Il manque des chiffres : un numéro français comporte 10 chiffres."},
		{"ErrPlus33TooLong", "+33 6 12 34 56 78 9", "", CodeTooLong, ""},
		{"ErrPlusAlone", "+", "", CodeTooShort, ""},
		{"ErrUnknownCountry", "+999 123 456", "", CodeUnknownCountry, ""},
		{"ErrUnknownCountry00", "00 999 123 456", "", CodeUnknownCountry, ""},
		{"ErrBelgiumTooShort", "+32 6 1234", "", CodeTooShort, "Il manque des chiffres pour un numéro de l'indicatif +32."},
		{"ErrBelgiumInvalid", "+32 0 000 00 00", "", CodeInvalid, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			n, err := Parse(tc.input, tc.home)
			e := checkError(t, err, tc.code)
			if n != (Number{}) {
				t.Fatalf("Parse(%q) = %+v with an error", tc.input, n)
			}
			if tc.msg != "" && e.Message != tc.msg {
				t.Fatalf("message = %q, want %q", e.Message, tc.msg)
			}
		})
	}
}

func TestParseMobile(t *testing.T) {
	tests := []struct {
		name, input, home, code, e164 string
	}{
		{"Metropolitan", "06 12 34 56 78", "", "", "+33612345678"},
		{"Guadeloupe", "0690 12 34 56", "971", "", "+590690123456"},
		{"Reunion", "0692 12 34 56", "", "", "+262692123456"},
		{"Belgium", "+32 470 12 34 56", "", "", "+32470123456"},
		{"UnitedStatesUndecidable", "+1 202 555 0143", "", "", "+12025550143"},
		{"ErrFixed", "01 42 16 00 00", "", CodeNotMobile, ""},
		{"ErrOverseasFixed", "0590 89 10 10", "", CodeNotMobile, ""},
		{"ErrVoIP", "09 51 23 45 67", "", CodeNotMobile, ""},
		{"ErrInvalidStaysInvalid", "06 12", "", CodeTooShort, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			n, err := ParseMobile(tc.input, tc.home)
			if tc.code != "" {
				checkError(t, err, tc.code)
				return
			}
			if err != nil || n.E164 != tc.e164 {
				t.Fatalf("ParseMobile(%q) = %+v, %v; want %s", tc.input, n, err, tc.e164)
			}
		})
	}
	t.Run("ErrFixedMessage", func(t *testing.T) {
		_, err := ParseMobile("01 42 16 00 00", "")
		e := checkError(t, err, CodeNotMobile)
		if want := "Ce numéro est un fixe : l'envoi d'un SMS nécessite un numéro de portable."; e.Message != want {
			t.Fatalf("message = %q, want %q", e.Message, want)
		}
	})
}

func TestFormatNational(t *testing.T) {
	tests := []struct{ name, e164, want string }{
		{"Metropolitan", "+33612345678", "06 12 34 56 78"},
		{"Guadeloupe", "+590690123456", "0690 12 34 56"},
		{"Mayotte", "+262269618000", "0269 61 80 00"},
		{"ForeignStaysInternational", "+32470123456", "+32 470 12 34 56"},
		{"Empty", "", ""},
		{"Unreadable", "n/a", "n/a"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := FormatNational(tc.e164); got != tc.want {
				t.Fatalf("FormatNational(%q) = %q, want %q", tc.e164, got, tc.want)
			}
		})
	}
}

// checkError asserts err is a *phone.Error with code, usable beside a field.
func checkError(t *testing.T, err error, code string) *Error {
	t.Helper()
	var e *Error
	if !errors.As(err, &e) {
		t.Fatalf("error = %v (%T), want *phone.Error", err, err)
	}
	if e.Code != code {
		t.Fatalf("code = %s (%q), want %s", e.Code, e.Message, code)
	}
	if e.Message == "" {
		t.Fatal("empty message")
	}
	if f := erpps.FieldErrorFor("phone", err); f.Field != "phone" || f.Code != code || f.Message != e.Message {
		t.Fatalf("FieldErrorFor = %+v", f)
	}
	return e
}
