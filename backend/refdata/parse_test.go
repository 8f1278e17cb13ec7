package refdata

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
)

func readFixture(t *testing.T, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func TestParseTable(t *testing.T) {
	t.Run("Valid", func(t *testing.T) {
		table, err := parseTable(readFixture(t, "valid.tsv"))
		if err != nil {
			t.Fatal(err)
		}
		want := []Code{{"A", "Actif", false}, {"B", "Fermé", true}, {"C", "Obsolète", true}}
		if len(table.Codes) != len(want) {
			t.Fatalf("got %d codes, want %d", len(table.Codes), len(want))
		}
		for i, w := range want {
			if table.Codes[i] != w {
				t.Errorf("code %d = %+v, want %+v", i, table.Codes[i], w)
			}
		}
		if table.ID != "TRE_X99" || table.Source != "testdata" || table.Version != "0" {
			t.Errorf("provenance = %q %q %q", table.ID, table.Source, table.Version)
		}
	})
	bad := []struct {
		name, fixture, wantInError string
	}{
		{"ErrDuplicateCode", "dup_code.tsv", "already on line"},
		{"ErrBadDateFin", "bad_datefin.tsv", "dateFin"},
		{"ErrUnknownStatut", "bad_statut.tsv", "statut"},
		{"ErrNoSource", "no_source.tsv", "source"},
		{"ErrWrongFieldCount", "wrong_width.tsv", "fields"},
		{"ErrNoHeader", "no_header.tsv", "header"},
		{"ErrEmptyLabel", "empty_label.tsv", "empty"},
		{"ErrNoCodes", "no_codes.tsv", "no codes"},
		{"ErrNoLabelColumn", "no_label_column.tsv", "label"},
	}
	for _, tc := range bad {
		t.Run(tc.name, func(t *testing.T) {
			_, err := parseTable(readFixture(t, tc.fixture))
			if err == nil {
				t.Fatal("parseTable accepted a malformed file")
			}
			if !strings.Contains(err.Error(), tc.wantInError) {
				t.Errorf("error %q does not mention %q", err, tc.wantInError)
			}
		})
	}
}

// embeddedCopy returns the embedded data files as a MapFS the test can alter.
func embeddedCopy(t *testing.T) fstest.MapFS {
	t.Helper()
	entries, err := embedded.ReadDir("data")
	if err != nil {
		t.Fatal(err)
	}
	fsys := fstest.MapFS{}
	for _, e := range entries {
		data, err := embedded.ReadFile("data/" + e.Name())
		if err != nil {
			t.Fatal(err)
		}
		fsys["data/"+e.Name()] = &fstest.MapFile{Data: data}
	}
	return fsys
}

func TestLoadRejectsBadData(t *testing.T) {
	cases := []struct {
		name   string
		change func(fstest.MapFS)
	}{
		{"ErrMissingTable", func(f fstest.MapFS) { delete(f, "data/TRE_R23-ModeExercice.tsv") }},
		{"ErrTableTwice", func(f fstest.MapFS) { f["data/TRE_R23-Copy.tsv"] = f["data/TRE_R23-ModeExercice.tsv"] }},
		{"ErrMalformedTable", func(f fstest.MapFS) {
			f["data/TRE_R25-MotifFinActivite.tsv"] = &fstest.MapFile{Data: readFixture(t, "dup_code.tsv")}
		}},
		{"ErrMissingDepartments", func(f fstest.MapFS) { delete(f, "data/departements.tsv") }},
		{"ErrMissingRegions", func(f fstest.MapFS) { delete(f, "data/regions.tsv") }},
		{"ErrUnknownRegion", func(f fstest.MapFS) {
			f["data/departements.tsv"] = &fstest.MapFile{Data: readFixture(t, "departements_unknown_region.tsv")}
		}},
		{"ErrDuplicateDepartment", func(f fstest.MapFS) {
			f["data/departements.tsv"] = &fstest.MapFile{Data: readFixture(t, "departements_duplicate.tsv")}
		}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			fsys := embeddedCopy(t)
			if _, err := load(fsys, "data"); err != nil {
				t.Fatalf("the unaltered copy does not load: %v", err)
			}
			tc.change(fsys)
			_, err := load(fsys, "data")
			if err == nil {
				t.Fatal("load accepted bad data")
			}
			if !strings.HasPrefix(err.Error(), "refdata: ") {
				t.Errorf("error %q lacks the package prefix", err)
			}
		})
	}
}
