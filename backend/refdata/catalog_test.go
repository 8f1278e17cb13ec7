package refdata

import (
	"testing"

	"erpps/backend/erpps"
)

func mustLoad(t testing.TB) *Catalog {
	t.Helper()
	c, err := Load()
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	return c
}

func TestEveryTableLoads(t *testing.T) {
	c := mustLoad(t)
	for _, id := range RequiredTables() {
		t.Run(id, func(t *testing.T) {
			table, err := c.Table(id)
			if err != nil {
				t.Fatal(err)
			}
			if table.ID != id || table.Name == "" || table.Source == "" || table.Version == "" {
				t.Errorf("table %+v lacks its identity or provenance", table)
			}
			if len(table.Codes) == 0 {
				t.Fatal("no codes")
			}
			if len(c.Offered(id)) == 0 {
				t.Error("nothing to offer")
			}
			seen := map[string]bool{}
			for _, code := range table.Codes {
				if seen[codeKey(code.Code)] {
					t.Errorf("code %q twice", code.Code)
				}
				seen[codeKey(code.Code)] = true
				if code.Label == "" {
					t.Errorf("code %q has no label", code.Code)
				}
			}
		})
	}
	if got, want := len(c.Tables()), len(RequiredTables()); got != want {
		t.Errorf("Tables() has %d tables, want %d", got, want)
	}
}

func TestRetiredCodesAreFoundButNeverOffered(t *testing.T) {
	c := mustLoad(t)
	retired := 0
	for _, table := range c.Tables() {
		offered := map[string]bool{}
		for _, code := range c.Offered(table.ID) {
			if code.Retired {
				t.Errorf("%s offers retired code %q", table.ID, code.Code)
			}
			offered[code.Code] = true
		}
		for _, code := range table.Codes {
			if code.Retired == offered[code.Code] {
				t.Errorf("%s %q: retired=%v, offered=%v", table.ID, code.Code, code.Retired, offered[code.Code])
			}
			if !code.Retired {
				continue
			}
			retired++
			found, err := c.Lookup(table.ID, code.Code)
			if err != nil || !found.Retired || found.Label != code.Label {
				t.Errorf("Lookup(%s, %q) = %+v, %v", table.ID, code.Code, found, err)
			}
		}
	}
	if retired == 0 {
		t.Error("no retired code at all: the retirement columns were not read")
	}
}

func TestLookup(t *testing.T) {
	c := mustLoad(t)
	cases := []struct {
		name, table, code string
		wantLabel         string
		wantRetired       bool
		wantErr           string
	}{
		{"RetiredProfession", TableProfession, "35", "Aide-soignant", true, ""},
		{"ActiveProfession", TableProfession, "10", "Médecin", false, ""},
		{"SectorCabinet", TableSector, "SA07", "Cabinet individuel", false, ""},
		{"SectorRetired", TableSector, "SA11", "Entreprise d'intérim", true, ""},
		{"SpecialtyGeneralMedicine", TableSpecialty, "SM54", "Médecine générale (SM)", false, ""},
		{"FunctionTitulaire", TableFunction, "FON-01", "Titulaire de cabinet", false, ""},
		{"GenreSoin", TableGenre, "GENR01", "Activité de soin et de pharmacie", false, ""},
		{"CivilityLowerCase", TableCivility, "mme", "Madame", false, ""},
		{"FHIRSpellingOfTable", "TRE-R23", "L", "Libéral, indépendant, artisan, commerçant", false, ""},
		{"ErrUnknownCode", TableMode, "Z", "", false, erpps.ENOTFOUND},
		{"ErrUnknownTable", "TRE_R999", "L", "", false, erpps.ENOTFOUND},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got, err := c.Lookup(tc.table, tc.code)
			if tc.wantErr != "" {
				if code := erpps.ErrorCode(err); code != tc.wantErr {
					t.Fatalf("error code %q (%v), want %q", code, err, tc.wantErr)
				}
				if erpps.ErrorMessage(err) == "" {
					t.Error("no French message")
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got.Label != tc.wantLabel || got.Retired != tc.wantRetired {
				t.Errorf("got %+v, want label %q retired %v", got, tc.wantLabel, tc.wantRetired)
			}
		})
	}
}

func TestLabel(t *testing.T) {
	c := mustLoad(t)
	cases := []struct{ name, table, code, want string }{
		{"Known", TableEndReason, "RL", "Retraite libérale"},
		{"UnknownCodeFallsBackToCode", TableEndReason, "XYZ", "XYZ"},
		{"UnknownTableFallsBackToCode", "TRE_R999", "RL", "RL"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got := c.Label(tc.table, tc.code); got != tc.want {
				t.Errorf("Label = %q, want %q", got, tc.want)
			}
		})
	}
}

func TestTableErrors(t *testing.T) {
	c := mustLoad(t)
	t.Run("ErrUnknownTable", func(t *testing.T) {
		_, err := c.Table("TRE_Z00")
		if erpps.ErrorCode(err) != erpps.ENOTFOUND {
			t.Fatalf("err = %v, want ENOTFOUND", err)
		}
	})
	t.Run("OfferedOfUnknownTableIsEmpty", func(t *testing.T) {
		if got := c.Offered("TRE_Z00"); len(got) != 0 {
			t.Errorf("Offered = %v", got)
		}
	})
}

func TestCallersCannotAlterTheCatalog(t *testing.T) {
	c := mustLoad(t)
	table, err := c.Table(TableMode)
	if err != nil {
		t.Fatal(err)
	}
	table.Codes[0].Label = "altered"
	c.Tables()[0].Codes[0].Label = "altered"
	c.Offered(TableMode)[0].Label = "altered"
	c.Departments()[0].Name = "altered"
	c.Regions()[0].Name = "altered"
	again, _ := c.Table(TableMode)
	first := c.Tables()[0]
	if again.Codes[0].Label == "altered" || first.Codes[0].Label == "altered" ||
		c.Departments()[0].Name == "altered" || c.Regions()[0].Name == "altered" {
		t.Error("a returned value shares memory with the catalog")
	}
}

func BenchmarkLoad(b *testing.B) {
	for b.Loop() {
		if _, err := Load(); err != nil {
			b.Fatal(err)
		}
	}
}
