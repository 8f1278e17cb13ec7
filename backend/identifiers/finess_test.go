package identifiers

import "testing"

func TestParseFINESS(t *testing.T) {
	tests := []parseCase{
		{"APHPEntiteJuridique", "750712184", "750712184", ""},
		{"PitieSalpetriere", "750 100 125", "750100125", ""},
		{"APHM", "130786049", "130786049", ""},
		{"HospicesCivilsDeLyon", "69 078 181 0", "690781810", ""},
		{"Var", "830100558", "830100558", ""},
		{"CorsicaLowerCaseNoKeyCheck", "2a0000014", "2A0000014", ""},
		{"HauteCorse", "2B0000012", "2B0000012", ""},
		{"ErrEmpty", "", "", CodeEmpty},
		{"ErrTooShort", "75071218", "", CodeLength},
		{"ErrTooLong", "7507121840", "", CodeLength},
		{"ErrDigitChanged", "750712185", "", CodeChecksum},
		{"ErrTransposed", "757012184", "", CodeChecksum},
		{"ErrLetters", "75O712184", "", CodeCharacters},
		{"ErrCorsicaWrongLetter", "2C0000014", "", CodeCharacters},
		{"ErrCorsicaAs20", "200000014", "", CodePrefix},
		{"ErrNoDepartment00", "000000000", "", CodeUnknown},
		{"ErrNoDepartment96", "960000000", "", CodeUnknown},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) { checkParse(t, "FINESS", ParseFINESS, tc) })
	}
}
