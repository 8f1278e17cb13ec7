package refdata

// Identifiers of the NOS tables the catalog ships (the ANS's names, with "_").
const (
	TableProfession            = "TRE_G15" // profession de santé
	TableUsagerTitre           = "TRE_R95" // usager de titre professionnel (ostéopathe, psychologue...)
	TableMode                  = "TRE_R23" // mode d'exercice
	TableSector                = "TRE_R02" // secteur d'activité
	TableSkillType             = "TRE_R04" // type de savoir-faire
	TableSpecialty             = "TRE_R38" // spécialité ordinale
	TableExerciseCivility      = "TRE_R11" // civilité d'exercice
	TableFunction              = "TRE_R21" // fonction
	TableGenre                 = "TRE_R22" // genre d'activité
	TableEndReason             = "TRE_R25" // motif de fin d'activité
	TableCategory              = "TRE_R09" // catégorie professionnelle
	TableCivility              = "TRE_R81" // civilité
	TableIdentifierType        = "TRE_G08" // type d'identifiant de personne
	TableRegistrationAuthority = "TRE_R60" // autorité d'enregistrement (ARS, ordres)
)

// RequiredTables lists the tables Load insists on finding.
func RequiredTables() []string {
	return []string{
		TableProfession, TableUsagerTitre, TableMode, TableSector, TableSkillType,
		TableSpecialty, TableExerciseCivility, TableFunction, TableGenre,
		TableEndReason, TableCategory, TableCivility, TableIdentifierType,
		TableRegistrationAuthority,
	}
}

// Code is one concept of a table. A retired code is kept to show old records,
// never offered in a form.
type Code struct {
	Code    string `json:"code"`
	Label   string `json:"label"`
	Retired bool   `json:"retired"`
}

// Table is one NOS table with its provenance.
type Table struct {
	ID      string `json:"id"`      // e.g. "TRE_R23"
	Name    string `json:"name"`    // e.g. "Mode d'exercice"
	Source  string `json:"source"`  // where the codes were extracted from
	Version string `json:"version"` // the CodeSystem's version and date
	Codes   []Code `json:"codes"`
}

// clone returns a deep copy, so callers cannot alter the catalog.
func (t *Table) clone() *Table {
	c := *t
	c.Codes = append([]Code(nil), t.Codes...)
	return &c
}
