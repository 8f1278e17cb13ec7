package primo

import (
	"net/mail"
	"strings"
	"time"
	"unicode/utf8"

	"erpps/backend/erpps"
	"erpps/backend/phone"
	"erpps/backend/refdata"
)

// Form is what the person fills; their identity is FranceConnect's.
type Form struct {
	ProfessionCode string        `json:"professionCode"`
	Diploma        erpps.Diploma `json:"diploma"`
	Department     string        `json:"department"`
	Email          string        `json:"email"`
	Phone          string        `json:"phone"`
	// NoRPPS is « Je déclare ne pas avoir de numéro RPPS ».
	NoRPPS bool `json:"noRpps"`
}

// maxText bounds the free texts.
const maxText = 200

// check validates f for the person id and returns the registration it
// makes; every wrong field is told at once.
func (s *Service) check(id erpps.Identity, f Form) (*erpps.Registration, error) {
	var fields []erpps.FieldError
	fail := func(field, code, msg string) {
		fields = append(fields, erpps.FieldError{Field: field, Code: code, Message: msg})
	}
	if !f.NoRPPS {
		fail("noRpps", "required", "Cochez cette case : FranceConnect sert uniquement au primo enregistrement. Si vous avez déjà un numéro RPPS, connectez-vous avec Pro Santé Connect.")
	}
	s.checkProfession(f.ProfessionCode, fail)
	text := func(field, value, missing string) string {
		v := strings.TrimSpace(value)
		switch {
		case v == "":
			fail(field, "required", missing)
		case utf8.RuneCountInString(v) > maxText:
			fail(field, "too_long", "200 caractères au plus.")
		}
		return v
	}
	d := erpps.Diploma{
		Title:       text("diploma.title", f.Diploma.Title, "Indiquez l'intitulé de votre diplôme."),
		Institution: text("diploma.institution", f.Diploma.Institution, "Indiquez l'établissement ou le lieu de délivrance du diplôme."),
		Date:        strings.TrimSpace(f.Diploma.Date),
	}
	today := s.Now().Format(time.DateOnly)
	switch {
	case d.Date == "":
		fail("diploma.date", "required", "Indiquez la date d'obtention du diplôme.")
	case !isDate(d.Date):
		fail("diploma.date", "format", "Date attendue au format AAAA-MM-JJ.")
	case d.Date > today:
		fail("diploma.date", "future", "La date d'obtention ne peut pas être dans le futur.")
	case d.Date <= id.BirthDate:
		fail("diploma.date", "before_birth", "La date d'obtention est antérieure à votre date de naissance.")
	}
	if _, err := s.Catalog.Department(f.Department); err != nil {
		fail("department", "unknown", "Choisissez le département où vous exercerez : il désigne l'ARS qui examinera votre demande.")
	}
	email := strings.TrimSpace(f.Email)
	if a, err := mail.ParseAddress(email); email == "" || err != nil || a.Address != email || !strings.Contains(email[strings.LastIndex(email, "@")+1:], ".") {
		fail("email", "format", "Indiquez une adresse électronique valide (exemple : nom@domaine.fr).")
	}
	var mobile string
	if p := strings.TrimSpace(f.Phone); p != "" {
		n, err := phone.ParseMobile(p, f.Department)
		if err != nil {
			fields = append(fields, erpps.FieldErrorFor("phone", err))
		} else {
			mobile = n.E164
		}
	}
	if len(fields) > 0 {
		return nil, erpps.Invalid("Votre demande est incomplète ou contient des erreurs.", fields...)
	}
	return &erpps.Registration{Identity: id, ProfessionCode: f.ProfessionCode, Diploma: d,
		Department: f.Department, Email: email, Phone: mobile}, nil
}

// checkProfession accepts an offered profession (NOS TRE_G15 / TRE_R95, not
// retired) that the ARS registers; the Ordres register the others.
func (s *Service) checkProfession(code string, fail func(field, code, msg string)) {
	if code == "" {
		fail("professionCode", "required", "Choisissez votre profession.")
		return
	}
	offered := false
	for _, p := range s.Catalog.Professions() {
		if p.Code == code {
			offered = true
			break
		}
	}
	if !offered {
		fail("professionCode", "unknown", "Choisissez une profession de la liste.")
		return
	}
	if a := s.Catalog.RegistrationAuthority(code); a.Kind != refdata.AuthorityARS {
		fail("professionCode", "other_authority", "La profession « "+s.Catalog.ProfessionLabel(code)+" » s'enregistre auprès de : "+
			a.Label+" ("+a.Contact+"), pas auprès de l'ARS.")
	}
}
