package refdata

import "erpps/backend/erpps"

// Departments returns every département in the INSEE order (01..19, 2A, 2B,
// 21..95, 971..976).
func (c *Catalog) Departments() []Department {
	return append([]Department(nil), c.departments...)
}

// Department finds a département by code ("2a" and "1" are accepted for "2A"
// and "01"), or returns ENOTFOUND.
func (c *Catalog) Department(code string) (Department, error) {
	i, ok := c.depByKey[departmentKey(code)]
	if !ok {
		return Department{}, erpps.NotFound("Le département %q est inconnu.", code)
	}
	return c.departments[i], nil
}

// Regions returns the 18 regions with their ARS, in the order of the data file
// (overseas regions first, then by INSEE code).
func (c *Catalog) Regions() []Region {
	return append([]Region(nil), c.regions...)
}

// Region finds a region by INSEE code, or returns ENOTFOUND.
func (c *Catalog) Region(code string) (Region, error) {
	i, ok := c.regionByKey[departmentKey(code)]
	if !ok {
		return Region{}, erpps.NotFound("La région %q est inconnue.", code)
	}
	return c.regions[i], nil
}
