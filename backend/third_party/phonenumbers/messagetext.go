package phonenumbers

// erpps patch: String methods for the two messages the library prints, in
// protobuf's text format (fields set, in field-number order), replacing the
// generated ones that went through protobuf's reflection runtime. See ERPPS.md.

import (
	"strconv"
	"strings"
)

// textFields builds a message's text format.
type textFields struct{ parts []string }

func (t *textFields) str(name string, v *string) {
	if v != nil {
		t.parts = append(t.parts, name+":"+strconv.Quote(*v))
	}
}

func (t *textFields) int(name string, v *int32) {
	if v != nil {
		t.parts = append(t.parts, name+":"+strconv.Itoa(int(*v)))
	}
}

func (t *textFields) bool(name string, v *bool) {
	if v != nil {
		t.parts = append(t.parts, name+":"+strconv.FormatBool(*v))
	}
}

// String returns the number in protobuf's text format.
func (x *PhoneNumber) String() string {
	if x == nil {
		return "<nil>"
	}
	var t textFields
	t.int("country_code", x.CountryCode)
	if x.NationalNumber != nil {
		t.parts = append(t.parts, "national_number:"+strconv.FormatUint(*x.NationalNumber, 10))
	}
	t.str("extension", x.Extension)
	t.bool("italian_leading_zero", x.ItalianLeadingZero)
	t.str("raw_input", x.RawInput)
	if x.CountryCodeSource != nil {
		t.parts = append(t.parts, "country_code_source:"+x.CountryCodeSource.String())
	}
	t.str("preferred_domestic_carrier_code", x.PreferredDomesticCarrierCode)
	t.int("number_of_leading_zeros", x.NumberOfLeadingZeros)
	return strings.Join(t.parts, " ")
}

// String returns the format in protobuf's text format.
func (x *NumberFormat) String() string {
	if x == nil {
		return "<nil>"
	}
	var t textFields
	t.str("pattern", x.Pattern)
	t.str("format", x.Format)
	for i := range x.LeadingDigitsPattern {
		t.str("leading_digits_pattern", &x.LeadingDigitsPattern[i])
	}
	t.str("national_prefix_formatting_rule", x.NationalPrefixFormattingRule)
	t.str("domestic_carrier_code_formatting_rule", x.DomesticCarrierCodeFormattingRule)
	t.bool("national_prefix_optional_when_formatting", x.NationalPrefixOptionalWhenFormatting)
	return strings.Join(t.parts, " ")
}
