package attestation

import (
	"crypto/sha256"
	"strings"
	"time"
)

// canonicalHeader starts Canonical's output; it changes when the format does.
const canonicalHeader = "ERPPS-ATTESTATION-1\n"

// digestSize is how many bytes of SHA-256(Canonical) the payload carries.
const digestSize = 16

// Canonical serialises the content of the attestation deterministically: the
// same Data always gives the same bytes. One "name=value" line per field, in
// a fixed order; one "profession=" line per profession and one "activity="
// line per activity (its four fields separated by tabs), in their order.
// Values are escaped: "\" as "\\", newline as "\n", carriage return as "\r",
// tab as "\t". The date is the calendar date of IssuedAt in its location.
func Canonical(d Data) []byte {
	var b strings.Builder
	b.Grow(512 + 128*len(d.Activities))
	b.WriteString(canonicalHeader)
	line := func(name string, values ...string) {
		b.WriteString(name)
		b.WriteByte('=')
		for i, v := range values {
			if i > 0 {
				b.WriteByte('\t')
			}
			writeEscaped(&b, v)
		}
		b.WriteByte('\n')
	}
	line("documentNumber", d.DocumentNumber)
	line("issuedAt", isoDate(d.IssuedAt))
	line("issuer", d.Issuer)
	line("civility", d.Civility)
	line("exerciseName", d.ExerciseName)
	line("firstName", d.FirstName)
	line("birthName", d.BirthName)
	line("rpps", d.RPPS)
	line("idnps", d.IDNPS)
	for _, p := range d.Professions {
		line("profession", p)
	}
	for _, a := range d.Activities {
		line("activity", a.Structure, a.Address, a.Mode, a.Since)
	}
	return []byte(b.String())
}

func writeEscaped(b *strings.Builder, s string) {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '\\':
			b.WriteString(`\\`)
		case '\n':
			b.WriteString(`\n`)
		case '\r':
			b.WriteString(`\r`)
		case '\t':
			b.WriteString(`\t`)
		default:
			b.WriteByte(c)
		}
	}
}

// contentDigest is the digest of the content that the payload carries.
func contentDigest(d Data) []byte {
	sum := sha256.Sum256(Canonical(d))
	return sum[:digestSize]
}

// isoDate writes t's calendar date as YYYY-MM-DD.
func isoDate(t time.Time) string { return t.Format(time.DateOnly) }
