package app

import (
	"erpps/backend/refdata"
)

// ReferenceData is every NOS table and the départements, sent once to the UI.
type ReferenceData struct {
	Tables      map[string]*refdata.Table `json:"tables" ts_type:"Record<string, {id: string; name: string; source: string; version: string; codes: refdata.Code[]}>"`
	Professions []refdata.Code            `json:"professions"`
	Departments []refdata.Department      `json:"departments"`
	// ActivityCodes are, per profession code, the secteurs and fonctions a
	// new activity of that profession may use.
	ActivityCodes map[string]refdata.ActivityCodes `json:"activityCodes"`
}

// ReferenceData returns the reference tables the forms offer and the record
// displays.
func (a *App) ReferenceData() (*ReferenceData, error) {
	c := a.deps.Catalog
	out := &ReferenceData{
		Tables:      map[string]*refdata.Table{},
		Professions: c.Professions(),
		Departments: c.Departments(),
	}
	for _, t := range c.Tables() {
		out.Tables[t.ID] = t
	}
	out.ActivityCodes = map[string]refdata.ActivityCodes{}
	for _, id := range []string{refdata.TableProfession, refdata.TableUsagerTitre} {
		for _, p := range out.Tables[id].Codes {
			out.ActivityCodes[p.Code] = c.ActivityOptions(p.Code)
		}
	}
	return out, nil
}
