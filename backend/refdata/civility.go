package refdata

// civilityAbbreviations are the abbreviations written before a name, as the
// Annuaire Santé and French typography write them: « Dr », « Pr » (never
// « DR »), « M. », « Mme ». A rank with no usual abbreviation (Médecin chef...)
// is written in full.
var civilityAbbreviations = map[string]string{
	"DR": "Dr", "PR": "Pr", // TRE_R11 civilités d'exercice
	"M": "M.", "MME": "Mme", // TRE_R81 civilités
}

// CivilityShort is what is written before a professional's name: the
// civilité d'exercice (TRE_R11) when there is one, else the civilité
// (TRE_R81), abbreviated.
func (c *Catalog) CivilityShort(civility, exerciseCivility string) string {
	if exerciseCivility != "" {
		if s, ok := civilityAbbreviations[codeKey(exerciseCivility)]; ok {
			return s
		}
		return c.Label(TableExerciseCivility, exerciseCivility)
	}
	if s, ok := civilityAbbreviations[codeKey(civility)]; ok {
		return s
	}
	return c.Label(TableCivility, civility)
}
