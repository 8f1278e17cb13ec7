package refdata

import (
	"embed"
	"fmt"
	"io/fs"
	"path"
	"slices"

	"erpps/backend/erpps"
)

//go:embed data/*.tsv
var embedded embed.FS

// Catalog holds every reference table and the départements. It is read-only
// once loaded; its methods return copies.
type Catalog struct {
	tables      map[string]*Table // by table ID
	order       []string          // table IDs, sorted
	index       map[string]map[string]int
	regions     []Region
	regionByKey map[string]int
	departments []Department
	depByKey    map[string]int
	professions []Code // Professions, sorted once at load
}

// Load parses the embedded data files.
func Load() (*Catalog, error) {
	return load(embedded, "data")
}

// load parses the data files of dir in fsys: TRE_*.tsv tables, regions.tsv and
// departements.tsv.
func load(fsys fs.FS, dir string) (*Catalog, error) {
	c := &Catalog{tables: map[string]*Table{}, index: map[string]map[string]int{}}
	names, err := fs.Glob(fsys, path.Join(dir, "TRE_*.tsv"))
	if err != nil {
		return nil, fmt.Errorf("refdata: unable to list the tables: %w", err)
	}
	for _, name := range names {
		if err := c.addTable(fsys, name); err != nil {
			return nil, err
		}
	}
	for _, id := range RequiredTables() {
		if _, ok := c.tables[id]; !ok {
			return nil, fmt.Errorf("refdata: table %s is missing", id)
		}
	}
	if err := c.addGeography(fsys, dir); err != nil {
		return nil, err
	}
	c.professions = c.sortedProfessions()
	return c, nil
}

func (c *Catalog) addTable(fsys fs.FS, name string) error {
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		return fmt.Errorf("refdata: unable to read %s: %w", name, err)
	}
	t, err := parseTable(data)
	if err != nil {
		return fmt.Errorf("refdata: unable to parse %s: %w", name, err)
	}
	key := tableKey(t.ID)
	if _, dup := c.tables[key]; dup {
		return fmt.Errorf("refdata: table %s defined twice (%s)", t.ID, name)
	}
	t.ID = key
	idx := make(map[string]int, len(t.Codes))
	for i, code := range t.Codes {
		idx[codeKey(code.Code)] = i
	}
	c.tables[key], c.index[key] = t, idx
	c.order = append(c.order, key)
	slices.Sort(c.order)
	return nil
}

func (c *Catalog) addGeography(fsys fs.FS, dir string) error {
	data, err := fs.ReadFile(fsys, path.Join(dir, "regions.tsv"))
	if err != nil {
		return fmt.Errorf("refdata: unable to read regions.tsv: %w", err)
	}
	if c.regions, err = parseRegions(data); err != nil {
		return fmt.Errorf("refdata: unable to parse regions.tsv: %w", err)
	}
	byCode := make(map[string]Region, len(c.regions))
	c.regionByKey = make(map[string]int, len(c.regions))
	for i, r := range c.regions {
		byCode[r.Code], c.regionByKey[r.Code] = r, i
	}
	if data, err = fs.ReadFile(fsys, path.Join(dir, "departements.tsv")); err != nil {
		return fmt.Errorf("refdata: unable to read departements.tsv: %w", err)
	}
	if c.departments, err = parseDepartments(data, byCode); err != nil {
		return fmt.Errorf("refdata: unable to parse departements.tsv: %w", err)
	}
	c.depByKey = make(map[string]int, len(c.departments))
	for i, d := range c.departments {
		c.depByKey[d.Code] = i
	}
	return nil
}

// Table returns a copy of a table, or ENOTFOUND.
func (c *Catalog) Table(id string) (*Table, error) {
	t, ok := c.tables[tableKey(id)]
	if !ok {
		return nil, erpps.NotFound("La table de référence %q est inconnue.", id)
	}
	return t.clone(), nil
}

// Tables returns a copy of every table, sorted by ID.
func (c *Catalog) Tables() []*Table {
	out := make([]*Table, 0, len(c.order))
	for _, id := range c.order {
		out = append(out, c.tables[id].clone())
	}
	return out
}

// Lookup finds a code, retired or not, or returns ENOTFOUND. Codes compare
// case-insensitively, as in the NOS.
func (c *Catalog) Lookup(tableID, code string) (Code, error) {
	key := tableKey(tableID)
	t, ok := c.tables[key]
	if !ok {
		return Code{}, erpps.NotFound("La table de référence %q est inconnue.", tableID)
	}
	i, ok := c.index[key][codeKey(code)]
	if !ok {
		return Code{}, erpps.NotFound("Le code %q n'existe pas dans la table %s (%s).", code, t.ID, t.Name)
	}
	return t.Codes[i], nil
}

// Label returns the code's label, or the code itself when it is unknown, so
// a screen always has something to show.
func (c *Catalog) Label(tableID, code string) string {
	found, err := c.Lookup(tableID, code)
	if err != nil {
		return code
	}
	return found.Label
}

// Offered returns the codes a form may offer: the table's non-retired codes,
// in the table's order. An unknown table offers nothing.
func (c *Catalog) Offered(tableID string) []Code {
	t, ok := c.tables[tableKey(tableID)]
	if !ok {
		return nil
	}
	out := make([]Code, 0, len(t.Codes))
	for _, code := range t.Codes {
		if !code.Retired {
			out = append(out, code)
		}
	}
	return out
}
