package identifiers

import "testing"

func TestParsePostalCode(t *testing.T) {
	tests := []parseCase{
		{"Paris11", "75011", "75011", ""},
		{"BourgEnBresse", "01000", "01000", ""},
		{"Spaces", "75 011", "75011", ""},
		{"Ajaccio", "20000", "20000", ""},
		{"Bastia", "20200", "20200", ""},
		{"PointeAPitre", "97110", "97110", ""},
		{"SaintBarthelemy", "97133", "97133", ""},
		{"SaintPierre", "97500", "97500", ""},
		{"Mamoudzou", "97600", "97600", ""},
		{"Monaco", "98000", "98000", ""},
		{"ErrEmpty", "", "", CodeEmpty},
		{"ErrFourDigits", "7501", "", CodeLength},
		{"ErrSixDigits", "750110", "", CodeLength},
		{"ErrLetters", "75O11", "", CodeCharacters},
		{"ErrDepartment00", "00100", "", CodeUnknown},
		{"ErrBelow01000", "00999", "", CodeUnknown},
		{"ErrDepartment96", "96000", "", CodeUnknown},
		{"Err970", "97000", "", CodeUnknown},
		{"Err977", "97700", "", CodeUnknown},
		{"ErrNoumea", "98800", "", CodeUnknown},
		{"ErrMonacoNeighbour", "98001", "", CodeUnknown},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) { checkParse(t, "CodePostal", ParsePostalCode, tc) })
	}
}

func TestDepartmentOfPostalCode(t *testing.T) {
	tests := []parseCase{
		{"Paris", "75011", "75", ""},
		{"Ain", "01000", "01", ""},
		{"Essonne", "91000", "91", ""},
		{"Ajaccio", "20000", "2A", ""},
		{"AjaccioMezzavia", "20090", "2A", ""},
		{"PortoVecchio", "20137", "2A", ""},
		{"Sartene", "20100", "2A", ""},
		{"AjaccioCedex", "20303", "2A", ""},
		{"Bastia", "20200", "2B", ""},
		{"Corte", "20250", "2B", ""},
		{"Calvi", "20260", "2B", ""},
		{"Furiani", "20600", "2B", ""},
		{"BastiaCedex", "20401", "2B", ""},
		{"Guadeloupe", "97110", "971", ""},
		{"Martinique", "97200", "972", ""},
		{"Guyane", "97300", "973", ""},
		{"Reunion", "97411", "974", ""},
		{"SaintPierreEtMiquelon", "97500", "975", ""},
		{"Mayotte", "97600", "976", ""},
		{"SaintMartinRoutedBy971", "97150", "971", ""},
		{"ErrMonaco", "98000", "", CodeUnknown},
		{"ErrCorsica205", "20500", "", CodeUnknown},
		{"ErrCorsica209", "20999", "", CodeUnknown},
		{"ErrInvalidCode", "7501", "", CodeLength},
		{"ErrEmpty", "", "", CodeEmpty},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) { checkParse(t, "CodePostal", DepartmentOfPostalCode, tc) })
	}
}
