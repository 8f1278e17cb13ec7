package identifiers

import "testing"

func TestLuhnValid(t *testing.T) {
	tests := []struct {
		name   string
		digits string
		want   bool
	}{
		{"ANSTestRPPS", "99700771191", true},
		{"SIRENEDF", "552081317", true},
		{"SIRETWithNIC", "73282932000074", true},
		{"FINESSAPHP", "750712184", true},
		{"HandComputed", "10000000009", true},
		{"AllZeros", "0000", true},
		{"OneDigitChanged", "99700771192", false},
		{"AdjacentTransposed", "99070771191", false},
		{"Empty", "", false},
		{"Letter", "9970077119A", false},
		{"Space", "997 00771191", false},
		{"NonASCIIDigit", "99700771١91", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := LuhnValid(tc.digits); got != tc.want {
				t.Fatalf("LuhnValid(%q) = %v, want %v", tc.digits, got, tc.want)
			}
		})
	}
}

func TestLuhnCheckDigit(t *testing.T) {
	tests := []struct {
		name    string
		payload string
		want    byte
		code    string
	}{
		{"ANSTestRPPS", "9970077119", '1', ""},
		{"HandComputed", "1000000000", '9', ""},
		{"SIRENEDF", "55208131", '7', ""},
		{"FINESSAPHP", "75071218", '4', ""},
		{"SingleDigit", "7", '5', ""},
		{"ErrEmpty", "", 0, CodeEmpty},
		{"ErrCharacters", "12a4", 0, CodeCharacters},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := LuhnCheckDigit(tc.payload)
			if tc.code != "" {
				checkError(t, err, "Luhn", tc.code)
				return
			}
			if err != nil || got != tc.want {
				t.Fatalf("LuhnCheckDigit(%q) = %q, %v; want %q", tc.payload, got, err, tc.want)
			}
			if !LuhnValid(tc.payload + string(rune(got))) {
				t.Fatalf("payload + key %q does not pass LuhnValid", tc.payload+string(rune(got)))
			}
		})
	}
}
