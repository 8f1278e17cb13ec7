package identifiers

import (
	"encoding/json"
	"testing"
)

func TestParseIDNPS(t *testing.T) {
	tests := []struct {
		name  string
		input string
		want  IDNPS
		code  string
	}{
		{"RPPS", "899700771191", IDNPS{Type: "8", ID: "99700771191"}, ""},
		{"RPPSWithSpaces", "8 997 007 711 91", IDNPS{Type: "8", ID: "99700771191"}, ""},
		{"ADELI", "0751012345", IDNPS{Type: "0", ID: "751012345"}, ""},
		{"ADELICorsica", "02a1012345", IDNPS{Type: "0", ID: "2A1012345"}, ""},
		{"ErrEmpty", "  ", IDNPS{}, CodeEmpty},
		{"ErrBareRPPS", "99700771191", IDNPS{}, CodePrefix},
		{"ErrBareADELI", "751012345", IDNPS{}, CodePrefix},
		{"ErrRPPSChecksum", "899700771192", IDNPS{}, CodeChecksum},
		{"ErrRPPSTransposed", "899070771191", IDNPS{}, CodeChecksum},
		{"ErrRPPSTooShort", "89970077119", IDNPS{}, CodeLength},
		{"ErrRPPSTooLong", "8997007711910", IDNPS{}, CodeLength},
		{"ErrRPPSLetters", "89970077119A", IDNPS{}, CodeCharacters},
		{"ErrADELIChecksum", "0751012346", IDNPS{}, CodeChecksum},
		{"ErrADELITooShort", "075101234", IDNPS{}, CodeLength},
		{"ErrADELILetters", "07510X2345", IDNPS{}, CodeCharacters},
		{"ErrUnknownType", "399700771191", IDNPS{}, CodeUnknown},
		{"ErrUnknownTypeElevenWrong", "19970077119", IDNPS{}, CodeUnknown},
		{"ErrLetters", "ABC", IDNPS{}, CodeCharacters},
		{"ErrZeroAlone", "0", IDNPS{}, CodeLength},
		{"ErrEightAlone", "8", IDNPS{}, CodeLength},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := ParseIDNPS(tc.input)
			if tc.code != "" {
				checkError(t, err, "IDNPS", tc.code)
				if got != (IDNPS{}) {
					t.Fatalf("ParseIDNPS(%q) = %+v with an error", tc.input, got)
				}
				return
			}
			if err != nil || got != tc.want {
				t.Fatalf("ParseIDNPS(%q) = %+v, %v; want %+v", tc.input, got, err, tc.want)
			}
			if got.String() != tc.want.Type+tc.want.ID {
				t.Fatalf("String() = %q", got.String())
			}
		})
	}
}

func TestIDNPSJSON(t *testing.T) {
	b, err := json.Marshal(IDNPS{Type: IDNPSTypeRPPS, ID: "99700771191"})
	if err != nil {
		t.Fatal(err)
	}
	if want := `{"type":"8","id":"99700771191"}`; string(b) != want {
		t.Fatalf("json = %s, want %s", b, want)
	}
}

func TestIDNPSFromRPPS(t *testing.T) {
	tests := []struct{ name, rpps, want string }{
		{"Valid", "99700771191", "899700771191"},
		{"ValidWithSpaces", "997 007 711 91", "899700771191"},
		{"InvalidGivesEmpty", "99700771192", ""},
		{"AlreadyIDNPSGivesEmpty", "899700771191", ""},
		{"Empty", "", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := IDNPSFromRPPS(tc.rpps); got != tc.want {
				t.Fatalf("IDNPSFromRPPS(%q) = %q, want %q", tc.rpps, got, tc.want)
			}
		})
	}
	t.Run("RoundTrip", func(t *testing.T) {
		id, err := ParseIDNPS(IDNPSFromRPPS("99700771191"))
		if err != nil || id.Type != IDNPSTypeRPPS || id.ID != "99700771191" {
			t.Fatalf("ParseIDNPS(IDNPSFromRPPS) = %+v, %v", id, err)
		}
	})
}

func TestIDNPSOfTypedRPPS(t *testing.T) {
	tests := []struct {
		name  string
		typed string
		want  IDNPSTyped
		code  string
	}{
		{"Empty", "", IDNPSTyped{Missing: 11}, ""},
		{"Started", "997", IDNPSTyped{Missing: 8}, ""},
		{"Complete", "99700771191", IDNPSTyped{IDNPS: "899700771191"}, ""},
		{"CompleteWithSpaces", " 997 007 711 91 ", IDNPSTyped{IDNPS: "899700771191"}, ""},
		{"KeyNotChecked", "99700771192", IDNPSTyped{IDNPS: "899700771192"}, ""},
		{"ErrLetters", "997A", IDNPSTyped{}, CodeCharacters},
		{"ErrTooLong", "997007711910", IDNPSTyped{}, CodeLength},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := IDNPSOfTypedRPPS(tc.typed)
			if tc.code != "" {
				checkError(t, err, "RPPS", tc.code)
				return
			}
			if err != nil || got != tc.want {
				t.Fatalf("IDNPSOfTypedRPPS(%q) = %+v, %v; want %+v", tc.typed, got, err, tc.want)
			}
		})
	}
}
