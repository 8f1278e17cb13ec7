package requests

import (
	"erpps/backend/erpps"
	"erpps/backend/refdata"
)

var newProfessionRules = rules{
	initial: func(*erpps.Practitioner, string) any { return erpps.NewProfessionPayload{CategoryCode: "C"} },
	decode:  decodeStrict[erpps.NewProfessionPayload],
	target:  noTarget,
	check:   checkNewProfession,
}

// checkNewProfession: a profession offered today (TRE_G15 or TRE_R95) that the
// practitioner does not hold yet.
func checkNewProfession(s *subject, payload any, c *checks) string {
	p := payload.(*erpps.NewProfessionPayload)
	c.guide(Guidance{
		Code: "not_a_place", Level: LevelInfo,
		Title:   "Nouvelle profession, pas nouveau lieu",
		Message: "Il est possible d'ajouter une nouvelle profession à son numéro RPPS (exemple : Opticien-Lunetier → Audioprothésiste). Ne pas confondre avec la déclaration d'un nouveau lieu d'exercice.",
		Action:  &GuidanceAction{Label: "Déclarer un nouveau lieu d'exercice", Kind: "start_request", RequestKind: erpps.KindNewActivity},
	})
	if !c.required("professionCode", p.ProfessionCode, "Choisissez la profession à ajouter.") {
		offered := false
		for _, code := range s.cat.Professions() {
			if code.Code == p.ProfessionCode && !code.Retired {
				offered = true
			}
		}
		switch {
		case !offered:
			c.fail("professionCode", "unknown", "Choisissez une profession dans la liste proposée.")
		case s.practitioner.HasProfession(p.ProfessionCode):
			c.fail("professionCode", "already_held", "Vous exercez déjà cette profession sous votre numéro RPPS.")
		}
	}
	c.code(s.cat, refdata.TableCategory, "categoryCode", p.CategoryCode, "la catégorie professionnelle")
	if d, ok := c.date("since", p.Since, "la date d'obtention du diplôme ou de l'autorisation"); ok && p.Since > s.today {
		_ = d
		c.fail("since", "future", "La date d'obtention ne peut pas être dans le futur.")
	}
	return mainDepartment(s.practitioner, s.today)
}

// mainDepartment routes a request about the record itself: the département of
// the first open activity, else of the postal address.
func mainDepartment(p *erpps.Practitioner, today string) string {
	for _, a := range p.OpenActivities(today) {
		if a.Structure.Department != "" {
			return a.Structure.Department
		}
	}
	return ""
}
