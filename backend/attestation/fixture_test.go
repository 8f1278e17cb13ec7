package attestation

import (
	"bytes"
	"crypto/ed25519"
	"fmt"
	"testing"
	"time"

	"erpps/backend/signing"
)

// testSigner is a fixed key, so failures are reproducible.
func testSigner(t testing.TB, b byte) *signing.LocalSigner {
	t.Helper()
	s, err := signing.NewLocalSigner(bytes.Repeat([]byte{b}, ed25519.SeedSize))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

var paris = time.FixedZone("CET", 3600)

// sampleData is a fictional practitioner (test RPPS numbers start with 99)
// with n activities.
func sampleData(n int) Data {
	d := Data{
		DocumentNumber: "ATT-2026-000123",
		IssuedAt:       time.Date(2026, time.November, 27, 10, 30, 0, 0, paris),
		Issuer:         "ARS Occitanie",
		Civility:       "Docteur",
		ExerciseName:   "DÉMONSTRATION-LŒUVRE",
		FirstName:      "Anaïs-Hélène",
		BirthName:      "ESSAI",
		RPPS:           "99900000016",
		IDNPS:          "899900000016",
		Professions:    []string{"Médecin", "Chirurgien-dentiste"},
	}
	modes := []string{"Libéral", "Salarié", "Bénévole"}
	for i := range n {
		d.Activities = append(d.Activities, Activity{
			Structure: fmt.Sprintf("Cabinet médical des Écoles n° %d", i+1),
			Address:   fmt.Sprintf("%d bis rue de l'Église, 34000 Montpellier", i+3),
			Mode:      modes[i%len(modes)],
			Since:     fmt.Sprintf("%02d/03/20%02d", i%28+1, 10+i%15),
		})
	}
	if n > 2 {
		d.Activities[2].Structure = "Centre hospitalier universitaire de Montpellier – Hôpital Lapeyronie, service d'anesthésie-réanimation"
		d.Activities[2].Address = "371 avenue du Doyen Gaston Giraud, bâtiment B, 3e étage, 34295 Montpellier Cedex 5"
	}
	return d
}
