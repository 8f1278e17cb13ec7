package storekit

import (
	"fmt"
	"io/fs"
	"sort"
	"strconv"
	"strings"
)

// Migration is one step of a store's schema, read from its embedded
// migrations/NNNN_name.sql; how it is applied and recorded is the store's
// (the dialects differ).
type Migration struct {
	Version int    // NNNN: the first is 1
	Name    string // the file's name, "0001_init.sql"
	SQL     string
}

// LoadMigrations reads migrations/*.sql of fsys in order and checks their
// numbering: NNNN_name.sql, from 0001 without gaps.
func LoadMigrations(fsys fs.FS) ([]Migration, error) {
	names, err := fs.Glob(fsys, "migrations/*.sql")
	if err != nil {
		return nil, fmt.Errorf("store: unable to list migrations: %w", err)
	}
	sort.Strings(names)
	out := make([]Migration, 0, len(names))
	for i, name := range names {
		base := strings.TrimPrefix(name, "migrations/")
		num, _, ok := strings.Cut(base, "_")
		version, err := strconv.Atoi(num)
		if !ok || err != nil || version != i+1 {
			return nil, fmt.Errorf("store: migration %s is out of sequence (want %04d_...)", base, i+1)
		}
		text, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, fmt.Errorf("store: unable to read migration %s: %w", base, err)
		}
		out = append(out, Migration{Version: version, Name: base, SQL: string(text)})
	}
	return out, nil
}
