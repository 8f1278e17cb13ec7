package identifiers

import (
	"testing"
	"unicode/utf8"
)

// Seeds shared by the fuzz targets: real numbers, typos and awkward input.
var fuzzSeeds = []string{
	"", " ", "99700771191", "899700771191", "997 007 711 91", "0751012345", "751012345",
	"73282932000074", "35600000049837", "35600000000048", "732829320", "750712184",
	"2A0000014", "2b0000012", "200000014", "75011", "20200", "97411", "98000", "2A004",
	"99134", "9970O771191", "\u00a0\u202f", "2", "2A", "0", "8", "ÿ\xff\xfe", "8é", "０１２",
	"1234567890123456789012345678901234567890",
}

func FuzzParseRPPS(f *testing.F) {
	fuzzParser(f, "RPPS", ParseRPPS, func(t *testing.T, v string) {
		checkIdempotent(t, ParseRPPS, v)
		if len(v) != RPPSLength || !LuhnValid(v) {
			t.Fatalf("accepted RPPS %q is not 11 Luhn digits", v)
		}
	})
}

func FuzzCompleteRPPS(f *testing.F) {
	fuzzParser(f, "RPPS", CompleteRPPS, func(t *testing.T, v string) {
		if _, err := ParseRPPS(v); err != nil {
			t.Fatalf("completed RPPS %q does not parse: %v", v, err)
		}
	})
}

func FuzzParseADELI(f *testing.F) {
	fuzzParser(f, "ADELI", ParseADELI, func(t *testing.T, v string) {
		checkIdempotent(t, ParseADELI, v)
		if len(v) != ADELILength || !wellFormedCharacters(v, true) {
			t.Fatalf("accepted ADELI %q is malformed", v)
		}
	})
}

func FuzzParseSIREN(f *testing.F) {
	fuzzParser(f, "SIREN", ParseSIREN, func(t *testing.T, v string) {
		checkIdempotent(t, ParseSIREN, v)
		if len(v) != SIRENLength || !LuhnValid(v) {
			t.Fatalf("accepted SIREN %q is not 9 Luhn digits", v)
		}
	})
}

func FuzzParseSIRET(f *testing.F) {
	fuzzParser(f, "SIRET", ParseSIRET, func(t *testing.T, v string) {
		checkIdempotent(t, ParseSIRET, v)
		if len(v) != SIRETLength || !isDigits(v) || SIRENOfSIRET(v) != v[:SIRENLength] {
			t.Fatalf("accepted SIRET %q is malformed", v)
		}
	})
}

func FuzzParseFINESS(f *testing.F) {
	fuzzParser(f, "FINESS", ParseFINESS, func(t *testing.T, v string) {
		checkIdempotent(t, ParseFINESS, v)
		if len(v) != FINESSLength || !wellFormedCharacters(v, true) || v[:2] == "20" {
			t.Fatalf("accepted FINESS %q is malformed", v)
		}
	})
}

func FuzzParsePostalCode(f *testing.F) {
	fuzzParser(f, "CodePostal", ParsePostalCode, func(t *testing.T, v string) {
		checkIdempotent(t, ParsePostalCode, v)
		if len(v) != PostalCodeLength || !isDigits(v) {
			t.Fatalf("accepted postal code %q is malformed", v)
		}
	})
}

func FuzzDepartmentOfPostalCode(f *testing.F) {
	fuzzParser(f, "CodePostal", DepartmentOfPostalCode, func(t *testing.T, v string) {
		if n := len(v); n < 2 || n > 3 || !wellFormedCharacters(v, true) {
			t.Fatalf("department %q is malformed", v)
		}
	})
}

func FuzzParseCommuneCode(f *testing.F) {
	fuzzParser(f, "CodeCommune", ParseCommuneCode, func(t *testing.T, v string) {
		checkIdempotent(t, ParseCommuneCode, v)
		if len(v) != CommuneCodeLength || !wellFormedCharacters(v, true) || v[:2] == "20" {
			t.Fatalf("accepted commune code %q is malformed", v)
		}
	})
}

func FuzzParseIDNPS(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		id, err := ParseIDNPS(s)
		var got string
		if err == nil {
			got = id.String()
			switch id.Type {
			case IDNPSTypeRPPS:
				if _, rerr := ParseRPPS(id.ID); rerr != nil {
					t.Fatalf("IDNPS %q holds an invalid RPPS: %v", got, rerr)
				}
			case IDNPSTypeADELI:
				if _, aerr := ParseADELI(id.ID); aerr != nil {
					t.Fatalf("IDNPS %q holds an invalid ADELI: %v", got, aerr)
				}
			default:
				t.Fatalf("IDNPS %q has type %q", got, id.Type)
			}
		} else if id != (IDNPS{}) {
			t.Fatalf("ParseIDNPS(%q) = %+v with error %v", s, id, err)
		}
		checkFuzzResult(t, "IDNPS", s, got, err)
	})
}

func FuzzLuhnCheckDigit(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, payload string) {
		key, err := LuhnCheckDigit(payload)
		if err != nil {
			if isDigits(payload) {
				t.Fatalf("LuhnCheckDigit(%q) failed on digits: %v", payload, err)
			}
			checkFuzzResult(t, "Luhn", payload, "", err)
			return
		}
		if key < '0' || key > '9' || !LuhnValid(payload+string(rune(key))) {
			t.Fatalf("LuhnCheckDigit(%q) = %q does not complete a Luhn number", payload, key)
		}
		if isDigits(payload) && len(payload) > 0 {
			wrong := byte('0' + (key-'0'+1)%10)
			if LuhnValid(payload + string(rune(wrong))) {
				t.Fatalf("two keys complete %q", payload)
			}
		}
	})
}

// fuzzParser fuzzes a string parser: it must never panic, return either a
// value or an *Error, and be idempotent on what it accepts.
func fuzzParser(f *testing.F, kind string, parse func(string) (string, error), accepted func(*testing.T, string)) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, err := parse(s)
		checkFuzzResult(t, kind, s, got, err)
		if err != nil {
			return
		}
		if !utf8.ValidString(got) {
			t.Fatalf("parse(%q) = %q is not valid UTF-8", s, got)
		}
		accepted(t, got)
	})
}

// checkIdempotent asserts that a normalised value parses to itself.
func checkIdempotent(t *testing.T, parse func(string) (string, error), v string) {
	t.Helper()
	if again, err := parse(v); err != nil || again != v {
		t.Fatalf("parse(%q) = %q, %v; want the value itself", v, again, err)
	}
}
