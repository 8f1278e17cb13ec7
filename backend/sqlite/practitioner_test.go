package sqlite

import (
	"context"
	"reflect"
	"slices"
	"testing"

	"erpps/backend/erpps"
)

func TestPractitioner(t *testing.T) {
	ctx := context.Background()

	t.Run("RoundTrip", func(t *testing.T) {
		db := MustOpenDB(t)
		want := loadPractitioner(t)
		if err := db.SavePractitioner(ctx, want); err != nil {
			t.Fatal(err)
		}
		got, err := db.FindPractitionerByRPPS(ctx, want.RPPS)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("round trip:\n got %+v\nwant %+v", got, want)
		}
	})

	t.Run("UpdateReplacesProfessionsAndActivities", func(t *testing.T) {
		db := MustOpenDB(t)
		p := loadPractitioner(t)
		if err := db.SavePractitioner(ctx, p); err != nil {
			t.Fatal(err)
		}
		p.ExerciseName = "Nouveau-Nom"
		p.Professions = p.Professions[1:]
		p.Activities = []erpps.Activity{p.Activities[2], {ID: "ACT-0009", ProfessionCode: "40",
			Structure: erpps.Structure{CompanyName: "Nouveau cabinet", Department: "971"}, StartDate: "2026-01-01"}}
		p.UpdatedAt = testEpoch
		if err := db.SavePractitioner(ctx, p); err != nil {
			t.Fatal(err)
		}
		got, err := db.FindPractitionerByRPPS(ctx, p.RPPS)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, p) {
			t.Fatalf("after update:\n got %+v\nwant %+v", got, p)
		}
	})

	t.Run("ZeroUpdatedAtIsNow", func(t *testing.T) {
		db := MustOpenDB(t)
		p := mustSavePractitioner(t, db, "10000000002", "Testeur", "Alix")
		got, err := db.FindPractitionerByRPPS(ctx, p.RPPS)
		if err != nil {
			t.Fatal(err)
		}
		if !got.UpdatedAt.Equal(testEpoch) || len(got.Professions) != 0 || got.Activities == nil {
			t.Fatalf("got %+v", got)
		}
	})

	t.Run("ErrNotFound", func(t *testing.T) {
		db := MustOpenDB(t)
		_, err := db.FindPractitionerByRPPS(ctx, "19999999999")
		if e := wantCode(t, err, erpps.ENOTFOUND); e.Message == "" {
			t.Fatal("no French message")
		}
	})

	t.Run("ErrRPPSRequired", func(t *testing.T) {
		db := MustOpenDB(t)
		e := wantCode(t, db.SavePractitioner(ctx, &erpps.Practitioner{}), erpps.EINVALID)
		if len(e.Fields) != 1 || e.Fields[0].Field != "rpps" {
			t.Fatalf("fields = %+v", e.Fields)
		}
		wantCode(t, db.SavePractitioner(ctx, nil), erpps.EINVALID)
	})

	t.Run("ErrDuplicateProfession", func(t *testing.T) {
		db := MustOpenDB(t)
		p := loadPractitioner(t)
		p.Professions = append(p.Professions, p.Professions[0])
		wantCode(t, db.SavePractitioner(ctx, p), erpps.EINVALID)
	})

	t.Run("ErrDuplicateActivity", func(t *testing.T) {
		db := MustOpenDB(t)
		p := loadPractitioner(t)
		p.Activities[1].ID = p.Activities[0].ID
		wantCode(t, db.SavePractitioner(ctx, p), erpps.EINVALID)
	})

	t.Run("ErrActivityOfAnother", func(t *testing.T) {
		db := MustOpenDB(t)
		p := loadPractitioner(t)
		if err := db.SavePractitioner(ctx, p); err != nil {
			t.Fatal(err)
		}
		other := &erpps.Practitioner{RPPS: "10000000002", Activities: p.Activities[:1]}
		wantCode(t, db.SavePractitioner(ctx, other), erpps.ECONFLICT)
		if _, err := db.FindPractitionerByRPPS(ctx, other.RPPS); erpps.ErrorCode(err) != erpps.ENOTFOUND {
			t.Fatalf("the failed save left a practitioner: %v", err)
		}
	})
}

func TestListPractitioners(t *testing.T) {
	ctx := context.Background()
	db := MustOpenDB(t)
	fixture := loadPractitioner(t) // Testeur-Lœvé Éloïse, 10000000001
	if err := db.SavePractitioner(ctx, fixture); err != nil {
		t.Fatal(err)
	}
	mustSavePractitioner(t, db, "10000000102", "Martinez", "Zoé")
	mustSavePractitioner(t, db, "20000000003", "Abel", "Noé")
	mustSavePractitioner(t, db, "10000000104", "Bernard-Lœvé", "Jean")

	// Drafts and open requests of the fixture.
	for range 2 {
		d := mustCreateDraft(t, db, fixture.RPPS, `{}`)
		if _, err := db.SaveDraft(ctx, d.ID, d.Revision, []byte(`{"typed":true}`), professional); err != nil {
			t.Fatal(err)
		}
	}
	mustCreateDraft(t, db, fixture.RPPS, `{}`) // opened, never saved: not counted
	sent := mustCreateDraft(t, db, fixture.RPPS, `{}`)
	if _, err := db.TransitionRequest(ctx, sent.ID, erpps.StatusTransmitted, professional, ""); err != nil {
		t.Fatal(err)
	}
	withdrawn := mustCreateDraft(t, db, fixture.RPPS, `{}`)
	for _, to := range []erpps.RequestStatus{erpps.StatusTransmitted, erpps.StatusWithdrawn} {
		if _, err := db.TransitionRequest(ctx, withdrawn.ID, to, professional, ""); err != nil {
			t.Fatal(err)
		}
	}

	tests := []struct {
		name   string
		filter erpps.PractitionerFilter
		want   []string
	}{
		{"All", erpps.PractitionerFilter{}, []string{"20000000003", "10000000104", "10000000102", "10000000001"}},
		{"AccentAndCaseInsensitive", erpps.PractitionerFilter{Query: "ELOISE"}, []string{"10000000001"}},
		{"Ligature", erpps.PractitionerFilter{Query: "loeve"}, []string{"10000000104", "10000000001"}},
		{"PartOfName", erpps.PractitionerFilter{Query: "tine"}, []string{"10000000102"}},
		{"EveryWord", erpps.PractitionerFilter{Query: "lœvé jean"}, []string{"10000000104"}},
		{"HyphenAsSpace", erpps.PractitionerFilter{Query: "testeur loeve"}, []string{"10000000001"}},
		{"RPPSPrefix", erpps.PractitionerFilter{Query: "1000000010"}, []string{"10000000104", "10000000102"}},
		{"RPPSPrefixWithSpaces", erpps.PractitionerFilter{Query: "2000 0000"}, []string{"20000000003"}},
		{"NoMatch", erpps.PractitionerFilter{Query: "inexistant"}, []string{}},
		{"Limit", erpps.PractitionerFilter{Limit: 2}, []string{"20000000003", "10000000104"}},
		{"Offset", erpps.PractitionerFilter{Limit: 2, Offset: 2}, []string{"10000000102", "10000000001"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			list, err := db.ListPractitioners(ctx, tt.filter)
			if err != nil {
				t.Fatal(err)
			}
			got := []string{}
			for _, s := range list {
				got = append(got, s.RPPS)
			}
			if !slices.Equal(got, tt.want) {
				t.Fatalf("got %v, want %v", got, tt.want)
			}
		})
	}

	t.Run("Summary", func(t *testing.T) {
		list, err := db.ListPractitioners(ctx, erpps.PractitionerFilter{Query: fixture.RPPS})
		if err != nil || len(list) != 1 {
			t.Fatalf("list = %+v, %v", list, err)
		}
		want := erpps.PractitionerSummary{
			RPPS: fixture.RPPS, Civility: "MME", ExerciseName: fixture.ExerciseName, FirstName: "Éloïse",
			ProfessionCodes: []string{"10", "40"},
			Departments:     []string{"2A", "69"}, // 13 is closed
			Drafts:          2, OpenRequests: 1,
		}
		if !reflect.DeepEqual(list[0], want) {
			t.Fatalf("got %+v\nwant %+v", list[0], want)
		}
	})

	t.Run("EmptyListsAreNotNull", func(t *testing.T) {
		list, err := db.ListPractitioners(ctx, erpps.PractitionerFilter{Query: "Martinez"})
		if err != nil || len(list) != 1 {
			t.Fatalf("list = %+v, %v", list, err)
		}
		if list[0].ProfessionCodes == nil || list[0].Departments == nil {
			t.Fatalf("nil slices: %+v", list[0])
		}
	})
}
