package storekit

import "testing"

func TestFold(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Éloïse", "eloise"},
		{"  Le Bœuf-Énard  ", "le boeuf enard"},
		{"D'ARTAGNAN", "d artagnan"},
		{"Æsir Straße", "aesir strasse"},
		{"Ça  va ?", "ca va"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := Fold(tt.in); got != tt.want {
			t.Errorf("Fold(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
