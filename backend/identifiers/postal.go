package identifiers

import "strconv"

// PostalCodeLength is the number of digits of a French postal code.
const PostalCodeLength = 5

// MonacoPostalCode is Monaco's code in La Poste's system. It is accepted as a
// postal code (La Poste delivers it like a French one and practices near the
// border have correspondents there) but it belongs to no département.
const MonacoPostalCode = "98000"

var postalSpec = spec{kind: "CodePostal", subject: "Le code postal", object: "le code postal", length: PostalCodeLength, unit: "chiffres"}

// ParsePostalCode returns a French postal code: 5 digits in 01000-95999
// (metropolitan France, Corsica's 20000-20999 included), 97100-97699 (the
// overseas 971 to 976, with Saint-Barthélemy 97133 and Saint-Martin 97150
// routed through 971) or 98000 (Monaco). The Pacific collectivities (986xx to
// 988xx) are refused: their professionals are not registered in the RPPS.
// Ranges are checked, not the existence of each code.
func ParsePostalCode(s string) (string, error) {
	v, err := cleanInput(postalSpec, s)
	if err != nil {
		return "", err
	}
	if len(v) != PostalCodeLength {
		return "", lengthError(postalSpec, v)
	}
	n, _ := strconv.Atoi(v) // 5 ASCII digits: cannot fail
	switch {
	case n >= 1000 && n <= 95999, n >= 97100 && n <= 97699, v == MonacoPostalCode:
		return v, nil
	}
	return "", newError(postalSpec.kind, CodeUnknown,
		"Ce code postal n'existe pas : vérifiez les deux premiers chiffres, qui sont ceux du département (97x en outre-mer).")
}

// DepartmentOfPostalCode returns the département of a postal code: its first
// two digits ("75011" gives "75"), its first three overseas ("97411" gives
// "974"; Saint-Barthélemy and Saint-Martin give "971", as La Poste routes
// them). For Corsica, whose codes all start with 20, the rule is La Poste's
// range split:
//
//	200xx, 201xx (Ajaccio, Porto-Vecchio, Sartène...) and 203xx (Ajaccio CEDEX): 2A
//	202xx, 206xx (Bastia, Corte, Calvi...) and 204xx (Bastia CEDEX):             2B
//
// Other 20xxx codes and Monaco's 98000 give a CodeUnknown error. Near a border
// a few communes are served by the office of the next département: the result
// is the département of the code, not always of the commune.
func DepartmentOfPostalCode(pc string) (string, error) {
	v, err := ParsePostalCode(pc)
	if err != nil {
		return "", err
	}
	switch {
	case v == MonacoPostalCode:
		return "", newError(postalSpec.kind, CodeUnknown,
			"Ce code postal est celui de Monaco, qui n'est pas un département français.")
	case v[:2] == "97":
		return v[:3], nil
	case v[:2] != "20":
		return v[:2], nil
	}
	switch v[2] {
	case '0', '1', '3':
		return "2A", nil
	case '2', '4', '6':
		return "2B", nil
	}
	return "", newError(postalSpec.kind, CodeUnknown,
		"Ce code postal corse n'existe pas : les codes de Corse-du-Sud commencent par 200 ou 201, ceux de Haute-Corse par 202 ou 206.")
}
