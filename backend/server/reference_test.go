package server

import (
	"net/http"
	"testing"
)

// The back office shows a record's codes with their labels and filters the
// queue on the départements of the agent's region: GET /api/v1/reference
// gives both, to anyone (public data), as the document describes it.
func TestReference(t *testing.T) {
	e := newEnv(t)
	r := e.do(call{method: "GET", path: "/api/v1/reference"})
	if r.status != http.StatusOK {
		t.Fatalf("reference: %d %s", r.status, r.body)
	}
	var got referenceReply
	r.json(t, &got)
	if len(got.Departments) != len(e.cat.Departments()) || len(got.Professions) == 0 {
		t.Fatalf("reference: %d départements (want %d), %d professions", len(got.Departments), len(e.cat.Departments()), len(got.Professions))
	}
	normandie := 0
	for _, d := range got.Departments {
		if d.RegionCode == "28" {
			normandie++
			if d.ARS != "ARS Normandie" {
				t.Errorf("département %s: ARS %q", d.Code, d.ARS)
			}
		}
	}
	if normandie != 5 {
		t.Errorf("Normandie has %d départements, want 5", normandie)
	}
	for _, id := range []string{"TRE_R23", "TRE_R25", "TRE_R81"} {
		if tb := got.Tables[id]; tb == nil || len(tb.Codes) == 0 {
			t.Errorf("table %s missing or empty", id)
		}
	}
}
