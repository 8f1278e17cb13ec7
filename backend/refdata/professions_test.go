package refdata

import (
	"slices"
	"strings"
	"testing"
)

func TestProfessions(t *testing.T) {
	c := mustLoad(t)
	got := c.Professions()
	byCode := map[string]Code{}
	for _, p := range got {
		if _, dup := byCode[p.Code]; dup {
			t.Errorf("profession %q offered twice", p.Code)
		}
		byCode[p.Code] = p
		if p.Retired {
			t.Errorf("retired profession %q offered", p.Code)
		}
	}
	present := []struct{ name, code, label string }{
		{"Osteopathe", "71", "Ostéopathe"},
		{"PsychologueFromR95", "93", "Psychologue"},
		{"Medecin", "10", "Médecin"},
		{"ConseillerGenetique", "97", "Conseiller en génétique"},
	}
	for _, tc := range present {
		t.Run(tc.name, func(t *testing.T) {
			p, ok := byCode[tc.code]
			if !ok || p.Label != tc.label {
				t.Errorf("profession %q = %+v, %v; want %q", tc.code, p, ok, tc.label)
			}
		})
	}
	for _, code := range []string{"35", "39", "171", "193"} {
		t.Run("NotOffered"+code, func(t *testing.T) {
			if _, ok := byCode[code]; ok {
				t.Errorf("retired profession %q offered", code)
			}
		})
	}
	t.Run("SortedByLabel", func(t *testing.T) {
		if !slices.IsSortedFunc(got, func(a, b Code) int { return strings.Compare(sortKey(a.Label), sortKey(b.Label)) }) {
			t.Error("not sorted by label")
		}
	})
	t.Run("CountIsActiveG15PlusActiveR95", func(t *testing.T) {
		want := map[string]bool{}
		for _, id := range []string{TableProfession, TableUsagerTitre} {
			for _, code := range c.Offered(id) {
				want[code.Code] = true
			}
		}
		if len(got) != len(want) {
			t.Errorf("%d professions, want %d", len(got), len(want))
		}
	})
}

func TestProfessionLabel(t *testing.T) {
	c := mustLoad(t)
	cases := []struct{ name, code, want string }{
		{"G15", "60", "Infirmier"},
		{"R95", "72", "Psychothérapeute"},
		{"RetiredG15StillNamed", "36", "Ambulancier"},
		{"RetiredR95StillNamed", "173", "Chiropracteur"},
		{"UnknownFallsBackToCode", "00", "00"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got := c.ProfessionLabel(tc.code); got != tc.want {
				t.Errorf("ProfessionLabel(%q) = %q, want %q", tc.code, got, tc.want)
			}
		})
	}
}

func TestSortKey(t *testing.T) {
	cases := []struct{ in, want string }{
		{"Épithésiste", "epithesiste"},
		{"Orthopédiste-Orthésiste", "orthopediste-orthesiste"},
		{"Île-de-France", "ile-de-france"},
	}
	for _, tc := range cases {
		if got := sortKey(tc.in); got != tc.want {
			t.Errorf("sortKey(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
