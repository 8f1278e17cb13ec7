package refdata

import (
	"slices"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Professions returns what a form offers as professions: the active codes of
// TRE_G15 (professions de santé) and of TRE_R95 (usagers de titre, in the RPPS
// since October 2024), sorted by label. When both tables hold a code, TRE_R95
// wins: 93 Psychologue is retired in TRE_G15 and active in TRE_R95.
func (c *Catalog) Professions() []Code { return slices.Clone(c.professions) }

// sortedProfessions computes Professions (accent-folded sorting is costly:
// done once, when the catalog is loaded).
func (c *Catalog) sortedProfessions() []Code {
	merged := map[string]Code{}
	for _, id := range []string{TableProfession, TableUsagerTitre} { // later wins
		for _, code := range c.tables[id].Codes {
			merged[codeKey(code.Code)] = code
		}
	}
	out := make([]Code, 0, len(merged))
	for _, code := range merged {
		if !code.Retired {
			out = append(out, code)
		}
	}
	slices.SortFunc(out, func(a, b Code) int {
		if n := strings.Compare(sortKey(a.Label), sortKey(b.Label)); n != 0 {
			return n
		}
		return strings.Compare(a.Code, b.Code)
	})
	return out
}

// ProfessionLabel returns the label of a profession code from TRE_R95 or
// TRE_G15 (retired codes included, for history), or the code itself.
func (c *Catalog) ProfessionLabel(code string) string {
	for _, id := range []string{TableUsagerTitre, TableProfession} {
		if found, err := c.Lookup(id, code); err == nil {
			return found.Label
		}
	}
	return code
}

// sortKey folds case and accents so that "Épithésiste" sorts with the E's.
func sortKey(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(s) {
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}
