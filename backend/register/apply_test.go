package register

import (
	"encoding/json"
	"reflect"
	"testing"

	"erpps/backend/erpps"
	"erpps/backend/refdata"
)

const rpps = "99700771191"

const today = "2026-11-27"

func catalog(t *testing.T) *refdata.Catalog {
	t.Helper()
	cat, err := refdata.Load()
	if err != nil {
		t.Fatal(err)
	}
	return cat
}

// record is an orthophoniste in Paris with one open activity and one ended.
func record() *erpps.Practitioner {
	return &erpps.Practitioner{
		RPPS: rpps, Civility: "MME", BirthName: "DURAND", ExerciseName: "MARTIN", FirstName: "Claire",
		Contact: erpps.Contact{Email: "claire.martin@example.com", Phone: "+33600012345",
			Address: erpps.Address{Number: "12", Street: "rue Pasteur", PostalCode: "75011", City: "PARIS"}},
		Professions: []erpps.Profession{{Code: "91", CategoryCode: "C", Since: "2005-09-01"}},
		Activities: []erpps.Activity{
			{ID: "act-1", ProfessionCode: "91", ModeCode: "L", SectorCode: "SA07", FunctionCode: "FON-01", StartDate: "2012-03-15",
				Structure: erpps.Structure{CompanyName: "Cabinet de Claire MARTIN", Department: "75",
					Address: erpps.Address{Number: "12", Street: "rue Pasteur", PostalCode: "75011", City: "PARIS"}}},
			{ID: "act-0", ProfessionCode: "91", ModeCode: "L", SectorCode: "SA07", FunctionCode: "FON-01", StartDate: "2006-01-01",
				EndDate: "2012-02-28", EndReasonCode: "CHL",
				Structure: erpps.Structure{CompanyName: "Cabinet de Montpellier", Department: "34"}},
		},
	}
}

func request(t *testing.T, id string, kind erpps.RequestKind, payload any) *erpps.Request {
	t.Helper()
	raw, err := json.Marshal(payload)
	if err != nil {
		t.Fatal(err)
	}
	return &erpps.Request{ID: id, RPPS: rpps, Kind: kind, Status: erpps.StatusUnderReview, Payload: raw, Department: "75"}
}

var newPlace = erpps.NewActivityPayload{ProfessionCode: "91", ModeCode: "L", SectorCode: "SA07", FunctionCode: "FON-01",
	GenreCode: "GENR01", StartDate: "2026-12-01",
	Structure: erpps.Structure{CompanyName: "Cabinet Voltaire", SIRET: "43210987600013", Department: "75",
		Address: erpps.Address{Number: "3", Street: "boulevard Voltaire", PostalCode: "75011", City: "PARIS"}}}

func TestApplyCessation(t *testing.T) {
	cat := catalog(t)
	p := record()
	r := request(t, "r1", erpps.KindCeaseActivity, erpps.CeaseActivityPayload{ActivityID: "act-1", EndDate: "2026-12-31", ReasonCode: "DCD"})
	got, changes, err := Apply(cat, p, r, nil, today)
	if err != nil {
		t.Fatal(err)
	}
	a, _ := got.ActivityByID("act-1")
	if a.EndDate != "2026-12-31" || a.EndReasonCode != "DCD" {
		t.Fatalf("activity = %+v, want ended on 2026-12-31 for DCD", a)
	}
	if p.Activities[0].EndDate != "" {
		t.Fatal("Apply changed its argument")
	}
	want := []Change{
		{Field: "activities.act-1.endDate", Label: "Date de fin d'activité (Cabinet de Claire MARTIN)", Before: "", After: "31 décembre 2026"},
		{Field: "activities.act-1.endReasonCode", Label: "Motif de fin d'activité (Cabinet de Claire MARTIN)", Before: "", After: "Décès"},
	}
	if !reflect.DeepEqual(changes, want) {
		t.Fatalf("changes = %#v\nwant %#v", changes, want)
	}
}

func TestApplyNewActivity(t *testing.T) {
	cat := catalog(t)
	p := record()
	r := request(t, "r2", erpps.KindNewActivity, newPlace)
	got, changes, err := Apply(cat, p, r, nil, today)
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Activities) != 3 || len(p.Activities) != 2 {
		t.Fatalf("activities: got %d (argument %d), want 3 (2)", len(got.Activities), len(p.Activities))
	}
	a, err := got.ActivityByID("act-r2")
	if err != nil {
		t.Fatal(err)
	}
	if a.Structure.CompanyName != "Cabinet Voltaire" || a.StartDate != "2026-12-01" || a.ModeCode != "L" || a.GenreCode != "GENR01" {
		t.Fatalf("new activity = %+v", a)
	}
	byField := map[string]Change{}
	for _, c := range changes {
		byField[c.Field] = c
	}
	for field, after := range map[string]string{
		"activities.act-r2.professionCode": "Orthophoniste",
		"activities.act-r2.structure":      "Cabinet Voltaire — 3 boulevard Voltaire, 75011 PARIS — SIRET 43210987600013",
		"activities.act-r2.modeCode":       "Libéral, indépendant, artisan, commerçant",
		"activities.act-r2.sectorCode":     "Cabinet individuel",
		"activities.act-r2.functionCode":   "Titulaire de cabinet",
		"activities.act-r2.startDate":      "1er décembre 2026",
	} {
		if c, ok := byField[field]; !ok || c.After != after || c.Before != "" || c.Label == "" {
			t.Errorf("change %s = %+v, want after %q", field, c, after)
		}
	}
	// Applied twice: the activity is already there.
	if _, _, err := Apply(cat, got, r, nil, today); erpps.ErrorCode(err) != erpps.ECONFLICT {
		t.Fatalf("applied twice: err = %v, want conflict", err)
	}
}

// A moved cabinet: accepting either request of the pair ends the old place
// and creates the new one, in one result.
func TestApplyMovedCabinet(t *testing.T) {
	cat := catalog(t)
	moved := newPlace
	moved.ReplacesActivityID = "act-1"
	na := request(t, "na", erpps.KindNewActivity, moved)
	cess := request(t, "ce", erpps.KindCeaseActivity, erpps.CeaseActivityPayload{ActivityID: "act-1", EndDate: "2026-11-30", ReasonCode: "CHL"})
	cess.TargetID, cess.LinkedRequestID = "act-1", "na"
	for _, tc := range []struct {
		name      string
		r, linked *erpps.Request
	}{{"new activity first", na, cess}, {"cessation first", cess, na}} {
		t.Run(tc.name, func(t *testing.T) {
			got, changes, err := Apply(cat, record(), tc.r, tc.linked, today)
			if err != nil {
				t.Fatal(err)
			}
			old, _ := got.ActivityByID("act-1")
			if old.EndDate != "2026-11-30" || old.EndReasonCode != "CHL" {
				t.Fatalf("old place = %+v, want ended 2026-11-30 CHL", old)
			}
			if _, err := got.ActivityByID("act-na"); err != nil {
				t.Fatalf("new place missing: %v", err)
			}
			if changes[0].Field != "activities.act-1.endDate" {
				t.Fatalf("first change = %+v, want the cessation first", changes[0])
			}
		})
	}
	for _, alone := range []*erpps.Request{cess, na} {
		t.Run(string(alone.Kind)+" without its partner", func(t *testing.T) {
			if _, _, err := Apply(cat, record(), alone, nil, today); erpps.ErrorCode(err) != erpps.EINVALID {
				t.Fatalf("err = %v, want invalid", err)
			}
		})
	}
	t.Run("with a request that is not its partner", func(t *testing.T) {
		other := request(t, "zz", erpps.KindContact, erpps.ContactPayload{Email: "x@example.com"})
		if _, _, err := Apply(cat, record(), cess, other, today); erpps.ErrorCode(err) != erpps.EINVALID {
			t.Fatalf("err = %v, want invalid", err)
		}
	})
}

func TestApplyNewProfession(t *testing.T) {
	cat := catalog(t)
	r := request(t, "r3", erpps.KindNewProfession, erpps.NewProfessionPayload{ProfessionCode: "26", CategoryCode: "C", Since: "2026-06-30"})
	got, changes, err := Apply(cat, record(), r, nil, today)
	if err != nil {
		t.Fatal(err)
	}
	if !got.HasProfession("26") || len(got.Professions) != 2 {
		t.Fatalf("professions = %+v, want 91 and 26", got.Professions)
	}
	want := []Change{
		{Field: "professions.26.code", Label: "Nouvelle profession", After: "Audioprothésiste"},
		{Field: "professions.26.categoryCode", Label: "Catégorie professionnelle (nouvelle profession)", After: "Civil"},
		{Field: "professions.26.since", Label: "Date d'obtention (nouvelle profession)", After: "30 juin 2026"},
	}
	if !reflect.DeepEqual(changes, want) {
		t.Fatalf("changes = %#v\nwant %#v", changes, want)
	}
}

func TestApplyContact(t *testing.T) {
	cat := catalog(t)
	p := record()
	r := request(t, "r4", erpps.KindContact, erpps.ContactPayload{Email: "c.martin@example.org", Phone: "+33600012345",
		Address: erpps.Address{Number: "3", Street: "boulevard Voltaire", PostalCode: "75011", City: "PARIS"}})
	got, changes, err := Apply(cat, p, r, nil, today)
	if err != nil {
		t.Fatal(err)
	}
	if got.Contact.Email != "c.martin@example.org" || got.Contact.Address.Street != "boulevard Voltaire" {
		t.Fatalf("contact = %+v", got.Contact)
	}
	want := []Change{
		{Field: "contact.email", Label: "Adresse électronique", Before: "claire.martin@example.com", After: "c.martin@example.org"},
		{Field: "contact.address", Label: "Adresse de correspondance", Before: "12 rue Pasteur, 75011 PARIS", After: "3 boulevard Voltaire, 75011 PARIS"},
	}
	if !reflect.DeepEqual(changes, want) {
		t.Fatalf("changes = %#v\nwant %#v (the unchanged phone is not listed)", changes, want)
	}
}

func TestApplyExerciseName(t *testing.T) {
	cat := catalog(t)
	for _, tc := range []struct {
		name     string
		payload  erpps.ExerciseNamePayload
		wantName string
		want     []Change
	}{
		{"new name", erpps.ExerciseNamePayload{ExerciseName: "martin-durand", ExerciseFirstName: "Claire"}, "MARTIN-DURAND", []Change{
			{Field: "exerciseName", Label: "Nom d'exercice", Before: "MARTIN", After: "MARTIN-DURAND"},
			{Field: "exerciseFirstName", Label: "Prénom d'exercice", Before: "", After: "Claire"},
		}},
		{"back to the birth name", erpps.ExerciseNamePayload{ExerciseName: "whatever", UseBirthName: true}, "DURAND", []Change{
			{Field: "exerciseName", Label: "Nom d'exercice", Before: "MARTIN", After: "DURAND"},
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, changes, err := Apply(cat, record(), request(t, "r5", erpps.KindExerciseName, tc.payload), nil, today)
			if err != nil {
				t.Fatal(err)
			}
			if got.ExerciseName != tc.wantName {
				t.Fatalf("exercise name = %q, want %q", got.ExerciseName, tc.wantName)
			}
			if !reflect.DeepEqual(changes, tc.want) {
				t.Fatalf("changes = %#v\nwant %#v", changes, tc.want)
			}
		})
	}
}

// Requests that no longer fit the record are refused, the record untouched.
func TestApplyRefusesWhatNoLongerFits(t *testing.T) {
	cat := catalog(t)
	for _, tc := range []struct {
		name string
		r    *erpps.Request
		code string
	}{
		{"cessation of an ended activity", request(t, "a", erpps.KindCeaseActivity, erpps.CeaseActivityPayload{ActivityID: "act-0", EndDate: "2026-12-31", ReasonCode: "AUT"}), erpps.ECONFLICT},
		{"cessation of an unknown activity", request(t, "b", erpps.KindCeaseActivity, erpps.CeaseActivityPayload{ActivityID: "act-9", EndDate: "2026-12-31", ReasonCode: "AUT"}), erpps.ECONFLICT},
		{"cessation without a date", request(t, "c", erpps.KindCeaseActivity, erpps.CeaseActivityPayload{ActivityID: "act-1", ReasonCode: "AUT"}), erpps.EINVALID},
		{"profession already held", request(t, "d", erpps.KindNewProfession, erpps.NewProfessionPayload{ProfessionCode: "91", CategoryCode: "C"}), erpps.ECONFLICT},
		{"new activity without a start", request(t, "e", erpps.KindNewActivity, erpps.NewActivityPayload{ProfessionCode: "91"}), erpps.EINVALID},
		{"another practitioner's request", func() *erpps.Request {
			r := request(t, "f", erpps.KindContact, erpps.ContactPayload{Email: "x@example.com"})
			r.RPPS = "10000000008"
			return r
		}(), erpps.EINVALID},
		{"unknown kind", &erpps.Request{ID: "g", RPPS: rpps, Kind: "teleport", Payload: json.RawMessage(`{}`)}, erpps.EINVALID},
		{"unreadable payload", &erpps.Request{ID: "h", RPPS: rpps, Kind: erpps.KindContact, Payload: json.RawMessage(`[1]`)}, erpps.EINTERNAL},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := record()
			got, changes, err := Apply(cat, p, tc.r, nil, today)
			if erpps.ErrorCode(err) != tc.code || got != nil || changes != nil {
				t.Fatalf("Apply = %v, %v, %v; want error %s", got, changes, err, tc.code)
			}
			if !reflect.DeepEqual(p, record()) {
				t.Fatal("the record was changed")
			}
		})
	}
}
