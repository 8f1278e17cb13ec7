package logging

import (
	"fmt"
	"regexp"

	"github.com/sirupsen/logrus"
)

// Patterns of personal data that must never reach a log: e-mail addresses,
// phone numbers, and long digit runs (RPPS, IDNPS, ADELI, SIRET, FINESS).
var (
	emailPattern  = regexp.MustCompile(`[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}`)
	phonePattern  = regexp.MustCompile(`(?:\+|00)\d[\d .\-]{7,}\d|\b0\d(?:[ .\-]?\d{2}){4}\b`)
	digitsPattern = regexp.MustCompile(`\b\d{8,}\b`)
)

// Redact masks personal data in s.
func Redact(s string) string {
	s = emailPattern.ReplaceAllString(s, "[e-mail]")
	s = phonePattern.ReplaceAllString(s, "[téléphone]")
	return digitsPattern.ReplaceAllString(s, "[numéro]")
}

// RedactHook masks personal data in every entry's message and string fields.
// It is a safety net: the code logs no personal data on purpose.
type RedactHook struct{}

// Levels applies the hook to every level.
func (RedactHook) Levels() []logrus.Level { return logrus.AllLevels }

// Fire rewrites the entry in place.
func (RedactHook) Fire(e *logrus.Entry) error {
	e.Message = Redact(e.Message)
	for k, v := range e.Data {
		switch x := v.(type) {
		case string:
			e.Data[k] = Redact(x)
		case error:
			e.Data[k] = Redact(x.Error())
		case fmt.Stringer:
			e.Data[k] = Redact(x.String())
		}
	}
	return nil
}
