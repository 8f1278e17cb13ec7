package server

import (
	"net/http"
	"strings"
	"testing"

	"erpps/backend/erpps"
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

// TestReferenceLabels: GET /api/v1/reference gives the back office a label,
// from Go, for every status, kind, role and decision the document lists: the
// front end copies none of them.
func TestReferenceLabels(t *testing.T) {
	e := newEnv(t)
	r := e.do(call{method: "GET", path: "/api/v1/reference"})
	if r.status != http.StatusOK {
		t.Fatalf("reference: %d %s", r.status, r.body)
	}
	var got struct {
		Labels map[string]map[string]string `json:"labels"`
	}
	r.json(t, &got)
	schemas := loadDoc(t).raw["components"].(map[string]any)["schemas"].(map[string]any)
	for group, enum := range map[string]string{"statuses": "RequestStatus", "kinds": "RequestKind", "roles": "Role", "actions": "DecisionAction", "actionsDone": "DecisionAction"} {
		codes := schemas[enum].(map[string]any)["enum"].([]any)
		if len(got.Labels[group]) != len(codes) {
			t.Errorf("labels.%s has %d labels, the document lists %d %s", group, len(got.Labels[group]), len(codes), enum)
		}
		for _, c := range codes {
			if l := got.Labels[group][c.(string)]; l == "" || l == c {
				t.Errorf("labels.%s[%s] = %q", group, c, l)
			}
		}
	}
	want := map[string]string{
		"statuses/transmitted":  erpps.StatusTransmitted.ServerLabel(),
		"statuses/under_review": erpps.StatusUnderReview.Label(),
		"kinds/contact":         erpps.KindContact.Label(),
		"roles/system":          erpps.RoleSystem.Label(),
		"actions/take":          erpps.DecisionTake.Label(),
		"actionsDone/take":      erpps.DecisionTake.DoneLabel(),
		"actions/complement":    erpps.DecisionComplement.Label(),
	}
	for k, w := range want {
		group, code, _ := strings.Cut(k, "/")
		if g := got.Labels[group][code]; g != w {
			t.Errorf("labels.%s[%s] = %q, want %q", group, code, g, w)
		}
	}
}
