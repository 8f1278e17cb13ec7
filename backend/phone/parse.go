package phone

import (
	"errors"
	"fmt"
	"strings"

	"github.com/nyaruka/phonenumbers"
)

// Parse reads a phone number as people type it: nationally ("06 12 34 56 78",
// "06.12.34.56.78", "0690 12 34 56"), or with a country code ("+33 6 12 34 56
// 78", "0033 6...", "+33 (0)6...", "+590 690...", "+32 470..."). A national
// number is tried against France, or against the overseas regions when its
// prefix is an overseas one; homeDepartment ("971", "974"...; any other value
// is ignored) says which overseas region to try first, and allows
// Saint-Pierre-et-Miquelon's 6-digit numbers when it is "975". An overseas
// number written after +33 ("+33 6 90...") is read as the overseas number it
// means, since +33 does not reach it.
func Parse(input, homeDepartment string) (Number, error) {
	n, _, err := parse(input, homeDepartment)
	return n, err
}

// ParseMobile is Parse for numbers that must receive text messages: a valid
// number that is not a mobile one gives CodeNotMobile. Numbers of countries
// where fixed and mobile numbers cannot be told apart are accepted.
func ParseMobile(input, homeDepartment string) (Number, error) {
	n, t, err := parse(input, homeDepartment)
	if err != nil {
		return Number{}, err
	}
	switch t {
	case phonenumbers.MOBILE, phonenumbers.FIXED_LINE_OR_MOBILE:
		return n, nil
	case phonenumbers.FIXED_LINE:
		return Number{}, newError(CodeNotMobile, "Ce numéro est un fixe : l'envoi d'un SMS nécessite un numéro de portable.")
	}
	return Number{}, newError(CodeNotMobile, "Ce numéro n'est pas un numéro de portable : l'envoi d'un SMS nécessite un numéro de portable.")
}

func parse(input, homeDepartment string) (Number, phonenumbers.PhoneNumberType, error) {
	in, ierr := readInput(input)
	if ierr != nil {
		return Number{}, phonenumbers.UNKNOWN, ierr
	}
	if in.international {
		return parseInternational(in.digits, homeDepartment)
	}
	return parseNational(in.digits, homeDepartment)
}

// parseNational tries a number typed without a country code against the
// candidate regions.
func parseNational(digits, homeDepartment string) (Number, phonenumbers.PhoneNumberType, error) {
	national := digits
	if !strings.HasPrefix(national, "0") {
		national = "0" + national
	}
	for _, region := range candidateRegions(national, homeDepartment) {
		p, err := phonenumbers.Parse(digits, region)
		if err == nil && phonenumbers.IsValidNumberForRegion(p, region) {
			return newNumber(p, region), phonenumbers.GetNumberType(p), nil
		}
	}
	return Number{}, phonenumbers.UNKNOWN, nationalError(digits)
}

// nationalError says what is wrong with a national number no region accepts.
func nationalError(digits string) *Error {
	n := len(digits)
	if !strings.HasPrefix(digits, "0") {
		switch {
		case strings.HasPrefix(digits, "33") && (n == 11 || n == 12):
			return newError(CodeTooLong, "Il y a trop de chiffres : si le numéro commence par l'indicatif 33, tapez + devant (+33).")
		case n < 9:
			return newError(CodeTooShort, msgFrenchTooShort)
		case n > 10:
			return newError(CodeTooLong, msgFrenchTooLong)
		}
		return newError(CodeInvalid, "Un numéro français commence par 0 ; depuis l'étranger, saisissez l'indicatif du pays précédé de +.")
	}
	switch {
	case n < 10:
		return newError(CodeTooShort, msgFrenchTooShort)
	case n > 10:
		return newError(CodeTooLong, msgFrenchTooLong)
	}
	return newError(CodeInvalid, msgFrenchInvalid)
}

// parseInternational reads digits typed after + or 00.
func parseInternational(digits, homeDepartment string) (Number, phonenumbers.PhoneNumberType, error) {
	p, err := phonenumbers.Parse("+"+digits, regionFrance)
	if err != nil {
		return Number{}, phonenumbers.UNKNOWN, libraryError(err)
	}
	cc := p.GetCountryCode()
	if cc == 33 {
		if national := "0" + phonenumbers.GetNationalSignificantNumber(p); hasOverseasPrefix(national) {
			return parseNational(national, homeDepartment)
		}
	}
	if phonenumbers.IsValidNumber(p) {
		region := phonenumbers.GetRegionCodeForNumber(p)
		if hint := hintRegion(homeDepartment); hint != "" && phonenumbers.IsValidNumberForRegion(p, hint) {
			region = hint // Saint-Martin and Saint-Barthélemy share +590 and their ranges
		}
		return newNumber(p, region), phonenumbers.GetNumberType(p), nil
	}
	return Number{}, phonenumbers.UNKNOWN, internationalError(p, cc)
}

// libraryError turns a parse error of the library into a French one.
func libraryError(err error) *Error {
	switch {
	case errors.Is(err, phonenumbers.ErrInvalidCountryCode):
		return unknownCountry()
	case errors.Is(err, phonenumbers.ErrNumTooLong):
		return newError(CodeTooLong, "Il y a trop de chiffres pour un numéro de téléphone.")
	}
	return newError(CodeTooShort, "Il manque des chiffres : après l'indicatif du pays, saisissez le numéro complet.")
}

func unknownCountry() *Error {
	return newError(CodeUnknownCountry, "Aucun pays n'a cet indicatif : vérifiez les chiffres qui suivent le + ou le 00 (33 pour la France).")
}

// internationalError says what is wrong with a number the library read but
// found invalid.
func internationalError(p *phonenumbers.PhoneNumber, cc int32) *Error {
	french := isFrenchCallingCode(cc)
	switch phonenumbers.IsPossibleNumberWithReason(p) {
	case phonenumbers.INVALID_COUNTRY_CODE:
		return unknownCountry()
	case phonenumbers.TOO_SHORT:
		if french {
			return newError(CodeTooShort, msgFrenchTooShort)
		}
		return newError(CodeTooShort, fmt.Sprintf("Il manque des chiffres pour un numéro de l'indicatif +%d.", cc))
	case phonenumbers.TOO_LONG:
		if french {
			return newError(CodeTooLong, msgFrenchTooLong)
		}
		return newError(CodeTooLong, fmt.Sprintf("Il y a trop de chiffres pour un numéro de l'indicatif +%d.", cc))
	}
	if french {
		return newError(CodeInvalid, msgFrenchInvalid)
	}
	return newError(CodeInvalid, fmt.Sprintf("Ce numéro n'est pas valide pour l'indicatif +%d : vérifiez les chiffres.", cc))
}
