package refdata

import (
	"fmt"
	"strings"
)

// Region is an INSEE region and the ARS (agence régionale de santé) that
// covers it: one ARS per region.
type Region struct {
	Code    string `json:"code"`    // INSEE region code, e.g. "11", "01"
	Name    string `json:"name"`    // e.g. "Île-de-France"
	ARS     string `json:"ars"`     // e.g. "ARS Île-de-France"
	ARSCode string `json:"arsCode"` // its TRE_R60 autorité d'enregistrement code, e.g. "ARS-11"
}

// Department is a French département with its region and ARS.
type Department struct {
	Code       string `json:"code"` // "01".."95", "2A", "2B", "971".."976"
	Name       string `json:"name"`
	RegionCode string `json:"regionCode"`
	RegionName string `json:"regionName"`
	ARS        string `json:"ars"`
	ARSCode    string `json:"arsCode"` // TRE_R60 code of the ARS
}

// parseRegions reads data/regions.tsv.
func parseRegions(data []byte) ([]Region, error) {
	f, err := parseTSV(data, "code", "name", "ars", "arsCode")
	if err != nil {
		return nil, err
	}
	regions := make([]Region, 0, len(f.rows))
	seen := map[string]bool{}
	for _, r := range f.rows {
		reg := Region{Code: f.field(r, "code"), Name: f.field(r, "name"), ARS: f.field(r, "ars"), ARSCode: f.field(r, "arsCode")}
		if reg.Code == "" || reg.Name == "" || reg.ARS == "" || reg.ARSCode == "" {
			return nil, fmt.Errorf("line %d: empty field", r.line)
		}
		if seen[reg.Code] {
			return nil, fmt.Errorf("line %d: region %q twice", r.line, reg.Code)
		}
		seen[reg.Code] = true
		regions = append(regions, reg)
	}
	return regions, nil
}

// parseDepartments reads data/departements.tsv and joins each département to
// its region; a département of an unknown region is an error.
func parseDepartments(data []byte, regions map[string]Region) ([]Department, error) {
	f, err := parseTSV(data, "code", "name", "regionCode")
	if err != nil {
		return nil, err
	}
	deps := make([]Department, 0, len(f.rows))
	seen := map[string]bool{}
	for _, r := range f.rows {
		code, name, regionCode := f.field(r, "code"), f.field(r, "name"), f.field(r, "regionCode")
		if code == "" || name == "" {
			return nil, fmt.Errorf("line %d: empty field", r.line)
		}
		if seen[code] {
			return nil, fmt.Errorf("line %d: département %q twice", r.line, code)
		}
		seen[code] = true
		reg, ok := regions[regionCode]
		if !ok {
			return nil, fmt.Errorf("line %d: département %q has unknown region %q", r.line, code, regionCode)
		}
		deps = append(deps, Department{
			Code: code, Name: name, RegionCode: reg.Code, RegionName: reg.Name, ARS: reg.ARS, ARSCode: reg.ARSCode,
		})
	}
	return deps, nil
}

// departmentKey normalises what a user or a file may write: "2a" -> "2A",
// "1" -> "01".
func departmentKey(code string) string {
	code = strings.ToUpper(strings.TrimSpace(code))
	if len(code) == 1 && code[0] >= '0' && code[0] <= '9' {
		return "0" + code
	}
	return code
}
