package requests

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"erpps/backend/erpps"
	"erpps/backend/refdata"
)

// fullPayloads are valid drafts of every kind with every string field filled,
// so that a field's error can only come from the value put in it.
func fullPayloads(t *testing.T) map[erpps.RequestKind]any {
	t.Helper()
	profession := fixture(t).Professions[0].Code
	addr := erpps.Address{
		Recipient: "Secrétariat", Complement: "Bâtiment B", Number: "4", Repetition: "bis", StreetType: "rue",
		Street: "d'Austerlitz", Distribution: "BP 12", PostalCode: "69004", CommuneCode: "69384", City: "LYON",
		Cedex: "LYON CEDEX 04", Country: "France",
	}
	siren := siret(t, "55500011")
	s := siret(t, siren+"0001")
	return map[erpps.RequestKind]any{
		erpps.KindCeaseActivity: erpps.CeaseActivityPayload{ActivityID: "act-1", EndDate: "2026-12-31", ReasonCode: "RL", Comment: "Départ en retraite.\nMerci."},
		erpps.KindNewActivity: erpps.NewActivityPayload{
			ProfessionCode: profession, LookupBy: "siret",
			Structure: erpps.Structure{
				SIRET: s, SIREN: s[:9], FINESS: finess(t, "69000001"), FINESSEJ: finess(t, "69000002"), TechnicalID: "RPPSRANG-0001",
				CompanyName: "Maison de santé de la Croix-Rousse", TradeName: "MSP Croix-Rousse", Address: addr,
				Phone: "04 72 00 00 01", Email: "accueil@msp-croix-rousse.fr", Department: "69",
			},
			ModeCode: "L", SectorCode: "SA52", FunctionCode: "FON-02", GenreCode: "GENR01", StartDate: "2027-01-04",
			KeepsOtherActivities: true,
		},
		erpps.KindNewProfession: erpps.NewProfessionPayload{ProfessionCode: "26", CategoryCode: "C", Since: "2024-07-01", Diploma: "Diplôme d'État d'audioprothésiste"},
		erpps.KindContact:       erpps.ContactPayload{Email: "claire.martin@example.fr", Phone: "06 00 01 23 45", Address: addr},
		erpps.KindExerciseName:  erpps.ExerciseNamePayload{ExerciseName: "MARTIN-DUPONT", ExerciseFirstName: "Claire"},
	}
}

// stringPaths lists the JSON paths of every string field of a payload type,
// nested structures included, with the Go "Type.Field" of each.
func stringPaths(t reflect.Type, prefix string, out map[string]string) {
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		path := prefix + jsonName(f)
		switch f.Type.Kind() {
		case reflect.String:
			out[path] = t.Name() + "." + f.Name
		case reflect.Struct:
			stringPaths(f.Type, path+".", out)
		}
	}
}

// setPath sets the string at a JSON path of a payload decoded as a map.
func setPath(m map[string]any, path, value string) {
	parts := strings.Split(path, ".")
	for _, p := range parts[:len(parts)-1] {
		next, ok := m[p].(map[string]any)
		if !ok {
			next = map[string]any{}
			m[p] = next
		}
		m = next
	}
	m[parts[len(parts)-1]] = value
}

func getPath(m map[string]any, path string) string {
	parts := strings.Split(path, ".")
	for _, p := range parts[:len(parts)-1] {
		m, _ = m[p].(map[string]any)
	}
	s, _ := m[parts[len(parts)-1]].(string)
	return s
}

// TestEveryPayloadStringIsChecked walks every payload type by reflection and
// fills each string field in turn with an overlong value, then with a
// control character: validation must report an error on exactly that field
// (defect 8: an 8,400-character cedex went out as typed).
func TestEveryPayloadStringIsChecked(t *testing.T) {
	cat, err := refdata.Load()
	if err != nil {
		t.Fatal(err)
	}
	for kind, payload := range fullPayloads(t) {
		paths := map[string]string{}
		stringPaths(reflect.TypeOf(payload), "", paths)
		if len(paths) == 0 {
			t.Fatalf("%s: no string field found", kind)
		}
		base, err := json.Marshal(payload)
		if err != nil {
			t.Fatal(err)
		}
		run := func(t *testing.T, raw []byte) Validation {
			t.Helper()
			req := &erpps.Request{ID: "r", RPPS: rpps, Kind: kind, Status: erpps.StatusDraft, Payload: raw}
			v, _, _, err := validate(&subject{cat: cat, today: "2026-11-27", practitioner: fixture(t), request: req}, nil, false)
			if err != nil {
				t.Fatalf("validate: %v", err)
			}
			return v
		}
		if v := run(t, base); len(v.Fields) != 0 {
			t.Fatalf("%s: the full payload is not valid: %+v", kind, v.Fields)
		}
		for path := range paths {
			var m map[string]any
			if err := json.Unmarshal(base, &m); err != nil {
				t.Fatal(err)
			}
			for name, value := range map[string]string{
				"overlong": strings.Repeat("7", 8400),
				"control":  getPath(m, path) + "\u0007",
				"nul":      "\x00" + getPath(m, path),
				"bidi":     getPath(m, path) + "\u202e",
			} {
				t.Run(string(kind)+"/"+path+"/"+name, func(t *testing.T) {
					var m map[string]any
					if err := json.Unmarshal(base, &m); err != nil {
						t.Fatal(err)
					}
					setPath(m, path, value)
					raw, err := json.Marshal(m)
					if err != nil {
						t.Fatal(err)
					}
					v := run(t, raw)
					found := false
					for _, f := range v.Fields {
						if f.Field != path {
							t.Errorf("error on %s (%s) while only %s was changed", f.Field, f.Message, path)
						}
						found = true
						if f.Message == "" || strings.ContainsAny(f.Message, "\x00\u0007\u202e") {
							t.Errorf("message %q", f.Message)
						}
					}
					if !found {
						t.Errorf("a %s value in %s went through unchecked", name, path)
					}
				})
			}
		}
	}
}

// TestEveryPayloadStringHasARule: each string field of each payload type has
// its own length and character rule (the default is a safety net, not a rule),
// and every kind of request has its full payload above.
func TestEveryPayloadStringHasARule(t *testing.T) {
	full := fullPayloads(t)
	for _, k := range erpps.AllRequestKinds {
		r, err := rulesFor(k.Value)
		if err != nil {
			t.Fatal(err)
		}
		p, ok := full[k.Value]
		if !ok {
			t.Fatalf("kind %s has no full payload in fullPayloads", k.Value)
		}
		decoded, err := r.decode(json.RawMessage(`{}`))
		if err != nil {
			t.Fatal(err)
		}
		if got, want := reflect.TypeOf(decoded).Elem(), reflect.TypeOf(p); got != want {
			t.Fatalf("kind %s decodes %s, the test fills %s", k.Value, got, want)
		}
	}
	used := map[string]bool{}
	for _, payload := range fullPayloads(t) {
		paths := map[string]string{}
		stringPaths(reflect.TypeOf(payload), "", paths)
		for path, key := range paths {
			used[key] = true
			if _, ok := stringRules[key]; !ok {
				t.Errorf("%s (%s) has no rule in stringRules", key, path)
			}
		}
	}
	for key := range stringRules {
		if !used[key] {
			t.Errorf("stringRules has %s, which no payload holds", key)
		}
	}
}

// BenchmarkPayloadChecks measures what defect 8 and 11 add to each
// validation: the string walk and the registration check, beside the whole
// validation of a full new activity.
func BenchmarkPayloadChecks(b *testing.B) {
	t := &testing.T{}
	cat, err := refdata.Load()
	if err != nil {
		b.Fatal(err)
	}
	payload := fullPayloads(t)[erpps.KindNewActivity].(erpps.NewActivityPayload)
	raw, err := json.Marshal(payload)
	if err != nil {
		b.Fatal(err)
	}
	sub := &subject{cat: cat, today: "2026-11-27", practitioner: fixture(t),
		request: &erpps.Request{ID: "r", RPPS: rpps, Kind: erpps.KindNewActivity, Status: erpps.StatusDraft, Payload: raw}}
	b.Run("checkStrings", func(b *testing.B) {
		for b.Loop() {
			(&checks{}).checkStrings(&payload)
		}
	})
	b.Run("checkRegistration", func(b *testing.B) {
		for b.Loop() {
			checkRegistration(sub, &payload, &checks{})
		}
	})
	b.Run("validate", func(b *testing.B) {
		for b.Loop() {
			if _, _, _, err := validate(sub, nil, true); err != nil {
				b.Fatal(err)
			}
		}
	})
}
