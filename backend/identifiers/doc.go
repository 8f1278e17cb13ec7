// Package identifiers parses, normalises and validates the French identifiers
// a health professional or a structure types into a form: RPPS, IDNPS, ADELI,
// SIREN, SIRET, FINESS, postal code and INSEE commune code.
//
// Every ParseX function accepts what a user types (spaces, non-breaking spaces,
// dots and dashes anywhere; lower-case 2a/2b for Corsica), returns the
// normalised value and, on failure, an *Error whose French Message can be shown
// beside the field. The functions never panic, whatever the input.
//
// Check keys: RPPS, SIREN, SIRET, numeric FINESS and numeric ADELI numbers end
// with a Luhn key (see luhn.go); La Poste's SIRETs follow their own rule (see
// siret.go); Corsican FINESS and ADELI numbers (2A/2B) are accepted without a
// key check, as no rule for them is published.
package identifiers
