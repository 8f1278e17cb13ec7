package identifiers

import (
	"errors"
	"fmt"
	"testing"

	"erpps/backend/erpps"
)

func TestError(t *testing.T) {
	t.Run("ImplementsFieldErrorer", func(t *testing.T) {
		_, err := ParseRPPS("123")
		wrapped := fmt.Errorf("form: unable to read rpps: %w", err)
		var fe erpps.FieldErrorer
		if !errors.As(wrapped, &fe) {
			t.Fatal("a wrapped *Error should still be found as erpps.FieldErrorer")
		}
		f := fe.FieldError()
		if f.Code != CodeLength || f.Message == "" || f.Field != "" {
			t.Fatalf("FieldError() = %+v", f)
		}
	})
	t.Run("ErrorStringHasKindAndCode", func(t *testing.T) {
		e := &Error{Kind: "SIRET", Code: CodeChecksum, Message: "Le numéro SIRET saisi est incorrect."}
		want := "identifiers: SIRET checksum: Le numéro SIRET saisi est incorrect."
		if e.Error() != want {
			t.Fatalf("Error() = %q, want %q", e.Error(), want)
		}
	})
}

func TestNormalise(t *testing.T) {
	tests := []struct{ in, want string }{
		{"  997 007 711 91 ", "99700771191"},
		{"997.007.711.91", "99700771191"},
		{"997-007-711-91", "99700771191"},
		{"997\u00a0007\u202f711\t91", "99700771191"},
		{"997\u2013007\u2011711\u200b91", "99700771191"},
		{"2a0000014", "2A0000014"},
		{"", ""},
		{" . - ", ""},
		{"12é4", "12é4"},
	}
	for _, tc := range tests {
		if got := normalise(tc.in); got != tc.want {
			t.Errorf("normalise(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
