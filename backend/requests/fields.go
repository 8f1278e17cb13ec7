package requests

import (
	"fmt"
	"strings"
	"time"

	"erpps/backend/refdata"
)

const dateLayout = "2006-01-02"

// date checks a required YYYY-MM-DD field; ok is false when it is empty or
// wrong (the error is recorded).
func (c *checks) date(field, value, label string) (time.Time, bool) {
	if c.required(field, value, fmt.Sprintf("Indiquez %s.", label)) {
		return time.Time{}, false
	}
	t, err := time.Parse(dateLayout, value)
	if err != nil {
		c.fail(field, "format", fmt.Sprintf("%s n'est pas une date valide (jj/mm/aaaa).", capitalize(label)))
		return time.Time{}, false
	}
	if t.Year() < 1900 {
		c.fail(field, "range", fmt.Sprintf("%s est trop ancienne.", capitalize(label)))
		return time.Time{}, false
	}
	return t, true
}

// code checks a required code of a NOS table, offered in forms (not retired).
func (c *checks) code(cat *refdata.Catalog, table, field, value, label string) bool {
	if c.required(field, value, fmt.Sprintf("Choisissez %s.", label)) {
		return false
	}
	code, err := cat.Lookup(table, value)
	if err != nil {
		c.fail(field, "unknown", fmt.Sprintf("Choisissez %s dans la liste proposée.", label))
		return false
	}
	if code.Retired {
		c.fail(field, "retired", fmt.Sprintf("« %s » n'est plus en vigueur : choisissez %s dans la liste proposée.", code.Label, label))
		return false
	}
	return true
}

func capitalize(s string) string {
	for i, r := range s {
		return strings.ToUpper(string(r)) + s[i+len(string(r)):]
	}
	return s
}

func today(now time.Time) string { return now.Format(dateLayout) }
