// Package phone reads the telephone numbers people type into a form ("06 12 34
// 56 78", "+33 (0)6 12...", "0690 12 34 56", "+32 470...") with
// github.com/nyaruka/phonenumbers, and returns them in E.164 for storage and
// in national and international formats for display.
//
// French overseas numbers have their own regions and country codes (GP, BL, MF
// +590; GF +594; MQ +596; RE, YT +262; PM +508) and are not valid under "FR":
// a number typed nationally is tried against the region its prefix belongs to
// (see regions.go), with the practitioner's département as a hint.
//
// Every failure is an *Error with a code and a French message that says what
// is wrong; nothing here panics on any input.
package phone
