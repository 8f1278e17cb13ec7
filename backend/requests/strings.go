package requests

import (
	"fmt"
	"reflect"
	"strings"
	"unicode"
)

// Every string of every payload goes through checkStrings before the kind's
// own rules: a length bound and a set of allowed characters, per field. The
// formats (SIRET, FINESS, phone, e-mail, postal code, dates, names...) are
// checked by the kinds' rules once the string passed, with their own precise
// messages: such fields only forbid invisible characters here. A string field with no entry in
// stringRules still gets the strictest default (and TestEveryPayloadString
// fails, so that a new field is given its rule).

// charset is a set of allowed characters.
type charset int

const (
	charsText      charset = iota // one line of text: no control or invisible characters, no < > { } \
	charsMultiline                // text over several lines (a comment)
	charsName                     // a person's name: letters, spaces, hyphens, apostrophes
	charsPlace                    // a place's name, a street type, a country: letters, digits, spaces, - ' . ( ) /
	charsCode                     // a code or an id: ASCII letters, digits, - _ .
	charsNumber                   // an identifier as typed: ASCII letters, digits, spaces, . -
	charsEmail                    // an e-mail address: no spaces, no control characters
)

// stringRule bounds one string field.
type stringRule struct {
	max   int
	chars charset
	label string // « la voie », for the messages
}

// stringRules are keyed by "Type.Field" of the payload types (and the types
// they contain).
var stringRules = map[string]stringRule{
	"CeaseActivityPayload.ActivityID": {64, charsCode, "l'activité"},
	"CeaseActivityPayload.EndDate":    {10, charsText, "la date de fin"},
	"CeaseActivityPayload.ReasonCode": {10, charsCode, "le motif"},
	"CeaseActivityPayload.Comment":    {500, charsMultiline, "le commentaire"},

	"NewActivityPayload.ProfessionCode":     {10, charsCode, "la profession"},
	"NewActivityPayload.LookupBy":           {10, charsCode, "le mode de recherche"},
	"NewActivityPayload.ModeCode":           {10, charsCode, "le mode d'exercice"},
	"NewActivityPayload.SectorCode":         {10, charsCode, "le secteur d'activité"},
	"NewActivityPayload.FunctionCode":       {10, charsCode, "la fonction"},
	"NewActivityPayload.GenreCode":          {10, charsCode, "le genre d'activité"},
	"NewActivityPayload.StartDate":          {10, charsText, "la date de début"},
	"NewActivityPayload.ReplacesActivityID": {64, charsCode, "l'activité remplacée"},

	"NewProfessionPayload.ProfessionCode": {10, charsCode, "la profession"},
	"NewProfessionPayload.CategoryCode":   {10, charsCode, "la catégorie professionnelle"},
	"NewProfessionPayload.Since":          {10, charsText, "la date d'obtention"},
	"NewProfessionPayload.Diploma":        {150, charsText, "le diplôme"},

	"ContactPayload.Email": {254, charsEmail, "l'adresse électronique"},
	"ContactPayload.Phone": {30, charsText, "le numéro de téléphone"},

	"ExerciseNamePayload.ExerciseName":      {50, charsText, "le nom d'exercice"},
	"ExerciseNamePayload.ExerciseFirstName": {50, charsText, "le prénom d'exercice"},

	"Structure.SIRET":       {20, charsText, "le numéro SIRET"},
	"Structure.SIREN":       {15, charsText, "le numéro SIREN"},
	"Structure.FINESS":      {15, charsText, "le numéro FINESS"},
	"Structure.FINESSEJ":    {15, charsText, "le numéro FINESS juridique"},
	"Structure.TechnicalID": {20, charsCode, "l'identifiant technique"},
	"Structure.CompanyName": {100, charsText, "la raison sociale"},
	"Structure.TradeName":   {100, charsText, "l'enseigne"},
	"Structure.Phone":       {30, charsText, "le téléphone de la structure"},
	"Structure.Email":       {254, charsEmail, "l'adresse électronique de la structure"},
	"Structure.Department":  {3, charsCode, "le département"},

	"Address.Recipient":    {38, charsText, "le complément de destinataire"},
	"Address.Complement":   {100, charsText, "le complément d'adresse"},
	"Address.Number":       {10, charsNumber, "le numéro de voie"},
	"Address.Repetition":   {9, charsName, "l'indice de répétition"},
	"Address.StreetType":   {30, charsPlace, "le type de voie"},
	"Address.Street":       {100, charsText, "la voie"},
	"Address.Distribution": {38, charsText, "la mention de distribution"},
	"Address.PostalCode":   {10, charsText, "le code postal"},
	"Address.CommuneCode":  {10, charsText, "le code commune (INSEE)"},
	"Address.City":         {60, charsPlace, "la commune"},
	"Address.Cedex":        {32, charsPlace, "le bureau CEDEX"},
	"Address.Country":      {50, charsPlace, "le pays"},
}

// defaultStringRule applies to a string field missing from stringRules.
var defaultStringRule = stringRule{max: 50, chars: charsCode, label: "ce champ"}

// checkStrings walks the payload (a pointer to a struct) and checks every
// string field against its rule; errors carry the field's JSON path
// ("structure.address.cedex").
func (c *checks) checkStrings(payload any) {
	v := reflect.ValueOf(payload)
	for v.Kind() == reflect.Pointer {
		if v.IsNil() {
			return
		}
		v = v.Elem()
	}
	if v.Kind() == reflect.Struct {
		c.walkStrings("", v)
	}
}

func (c *checks) walkStrings(prefix string, v reflect.Value) {
	t := v.Type()
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if !f.IsExported() {
			continue
		}
		path := prefix + jsonName(f)
		switch fv := v.Field(i); fv.Kind() {
		case reflect.String:
			rule, ok := stringRules[t.Name()+"."+f.Name]
			if !ok {
				rule = defaultStringRule
			}
			c.checkString(path, fv.String(), rule)
		case reflect.Struct:
			c.walkStrings(path+".", fv)
		}
	}
}

// jsonName is the field's name in the payload's JSON.
func jsonName(f reflect.StructField) string {
	name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
	if name == "" || name == "-" {
		return f.Name
	}
	return name
}

// checkString reports an overlong value or a character not allowed; the
// field is then marked bad, so that its format is not reported on top.
func (c *checks) checkString(field, value string, rule stringRule) {
	if n := len([]rune(value)); n > rule.max {
		c.fail(field, "length", fmt.Sprintf("%s ne peut pas dépasser %d caractères (%d saisis).", capitalize(rule.label), rule.max, n))
		c.markBad(field)
		return
	}
	if r, ok := firstForbidden(value, rule.chars); ok {
		c.fail(field, "characters", fmt.Sprintf("%s contient un caractère non autorisé (%s).", capitalize(rule.label), describeRune(r)))
		c.markBad(field)
	}
}

// firstForbidden returns the first character of s that chars does not allow.
func firstForbidden(s string, chars charset) (rune, bool) {
	for _, r := range s {
		if !allowed(r, chars) {
			return r, true
		}
	}
	return 0, false
}

func allowed(r rune, chars charset) bool {
	if r == '\n' || r == '\r' || r == '\t' {
		return chars == charsMultiline
	}
	if invisible(r) {
		return false
	}
	switch chars {
	case charsText, charsMultiline:
		return !strings.ContainsRune("<>{}\\", r)
	case charsName:
		return unicode.IsLetter(r) || unicode.Is(unicode.Mn, r) || strings.ContainsRune(" -'’", r)
	case charsPlace:
		return unicode.IsLetter(r) || unicode.Is(unicode.Mn, r) || unicode.IsDigit(r) || strings.ContainsRune(" -'’.()/,", r)
	case charsCode:
		return r < unicode.MaxASCII && (isASCIIAlnum(r) || strings.ContainsRune("-_.", r))
	case charsNumber:
		return r < unicode.MaxASCII && (isASCIIAlnum(r) || strings.ContainsRune(" .-", r))
	case charsEmail:
		return r != ' ' && !strings.ContainsRune("<>{}\\\"(),;:[]", r)
	}
	return false
}

// invisible: control, format (zero-width...), private-use, surrogate and
// unassigned characters, and the replacement character of broken input.
func invisible(r rune) bool {
	if r < unicode.MaxASCII {
		return r < 0x20 || r == 0x7f // printable ASCII: the common case, answered fast
	}
	return unicode.IsControl(r) || unicode.In(r, unicode.Cf, unicode.Co, unicode.Cs) ||
		r == unicode.ReplacementChar || !unicode.In(r, unicode.L, unicode.M, unicode.N, unicode.P, unicode.S, unicode.Zs)
}

func isASCIIAlnum(r rune) bool {
	return (r >= '0' && r <= '9') || (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z')
}

// describeRune names a forbidden character for the message, without showing
// an invisible one.
func describeRune(r rune) string {
	switch {
	case r == '\n' || r == '\r':
		return "retour à la ligne"
	case r == '\t':
		return "tabulation"
	case invisible(r):
		return fmt.Sprintf("caractère invisible U+%04X", r)
	}
	return fmt.Sprintf("« %c »", r)
}
