package requests

import (
	"fmt"
	"strings"

	"erpps/backend/erpps"
	"erpps/backend/frenchdate"
	"erpps/backend/identifiers"
	"erpps/backend/phone"
	"erpps/backend/refdata"
)

var newActivityRules = rules{
	initial: func(p *erpps.Practitioner, _ string) any {
		out := erpps.NewActivityPayload{LookupBy: "siret"}
		if len(p.Professions) == 1 {
			out.ProfessionCode = p.Professions[0].Code
		}
		return out
	},
	decode: decodeStrict[erpps.NewActivityPayload],
	target: noTarget,
	check:  checkNewActivity,
}

// checkNewActivity validates a new place of practice and applies the guide's
// rules: one open activity per structure, cease first on a change of
// département, a moved cabinet ends the old place.
func checkNewActivity(s *subject, payload any, c *checks) string {
	p := payload.(*erpps.NewActivityPayload)
	checkActivityProfession(s, p, c)
	checkStructureIDs(p, c)
	st := &p.Structure
	st.CompanyName = strings.TrimSpace(st.CompanyName)
	st.TradeName = strings.TrimSpace(st.TradeName)
	c.required("structure.companyName", st.CompanyName, "Indiquez la raison sociale de la structure.")
	dept := c.address("structure.address", &st.Address)
	st.Department = dept
	checkStructureContact(st, dept, c)
	c.code(s.cat, refdata.TableMode, "modeCode", p.ModeCode, "le mode d'exercice")
	if c.code(s.cat, refdata.TableSector, "sectorCode", p.SectorCode, "le secteur d'activité") && held(s, p) && !refdata.SectorFits(p.ProfessionCode, p.SectorCode) {
		c.fail("sectorCode", "profession", fmt.Sprintf("Le secteur « %s » ne correspond pas à la profession %s : choisissez un secteur dans la liste proposée.", s.cat.Label(refdata.TableSector, p.SectorCode), s.cat.ProfessionLabel(p.ProfessionCode)))
	}
	if c.code(s.cat, refdata.TableFunction, "functionCode", p.FunctionCode, "la fonction") && held(s, p) && !refdata.FunctionFits(p.ProfessionCode, p.FunctionCode) {
		c.fail("functionCode", "profession", fmt.Sprintf("La fonction « %s » ne correspond pas à la profession %s : choisissez une fonction dans la liste proposée.", s.cat.Label(refdata.TableFunction, p.FunctionCode), s.cat.ProfessionLabel(p.ProfessionCode)))
	}
	if p.GenreCode != "" {
		c.code(s.cat, refdata.TableGenre, "genreCode", p.GenreCode, "le genre d'activité")
	}
	start, startOK := c.date("startDate", p.StartDate, "la date de début d'activité")
	if startOK && start.After(mustDate(s.today).AddDate(0, 6, 0)) {
		c.fail("startDate", "too_late", "La date de début ne peut pas être à plus de six mois.")
	}
	replaced := checkReplaced(s, p, c, startOK)
	checkDuplicate(s, p, replaced, c)
	if dept != "" && replaced == nil && !p.KeepsOtherActivities {
		checkDepartmentChange(s, dept, c)
	}
	return dept
}

// held tells whether the activity's profession is one the practitioner holds.
func held(s *subject, p *erpps.NewActivityPayload) bool {
	return p.ProfessionCode != "" && s.practitioner.HasProfession(p.ProfessionCode)
}

func checkActivityProfession(s *subject, p *erpps.NewActivityPayload, c *checks) {
	if c.required("professionCode", p.ProfessionCode, "Choisissez la profession exercée dans cette activité.") {
		return
	}
	if !s.practitioner.HasProfession(p.ProfessionCode) {
		c.fail("professionCode", "not_held", "Vous n'exercez pas cette profession sous votre numéro RPPS.")
		c.guide(Guidance{
			Code: "profession_first", Level: LevelError,
			Title:   "Déclarez d'abord la profession",
			Message: "Pour exercer une nouvelle profession, déclarez-la d'abord ; vous pourrez ensuite déclarer son lieu d'exercice.",
			Action:  &GuidanceAction{Label: "Déclarer une nouvelle profession", Kind: "start_request", RequestKind: erpps.KindNewProfession},
		})
	}
}

// checkStructureIDs validates the SIRET or FINESS the structure was found by.
func checkStructureIDs(p *erpps.NewActivityPayload, c *checks) {
	st := &p.Structure
	switch p.LookupBy {
	case "siret":
		c.required("structure.siret", st.SIRET, "Indiquez le numéro SIRET de la structure (14 chiffres).")
	case "finess":
		c.required("structure.finess", st.FINESS, "Indiquez le numéro FINESS de l'établissement (9 caractères).")
	case "manual", "":
	default:
		c.fail("lookupBy", "unknown", "Choisissez comment identifier la structure.")
	}
	siren := ""
	if st.SIREN != "" {
		if v, err := identifiers.ParseSIREN(st.SIREN); err != nil {
			c.failErr("structure.siren", err)
		} else {
			st.SIREN, siren = v, v
		}
	}
	if st.SIRET != "" {
		if v, err := identifiers.ParseSIRET(st.SIRET); err != nil {
			c.failErr("structure.siret", err)
		} else if siren != "" && siren != identifiers.SIRENOfSIRET(v) {
			c.fail("structure.siren", "mismatch", "Le numéro SIREN doit être formé des 9 premiers chiffres du SIRET.")
		} else {
			st.SIRET, st.SIREN = v, identifiers.SIRENOfSIRET(v)
		}
	}
	for field, v := range map[string]*string{"structure.finess": &st.FINESS, "structure.finessEJ": &st.FINESSEJ} {
		if *v == "" {
			continue
		}
		if n, err := identifiers.ParseFINESS(*v); err != nil {
			c.failErr(field, err)
		} else {
			*v = n
		}
	}
}

// checkStructureContact checks the structure's e-mail and phone typed by hand.
func checkStructureContact(st *erpps.Structure, dept string, c *checks) {
	st.Email = strings.TrimSpace(st.Email)
	if st.Email != "" {
		if msg := emailProblem(st.Email); msg != "" {
			c.fail("structure.email", "format", msg)
		}
	}
	if st.Phone != "" {
		if n, err := phone.Parse(st.Phone, dept); err != nil {
			c.failErr("structure.phone", err)
		} else {
			st.Phone = n.E164
		}
	}
}

// checkReplaced handles a moved cabinet: the replaced activity must be open
// and start before the new one.
func checkReplaced(s *subject, p *erpps.NewActivityPayload, c *checks, startOK bool) *erpps.Activity {
	if p.ReplacesActivityID == "" {
		return nil
	}
	a, err := s.practitioner.ActivityByID(p.ReplacesActivityID)
	if err != nil || !a.Open(s.today) {
		c.fail("replacesActivityId", "unknown", "Choisissez une de vos activités en cours.")
		return nil
	}
	if startOK && p.StartDate <= a.StartDate {
		c.fail("startDate", "before_replaced", fmt.Sprintf("La nouvelle activité doit commencer après le début de celle qu'elle remplace (%s).", frenchdate.FormatDay(a.StartDate)))
	}
	c.guide(Guidance{
		Code: "moved_cabinet", Level: LevelInfo,
		Title:   "Déménagement du lieu d'exercice",
		Message: fmt.Sprintf("À la transmission, la fin de votre activité à « %s » sera demandée la veille du début de la nouvelle, par une demande de cessation liée (motif : changement de lieu d'exercice).", a.Structure.CompanyName),
	})
	return &a
}

// checkDuplicate refuses a second open activity of the same profession at the
// same structure.
func checkDuplicate(s *subject, p *erpps.NewActivityPayload, replaced *erpps.Activity, c *checks) {
	for _, a := range s.practitioner.OpenActivities(s.today) {
		if a.ProfessionCode != p.ProfessionCode || (replaced != nil && a.ID == replaced.ID) {
			continue
		}
		if sameStructure(a.Structure, p.Structure) {
			c.fail("structure", "duplicate", fmt.Sprintf("Vous avez déjà une activité en cours dans cette structure (depuis le %s). Si l'adresse de votre cabinet a changé, il s'agit d'un nouveau lieu : indiquez-le comme déménagement.", frenchdate.FormatDay(a.StartDate)))
			return
		}
	}
}

func sameStructure(a, b erpps.Structure) bool {
	if a.SIRET != "" && a.SIRET == b.SIRET {
		return a.Address.PostalCode == b.Address.PostalCode && normalise(a.Address.Street) == normalise(b.Address.Street)
	}
	if a.FINESS != "" && a.FINESS == b.FINESS {
		return true
	}
	return a.CompanyName != "" && normalise(a.CompanyName) == normalise(b.CompanyName) &&
		a.Address.PostalCode == b.Address.PostalCode && normalise(a.Address.Street) == normalise(b.Address.Street)
}

func normalise(s string) string { return strings.Join(strings.Fields(strings.ToLower(s)), " ") }

// checkDepartmentChange: a new activity in a département where the
// practitioner has none, while activities elsewhere are still open, is most
// often a change of département, and the guide says to cease first.
func checkDepartmentChange(s *subject, dept string, c *checks) {
	open := s.practitioner.OpenActivities(s.today)
	var elsewhere []erpps.Activity
	for _, a := range open {
		if a.Structure.Department == dept {
			return
		}
		elsewhere = append(elsewhere, a)
	}
	if len(elsewhere) == 0 {
		return
	}
	old := elsewhere[0]
	g := Guidance{
		Code: "cease_first", Level: LevelError,
		Title: "Changement de département : cessez d'abord l'ancienne activité",
		Message: fmt.Sprintf("Vous avez encore une activité en cours dans le département %s (%s). Pour tout changement de département, déclarez d'abord la fin de l'activité dans l'ancien département. S'il s'agit du déménagement de votre cabinet, déclarez les deux en une seule étape. Si vous conservez cette activité et en ajoutez une autre, indiquez-le.",
			old.Structure.Department, old.Structure.CompanyName),
		Actions: []GuidanceAction{
			{Label: "Cesser d'abord l'activité " + old.Structure.CompanyName, Kind: "start_request", RequestKind: erpps.KindCeaseActivity, TargetID: old.ID},
			{Label: "C'est un déménagement : remplacer cette activité", Kind: "set_field", Field: "replacesActivityId", Value: old.ID},
			{Label: "Je conserve mes autres activités", Kind: "set_field", Field: "keepsOtherActivities", Value: "true"},
		},
	}
	c.guide(g)
}
