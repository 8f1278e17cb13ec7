package storetest

import (
	"context"
	"reflect"
	"testing"

	"erpps/backend/erpps"
)

func testReady(t *testing.T, open func(t *testing.T) erpps.ServerStore) {
	s := open(t)
	if err := s.Ready(context.Background()); err != nil {
		t.Fatalf("a store just opened is not ready: %v", err)
	}
}

func testPractitioners(t *testing.T, open func(t *testing.T) erpps.ServerStore) {
	ctx := context.Background()

	t.Run("SaveFind", func(t *testing.T) {
		s := open(t)
		want := mustSave(t, s, practitioner("10000000001", "Testeur-Lœvé", "Éloïse", "69"))
		got, err := s.FindPractitionerByRPPS(ctx, "10000000001")
		if err != nil {
			t.Fatal(err)
		}
		sameTime(t, "UpdatedAt", got.UpdatedAt, want.UpdatedAt)
		got.UpdatedAt = want.UpdatedAt
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("stored:\n got %+v\nwant %+v", got, want)
		}
	})

	t.Run("SaveReplaces", func(t *testing.T) {
		s := open(t)
		p := mustSave(t, s, practitioner("10000000001", "Testeur", "Alix", "69"))
		p.ExerciseName = "Nouveau"
		p.Activities = p.Activities[1:]
		p.Professions = append(p.Professions, erpps.Profession{Code: "40", CategoryCode: "C"})
		p.UpdatedAt = at(5)
		mustSave(t, s, p)
		got, err := s.FindPractitionerByRPPS(ctx, "10000000001")
		if err != nil {
			t.Fatal(err)
		}
		if got.ExerciseName != "Nouveau" || len(got.Activities) != 1 || got.Activities[0].ID != p.Activities[0].ID ||
			len(got.Professions) != 2 || got.Professions[1].Code != "40" {
			t.Fatalf("got %+v", got)
		}
		sameTime(t, "UpdatedAt", got.UpdatedAt, at(5))
	})

	t.Run("ErrNotFound", func(t *testing.T) {
		s := open(t)
		_, err := s.FindPractitionerByRPPS(ctx, "19999999999")
		wantCode(t, err, erpps.ENOTFOUND)
	})

	t.Run("ErrInvalid", func(t *testing.T) {
		s := open(t)
		wantCode(t, s.SavePractitioner(ctx, &erpps.Practitioner{}), erpps.EINVALID)
		p := practitioner("10000000001", "Testeur", "Alix", "69")
		p.Activities[1].ID = p.Activities[0].ID
		wantCode(t, s.SavePractitioner(ctx, p), erpps.EINVALID)
	})

	t.Run("ErrActivityOfAnother", func(t *testing.T) {
		s := open(t)
		mustSave(t, s, practitioner("10000000001", "Testeur", "Alix", "69"))
		other := practitioner("10000000002", "Autre", "Basile", "75")
		other.Activities[0].ID = "ACT-10000000001-1"
		wantCode(t, s.SavePractitioner(ctx, other), erpps.ECONFLICT)
		_, err := s.FindPractitionerByRPPS(ctx, "10000000002")
		wantCode(t, err, erpps.ENOTFOUND)
	})

	t.Run("ListSearch", func(t *testing.T) {
		s := open(t)
		mustSave(t, s, practitioner("10000000001", "Testeur-Lœvé", "Éloïse", "69"))
		mustSave(t, s, practitioner("10000000102", "Martin", "Claire", "75"))
		mustSave(t, s, practitioner("10000000104", "Dupont", "Jean", "92"))
		mustSave(t, s, practitioner("20000000003", "Abel", "Noé", "69"))
		for _, tc := range []struct {
			name   string
			filter erpps.PractitionerFilter
			want   []string
		}{
			{"All", erpps.PractitionerFilter{}, []string{"20000000003", "10000000104", "10000000102", "10000000001"}},
			{"Name", erpps.PractitionerFilter{Query: "martin"}, []string{"10000000102"}},
			{"AccentsAndLigatures", erpps.PractitionerFilter{Query: "LOEVE eloise"}, []string{"10000000001"}},
			{"FirstName", erpps.PractitionerFilter{Query: "noe"}, []string{"20000000003"}},
			{"RPPSPrefix", erpps.PractitionerFilter{Query: "1000000010"}, []string{"10000000104", "10000000102"}},
			{"RPPSPrefixWithSpaces", erpps.PractitionerFilter{Query: "2000 0000"}, []string{"20000000003"}},
			{"NoMatch", erpps.PractitionerFilter{Query: "zzz"}, []string{}},
			{"Limit", erpps.PractitionerFilter{Limit: 2}, []string{"20000000003", "10000000104"}},
			{"Offset", erpps.PractitionerFilter{Limit: 2, Offset: 2}, []string{"10000000102", "10000000001"}},
		} {
			t.Run(tc.name, func(t *testing.T) {
				list, err := s.ListPractitioners(ctx, tc.filter)
				if err != nil {
					t.Fatal(err)
				}
				got := []string{}
				for _, p := range list {
					got = append(got, p.RPPS)
				}
				if !reflect.DeepEqual(got, tc.want) {
					t.Fatalf("got %v, want %v", got, tc.want)
				}
			})
		}
	})

	t.Run("ListSummary", func(t *testing.T) {
		s := open(t)
		mustSave(t, s, practitioner("10000000001", "Testeur", "Alix", "69"))
		mustCreate(t, s, "10000000001", erpps.KindContact, "", `{}`) // untouched: not counted
		d := mustCreate(t, s, "10000000001", erpps.KindExerciseName, "", `{}`)
		if _, err := s.SaveDraft(ctx, d.ID, 1, []byte(`{"exerciseName":"X"}`), professional("10000000001")); err != nil {
			t.Fatal(err)
		}
		receive(t, s, received("R-open", "10000000001", erpps.StatusTransmitted, "69", at(1)))
		receive(t, s, received("R-done", "10000000001", erpps.StatusAccepted, "69", at(2)))
		list, err := s.ListPractitioners(ctx, erpps.PractitionerFilter{})
		if err != nil {
			t.Fatal(err)
		}
		want := []erpps.PractitionerSummary{{RPPS: "10000000001", Civility: "MME", ExerciseName: "Testeur", FirstName: "Alix",
			ProfessionCodes: []string{"10"}, Departments: []string{"13", "69"}, OpenRequests: 1, Drafts: 1}}
		if !reflect.DeepEqual(list, want) {
			t.Fatalf("got %+v\nwant %+v", list, want)
		}
	})
}

func testStructures(t *testing.T, open func(t *testing.T) erpps.ServerStore) {
	ctx := context.Background()
	s := open(t)
	p := mustSave(t, s, practitioner("10000000001", "Testeur", "Alix", "69"))

	got, err := s.FindStructureBySIRET(ctx, p.Activities[0].Structure.SIRET)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(*got, p.Activities[0].Structure) {
		t.Fatalf("by SIRET: got %+v, want %+v", got, p.Activities[0].Structure)
	}
	got, err = s.FindStructureByFINESS(ctx, p.Activities[1].Structure.FINESS)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(*got, p.Activities[1].Structure) {
		t.Fatalf("by FINESS: got %+v, want %+v", got, p.Activities[1].Structure)
	}
	_, err = s.FindStructureBySIRET(ctx, "99999999999999")
	wantCode(t, err, erpps.ENOTFOUND)
	_, err = s.FindStructureByFINESS(ctx, "")
	wantCode(t, err, erpps.ENOTFOUND)
}
