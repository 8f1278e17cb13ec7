package app

import (
	"erpps/backend/refdata"
)

// ReferenceData is every NOS table and the départements, sent once to the UI.
type ReferenceData struct {
	Tables      map[string]*refdata.Table `json:"tables" ts_type:"Record<string, {id: string; name: string; source: string; version: string; codes: refdata.Code[]}>"`
	Professions []refdata.Code            `json:"professions"`
	Departments []refdata.Department      `json:"departments"`
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
	return out, nil
}
