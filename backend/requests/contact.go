package requests

import (
	"net/mail"
	"strings"

	"erpps/backend/erpps"
	"erpps/backend/identifiers"
	"erpps/backend/phone"
)

var contactRules = rules{
	initial: func(p *erpps.Practitioner, _ string) any {
		out := erpps.ContactPayload{Email: p.Contact.Email, Address: p.Contact.Address}
		if p.Contact.Phone != "" {
			out.Phone = phone.FormatNational(p.Contact.Phone)
		}
		return out
	},
	decode: decodeStrict[erpps.ContactPayload],
	target: noTarget,
	check:  checkContact,
}

// checkContact validates the coordonnées de correspondance: where the CPS card
// is posted and where e-CPS activation codes are sent.
func checkContact(s *subject, payload any, c *checks) string {
	p := payload.(*erpps.ContactPayload)
	p.Email = strings.TrimSpace(p.Email)
	if !c.required("email", p.Email, "Indiquez votre adresse électronique.") {
		if msg := emailProblem(p.Email); msg != "" {
			c.fail("email", "format", msg)
		}
	}
	home := mainDepartment(s.practitioner, s.today)
	if p.Phone != "" {
		n, err := phone.Parse(p.Phone, home)
		if err != nil {
			c.failErr("phone", err)
		} else {
			p.Phone = n.E164
			if !n.Mobile {
				c.guide(Guidance{
					Code: "not_mobile", Level: LevelWarning,
					Title:   "Ce numéro n'est pas un portable",
					Message: "L'activation de la e-CPS par SMS nécessite un numéro de téléphone portable. Avec ce numéro, l'activation se fera par courriel.",
				})
			}
		}
	}
	dept := c.address("address", &p.Address)
	if c.complete && len(c.fields) == 0 && unchangedContact(s.practitioner.Contact, *p) {
		c.fail("email", "unchanged", "Ces coordonnées sont celles déjà enregistrées : modifiez au moins un champ.")
	}
	if dept != "" {
		return dept
	}
	return home
}

// emailProblem says what is wrong with an e-mail address, in French.
func emailProblem(s string) string {
	a, err := mail.ParseAddress(s)
	if err != nil || a.Address != s || a.Name != "" {
		if !strings.Contains(s, "@") {
			return "L'adresse électronique doit contenir « @ » (exemple : nom@domaine.fr)."
		}
		return "L'adresse électronique n'est pas valide (exemple : nom@domaine.fr)."
	}
	domain := s[strings.LastIndex(s, "@")+1:]
	if !strings.Contains(domain, ".") || strings.HasSuffix(domain, ".") {
		return "Le domaine de l'adresse électronique est incomplet (exemple : nom@domaine.fr)."
	}
	if len(s) > 254 {
		return "L'adresse électronique est trop longue."
	}
	return ""
}

func unchangedContact(old erpps.Contact, p erpps.ContactPayload) bool {
	pc, _ := identifiers.ParsePostalCode(old.Address.PostalCode)
	return strings.EqualFold(old.Email, p.Email) && old.Phone == p.Phone &&
		pc == p.Address.PostalCode && normalise(old.Address.Street) == normalise(p.Address.Street) &&
		normalise(old.Address.City) == normalise(p.Address.City) && normalise(old.Address.Complement) == normalise(p.Address.Complement)
}
