package identifiers

// The Luhn formula: from the rightmost digit (the key), every second digit is
// doubled, 9 is taken off the doubles above 9, and the sum of all the digits
// must be a multiple of 10.

var luhnSpec = spec{kind: "Luhn", subject: "Le numéro", object: "le numéro", unit: "chiffres"}

// LuhnValid reports whether digits, made of ASCII digits only, passes the Luhn
// formula. It is false for an empty string or any other character.
func LuhnValid(digits string) bool {
	if !isDigits(digits) {
		return false
	}
	return luhnSum(digits, false)%10 == 0
}

// LuhnCheckDigit returns the ASCII digit ('0'..'9') to append to payload so
// that the whole passes the Luhn formula.
func LuhnCheckDigit(payload string) (byte, error) {
	if payload == "" {
		return 0, newError(luhnSpec.kind, CodeEmpty, "Saisissez le numéro.")
	}
	if !isDigits(payload) {
		return 0, charactersError(luhnSpec, payload)
	}
	sum := luhnSum(payload, true)
	return byte('0' + (10-sum%10)%10), nil
}

// luhnSum adds the digits of s, doubling every second one from the right. When
// doubleLast is set, the rightmost digit is doubled (s is a payload without its
// key); otherwise the rightmost digit is the key and is not.
func luhnSum(s string, doubleLast bool) int {
	sum := 0
	double := doubleLast
	for i := len(s) - 1; i >= 0; i-- {
		d := int(s[i] - '0')
		if double {
			d *= 2
			if d > 9 {
				d -= 9
			}
		}
		sum += d
		double = !double
	}
	return sum
}

// digitSum adds the digits of s, which holds ASCII digits only.
func digitSum(s string) int {
	sum := 0
	for i := 0; i < len(s); i++ {
		sum += int(s[i] - '0')
	}
	return sum
}
