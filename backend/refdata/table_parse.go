package refdata

import (
	"fmt"
	"strings"
)

// parseTable turns a NOS data file into a Table. The file carries "# id:",
// "# name:", one or more "# source:" and "# version:" lines, then the columns
// code, label and optionally dateFin (a date: the concept is retired) and
// statut (active, deprecated or retired).
func parseTable(data []byte) (*Table, error) {
	f, err := parseTSV(data, "code", "label")
	if err != nil {
		return nil, err
	}
	t := &Table{
		ID:      f.first("id"),
		Name:    f.first("name"),
		Source:  strings.Join(f.meta["source"], "; "),
		Version: f.first("version"),
	}
	for key, value := range map[string]string{"id": t.ID, "name": t.Name, "source": t.Source, "version": t.Version} {
		if value == "" {
			return nil, fmt.Errorf("missing %q header line", "# "+key+":")
		}
	}
	if len(f.rows) == 0 {
		return nil, fmt.Errorf("table %s has no codes", t.ID)
	}
	seen := make(map[string]int, len(f.rows))
	t.Codes = make([]Code, 0, len(f.rows))
	for _, r := range f.rows {
		c := Code{Code: f.field(r, "code"), Label: f.field(r, "label")}
		if c.Code == "" || c.Label == "" {
			return nil, fmt.Errorf("line %d: empty code or label", r.line)
		}
		key := codeKey(c.Code)
		if prev, dup := seen[key]; dup {
			return nil, fmt.Errorf("line %d: code %q already on line %d", r.line, c.Code, prev)
		}
		seen[key] = r.line
		retired, err := isRetired(f.field(r, "dateFin"), f.field(r, "statut"))
		if err != nil {
			return nil, fmt.Errorf("line %d: %w", r.line, err)
		}
		c.Retired = retired
		t.Codes = append(t.Codes, c)
	}
	return t, nil
}

// isRetired reads the retirement columns: a dateFin, or a non-active statut.
func isRetired(dateFin, statut string) (bool, error) {
	if dateFin != "" && !isISODate(dateFin) {
		return false, fmt.Errorf("dateFin %q is not a YYYY-MM-DD date", dateFin)
	}
	switch statut {
	case "", "active":
		return dateFin != "", nil
	case "deprecated", "retired":
		return true, nil
	default:
		return false, fmt.Errorf("unknown statut %q", statut)
	}
}

func isISODate(s string) bool {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return false
	}
	for i, r := range s {
		if i != 4 && i != 7 && (r < '0' || r > '9') {
			return false
		}
	}
	return true
}

// codeKey is how codes are compared: the NOS CodeSystems are case-insensitive.
func codeKey(code string) string { return strings.ToUpper(strings.TrimSpace(code)) }

// tableKey accepts "TRE_R23", "tre_r23" and the FHIR spelling "TRE-R23".
func tableKey(id string) string {
	return strings.ReplaceAll(strings.ToUpper(strings.TrimSpace(id)), "-", "_")
}
