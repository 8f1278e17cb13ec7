package erpps

import (
	"errors"
	"fmt"
)

// Code is an error code. It is an alias: codes are plain strings in every
// layer; the alias names the constants below for the UI's wire contract
// (app.TestWireContract turns them into the TypeScript ErrorCode).
type Code = string

// Error codes shared by every layer and sent to the UI.
const (
	ECONFLICT     Code = "conflict"      // the action clashes with the current state
	EINTERNAL     Code = "internal"      // a fault of the application, not of the user
	EINVALID      Code = "invalid"       // the input is wrong; Fields says where
	ENOTFOUND     Code = "not_found"     // the thing asked for does not exist
	EFORBIDDEN    Code = "forbidden"     // the actor may not do this
	ESTORECORRUPT Code = "store_corrupt" // the local database file is damaged
	ESTORENEWER   Code = "store_newer"   // the local database was written by a newer version
	EREADONLY     Code = "read_only"     // the data file or folder cannot be written
	EDISKFULL     Code = "disk_full"     // the disk holding the data folder is full
	ESTORELOCKED  Code = "store_locked"  // another erpps (or program) holds the data folder
	ESTOREOPEN    Code = "store_open"    // the data file cannot be opened (missing folder, permissions)
	EUNAUTHORIZED Code = "unauthorized"  // no valid session: sign in (again)
	ETOOLARGE     Code = "too_large"     // the request body is larger than the server accepts
	EUNAVAILABLE  Code = "unavailable"   // the server's database cannot be reached for now: retry later
	ETOOMANY      Code = "too_many"      // too many attempts or sends for now: wait before trying again
)

// FieldError says what is wrong with one field of a form, in French.
type FieldError struct {
	Field   string `json:"field"`
	Code    string `json:"code"`
	Message string `json:"message"`
}

// Error is the error every layer returns to the UI: a machine code, a French
// message for the user, and, for invalid input, one entry per wrong field.
type Error struct {
	Code    string       `json:"code"`
	Message string       `json:"message"`
	Fields  []FieldError `json:"fields,omitempty"`
	// Err is the underlying cause; it is never shown to the user.
	Err error `json:"-"`
}

func (e *Error) Error() string {
	if e.Err != nil {
		return fmt.Sprintf("erpps %s: %s: %v", e.Code, e.Message, e.Err)
	}
	return fmt.Sprintf("erpps %s: %s", e.Code, e.Message)
}

func (e *Error) Unwrap() error { return e.Err }

// Errorf returns an *Error with a code and a French message.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// NotFound returns an ENOTFOUND error with a French message.
func NotFound(format string, args ...any) *Error { return Errorf(ENOTFOUND, format, args...) }

// Invalid returns an EINVALID error carrying the field errors.
func Invalid(message string, fields ...FieldError) *Error {
	return &Error{Code: EINVALID, Message: message, Fields: fields}
}

// Internal wraps a fault the user cannot fix; the cause stays out of the message.
func Internal(err error) *Error {
	return &Error{Code: EINTERNAL, Message: "Une erreur interne est survenue. Réessayez ; si elle persiste, contactez le support.", Err: err}
}

// ErrorCode returns the code of the first *Error in err's chain, EINTERNAL for
// any other error, and "" for nil.
func ErrorCode(err error) string {
	if err == nil {
		return ""
	}
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return EINTERNAL
}

// ErrorMessage returns the French message of the first *Error in err's chain,
// or a generic message that leaks nothing of the cause.
func ErrorMessage(err error) string {
	if err == nil {
		return ""
	}
	var e *Error
	if errors.As(err, &e) {
		return e.Message
	}
	return Internal(err).Message
}

// AsError returns err as an *Error, wrapping it as internal when it is not one.
func AsError(err error) *Error {
	if err == nil {
		return nil
	}
	var e *Error
	if errors.As(err, &e) {
		return e
	}
	return Internal(err)
}

// FieldErrorer is implemented by validation errors of one field (identifiers,
// phone numbers): they can be shown beside the field.
type FieldErrorer interface {
	error
	FieldError() FieldError
}

// FieldErrorFor turns a validation error into a FieldError on field, keeping the
// French message when the error carries one.
func FieldErrorFor(field string, err error) FieldError {
	var fe FieldErrorer
	if errors.As(err, &fe) {
		f := fe.FieldError()
		f.Field = field
		return f
	}
	var e *Error
	if errors.As(err, &e) {
		return FieldError{Field: field, Code: e.Code, Message: e.Message}
	}
	return FieldError{Field: field, Code: EINVALID, Message: "Valeur invalide."}
}
