package requests

import (
	"context"
	"encoding/json"
	"testing"

	"erpps/backend/erpps"
)

// A draft started offline reaches the server with the desktop's id and
// payload, in one step; the checks of Start and SaveDraft hold.
func TestCreateDraftKeepsTheDesktopsIDAndPayload(t *testing.T) {
	ctx := context.Background()
	s := mustService(t)
	const id = "0b6d8a8e-6a43-4c55-9d7c-2a1d3f3f8e01"
	raw, _ := json.Marshal(contactWith("hors.ligne@example.org"))
	v, err := s.CreateDraft(ctx, id, StartInput{RPPS: rpps, Kind: erpps.KindContact}, raw, me)
	if err != nil {
		t.Fatal(err)
	}
	got, err := s.Requests.FindRequestByID(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	// Created then saved on the desktop: revision 2, a draft in progress
	// (revision 1 would hide it as one opened and left untouched).
	if v.Request.ID != id || got.Status != erpps.StatusDraft || got.Revision != 2 || got.Untouched() || string(got.Payload) != string(raw) {
		t.Fatalf("created %+v, payload %s", got, got.Payload)
	}
	if len(got.History) != 1 || got.History[0].Actor != me {
		t.Fatalf("history %+v", got.History)
	}

	for _, tc := range []struct {
		name    string
		id      string
		in      StartInput
		payload string
		actor   erpps.Actor
		code    string
	}{
		{"same id again", id, StartInput{RPPS: rpps, Kind: erpps.KindExerciseName}, `{}`, me, erpps.ECONFLICT},
		{"a second draft of the kind", "0b6d8a8e-6a43-4c55-9d7c-2a1d3f3f8e02", StartInput{RPPS: rpps, Kind: erpps.KindContact}, `{}`, me, erpps.ECONFLICT},
		{"unreadable payload", "0b6d8a8e-6a43-4c55-9d7c-2a1d3f3f8e03", StartInput{RPPS: rpps, Kind: erpps.KindExerciseName}, `{"nope":1}`, me, erpps.EINVALID},
		{"another's record", "0b6d8a8e-6a43-4c55-9d7c-2a1d3f3f8e04", StartInput{RPPS: rpps, Kind: erpps.KindExerciseName}, `{}`,
			erpps.Actor{Role: erpps.RoleProfessional, ID: "10000000000", Name: "X"}, erpps.EFORBIDDEN},
		{"a cessation of an ended activity", "0b6d8a8e-6a43-4c55-9d7c-2a1d3f3f8e05", StartInput{RPPS: rpps, Kind: erpps.KindCeaseActivity, TargetID: "act-0"}, `{}`, me, erpps.ECONFLICT},
		{"no id", "", StartInput{RPPS: rpps, Kind: erpps.KindExerciseName}, `{}`, me, erpps.EINVALID},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := s.CreateDraft(ctx, tc.id, tc.in, json.RawMessage(tc.payload), tc.actor)
			if erpps.ErrorCode(err) != tc.code {
				t.Fatalf("err %v, want %s", err, tc.code)
			}
		})
	}
	all, err := s.Requests.ListRequests(ctx, erpps.RequestFilter{RPPS: rpps})
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != 1 {
		t.Fatalf("%d requests after the refusals, want 1", len(all))
	}
	// A draft opened on the desktop and never changed arrives untouched.
	untouched, err := s.CreateDraft(ctx, "0b6d8a8e-6a43-4c55-9d7c-2a1d3f3f8e07", StartInput{RPPS: rpps, Kind: erpps.KindExerciseName}, nil, me)
	if err != nil {
		t.Fatal(err)
	}
	if got, err := s.Requests.FindRequestByID(ctx, untouched.Request.ID); err != nil || got.Revision != 1 || !got.Untouched() {
		t.Fatalf("a draft never changed: %+v, %v", got, err)
	}
	// Without a mandate, a secretary creates nothing on the server.
	s.Mandates = mandateTable{}
	if _, err := s.CreateDraft(ctx, "0b6d8a8e-6a43-4c55-9d7c-2a1d3f3f8e06", StartInput{RPPS: rpps, Kind: erpps.KindExerciseName}, nil, secretary); erpps.ErrorCode(err) != erpps.ENOTFOUND {
		t.Fatalf("a secretary without a mandate: %v", err)
	}
}
