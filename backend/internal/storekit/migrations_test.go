package storekit

import (
	"strings"
	"testing"
	"testing/fstest"
)

func TestLoadMigrations(t *testing.T) {
	file := func(sql string) *fstest.MapFile { return &fstest.MapFile{Data: []byte(sql)} }
	t.Run("InOrder", func(t *testing.T) {
		got, err := LoadMigrations(fstest.MapFS{
			"migrations/0002_more.sql": file("B"),
			"migrations/0001_init.sql": file("A"),
			"migrations/README":        file("not a migration"),
		})
		if err != nil {
			t.Fatal(err)
		}
		want := []Migration{{1, "0001_init.sql", "A"}, {2, "0002_more.sql", "B"}}
		if len(got) != len(want) || got[0] != want[0] || got[1] != want[1] {
			t.Fatalf("got %+v, want %+v", got, want)
		}
	})
	for name, fsys := range map[string]fstest.MapFS{
		"Gap":         {"migrations/0001_a.sql": file(""), "migrations/0003_c.sql": file("")},
		"NotFromOne":  {"migrations/0002_b.sql": file("")},
		"NoNumber":    {"migrations/init.sql": file("")},
		"NoSeparator": {"migrations/0001.sql": file("")},
	} {
		t.Run(name, func(t *testing.T) {
			if _, err := LoadMigrations(fsys); err == nil || !strings.Contains(err.Error(), "out of sequence") {
				t.Fatalf("err = %v, want out of sequence", err)
			}
		})
	}
}
