package phone

import "erpps/backend/erpps"

// Error codes carried by *Error.Code.
const (
	CodeEmpty          = "empty"           // nothing was typed
	CodeLetters        = "letters"         // letters in the number
	CodeCharacters     = "characters"      // a symbol other than spaces, dots, dashes, slashes, brackets and a leading +
	CodeTooShort       = "too_short"       // digits are missing
	CodeTooLong        = "too_long"        // too many digits
	CodeInvalid        = "invalid"         // right length but no such number in the country
	CodeUnknownCountry = "unknown_country" // no country has this calling code
	CodeNotMobile      = "not_mobile"      // a valid number, but not a mobile one
)

// Error is a validation error of a phone number: a code and a French message
// shown beside the field. The message never repeats the number.
type Error struct {
	Code    string `json:"code"`
	Message string `json:"message"`
}

func (e *Error) Error() string { return "phone: " + e.Code + ": " + e.Message }

// FieldError returns the error as a FieldError; the caller sets Field.
func (e *Error) FieldError() erpps.FieldError {
	return erpps.FieldError{Code: e.Code, Message: e.Message}
}

var _ erpps.FieldErrorer = (*Error)(nil)

func newError(code, message string) *Error { return &Error{Code: code, Message: message} }

// French messages for the national plan, also used for +33 and the overseas
// country codes, whose numbers are dialled with 10 digits too.
const (
	msgFrenchTooShort = "Il manque des chiffres : un numéro français comporte 10 chiffres."
	msgFrenchTooLong  = "Il y a trop de chiffres : un numéro français comporte 10 chiffres."
	msgFrenchInvalid  = "Ce numéro n'existe pas en France : vérifiez les chiffres, en particulier les premiers."
)
