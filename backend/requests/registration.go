package requests

import (
	"fmt"
	"strings"

	"erpps/backend/erpps"
	"erpps/backend/refdata"
)

// Registration says who keeps a practitioner's RPPS record, profession by
// profession. eRPPS is the ARS's portal: it serves the professions an ARS
// registers; the Ordres and the Service de santé des armées keep the others.
type Registration struct {
	Professions []ProfessionRegistration `json:"professions"`
	// Authority is the one named for the whole record (the attestation's
	// issuer): refdata.Catalog.RecordAuthority.
	Authority refdata.Authority `json:"authority"`
	// ServedByARS is true when an ARS registers at least one of the
	// practitioner's professions: requests can be transmitted from here.
	ServedByARS bool `json:"servedByArs"`
	// Notice, when a profession is registered elsewhere, tells who keeps the
	// record and how to reach them; nil when every profession is the ARS's.
	Notice *Guidance `json:"notice,omitempty"`
}

// ProfessionRegistration is the authority registering one profession.
type ProfessionRegistration struct {
	ProfessionCode  string            `json:"professionCode"`
	ProfessionLabel string            `json:"professionLabel"`
	Authority       refdata.Authority `json:"authority"`
}

// AuthorityOf is the authority registering one of the practitioner's
// professions (see refdata.Catalog.PractitionerAuthority).
func AuthorityOf(cat *refdata.Catalog, p *erpps.Practitioner, professionCode, today string) refdata.Authority {
	return cat.PractitionerAuthority(p, professionCode, today)
}

// RegistrationOf tells who keeps each of the practitioner's professions.
func RegistrationOf(cat *refdata.Catalog, p *erpps.Practitioner, today string) Registration {
	r := Registration{Professions: []ProfessionRegistration{}, Authority: cat.RecordAuthority(p, today)}
	var elsewhere []ProfessionRegistration
	for _, pr := range p.Professions {
		a := AuthorityOf(cat, p, pr.Code, today)
		reg := ProfessionRegistration{ProfessionCode: pr.Code, ProfessionLabel: cat.ProfessionLabel(pr.Code), Authority: a}
		r.Professions = append(r.Professions, reg)
		if a.Kind == refdata.AuthorityARS {
			r.ServedByARS = true
		} else {
			elsewhere = append(elsewhere, reg)
		}
	}
	if len(elsewhere) > 0 {
		r.Notice = registrationNotice(elsewhere, r.ServedByARS)
	}
	return r
}

// registrationNotice tells a practitioner whose record (or part of it) is
// kept by an Ordre or the SSA where to turn.
func registrationNotice(elsewhere []ProfessionRegistration, servedByARS bool) *Guidance {
	var parts []string
	for _, e := range elsewhere {
		part := fmt.Sprintf("pour la profession de %s, votre dossier est tenu par %s", strings.ToLower(e.ProfessionLabel), authorityName(e.Authority))
		if e.Authority.Contact != "" {
			part += fmt.Sprintf(" (%s)", e.Authority.Contact)
		}
		parts = append(parts, part)
	}
	msg := capitalize(strings.Join(parts, " ; ")) + "."
	if servedByARS {
		msg += " Les demandes concernant cette profession s'adressent à lui ; vous pouvez transmettre ici les autres."
		return &Guidance{Code: "registered_elsewhere", Level: LevelInfo, Title: "Une partie de votre dossier n'est pas tenue par l'ARS", Message: msg}
	}
	msg += " C'est lui qui enregistre au RPPS vos activités, vos coordonnées et votre nom d'exercice : adressez-lui vos demandes (par votre conseil départemental ou sur son site). Ce portail de l'ARS ne peut rien lui transmettre."
	return &Guidance{Code: "registered_elsewhere", Level: LevelError, Title: "Votre dossier RPPS n'est pas tenu par l'ARS", Message: msg}
}

// authorityName writes an authority in a sentence: « l'Ordre des médecins ».
func authorityName(a refdata.Authority) string {
	if strings.HasPrefix(a.Label, "Ordre") || strings.HasPrefix(a.Label, "ARS") {
		return "l'" + a.Label
	}
	return "le " + a.Label
}

// checkRegistration refuses a request an ARS cannot receive: one about a
// profession registered by an Ordre or the SSA, or, for a record none of
// whose professions the ARS registers, any request. The error guidance blocks
// the transmission.
func checkRegistration(s *subject, payload any, c *checks) {
	reg := RegistrationOf(s.cat, s.practitioner, s.today)
	profession := ""
	switch p := payload.(type) {
	case *erpps.NewActivityPayload:
		if p.ProfessionCode != "" && s.practitioner.HasProfession(p.ProfessionCode) {
			profession = p.ProfessionCode
		}
	case *erpps.CeaseActivityPayload:
		if a, err := s.practitioner.ActivityByID(p.ActivityID); err == nil {
			profession = a.ProfessionCode
		}
	case *erpps.NewProfessionPayload:
		// Declaring a profession the ARS registers is open to everyone (a
		// médecin who becomes ostéopathe); an ordered one is the Ordre's.
		if p.ProfessionCode != "" && s.cat.RegistrationAuthority(p.ProfessionCode).Kind != refdata.AuthorityARS {
			a := s.cat.RegistrationAuthority(p.ProfessionCode)
			c.fail("professionCode", "registered_elsewhere", fmt.Sprintf("Cette profession est enregistrée au RPPS par %s (%s), et non par l'ARS : adressez-vous à lui.", authorityName(a), a.Contact))
		}
		return
	}
	if profession != "" {
		a := AuthorityOf(s.cat, s.practitioner, profession, s.today)
		if a.Kind != refdata.AuthorityARS {
			if _, ok := payload.(*erpps.NewActivityPayload); ok {
				c.fail("professionCode", "registered_elsewhere", fmt.Sprintf("Pour cette profession, vos activités sont enregistrées par %s, et non par l'ARS.", authorityName(a)))
			}
			c.guide(*registrationNotice([]ProfessionRegistration{{ProfessionCode: profession, ProfessionLabel: s.cat.ProfessionLabel(profession), Authority: a}}, false))
			return
		}
	}
	if !reg.ServedByARS && reg.Notice != nil {
		c.guide(*reg.Notice)
	}
}

// refuseUnlessServed refuses to start a request an ARS cannot receive, with
// the notice saying where to turn. A new profession may always be started:
// the ARS registers it when it is one of its professions.
func refuseUnlessServed(cat *refdata.Catalog, p *erpps.Practitioner, in StartInput, today string) error {
	if in.Kind == erpps.KindNewProfession {
		return nil
	}
	reg := RegistrationOf(cat, p, today)
	if !reg.ServedByARS && reg.Notice != nil {
		return erpps.Errorf(erpps.EFORBIDDEN, "%s. %s", reg.Notice.Title, reg.Notice.Message)
	}
	if in.Kind == erpps.KindCeaseActivity {
		if a, err := p.ActivityByID(in.TargetID); err == nil {
			if auth := AuthorityOf(cat, p, a.ProfessionCode, today); auth.Kind != refdata.AuthorityARS {
				n := registrationNotice([]ProfessionRegistration{{ProfessionCode: a.ProfessionCode, ProfessionLabel: cat.ProfessionLabel(a.ProfessionCode), Authority: auth}}, false)
				return erpps.Errorf(erpps.EFORBIDDEN, "%s. %s", n.Title, n.Message)
			}
		}
	}
	return nil
}
