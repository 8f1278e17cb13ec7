package register

import (
	"strings"

	"erpps/backend/erpps"
	"erpps/backend/phone"
)

// contact replaces the coordonnées de correspondance; only what differs is
// listed.
func (a applier) contact(p *erpps.Practitioner, pl *erpps.ContactPayload) []Change {
	old := p.Contact
	var changes []Change
	if old.Email != pl.Email {
		changes = append(changes, Change{Field: "contact.email", Label: "Adresse électronique", Before: old.Email, After: pl.Email})
	}
	if old.Phone != pl.Phone {
		changes = append(changes, Change{Field: "contact.phone", Label: "Téléphone", Before: phoneText(old.Phone), After: phoneText(pl.Phone)})
	}
	if old.Address != pl.Address {
		changes = append(changes, Change{Field: "contact.address", Label: "Adresse de correspondance", Before: addressLine(old.Address), After: addressLine(pl.Address)})
	}
	p.Contact = erpps.Contact{Email: pl.Email, Phone: pl.Phone, Address: pl.Address}
	return changes
}

// phoneText writes an E.164 number as the French write it.
func phoneText(e164 string) string {
	if e164 == "" {
		return ""
	}
	return phone.FormatNational(e164)
}

// exerciseName changes the name shown on the Annuaire Santé; « use the birth
// name » resets it to the birth name. The register writes it in capitals.
func (a applier) exerciseName(p *erpps.Practitioner, pl *erpps.ExerciseNamePayload) []Change {
	name := pl.ExerciseName
	if pl.UseBirthName {
		name = p.BirthName
	}
	name = strings.ToUpper(strings.Join(strings.Fields(name), " "))
	first := strings.Join(strings.Fields(pl.ExerciseFirstName), " ")
	var changes []Change
	if name != p.DisplayName() {
		changes = append(changes, Change{Field: "exerciseName", Label: "Nom d'exercice", Before: p.DisplayName(), After: name})
	}
	if first != p.ExerciseFirstName {
		changes = append(changes, Change{Field: "exerciseFirstName", Label: "Prénom d'exercice", Before: p.ExerciseFirstName, After: first})
	}
	p.ExerciseName, p.ExerciseFirstName = name, first
	return changes
}
