package identifiers

import "testing"

func TestParseCommuneCode(t *testing.T) {
	tests := []parseCase{
		{"Paris", "75056", "75056", ""},
		{"Paris11Arrondissement", "75111", "75111", ""},
		{"BourgEnBresse", "01053", "01053", ""},
		{"AjaccioLowerCase", "2a004", "2A004", ""},
		{"Bastia", "2B033", "2B033", ""},
		{"PointeAPitre", "97120", "97120", ""},
		{"SaintDenisReunion", "97411", "97411", ""},
		{"Mamoudzou", "97611", "97611", ""},
		{"SaintPierre", "97502", "97502", ""},
		{"SaintBarthelemy", "97701", "97701", ""},
		{"SaintMartin", "97801", "97801", ""},
		{"ErrEmpty", "", "", CodeEmpty},
		{"ErrTooShort", "7505", "", CodeLength},
		{"ErrTooLong", "750560", "", CodeLength},
		{"ErrLetters", "75O56", "", CodeCharacters},
		{"ErrCorsicaWrongLetter", "2C004", "", CodeCharacters},
		{"ErrCorsicaAs20", "20004", "", CodePrefix},
		{"ErrDepartment00", "00123", "", CodeUnknown},
		{"ErrDepartment96", "96123", "", CodeUnknown},
		{"ErrForeignCountry", "99134", "", CodeUnknown},
		{"ErrPacific", "98818", "", CodeUnknown},
		{"ErrCommune000", "75000", "", CodeUnknown},
		{"ErrCorsica000", "2A000", "", CodeUnknown},
		{"Err970", "97012", "", CodeUnknown},
		{"Err979", "97912", "", CodeUnknown},
		{"ErrOverseas00", "97100", "", CodeUnknown},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) { checkParse(t, "CodeCommune", ParseCommuneCode, tc) })
	}
}
