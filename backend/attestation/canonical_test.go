package attestation

import (
	"bytes"
	"strings"
	"testing"
	"time"
)

func TestCanonicalIsDeterministic(t *testing.T) {
	a, b := sampleData(25), sampleData(25)
	if !bytes.Equal(Canonical(a), Canonical(b)) {
		t.Fatal("the same data gave two serialisations")
	}
	if !strings.HasPrefix(string(Canonical(a)), canonicalHeader) {
		t.Errorf("no header: %q", Canonical(a)[:40])
	}
}

func TestCanonicalSeesEveryField(t *testing.T) {
	base := sampleData(3)
	tests := []struct {
		name   string
		change func(d *Data)
	}{
		{"DocumentNumber", func(d *Data) { d.DocumentNumber += "1" }},
		{"IssuedAtDay", func(d *Data) { d.IssuedAt = d.IssuedAt.AddDate(0, 0, 1) }},
		{"Issuer", func(d *Data) { d.Issuer = "ARS Bretagne" }},
		{"Civility", func(d *Data) { d.Civility = "Madame" }},
		{"ExerciseName", func(d *Data) { d.ExerciseName = "AUTRE" }},
		{"FirstName", func(d *Data) { d.FirstName = "Anais-Helene" }},
		{"BirthName", func(d *Data) { d.BirthName = "" }},
		{"RPPS", func(d *Data) { d.RPPS = "99900000024" }},
		{"IDNPS", func(d *Data) { d.IDNPS = "899900000024" }},
		{"ProfessionAdded", func(d *Data) { d.Professions = append(d.Professions, "Pharmacien") }},
		{"ProfessionOrder", func(d *Data) { d.Professions[0], d.Professions[1] = d.Professions[1], d.Professions[0] }},
		{"ActivityRemoved", func(d *Data) { d.Activities = d.Activities[:2] }},
		{"ActivityStructure", func(d *Data) { d.Activities[1].Structure += " " }},
		{"ActivityAddress", func(d *Data) { d.Activities[1].Address = "ailleurs" }},
		{"ActivityMode", func(d *Data) { d.Activities[1].Mode = "Bénévole" }},
		{"ActivitySince", func(d *Data) { d.Activities[1].Since = "01/01/2000" }},
		{"FieldBoundaryMoved", func(d *Data) {
			d.Activities[0].Structure += "\t" + d.Activities[0].Address
			d.Activities[0].Address = ""
		}},
		{"LineInjected", func(d *Data) { d.FirstName += "\nprofession=Pharmacien" }},
	}
	want := string(Canonical(base))
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := sampleData(3)
			tt.change(&d)
			if string(Canonical(d)) == want {
				t.Errorf("the change left Canonical unchanged")
			}
			if bytes.Equal(contentDigest(d), contentDigest(base)) {
				t.Errorf("the change left the digest unchanged")
			}
		})
	}
}

func TestCanonicalTimeOfDayIsNotSigned(t *testing.T) {
	a := sampleData(1)
	b := sampleData(1)
	b.IssuedAt = b.IssuedAt.Add(3 * time.Hour)
	if !bytes.Equal(Canonical(a), Canonical(b)) {
		t.Error("the time of day changed the content; only the printed date is signed")
	}
}

func TestCanonicalEscapes(t *testing.T) {
	d := Data{FirstName: "a\\b\nc\rd\te"}
	if got := string(Canonical(d)); !strings.Contains(got, "firstName=a\\\\b\\nc\\rd\\te\n") {
		t.Errorf("Canonical = %q", got)
	}
}
