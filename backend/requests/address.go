package requests

import (
	"fmt"
	"regexp"
	"strings"

	"erpps/backend/erpps"
	"erpps/backend/identifiers"
)

// repetitionPattern: an indice de répétition is « bis », « ter », « quater »,
// « quinquies » or one letter (B, T, Q, C, A...).
var repetitionPattern = regexp.MustCompile(`^(?i:bis|ter|quater|quinquies|[a-z])$`)

// cedexPattern: a bureau CEDEX is a town's name followed by « CEDEX » and an
// optional number (« LYON CEDEX 04 »), or « CEDEX » and a number alone.
var cedexPattern = regexp.MustCompile(`^(?i:(?:[\p{L}][\p{L}' -]*\s+)?cedex(?:\s+[0-9]{1,3})?)$`)

// address checks a postal address under prefix ("address" or
// "structure.address") and returns its département ("" when unknown). Lengths
// and characters of every sub-field were checked by checkStrings.
func (c *checks) address(prefix string, a *erpps.Address) string {
	for _, s := range []*string{&a.Recipient, &a.Complement, &a.Number, &a.Repetition, &a.StreetType, &a.Street,
		&a.Distribution, &a.PostalCode, &a.CommuneCode, &a.City, &a.Cedex, &a.Country} {
		*s = strings.TrimSpace(*s)
	}
	c.required(prefix+".street", a.Street, "Indiquez la voie (par exemple « 12 rue de la République »).")
	c.required(prefix+".city", a.City, "Indiquez la commune.")
	if a.Repetition != "" && !repetitionPattern.MatchString(a.Repetition) {
		c.fail(prefix+".repetition", "format", "L'indice de répétition est « bis », « ter », « quater », « quinquies » ou une lettre.")
	}
	if a.Cedex != "" && !cedexPattern.MatchString(a.Cedex) {
		c.fail(prefix+".cedex", "format", "Le bureau CEDEX s'écrit comme La Poste l'indique, par exemple « LYON CEDEX 04 ».")
	}
	if a.Country != "" && !isFrance(a.Country) {
		c.fail(prefix+".country", "not_france", "Le code postal est français : le pays est la France (outre-mer compris).")
	}
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
			c.communeInDepartment(prefix+".communeCode", cc, dept)
		}
	}
	return dept
}

// communeInDepartment cross-checks the commune's INSEE code with the postal
// code: the commune must be in the postal code's département. The embedded
// data holds the départements, not the list of communes nor La Poste's
// table: the commune's existence and its name cannot be checked, only its
// département. Saint-Barthélemy (977) and Saint-Martin (978) have 971 postal
// codes.
func (c *checks) communeInDepartment(field, commune, postalDept string) {
	if postalDept == "" {
		return
	}
	communeDept := commune[:2]
	if communeDept == "97" {
		communeDept = commune[:3]
		if postalDept == "971" && (communeDept == "977" || communeDept == "978") {
			return
		}
	}
	if communeDept != postalDept {
		c.fail(field, "other_department", fmt.Sprintf("Ce code commune (INSEE) est celui d'une commune du département %s, alors que le code postal est du département %s : vérifiez l'un et l'autre.", communeDept, postalDept))
	}
}

// isFrance accepts the ways France is written in an address (the postal
// code is a French one).
func isFrance(country string) bool {
	switch strings.ToUpper(normalise(country)) {
	case "FRANCE", "FR", "FRA", "FRANCE METROPOLITAINE", "FRANCE MÉTROPOLITAINE", "MONACO": // La Poste serves Monaco as 98000
		return true
	}
	return false
}
