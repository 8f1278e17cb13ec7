package identifiers

import "erpps/backend/erpps"

// Error codes carried by *Error.Code.
const (
	CodeEmpty      = "empty"      // nothing was typed
	CodeLength     = "length"     // wrong number of digits or characters
	CodeCharacters = "characters" // a character that cannot appear in the identifier
	CodeChecksum   = "checksum"   // the check key does not match: a typo
	CodePrefix     = "prefix"     // a type prefix is missing or extra (8 of the IDNPS, 2A/2B of Corsica)
	CodeUnknown    = "unknown"    // well formed but designates nothing (department, postal range, IDNPS type)
)

// Error is a validation error of one identifier. Kind names the identifier
// ("RPPS", "SIRET"...), Code says what is wrong, Message says it in French for
// the user. The message never repeats what the user typed.
type Error struct {
	Kind    string `json:"kind"`
	Code    string `json:"code"`
	Message string `json:"message"`
}

func (e *Error) Error() string {
	return "identifiers: " + e.Kind + " " + e.Code + ": " + e.Message
}

// FieldError returns the error as a FieldError; the caller sets Field.
func (e *Error) FieldError() erpps.FieldError {
	return erpps.FieldError{Code: e.Code, Message: e.Message}
}

var _ erpps.FieldErrorer = (*Error)(nil)

func newError(kind, code, message string) *Error {
	return &Error{Kind: kind, Code: code, Message: message}
}
