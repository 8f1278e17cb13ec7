package refdata

import (
	"testing"

	"erpps/backend/erpps"
)

func TestDepartments(t *testing.T) {
	c := mustLoad(t)
	deps := c.Departments()
	if len(deps) != 101 {
		t.Errorf("%d départements, want 101", len(deps))
	}
	cases := []struct {
		name, code                string
		wantName, wantRegion, ars string
	}{
		{"CorseDuSud", "2A", "Corse-du-Sud", "Corse", "ARS Corse"},
		{"HauteCorse", "2B", "Haute-Corse", "Corse", "ARS Corse"},
		{"LowerCaseCorse", "2a", "Corse-du-Sud", "Corse", "ARS Corse"},
		{"Reunion", "974", "La Réunion", "La Réunion", "ARS La Réunion"},
		{"Mayotte", "976", "Mayotte", "Mayotte", "ARS Mayotte"},
		{"Guadeloupe", "971", "Guadeloupe", "Guadeloupe", "ARS Guadeloupe"},
		{"Paris", "75", "Paris", "Île-de-France", "ARS Île-de-France"},
		{"Ain", "01", "Ain", "Auvergne-Rhône-Alpes", "ARS Auvergne-Rhône-Alpes"},
		{"AinWithoutZero", "1", "Ain", "Auvergne-Rhône-Alpes", "ARS Auvergne-Rhône-Alpes"},
		{"Herault", "34", "Hérault", "Occitanie", "ARS Occitanie"},
		{"Belfort", "90", "Territoire de Belfort", "Bourgogne-Franche-Comté", "ARS Bourgogne-Franche-Comté"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			d, err := c.Department(tc.code)
			if err != nil {
				t.Fatal(err)
			}
			if d.Name != tc.wantName || d.RegionName != tc.wantRegion || d.ARS != tc.ars {
				t.Errorf("Department(%q) = %+v", tc.code, d)
			}
		})
	}
	for _, code := range []string{"20", "975", "977", "00", ""} {
		t.Run("ErrUnknownDepartment"+code, func(t *testing.T) {
			_, err := c.Department(code)
			if erpps.ErrorCode(err) != erpps.ENOTFOUND {
				t.Errorf("Department(%q) err = %v, want ENOTFOUND", code, err)
			}
		})
	}
}

func TestRegionsAndARS(t *testing.T) {
	c := mustLoad(t)
	regions := c.Regions()
	regionByCode := map[string]Region{}
	ars := map[string]bool{}
	for _, r := range regions {
		regionByCode[r.Code] = r
		ars[r.ARS] = true
		authority, err := c.Lookup(TableRegistrationAuthority, r.ARSCode)
		if err != nil || authority.Retired {
			t.Errorf("region %s: ARS code %q is not an active TRE_R60 code (%+v, %v)", r.Code, r.ARSCode, authority, err)
		}
	}
	if len(regions) != 18 || len(ars) != 18 {
		t.Errorf("%d regions and %d ARS, want 18 and 18", len(regions), len(ars))
	}
	covered := map[string]int{}
	for _, d := range c.Departments() {
		r, ok := regionByCode[d.RegionCode]
		if !ok {
			t.Errorf("département %s: region %q unknown", d.Code, d.RegionCode)
			continue
		}
		if d.RegionName != r.Name || d.ARS != r.ARS || d.ARSCode != r.ARSCode {
			t.Errorf("département %s disagrees with its region: %+v vs %+v", d.Code, d, r)
		}
		covered[r.Code]++
	}
	for _, r := range regions {
		if covered[r.Code] == 0 {
			t.Errorf("region %s (%s) covers no département", r.Code, r.Name)
		}
	}
	t.Run("OceanIndienSplit", func(t *testing.T) {
		reunion, _ := c.Department("974")
		mayotte, _ := c.Department("976")
		if reunion.ARS == mayotte.ARS {
			t.Errorf("La Réunion and Mayotte share %q; they have had separate ARS since 2020", reunion.ARS)
		}
	})
	t.Run("ErrUnknownRegion", func(t *testing.T) {
		if _, err := c.Region("99"); erpps.ErrorCode(err) != erpps.ENOTFOUND {
			t.Errorf("err = %v, want ENOTFOUND", err)
		}
	})
	t.Run("RegionByCode", func(t *testing.T) {
		r, err := c.Region("94")
		if err != nil || r.Name != "Corse" {
			t.Errorf("Region(94) = %+v, %v", r, err)
		}
	})
}
