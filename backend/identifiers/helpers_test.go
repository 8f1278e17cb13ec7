package identifiers

import (
	"errors"
	"strings"
	"testing"

	"erpps/backend/erpps"
)

// parseCase is one row of a parser's table: what the user typed, and either the
// normalised value or the error code expected.
type parseCase struct {
	name  string
	input string
	want  string // expected value when code is ""
	code  string // expected Error.Code, "" for success
}

// checkParse runs one parseCase against parse, an identifier parser of kind.
func checkParse(t *testing.T, kind string, parse func(string) (string, error), tc parseCase) {
	t.Helper()
	got, err := parse(tc.input)
	if tc.code == "" {
		if err != nil {
			t.Fatalf("parse(%q) error = %v, want %q", tc.input, err, tc.want)
		}
		if got != tc.want {
			t.Fatalf("parse(%q) = %q, want %q", tc.input, got, tc.want)
		}
		return
	}
	if got != "" {
		t.Errorf("parse(%q) = %q with an error, want \"\"", tc.input, got)
	}
	checkError(t, err, kind, tc.code)
}

// checkError asserts err is an *Error of kind and code with a French message
// usable beside a field.
func checkError(t *testing.T, err error, kind, code string) *Error {
	t.Helper()
	var e *Error
	if !errors.As(err, &e) {
		t.Fatalf("error = %v (%T), want *identifiers.Error", err, err)
	}
	if e.Kind != kind || e.Code != code {
		t.Fatalf("error kind/code = %s/%s, want %s/%s (message %q)", e.Kind, e.Code, kind, code, e.Message)
	}
	if e.Message == "" || !strings.HasSuffix(e.Message, ".") {
		t.Errorf("message %q should be a French sentence ending with a full stop", e.Message)
	}
	var fe erpps.FieldErrorer
	if !errors.As(err, &fe) {
		t.Fatalf("error does not implement erpps.FieldErrorer")
	}
	if f := erpps.FieldErrorFor("rpps", err); f.Code != code || f.Message != e.Message || f.Field != "rpps" {
		t.Errorf("FieldErrorFor = %+v, want code %s and the message", f, code)
	}
	return e
}

// checkFuzzResult is the property every parser must hold under fuzzing: either
// a value and no error, or "" and an *Error with a known code and a message.
func checkFuzzResult(t *testing.T, kind, input, got string, err error) {
	t.Helper()
	if err == nil {
		if got == "" {
			t.Fatalf("parse(%q) returned no value and no error", input)
		}
		return
	}
	if got != "" {
		t.Fatalf("parse(%q) = %q with error %v", input, got, err)
	}
	var e *Error
	if !errors.As(err, &e) {
		t.Fatalf("parse(%q) error %T is not *Error", input, err)
	}
	switch e.Code {
	case CodeEmpty, CodeLength, CodeCharacters, CodeChecksum, CodePrefix, CodeUnknown:
	default:
		t.Fatalf("parse(%q) error code %q is not a known code", input, e.Code)
	}
	if e.Kind != kind || e.Message == "" {
		t.Fatalf("parse(%q) error = %+v, want kind %s and a message", input, e, kind)
	}
	if strings.Contains(e.Message, strings.TrimSpace(input)) && len(strings.TrimSpace(input)) > 3 {
		t.Fatalf("message %q repeats the input %q", e.Message, input)
	}
}
