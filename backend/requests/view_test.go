package requests

import (
	"context"
	"encoding/json"
	"slices"
	"strings"
	"testing"
	"time"

	"erpps/backend/erpps"
	"erpps/backend/refdata"
)

func TestPermissionsFollowTheStateMachine(t *testing.T) {
	pro := erpps.Actor{Role: erpps.RoleProfessional}
	sec := erpps.Actor{Role: erpps.RoleSecretary}
	agent := erpps.Actor{Role: erpps.RoleARSAgent}
	tests := []struct {
		status erpps.RequestStatus
		actor  erpps.Actor
		want   Permissions
	}{
		{erpps.StatusDraft, pro, Permissions{CanEdit: true, CanTransmit: true, CanDelete: true}},
		{erpps.StatusDraft, sec, Permissions{CanEdit: true, CanTransmit: true, CanDelete: true}},
		{erpps.StatusDraft, agent, Permissions{}},
		{erpps.StatusTransmitted, pro, Permissions{CanWithdraw: true}},
		{erpps.StatusUnderReview, pro, Permissions{CanWithdraw: true}},
		{erpps.StatusUnderReview, agent, Permissions{}},
		{erpps.StatusComplementRequested, pro, Permissions{CanEdit: true, CanTransmit: true, CanWithdraw: true}},
		{erpps.StatusAccepted, pro, Permissions{}},
		{erpps.StatusRefused, pro, Permissions{}},
		{erpps.StatusWithdrawn, pro, Permissions{}},
		{erpps.StatusClosedNoAction, pro, Permissions{}},
	}
	for _, tt := range tests {
		t.Run(string(tt.status)+"_by_"+string(tt.actor.Role), func(t *testing.T) {
			if got := permissionsFor(tt.status, tt.actor); got != tt.want {
				t.Fatalf("got %+v, want %+v", got, tt.want)
			}
		})
	}
}

func TestSummaryCarriesLabelsAndOrderedSteps(t *testing.T) {
	at := time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC)
	pro := erpps.Actor{Role: erpps.RoleProfessional, ID: "10001234567", Name: "Professionnel (poste local)"}
	req := &erpps.Request{
		Kind: erpps.KindContact, Status: erpps.StatusWithdrawn, Revision: 3,
		History: []erpps.RequestEvent{
			{From: erpps.StatusTransmitted, To: erpps.StatusWithdrawn, At: at.Add(2 * time.Hour), Actor: pro},
			{From: "", To: erpps.StatusDraft, At: at, Actor: pro},
			{From: erpps.StatusDraft, To: erpps.StatusTransmitted, At: at.Add(time.Hour), Actor: erpps.Actor{Role: erpps.RoleSystem}},
		},
	}
	s := summaryFor(req, pro)
	if s.KindLabel != "Coordonnées de contact" || s.StatusLabel != "Retirée" || s.Live || s.Untouched {
		t.Fatalf("summary %+v", s)
	}
	var labels, who []string
	for _, st := range s.Steps {
		labels = append(labels, st.StatusLabel)
		who = append(who, st.ActorLabel)
	}
	if got, want := labels, []string{"En cours (non transmise)", "Transmise", "Retirée"}; !slices.Equal(got, want) {
		t.Fatalf("steps %v, want %v", got, want)
	}
	if got, want := who, []string{pro.Name, "eRPPS (automatique)", pro.Name}; !slices.Equal(got, want) {
		t.Fatalf("actors %v, want %v", got, want)
	}

	draft := &erpps.Request{Kind: erpps.KindNewActivity, Status: erpps.StatusDraft, Revision: 1}
	if d := summaryFor(draft, pro); !d.Untouched || !d.Live || d.Steps == nil {
		t.Fatalf("an untouched draft: %+v", d)
	}
	draft.Revision = 2
	if d := summaryFor(draft, pro); d.Untouched {
		t.Fatal("a saved draft is not untouched")
	}
}

func TestPractitionerViewSaysWhichActivitiesAreOpen(t *testing.T) {
	p := &erpps.Practitioner{RPPS: "10001234567", Activities: []erpps.Activity{
		{ID: "open"},
		{ID: "ends-today", EndDate: "2026-11-27"},
		{ID: "ended", EndDate: "2026-11-26"},
	}}
	v := PractitionerViewFor(p, "2026-11-27")
	if v.IDNPS != "810001234567" {
		t.Fatalf("idnps %s", v.IDNPS)
	}
	want := map[string]bool{"open": true, "ends-today": true, "ended": false}
	for _, a := range v.Activities {
		if a.Open != want[a.ID] {
			t.Errorf("%s open=%v", a.ID, a.Open)
		}
	}
}

// A record says whether it is a demo one (the test range of RPPS numbers),
// so the UI does not re-code the rule.
func TestPractitionerViewSaysWhetherDemo(t *testing.T) {
	for rpps, want := range map[string]bool{"99900000016": true, "10001234567": false} {
		if got := PractitionerViewFor(&erpps.Practitioner{RPPS: rpps}, "2026-11-27").Demo; got != want {
			t.Errorf("%s: demo=%v, want %v", rpps, got, want)
		}
	}
}

func TestViewsCarryWhatGoDecides(t *testing.T) {
	ctx := context.Background()
	s := mustService(t)
	v := start(t, s, erpps.KindNewActivity, "")
	if v.KindLabel != "Nouvelle activité" || !v.Untouched || !v.Permissions.CanEdit || !v.Permissions.CanDelete || v.Permissions.CanWithdraw {
		t.Fatalf("a new draft's view: %+v", v.Summary)
	}
	got := save(t, s, v.Request.ID, lyonActivity(t))
	if got.Validation.Department != "69" {
		t.Fatalf("validation's département %q, want 69 (the new place's postal code)", got.Validation.Department)
	}
	if got.Untouched {
		t.Fatal("a saved draft is still untouched")
	}
	items, err := s.ListItems(ctx, erpps.RequestFilter{RPPS: rpps}, me)
	if err != nil {
		t.Fatal(err)
	}
	if len(items) != 1 || items[0].ID != v.Request.ID || items[0].StatusLabel != "En cours (non transmise)" || !items[0].Permissions.CanEdit || !items[0].Live {
		t.Fatalf("items %+v", items)
	}
	raw, err := json.Marshal(items[0])
	if err != nil {
		t.Fatal(err)
	}
	var wire map[string]any
	if err := json.Unmarshal(raw, &wire); err != nil {
		t.Fatal(err)
	}
	for _, key := range []string{"id", "status", "history", "kindLabel", "statusLabel", "untouched", "live", "permissions", "steps"} {
		if _, ok := wire[key]; !ok {
			t.Errorf("a list item has no %q on the wire: %s", key, raw)
		}
	}
}

// Withdrawing one request of a moved cabinet withdraws the other: the view
// says so before the user confirms, and only for such a pair.
func TestWithdrawNoticeOfAPair(t *testing.T) {
	me := erpps.Actor{Role: erpps.RoleProfessional, ID: "10001234567"}
	for _, tc := range []struct {
		name string
		req  erpps.Request
		want string
	}{
		{"LinkedCessation", erpps.Request{Kind: erpps.KindCeaseActivity, Status: erpps.StatusTransmitted, LinkedRequestID: "na-1", Payload: json.RawMessage(`{}`)}, "retirées ensemble"},
		{"MovedCabinet", erpps.Request{Kind: erpps.KindNewActivity, Status: erpps.StatusTransmitted, Payload: json.RawMessage(`{"replacesActivityId":"act-1"}`)}, "retirées ensemble"},
		{"PlainCessation", erpps.Request{Kind: erpps.KindCeaseActivity, Status: erpps.StatusTransmitted, Payload: json.RawMessage(`{}`)}, ""},
		{"AdditionalActivity", erpps.Request{Kind: erpps.KindNewActivity, Status: erpps.StatusTransmitted, Payload: json.RawMessage(`{"startDate":"2026-12-01"}`)}, ""},
		{"PairNotWithdrawable", erpps.Request{Kind: erpps.KindCeaseActivity, Status: erpps.StatusWithdrawn, LinkedRequestID: "na-1", Payload: json.RawMessage(`{}`)}, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			req := tc.req
			got := summaryFor(&req, me).WithdrawNotice
			if (tc.want == "") != (got == "") || !strings.Contains(got, tc.want) {
				t.Fatalf("notice %q, want one containing %q", got, tc.want)
			}
		})
	}
}

// The day a moved cabinet's old place ends is said by Go (the day before the
// new start), so the UI does not compute dates itself.
func TestMoveEndDate(t *testing.T) {
	for _, tc := range []struct {
		name string
		req  erpps.Request
		want string
	}{
		{"LeapYear", erpps.Request{Kind: erpps.KindNewActivity, Payload: json.RawMessage(`{"startDate":"2024-03-01"}`)}, "2024-02-29"},
		{"NewYear", erpps.Request{Kind: erpps.KindNewActivity, Payload: json.RawMessage(`{"startDate":"2026-01-01"}`)}, "2025-12-31"},
		{"NotADate", erpps.Request{Kind: erpps.KindNewActivity, Payload: json.RawMessage(`{"startDate":"01/03/2026"}`)}, ""},
		{"NoStart", erpps.Request{Kind: erpps.KindNewActivity, Payload: json.RawMessage(`{}`)}, ""},
		{"OtherKind", erpps.Request{Kind: erpps.KindCeaseActivity, Payload: json.RawMessage(`{"startDate":"2026-01-01"}`)}, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			req := tc.req
			if got := moveEndDateOf(&req); got != tc.want {
				t.Fatalf("move end %q, want %q", got, tc.want)
			}
		})
	}
}

// « Déclarer une nouvelle profession » offers, from Go, the active
// professions the ARS registers that the practitioner does not hold.
func TestAddableProfessions(t *testing.T) {
	cat, err := refdata.Load()
	if err != nil {
		t.Fatal(err)
	}
	p := &erpps.Practitioner{RPPS: "10001234567", Professions: []erpps.Profession{{Code: "28"}}} // opticien-lunetier
	got := map[string]bool{}
	for _, c := range AddableProfessions(cat, p) {
		if c.Retired {
			t.Errorf("retired profession %s offered", c.Code)
		}
		got[c.Code] = true
	}
	for code, want := range map[string]bool{
		"26": true,  // audioprothésiste: registered by the ARS
		"28": false, // held already
		"10": false, // médecin: the Ordre registers it
		"60": false, // infirmier: the Ordre registers it
	} {
		if got[code] != want {
			t.Errorf("profession %s offered = %v, want %v", code, got[code], want)
		}
	}
}
