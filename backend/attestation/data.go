package attestation

import (
	"time"

	"erpps/backend/erpps"
)

// Activity is one current activity as printed on the attestation; every field
// is already a French label.
type Activity struct {
	Structure string `json:"structure"` // raison sociale of the place of practice
	Address   string `json:"address"`   // one-line postal address
	Mode      string `json:"mode"`      // mode d'exercice (libéral, salarié...)
	Since     string `json:"since"`     // start date, as printed ("12/03/2015")
}

// Data is the content of an attestation; the strings are French labels, ready
// to print.
type Data struct {
	DocumentNumber string    `json:"documentNumber"`
	IssuedAt       time.Time `json:"issuedAt"` // its calendar date, in its location, is printed and signed
	Issuer         string    `json:"issuer"`   // the registration authority, e.g. "ARS Occitanie", "Ordre des médecins"
	// IssuerTitle is the kind of body the issuer is, printed above its name
	// (refdata.Authority.Title); "" prints « Agence régionale de santé ».
	IssuerTitle  string     `json:"issuerTitle,omitempty"`
	Civility     string     `json:"civility"` // civilité d'exercice ("Docteur") or civilité ("Madame")
	ExerciseName string     `json:"exerciseName"`
	FirstName    string     `json:"firstName"`
	BirthName    string     `json:"birthName"`
	RPPS         string     `json:"rpps"`
	IDNPS        string     `json:"idnps"`
	Professions  []string   `json:"professions"`
	Activities   []Activity `json:"activities"`
	// Demo marks a demo record's attestation « DÉMO » (fictional data).
	Demo bool `json:"demo"`
	// Preview marks an attestation signed by this computer's stand-in key:
	// an offline preview, of no official value. Renderer.Render sets it from
	// its signer.
	Preview bool `json:"preview"`
}

// Name is the name the attestation shows in its QR code: first name then
// exercise name.
func (d Data) Name() string {
	switch {
	case d.FirstName == "":
		return d.ExerciseName
	case d.ExerciseName == "":
		return d.FirstName
	}
	return d.FirstName + " " + d.ExerciseName
}

// Validate reports the missing fields an attestation cannot go without.
func (d Data) Validate() error {
	var fields []erpps.FieldError
	missing := func(field, message string) {
		fields = append(fields, erpps.FieldError{Field: field, Code: erpps.EINVALID, Message: message})
	}
	if d.DocumentNumber == "" {
		missing("documentNumber", "Le numéro du document est obligatoire.")
	}
	if d.IssuedAt.IsZero() {
		missing("issuedAt", "La date de délivrance est obligatoire.")
	}
	if d.Issuer == "" {
		missing("issuer", "L'autorité qui délivre l'attestation est obligatoire.")
	}
	if d.ExerciseName == "" {
		missing("exerciseName", "Le nom d'exercice est obligatoire.")
	}
	if d.RPPS == "" {
		missing("rpps", "Le numéro RPPS est obligatoire.")
	}
	if len(fields) > 0 {
		return erpps.Invalid("L'attestation ne peut pas être établie : des informations manquent.", fields...)
	}
	return nil
}
