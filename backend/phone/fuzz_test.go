package phone

import (
	"errors"
	"strings"
	"testing"
)

func FuzzParse(f *testing.F) {
	seeds := []struct{ input, home string }{
		{"06 12 34 56 78", ""}, {"06.12.34.56.78", "75"}, {"+33 (0)6 12 34 56 78", ""},
		{"0033 6 12 34 56 78", ""}, {"0690 12 34 56", "971"}, {"05 90 27 12 34", "977"},
		{"02 69 61 80 00", "976"}, {"41 23 45", "975"}, {"+33 6 90 12 34 56", ""},
		{"+32 470 12 34 56", ""}, {"+1 (202) 555-0143", ""}, {"+999 123", ""}, {"", ""},
		{"+", ""}, {"00", ""}, {"(0)", ""}, {"+(0)", ""}, {"O6 12", ""}, {"06 12 34 56 78 9", ""},
		{"\xff\xfe", "\xff"}, {"+33 0", ""}, {"+262", "974"}, {"+590 690 12 34 56", "978"},
		{"0612345678901234567890", ""}, {"١٢٣", ""}, {"33 6 12 34 56 78", ""},
	}
	for _, s := range seeds {
		f.Add(s.input, s.home)
	}
	f.Fuzz(func(t *testing.T, input, home string) {
		n, err := Parse(input, home)
		if err != nil {
			checkFuzzError(t, input, err)
			if n != (Number{}) {
				t.Fatalf("Parse(%q) = %+v with error %v", input, n, err)
			}
			if _, merr := ParseMobile(input, home); merr == nil {
				t.Fatalf("ParseMobile(%q) accepts what Parse refuses", input)
			}
			return
		}
		checkFuzzNumber(t, input, n)
		again, err := Parse(n.E164, home)
		if err != nil || again.E164 != n.E164 {
			t.Fatalf("Parse(%q) = %+v but Parse(%q) = %+v, %v", input, n, n.E164, again, err)
		}
		if m, merr := ParseMobile(input, home); merr == nil && m != n {
			t.Fatalf("ParseMobile(%q) = %+v, Parse = %+v", input, m, n)
		} else if merr != nil {
			checkFuzzError(t, input, merr)
			var e *Error
			if errors.As(merr, &e) && e.Code != CodeNotMobile {
				t.Fatalf("ParseMobile(%q) = %v on a valid number", input, merr)
			}
			if n.Mobile {
				t.Fatalf("ParseMobile(%q) refuses a mobile: %v", input, merr)
			}
		}
		if got := FormatNational(n.E164); got != n.National && got != n.International {
			t.Fatalf("FormatNational(%q) = %q, want %q or %q", n.E164, got, n.National, n.International)
		}
	})
}

func checkFuzzNumber(t *testing.T, input string, n Number) {
	t.Helper()
	if len(n.E164) < 3 || n.E164[0] != '+' || strings.Trim(n.E164[1:], "0123456789") != "" {
		t.Fatalf("Parse(%q) E164 = %q", input, n.E164)
	}
	if n.National == "" || !strings.HasPrefix(n.International, "+") || len(n.Region) != 2 {
		t.Fatalf("Parse(%q) = %+v: missing formats or region", input, n)
	}
	switch n.Type {
	case TypeMobile, TypeFixed, TypeVoIP, TypeOther:
	default:
		t.Fatalf("Parse(%q) type %q", input, n.Type)
	}
	if n.Mobile != (n.Type == TypeMobile) {
		t.Fatalf("Parse(%q) Mobile %v with type %s", input, n.Mobile, n.Type)
	}
}

func checkFuzzError(t *testing.T, input string, err error) {
	t.Helper()
	var e *Error
	if !errors.As(err, &e) {
		t.Fatalf("Parse(%q) error %T is not *phone.Error", input, err)
	}
	switch e.Code {
	case CodeEmpty, CodeLetters, CodeCharacters, CodeTooShort, CodeTooLong, CodeInvalid, CodeUnknownCountry, CodeNotMobile:
	default:
		t.Fatalf("Parse(%q) error code %q", input, e.Code)
	}
	if e.Message == "" {
		t.Fatalf("Parse(%q) error without message", input)
	}
}
