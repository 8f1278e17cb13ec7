package identifiers

// RPPSLength is the number of digits of an RPPS number, key included.
const RPPSLength = 11

var rppsSpec = spec{kind: "RPPS", subject: "Le numéro RPPS", object: "le numéro RPPS", length: RPPSLength, unit: "chiffres"}

// ParseRPPS returns the 11 digits of an RPPS number. The first digit is not
// checked (real numbers start with 1, the ANS's test identities with 99); the
// Luhn key is checked on the 11 digits. A 12-digit "8"+RPPS (the IDNPS that Pro
// Santé Connect uses) is refused with CodePrefix, so the user types the RPPS.
func ParseRPPS(s string) (string, error) {
	v, err := cleanInput(rppsSpec, s)
	if err != nil {
		return "", err
	}
	if len(v) == RPPSLength+1 && v[0] == '8' && LuhnValid(v[1:]) {
		return "", newError(rppsSpec.kind, CodePrefix,
			"Saisissez le numéro RPPS sans le « 8 » du début : ce 8 ne sert qu'à l'identifiant Pro Santé Connect (IDNPS). Le numéro RPPS comporte 11 chiffres.")
	}
	if len(v) != RPPSLength {
		return "", lengthError(rppsSpec, v)
	}
	if !LuhnValid(v) {
		return "", checksumError(rppsSpec)
	}
	return v, nil
}

// CompleteRPPS appends the Luhn key to the first 10 digits of an RPPS number;
// the demo data generator uses it to make valid numbers.
func CompleteRPPS(first10 string) (string, error) {
	sp := rppsSpec
	sp.subject, sp.object, sp.length = "Le début du numéro RPPS", "le début du numéro RPPS", RPPSLength-1
	v, err := cleanInput(sp, first10)
	if err != nil {
		return "", err
	}
	if len(v) != sp.length {
		return "", lengthError(sp, v)
	}
	key, kerr := LuhnCheckDigit(v)
	if kerr != nil {
		return "", kerr
	}
	return v + string(rune(key)), nil
}

// IsTestRPPS reports whether rpps is in the range of the ANS's test identities
// (11 digits starting with 99), the range of the demo records: such a record
// is fictional and everything made from it is marked « DÉMO ».
func IsTestRPPS(rpps string) bool {
	if len(rpps) != RPPSLength || rpps[0] != '9' || rpps[1] != '9' {
		return false
	}
	for i := 2; i < len(rpps); i++ {
		if rpps[i] < '0' || rpps[i] > '9' {
			return false
		}
	}
	return true
}
