package ecps

import (
	"strings"
	"testing"
)

// 10000000009 and 79927398713 are valid Luhn numbers; 10000000008 is not.
func TestReadIdentifier(t *testing.T) {
	t.Run("PrefixAdded", func(t *testing.T) {
		r := ReadIdentifier("10000000009")
		if !r.OK || r.IDNPS != "810000000009" || r.RPPS != "10000000009" || !r.PrefixAdded ||
			r.Message != "Identifiant compris : 8 10000000009 (vous avez saisi votre numéro RPPS, le « 8 » a été ajouté devant.)" {
			t.Fatalf("%+v", r)
		}
	})
	t.Run("WithItsEightSpacesAndDots", func(t *testing.T) {
		r := ReadIdentifier(" 8 799.2739.8713 ")
		if !r.OK || r.IDNPS != "879927398713" || r.PrefixAdded ||
			r.Message != "Identifiant compris : 8 79927398713 (« 8 » suivi de votre numéro RPPS 79927398713.)" {
			t.Fatalf("%+v", r)
		}
	})
	t.Run("KeyOnTheElevenDigits", func(t *testing.T) {
		// 810000000009 as a whole fails Luhn, its RPPS part passes.
		if r := ReadIdentifier("810000000009"); !r.OK {
			t.Fatalf("%+v", r)
		}
		if r := ReadIdentifier("810000000008"); r.OK || !strings.Contains(r.Message, "Le numéro RPPS 10000000008 n'existe pas") {
			t.Fatalf("%+v", r)
		}
	})
	t.Run("TestIdentitiesOfTheANS", func(t *testing.T) {
		if r := ReadIdentifier("899700771191"); !r.OK || r.IDNPS != "899700771191" {
			t.Fatalf("%+v", r)
		}
	})
	for _, tt := range []struct {
		typed, fragment string
		empty           bool
	}{
		{"", "Indiquez votre identifiant", true},
		{"   ", "Indiquez votre identifiant", true},
		{"8100000000O9", "ne contient que des chiffres", false},
		{"310000000009", "commence par « 3 »", false},
		{"0751234567", "ADELI", false},
		{"1000000000", "Vous avez saisi 10 chiffres", false},
		{"8100000000090", "Vous avez saisi 13 chiffres", false},
		{"7", "Vous avez saisi 1 chiffre.", false},
		{"10000000008", "la clé", false},
		{strings.Repeat("8", 65), "12 chiffres", false},
	} {
		t.Run("Refuses"+tt.typed, func(t *testing.T) {
			r := ReadIdentifier(tt.typed)
			if r.OK || r.Empty != tt.empty || !strings.Contains(r.Message, tt.fragment) || r.IDNPS != "" {
				t.Fatalf("%+v, want %q", r, tt.fragment)
			}
			if _, err := ParseIdentifier(tt.typed); err == nil {
				t.Fatal("ParseIdentifier accepts it")
			}
		})
	}
}
