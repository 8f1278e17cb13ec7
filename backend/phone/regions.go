package phone

import "strings"

// regionFrance is metropolitan France's region code in the phonenumbers library.
const regionFrance = "FR"

// overseasRegions returns the overseas regions whose numbers are dialled with
// 10 digits like metropolitan ones, in the order they are tried.
// Saint-Pierre-et-Miquelon (PM, 6 digits) is left out: it is only tried when it
// is the home département, so that a metropolitan number missing digits is not
// read as one of its numbers.
func overseasRegions() []string {
	return []string{"GP", "MQ", "GF", "RE", "YT", "BL", "MF"}
}

// hintRegion returns the phone region of an overseas home département or
// collectivity ("971" gives "GP"), "" for any other département.
func hintRegion(homeDepartment string) string {
	switch strings.TrimSpace(homeDepartment) {
	case "971":
		return "GP"
	case "972":
		return "MQ"
	case "973":
		return "GF"
	case "974":
		return "RE"
	case "975":
		return "PM"
	case "976":
		return "YT"
	case "977":
		return "BL"
	case "978":
		return "MF"
	}
	return ""
}

// hasOverseasPrefix reports whether a national number (with its leading 0)
// starts with a prefix the French numbering plan (ARCEP) gives to an overseas
// département. The library also accepts some of them as metropolitan
// ("0269...", "0596..."), so such a number is only tried overseas.
func hasOverseasPrefix(national string) bool {
	if len(national) < 4 {
		return false
	}
	switch national[:4] {
	case "0262", "0263", "0269", // Réunion, Mayotte: fixed
		"0590", "0594", "0596", // Guadeloupe, Saint-Barthélemy, Saint-Martin; Guyane; Martinique: fixed
		"0639",         // Mayotte: mobile
		"0690", "0691", // Guadeloupe: mobile
		"0692", "0693", // Réunion: mobile
		"0694",         // Guyane: mobile
		"0696", "0697": // Martinique: mobile
		return true
	}
	return false
}

// isFrenchCallingCode reports whether a country code is France's or one of its
// overseas territories', whose numbers are shown in national format.
func isFrenchCallingCode(cc int32) bool {
	switch cc {
	case 33, 590, 594, 596, 262, 508:
		return true
	}
	return false
}

// candidateRegions returns the regions a national number is tried against, in
// order: for an overseas prefix, the home region then the other overseas
// ones; for any other number, France then the home region.
func candidateRegions(national, homeDepartment string) []string {
	hint := hintRegion(homeDepartment)
	if hasOverseasPrefix(national) {
		regions := make([]string, 0, 8)
		if hint != "" && hint != "PM" {
			regions = append(regions, hint)
		}
		for _, r := range overseasRegions() {
			if r != hint {
				regions = append(regions, r)
			}
		}
		return regions
	}
	if hint != "" {
		return []string{regionFrance, hint}
	}
	return []string{regionFrance}
}
