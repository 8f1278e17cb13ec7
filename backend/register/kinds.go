package register

import (
	"fmt"
	"strings"

	"erpps/backend/erpps"
	"erpps/backend/frenchdate"
	"erpps/backend/refdata"
)

// cease ends the activity with its date and reason.
func (a applier) cease(p *erpps.Practitioner, r *erpps.Request, pl *erpps.CeaseActivityPayload) ([]Change, error) {
	id := pl.ActivityID
	if id == "" {
		id = r.TargetID
	}
	i := activityIndex(p, id)
	if i < 0 {
		return nil, erpps.Errorf(erpps.ECONFLICT, "L'activité à cesser n'existe plus dans le dossier.")
	}
	act := &p.Activities[i]
	if act.EndDate != "" && act.EndDate < a.today {
		return nil, erpps.Errorf(erpps.ECONFLICT, "Cette activité a déjà pris fin le %s.", frenchdate.FormatDay(act.EndDate))
	}
	if pl.EndDate == "" || pl.ReasonCode == "" {
		return nil, erpps.Errorf(erpps.EINVALID, "La demande de cessation n'indique pas sa date ou son motif.")
	}
	where := placeName(act.Structure)
	changes := []Change{
		{Field: "activities." + id + ".endDate", Label: "Date de fin d'activité (" + where + ")",
			Before: frenchdate.FormatDay(act.EndDate), After: frenchdate.FormatDay(pl.EndDate)},
		{Field: "activities." + id + ".endReasonCode", Label: "Motif de fin d'activité (" + where + ")",
			Before: a.label(refdata.TableEndReason, act.EndReasonCode), After: a.label(refdata.TableEndReason, pl.ReasonCode)},
	}
	act.EndDate, act.EndReasonCode = pl.EndDate, pl.ReasonCode
	return changes, nil
}

// NewActivityID is the id of the activity a new-activity request creates:
// derived from the request's, so that applying it twice is seen.
func NewActivityID(requestID string) string { return "act-" + requestID }

// newActivity creates the place of practice.
func (a applier) newActivity(p *erpps.Practitioner, r *erpps.Request, pl *erpps.NewActivityPayload) ([]Change, error) {
	id := NewActivityID(r.ID)
	if activityIndex(p, id) >= 0 {
		return nil, erpps.Errorf(erpps.ECONFLICT, "Cette activité figure déjà dans le dossier.")
	}
	if pl.ProfessionCode == "" || pl.StartDate == "" {
		return nil, erpps.Errorf(erpps.EINVALID, "La demande de nouvelle activité n'indique pas sa profession ou sa date de début.")
	}
	st := pl.Structure
	if st.Department == "" {
		st.Department = r.Department
	}
	act := erpps.Activity{ID: id, ProfessionCode: pl.ProfessionCode, Structure: st, ModeCode: pl.ModeCode,
		SectorCode: pl.SectorCode, FunctionCode: pl.FunctionCode, GenreCode: pl.GenreCode, StartDate: pl.StartDate}
	p.Activities = append(p.Activities, act)
	prefix := "activities." + id + "."
	label := func(what string) string { return what + " (nouvelle activité)" }
	changes := []Change{
		{Field: prefix + "professionCode", Label: label("Profession"), After: a.cat.ProfessionLabel(act.ProfessionCode)},
		{Field: prefix + "structure", Label: label("Lieu d'exercice"), After: structureLine(st)},
		{Field: prefix + "modeCode", Label: label("Mode d'exercice"), After: a.label(refdata.TableMode, act.ModeCode)},
		{Field: prefix + "sectorCode", Label: label("Secteur d'activité"), After: a.label(refdata.TableSector, act.SectorCode)},
		{Field: prefix + "functionCode", Label: label("Fonction"), After: a.label(refdata.TableFunction, act.FunctionCode)},
	}
	if act.GenreCode != "" {
		changes = append(changes, Change{Field: prefix + "genreCode", Label: label("Genre d'activité"), After: a.label(refdata.TableGenre, act.GenreCode)})
	}
	changes = append(changes, Change{Field: prefix + "startDate", Label: label("Date de début d'activité"), After: frenchdate.FormatDay(act.StartDate)})
	return changes, nil
}

// newProfession adds the profession to the RPPS number.
func (a applier) newProfession(p *erpps.Practitioner, pl *erpps.NewProfessionPayload) ([]Change, error) {
	if pl.ProfessionCode == "" {
		return nil, erpps.Errorf(erpps.EINVALID, "La demande n'indique pas la profession à ajouter.")
	}
	if p.HasProfession(pl.ProfessionCode) {
		return nil, erpps.Errorf(erpps.ECONFLICT, "Le dossier compte déjà la profession « %s ».", a.cat.ProfessionLabel(pl.ProfessionCode))
	}
	p.Professions = append(p.Professions, erpps.Profession{Code: pl.ProfessionCode, CategoryCode: pl.CategoryCode, Since: pl.Since})
	prefix := "professions." + pl.ProfessionCode + "."
	changes := []Change{
		{Field: prefix + "code", Label: "Nouvelle profession", After: a.cat.ProfessionLabel(pl.ProfessionCode)},
		{Field: prefix + "categoryCode", Label: "Catégorie professionnelle (nouvelle profession)", After: a.label(refdata.TableCategory, pl.CategoryCode)},
	}
	if pl.Since != "" {
		changes = append(changes, Change{Field: prefix + "since", Label: "Date d'obtention (nouvelle profession)", After: frenchdate.FormatDay(pl.Since)})
	}
	return changes, nil
}

// label is a code's label in a table, "" for no code.
func (a applier) label(table, code string) string {
	if code == "" {
		return ""
	}
	return a.cat.Label(table, code)
}

func activityIndex(p *erpps.Practitioner, id string) int {
	for i, act := range p.Activities {
		if act.ID == id {
			return i
		}
	}
	return -1
}

// placeName names a place of practice in a label: its trade or company name.
func placeName(st erpps.Structure) string {
	if st.TradeName != "" {
		return st.TradeName
	}
	if st.CompanyName != "" {
		return st.CompanyName
	}
	return addressLine(st.Address)
}

// structureLine is a place of practice on one line: name, address, identifier.
func structureLine(st erpps.Structure) string {
	parts := []string{placeName(st)}
	if addr := addressLine(st.Address); addr != "" && addr != parts[0] {
		parts = append(parts, addr)
	}
	switch {
	case st.SIRET != "":
		parts = append(parts, "SIRET "+st.SIRET)
	case st.FINESS != "":
		parts = append(parts, "FINESS "+st.FINESS)
	}
	return strings.Join(parts, " — ")
}

// addressLine is a postal address on one line, as an agent reads it.
func addressLine(ad erpps.Address) string {
	var parts []string
	add := func(s string) {
		if s = strings.TrimSpace(s); s != "" {
			parts = append(parts, s)
		}
	}
	add(ad.Recipient)
	add(ad.Complement)
	add(strings.Join(strings.Fields(fmt.Sprint(ad.Number, " ", ad.Repetition, " ", ad.StreetType, " ", ad.Street)), " "))
	add(ad.Distribution)
	add(strings.Join(strings.Fields(ad.PostalCode+" "+ad.City+" "+ad.Cedex), " "))
	if ad.Country != "" && !strings.EqualFold(ad.Country, "France") {
		add(ad.Country)
	}
	return strings.Join(parts, ", ")
}
