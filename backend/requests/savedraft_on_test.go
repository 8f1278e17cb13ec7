package requests

import (
	"context"
	"encoding/json"
	"testing"

	"erpps/backend/erpps"
)

// SaveDraftOn saves over the request as read, with SaveDraft's checks: a
// stale read, another's record and an unreadable payload are refused and
// write nothing.
func TestSaveDraftOnKeepsSaveDraftsChecks(t *testing.T) {
	ctx := context.Background()
	s := mustService(t)
	v := start(t, s, erpps.KindContact, "")
	cur, err := s.Requests.FindRequestByID(ctx, v.Request.ID)
	if err != nil {
		t.Fatal(err)
	}
	raw, _ := json.Marshal(contactWith("sur.place@example.org"))
	if err := s.SaveDraftOn(ctx, cur, raw, me); err != nil {
		t.Fatal(err)
	}
	saved, err := s.Requests.FindRequestByID(ctx, cur.ID)
	if err != nil {
		t.Fatal(err)
	}
	if saved.Revision != cur.Revision+1 || string(saved.Payload) != string(raw) {
		t.Fatalf("saved %+v, payload %s", saved, saved.Payload)
	}
	for _, tc := range []struct {
		name    string
		cur     *erpps.Request
		payload string
		actor   erpps.Actor
		code    string
	}{
		{"stale read", cur, `{}`, me, erpps.ECONFLICT},
		{"unreadable payload", saved, `{"nope":1}`, me, erpps.EINVALID},
		{"another's record", saved, `{}`, erpps.Actor{Role: erpps.RoleProfessional, ID: "10000000000", Name: "X"}, erpps.EFORBIDDEN},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := s.SaveDraftOn(ctx, tc.cur, json.RawMessage(tc.payload), tc.actor)
			if erpps.ErrorCode(err) != tc.code {
				t.Fatalf("err %v, want %s", err, tc.code)
			}
		})
	}
	after, err := s.Requests.FindRequestByID(ctx, cur.ID)
	if err != nil {
		t.Fatal(err)
	}
	if after.Revision != saved.Revision || string(after.Payload) != string(raw) {
		t.Fatalf("a refused save wrote: %+v", after)
	}
}
