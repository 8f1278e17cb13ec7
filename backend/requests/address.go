package requests

import (
	"strings"

	"erpps/backend/erpps"
	"erpps/backend/identifiers"
)

// address checks a postal address under prefix ("address" or
// "structure.address") and returns its département ("" when unknown).
func (c *checks) address(prefix string, a *erpps.Address) string {
	a.Street = strings.TrimSpace(a.Street)
	a.City = strings.TrimSpace(a.City)
	c.required(prefix+".street", a.Street, "Indiquez la voie (par exemple « 12 rue de la République »).")
	c.text(prefix+".street", a.Street, 100, "la voie")
	c.text(prefix+".complement", a.Complement, 100, "le complément d'adresse")
	c.text(prefix+".number", a.Number, 10, "le numéro de voie")
	c.required(prefix+".city", a.City, "Indiquez la commune.")
	c.text(prefix+".city", a.City, 60, "la commune")
	dept := ""
	if !c.required(prefix+".postalCode", a.PostalCode, "Indiquez le code postal.") {
		pc, err := identifiers.ParsePostalCode(a.PostalCode)
		if err != nil {
			c.failErr(prefix+".postalCode", err)
		} else {
			a.PostalCode = pc
			if d, err := identifiers.DepartmentOfPostalCode(pc); err == nil {
				dept = d
			}
		}
	}
	if a.CommuneCode != "" {
		cc, err := identifiers.ParseCommuneCode(a.CommuneCode)
		if err != nil {
			c.failErr(prefix+".communeCode", err)
		} else {
			a.CommuneCode = cc
		}
	}
	return dept
}
