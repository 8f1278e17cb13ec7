package storekit

import (
	"testing"

	"erpps/backend/erpps"
)

func TestPractitionerKeys(t *testing.T) {
	tests := []struct {
		name       string
		p          erpps.Practitioner
		text, sort string
	}{
		{"ExerciseNames", erpps.Practitioner{BirthName: "Dupont", FirstName: "Anne", ExerciseName: "Le Bœuf", ExerciseFirstName: "Éloïse"},
			"le boeuf eloise dupont anne", "le boeuf eloise"},
		{"BirthNamesOnly", erpps.Practitioner{BirthName: "Martinez", FirstName: "José"},
			"martinez jose", "martinez jose"},
		{"ExerciseNameBirthFirstName", erpps.Practitioner{BirthName: "Durand", FirstName: "Zoé", ExerciseName: "D'Arc"},
			"d arc durand zoe", "d arc zoe"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := PractitionerSearchText(&tt.p); got != tt.text {
				t.Errorf("PractitionerSearchText = %q, want %q", got, tt.text)
			}
			if got := PractitionerSortKey(&tt.p); got != tt.sort {
				t.Errorf("PractitionerSortKey = %q, want %q", got, tt.sort)
			}
		})
	}
}
