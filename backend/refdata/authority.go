package refdata

import (
	"erpps/backend/erpps"
	"erpps/backend/identifiers"
)

// Registration authorities (autorités d'enregistrement, NOS TRE_R60): who
// creates and updates a professional's RPPS record depends on the profession.
//
// Source of the mapping (the NOS publishes the authorities, not which
// profession each registers): the Code de la santé publique makes inscription
// at an Ordre compulsory for médecins, chirurgiens-dentistes and sages-femmes
// (L4112-1), pharmaciens (L4222-1), infirmiers (L4311-15; infirmiers de secteur
// psychiatrique included), masseurs-kinésithérapeutes (L4321-10) and
// pédicures-podologues (L4322-2); the Ordres register them in the RPPS. The
// ARS of the region registers the other professions (former ADELI professions
// and usagers de titre, TRE_R95); the Service de santé des armées registers
// military practitioners.

// Kinds of registration authority.
const (
	AuthorityOrdre = "ordre" // a national Ordre (CNOM, ONCD, CNOSF, CNOP, ONI, CNOMK, CNOPP)
	AuthorityARS   = "ars"   // the agence régionale de santé of the region
	AuthoritySSA   = "ssa"   // the Service de santé des armées
)

// Authority is the body that keeps a professional's RPPS record for one
// profession.
type Authority struct {
	Code  string `json:"code"`  // TRE_R60 code: "CNOM", "ARS-27", "SSA"; "" for an ARS not yet known
	Kind  string `json:"kind"`  // AuthorityOrdre, AuthorityARS or AuthoritySSA
	Label string `json:"label"` // « Ordre des médecins », « ARS Bourgogne-Franche-Comté »
	// Contact is a generic way to reach it: the national Ordre's website,
	// the SSA's; "" for an ARS (the portal itself).
	Contact string `json:"contact,omitempty"`
}

// Title is the kind of body an authority is, as printed above its name on an
// attestation: « Agence régionale de santé », « Ordre professionnel »,
// « Service de santé des armées ».
func (a Authority) Title() string {
	switch a.Kind {
	case AuthorityOrdre:
		return "Ordre professionnel"
	case AuthoritySSA:
		return "Ministère des Armées"
	}
	return "Agence régionale de santé"
}

// ordreOf maps the professions an Ordre registers to its TRE_R60 code and the
// national Ordre's website.
var ordreOf = map[string]struct{ code, website string }{
	"10": {"CNOM", "https://www.conseil-national.medecin.fr"},    // Médecin
	"40": {"ONCD", "https://www.ordre-chirurgiens-dentistes.fr"}, // Chirurgien-Dentiste
	"50": {"CNOSF", "https://www.ordre-sages-femmes.fr"},         // Sage-Femme
	"21": {"CNOP", "https://www.ordre.pharmacien.fr"},            // Pharmacien
	"60": {"ONI", "https://www.ordre-infirmiers.fr"},             // Infirmier
	"69": {"ONI", "https://www.ordre-infirmiers.fr"},             // Infirmier psychiatrique
	"70": {"CNOMK", "https://www.ordremk.fr"},                    // Masseur-Kinésithérapeute
	"80": {"CNOPP", "https://www.onpp.fr"},                       // Pédicure-Podologue
}

const ssaWebsite = "https://www.defense.gouv.fr/sante"

// RegistrationAuthority returns who registers a profession in the RPPS: its
// Ordre, or else the ARS (Label « ARS » and no code: the region comes from
// the place of practice, see ARSAuthority).
func (c *Catalog) RegistrationAuthority(professionCode string) Authority {
	if o, ok := ordreOf[professionCode]; ok {
		return Authority{Code: o.code, Kind: AuthorityOrdre, Label: c.Label(TableRegistrationAuthority, o.code), Contact: o.website}
	}
	return Authority{Kind: AuthorityARS, Label: "ARS"}
}

// MilitaryAuthority is the Service de santé des armées, which registers
// military practitioners whatever their profession.
func (c *Catalog) MilitaryAuthority() Authority {
	return Authority{Code: "SSA", Kind: AuthoritySSA, Label: c.Label(TableRegistrationAuthority, "SSA"), Contact: ssaWebsite}
}

// ARSAuthority is the ARS of a département, with its one name: « ARS
// Bourgogne-Franche-Comté ». An unknown département gives the generic « ARS ».
func (c *Catalog) ARSAuthority(department string) Authority {
	d, err := c.Department(department)
	if err != nil {
		return Authority{Kind: AuthorityARS, Label: "ARS"}
	}
	return Authority{Code: d.ARSCode, Kind: AuthorityARS, Label: d.ARS}
}

// ARSName is the one name of the ARS examining a département's requests
// (« ARS Bourgogne-Franche-Comté »), « ARS » when the département is unknown.
// Every screen and document naming an ARS uses it.
func (c *Catalog) ARSName(department string) string {
	return c.ARSAuthority(department).Label
}

// militaryCivilities are the civilités d'exercice (TRE_R11) of the armed
// forces' health service.
var militaryCivilities = map[string]bool{"MC": true, "MG": true, "PC": true, "PG": true}

// militarySectors are the secteurs d'activité (TRE_R02) of the Service de
// santé des armées.
var militarySectors = map[string]bool{"SA02": true, "SA06": true}

// IsMilitaryCivility tells whether a civilité d'exercice is a military rank.
func IsMilitaryCivility(code string) bool { return militaryCivilities[code] }

// IsMilitarySector tells whether a secteur d'activité is the SSA's.
func IsMilitarySector(code string) bool { return militarySectors[code] }

// PractitionerAuthority is the authority registering one of a practitioner's
// professions: the Service de santé des armées for a military practitioner,
// the profession's Ordre, else the ARS of the place where it is exercised
// (of the first open activity, then of the postal address). today is
// YYYY-MM-DD.
func (c *Catalog) PractitionerAuthority(p *erpps.Practitioner, professionCode, today string) Authority {
	open := p.OpenActivities(today)
	ordre := c.RegistrationAuthority(professionCode).Kind == AuthorityOrdre
	// A military rank (médecin chef...) says it; an ordered profession
	// exercised in the SSA's structures too (its practitioners are not
	// inscribed at the Ordre). Civilians of other professions working there
	// stay with the ARS.
	military := IsMilitaryCivility(p.ExerciseCivility)
	for _, a := range open {
		if ordre && a.ProfessionCode == professionCode && IsMilitarySector(a.SectorCode) {
			military = true
		}
	}
	if military {
		return c.MilitaryAuthority()
	}
	if ordre {
		return c.RegistrationAuthority(professionCode)
	}
	for _, a := range open {
		if a.ProfessionCode == professionCode && a.Structure.Department != "" {
			return c.ARSAuthority(a.Structure.Department)
		}
	}
	for _, a := range open {
		if a.Structure.Department != "" {
			return c.ARSAuthority(a.Structure.Department)
		}
	}
	return c.ARSAuthority(postalDepartment(p.Contact.Address.PostalCode))
}

// RecordAuthority is the authority named for the whole record (on the
// attestation): that of the first profession the ARS registers, else of the
// first profession.
func (c *Catalog) RecordAuthority(p *erpps.Practitioner, today string) Authority {
	var first *Authority
	for _, pr := range p.Professions {
		a := c.PractitionerAuthority(p, pr.Code, today)
		if a.Kind == AuthorityARS {
			return a
		}
		if first == nil {
			first = &a
		}
	}
	if first != nil {
		return *first
	}
	return c.ARSAuthority(postalDepartment(p.Contact.Address.PostalCode))
}

// postalDepartment is the département of a postal code, "" when it has none.
func postalDepartment(pc string) string {
	d, err := identifiers.DepartmentOfPostalCode(pc)
	if err != nil {
		return ""
	}
	return d
}
