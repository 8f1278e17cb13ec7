// Package refdata embeds the reference tables the portal's forms and screens
// need: the Nomenclatures des Objets de Santé (NOS) published by the ANS
// (professions, modes and sectors of activity, savoir-faire, civilities,
// functions, genres d'activité, motifs de fin d'activité...), and the French
// départements with their region and the ARS that examines their requests.
//
// Every table is a TSV file under data/, extracted once from the ANS's public
// FHIR CodeSystems; each file names its source and version in "# " header lines.
// Nothing is fetched at run time. Load parses the files into a Catalog, a
// read-only value that is safe to share between goroutines.
//
// A concept the ANS has closed (a dateFin, or a deprecated status) stays in its
// table so that old records still show a label, but it is never offered in a
// form: use Offered (or Professions) to fill a list, Lookup or Label to show a
// stored code.
package refdata
