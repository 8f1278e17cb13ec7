package phone

import (
	"strings"

	"github.com/nyaruka/phonenumbers"
)

// Number is a valid phone number in the forms the application needs.
type Number struct {
	E164          string `json:"e164"`          // "+33612345678", what is stored
	National      string `json:"national"`      // "06 12 34 56 78"
	International string `json:"international"` // "+33 6 12 34 56 78"
	Region        string `json:"region"`        // "FR", "GP", "RE", "BE"...
	Mobile        bool   `json:"mobile"`
	Type          string `json:"type"` // TypeMobile, TypeFixed, TypeVoIP or TypeOther
}

// Values of Number.Type.
const (
	TypeMobile = "mobile"
	TypeFixed  = "fixed"
	TypeVoIP   = "voip"
	// TypeOther covers special-rate, toll-free, personal numbers, and the
	// numbers of countries (the United States...) where fixed and mobile
	// numbers cannot be told apart.
	TypeOther = "other"
)

// newNumber describes a valid parsed number; region is the region it was
// validated against.
func newNumber(p *phonenumbers.PhoneNumber, region string) Number {
	t := phonenumbers.GetNumberType(p)
	return Number{
		E164:          phonenumbers.Format(p, phonenumbers.E164),
		National:      phonenumbers.Format(p, phonenumbers.NATIONAL),
		International: phonenumbers.Format(p, phonenumbers.INTERNATIONAL),
		Region:        region,
		Mobile:        t == phonenumbers.MOBILE,
		Type:          typeName(t),
	}
}

func typeName(t phonenumbers.PhoneNumberType) string {
	switch t {
	case phonenumbers.MOBILE:
		return TypeMobile
	case phonenumbers.FIXED_LINE:
		return TypeFixed
	case phonenumbers.VOIP:
		return TypeVoIP
	}
	return TypeOther
}

// FormatNational returns a stored E.164 number for display: in national format
// ("06 12 34 56 78", "0690 12 34 56") for France and its overseas territories,
// in international format ("+32 470 12 34 56") for other countries, where a
// national format would mislead. Input it cannot read is returned unchanged.
func FormatNational(e164 string) string {
	s := strings.TrimSpace(e164)
	if s == "" {
		return e164
	}
	p, err := phonenumbers.Parse(s, regionFrance)
	if err != nil || p.GetCountryCode() == 0 {
		return e164
	}
	if isFrenchCallingCode(p.GetCountryCode()) {
		return phonenumbers.Format(p, phonenumbers.NATIONAL)
	}
	return phonenumbers.Format(p, phonenumbers.INTERNATIONAL)
}
