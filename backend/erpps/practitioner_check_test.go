package erpps

import "testing"

func TestPractitionerCheck(t *testing.T) {
	tests := []struct {
		name  string
		p     *Practitioner
		field string
	}{
		{"Valid", &Practitioner{RPPS: "10000000001",
			Professions: []Profession{{Code: "10"}, {Code: "60"}},
			Activities:  []Activity{{ID: "a1"}, {ID: "a2"}}}, ""},
		{"Nil", nil, "rpps"},
		{"NoRPPS", &Practitioner{RPPS: "  "}, "rpps"},
		{"ProfessionWithoutCode", &Practitioner{RPPS: "1", Professions: []Profession{{Code: ""}}}, "professions[0].code"},
		{"ProfessionTwice", &Practitioner{RPPS: "1", Professions: []Profession{{Code: "10"}, {Code: "10"}}}, "professions[1].code"},
		{"ActivityWithoutID", &Practitioner{RPPS: "1", Activities: []Activity{{ID: "a1"}, {}}}, "activities[1].id"},
		{"ActivityTwice", &Practitioner{RPPS: "1", Activities: []Activity{{ID: "a1"}, {ID: "a1"}}}, "activities[1].id"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkFieldError(t, tt.p.Check(), tt.field)
		})
	}
}
