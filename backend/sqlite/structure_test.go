package sqlite

import (
	"context"
	"testing"

	"erpps/backend/erpps"
)

func TestFindStructure(t *testing.T) {
	ctx := context.Background()
	db := MustOpenDB(t)
	p := loadPractitioner(t)
	if err := db.SavePractitioner(ctx, p); err != nil {
		t.Fatal(err)
	}
	for _, a := range p.Activities {
		s := a.Structure
		if s.SIRET != "" {
			got, err := db.FindStructureBySIRET(ctx, s.SIRET)
			if err != nil || got.CompanyName != s.CompanyName || got.Address.PostalCode != s.Address.PostalCode {
				t.Fatalf("by SIRET %s: %+v, %v", s.SIRET, got, err)
			}
		}
		if s.FINESS != "" {
			got, err := db.FindStructureByFINESS(ctx, s.FINESS)
			if err != nil || got.CompanyName != s.CompanyName {
				t.Fatalf("by FINESS %s: %+v, %v", s.FINESS, got, err)
			}
		}
	}
	for name, find := range map[string]func() error{
		"ErrUnknownSIRET":  func() error { _, err := db.FindStructureBySIRET(ctx, "73282932000074"); return err },
		"ErrUnknownFINESS": func() error { _, err := db.FindStructureByFINESS(ctx, "750712184"); return err },
		"ErrEmpty":         func() error { _, err := db.FindStructureBySIRET(ctx, ""); return err },
	} {
		t.Run(name, func(t *testing.T) {
			if err := find(); erpps.ErrorCode(err) != erpps.ENOTFOUND {
				t.Fatalf("got %v, want ENOTFOUND", err)
			}
		})
	}
}

func TestListRequestsWithoutHistory(t *testing.T) {
	ctx := context.Background()
	db := MustOpenDB(t)
	mustSavePractitioner(t, db, "99700771191", "MARTIN", "Claire")
	mustCreateDraft(t, db, "99700771191", `{"email":"a@b.fr"}`)
	with, err := db.ListRequests(ctx, erpps.RequestFilter{RPPS: "99700771191"})
	if err != nil || len(with) != 1 || len(with[0].History) == 0 {
		t.Fatalf("with history: %+v, %v", with, err)
	}
	without, err := db.ListRequests(ctx, erpps.RequestFilter{RPPS: "99700771191", WithoutHistory: true})
	if err != nil || len(without) != 1 || len(without[0].History) != 0 || without[0].ID != with[0].ID {
		t.Fatalf("without history: %+v, %v", without, err)
	}
}
