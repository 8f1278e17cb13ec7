package identifiers

import "testing"

func TestParseADELI(t *testing.T) {
	// 751012345: Paris (75), profession 10, order 1234, Luhn key 5 computed by hand.
	tests := []parseCase{
		{"Paris", "751012345", "751012345", ""},
		{"Spaces", "75 10 1234 5", "751012345", ""},
		{"CorsicaNoKeyCheck", "2a1012349", "2A1012349", ""},
		{"ErrEmpty", "", "", CodeEmpty},
		{"ErrTooShort", "75101234", "", CodeLength},
		{"ErrTooLong", "7510123450", "", CodeLength},
		{"ErrKeyChanged", "751012346", "", CodeChecksum},
		{"ErrTransposed", "750112345", "", CodeChecksum},
		{"ErrLetters", "75A012345", "", CodeCharacters},
		{"ErrCorsicaOtherLetter", "2C1012345", "", CodeCharacters},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) { checkParse(t, "ADELI", ParseADELI, tc) })
	}
}
