package storetest

import (
	"context"
	"encoding/json"
	"reflect"
	"testing"

	"erpps/backend/erpps"
)

func testRequests(t *testing.T, open func(t *testing.T) erpps.ServerStore) {
	ctx := context.Background()
	const rpps = "10000000001"
	me := professional(rpps)

	t.Run("Create", func(t *testing.T) {
		s := open(t)
		mustSave(t, s, practitioner(rpps, "Testeur", "Alix", "69"))
		r := &erpps.Request{RPPS: rpps, Kind: erpps.KindCeaseActivity, TargetID: "ACT-" + rpps + "-1",
			Department: "69", Payload: json.RawMessage(`{"activityId":"ACT-10000000001-1"}`)}
		if err := s.CreateRequest(ctx, r, me); err != nil {
			t.Fatal(err)
		}
		if r.ID == "" || r.Status != erpps.StatusDraft || r.Revision != 1 || r.TransmittedAt != nil || r.UpdatedBy != me {
			t.Fatalf("created %+v", r)
		}
		if got := steps(r.History); !reflect.DeepEqual(got, []string{">draft by professional"}) || r.History[0].Principal != rpps {
			t.Fatalf("history %+v", r.History)
		}
		got := mustFind(t, s, r.ID)
		if !reflect.DeepEqual(normTimes(got), normTimes(r)) {
			t.Fatalf("stored:\n got %+v\nwant %+v", got, r)
		}
	})

	t.Run("CreateGivenIDEmptyPayload", func(t *testing.T) {
		s := open(t)
		mustSave(t, s, practitioner(rpps, "Testeur", "Alix", "69"))
		r := &erpps.Request{ID: "REQ-given", RPPS: rpps, Kind: erpps.KindContact}
		if err := s.CreateRequest(ctx, r, me); err != nil {
			t.Fatal(err)
		}
		if got := mustFind(t, s, "REQ-given"); string(got.Payload) != "{}" {
			t.Fatalf("payload = %s", got.Payload)
		}
		dup := &erpps.Request{ID: "REQ-given", RPPS: rpps, Kind: erpps.KindExerciseName}
		wantCode(t, s.CreateRequest(ctx, dup, me), erpps.ECONFLICT)
	})

	t.Run("CreateErrors", func(t *testing.T) {
		s := open(t)
		mustSave(t, s, practitioner(rpps, "Testeur", "Alix", "69"))
		for _, tc := range []struct {
			name string
			req  *erpps.Request
			code string
		}{
			{"Nil", nil, erpps.EINVALID},
			{"NoRPPS", &erpps.Request{Kind: erpps.KindContact}, erpps.EINVALID},
			{"UnknownKind", &erpps.Request{RPPS: rpps, Kind: "teleport"}, erpps.EINVALID},
			{"NotADraft", &erpps.Request{RPPS: rpps, Kind: erpps.KindContact, Status: erpps.StatusAccepted}, erpps.EINVALID},
			{"PayloadNotJSON", &erpps.Request{RPPS: rpps, Kind: erpps.KindContact, Payload: json.RawMessage(`{"a":`)}, erpps.EINVALID},
			{"UnknownPractitioner", &erpps.Request{RPPS: "19999999999", Kind: erpps.KindContact}, erpps.ENOTFOUND},
		} {
			t.Run(tc.name, func(t *testing.T) {
				wantCode(t, s.CreateRequest(ctx, tc.req, me), tc.code)
			})
		}
		list, err := s.ListRequests(ctx, erpps.RequestFilter{})
		if err != nil {
			t.Fatal(err)
		}
		if len(list) != 0 {
			t.Fatalf("failed creations stored %d requests", len(list))
		}
	})

	t.Run("OneDraftPerObject", func(t *testing.T) {
		s := open(t)
		mustSave(t, s, practitioner(rpps, "Testeur", "Alix", "69"))
		first := mustCreate(t, s, rpps, erpps.KindCeaseActivity, "ACT-"+rpps+"-1", `{}`)
		again := &erpps.Request{RPPS: rpps, Kind: erpps.KindCeaseActivity, TargetID: "ACT-" + rpps + "-1", Payload: json.RawMessage(`{}`)}
		wantCode(t, s.CreateRequest(ctx, again, me), erpps.ECONFLICT)
		mustCreate(t, s, rpps, erpps.KindCeaseActivity, "ACT-"+rpps+"-2", `{}`) // another object
		mustCreate(t, s, rpps, erpps.KindContact, "", `{}`)                     // another kind
		// Once the first is transmitted, a new draft on the same object may start.
		transmit(t, s, first, me, nil)
		mustCreate(t, s, rpps, erpps.KindCeaseActivity, "ACT-"+rpps+"-1", `{}`)
	})

	t.Run("SaveDraft", func(t *testing.T) {
		s := open(t)
		mustSave(t, s, practitioner(rpps, "Testeur", "Alix", "69"))
		r := mustCreate(t, s, rpps, erpps.KindContact, "", `{}`)
		saved, err := s.SaveDraft(ctx, r.ID, 1, json.RawMessage(`{"email":"a@example.invalid"}`), secretary)
		if err != nil {
			t.Fatal(err)
		}
		if saved.Revision != 2 || string(saved.Payload) != `{"email":"a@example.invalid"}` || saved.UpdatedBy != secretary {
			t.Fatalf("saved %+v", saved)
		}
		got := mustFind(t, s, r.ID)
		if got.Revision != 2 || string(got.Payload) != `{"email":"a@example.invalid"}` || len(got.History) != 1 {
			t.Fatalf("stored %+v", got)
		}
		sameTime(t, "UpdatedAt", got.UpdatedAt, saved.UpdatedAt)

		_, err = s.SaveDraft(ctx, r.ID, 1, json.RawMessage(`{"email":"stale@example.invalid"}`), me)
		wantCode(t, err, erpps.ECONFLICT)
		_, err = s.SaveDraft(ctx, "nope", 1, json.RawMessage(`{}`), me)
		wantCode(t, err, erpps.ENOTFOUND)
		_, err = s.SaveDraft(ctx, r.ID, 2, json.RawMessage(`{"a":`), me)
		wantCode(t, err, erpps.EINVALID)
		if got := mustFind(t, s, r.ID); got.Revision != 2 || string(got.Payload) != `{"email":"a@example.invalid"}` {
			t.Fatalf("a refused save wrote: %+v", got)
		}

		transmit(t, s, got, me, nil)
		_, err = s.SaveDraft(ctx, r.ID, 3, json.RawMessage(`{}`), me)
		wantCode(t, err, erpps.ECONFLICT)
	})

	t.Run("DeleteDraft", func(t *testing.T) {
		s := open(t)
		mustSave(t, s, practitioner(rpps, "Testeur", "Alix", "69"))
		r := mustCreate(t, s, rpps, erpps.KindContact, "", `{}`)
		if err := s.DeleteDraft(ctx, r.ID); err != nil {
			t.Fatal(err)
		}
		_, err := s.FindRequestByID(ctx, r.ID)
		wantCode(t, err, erpps.ENOTFOUND)
		wantCode(t, s.DeleteDraft(ctx, r.ID), erpps.ENOTFOUND)
		sent := mustCreate(t, s, rpps, erpps.KindContact, "", `{}`)
		transmit(t, s, sent, me, nil)
		wantCode(t, s.DeleteDraft(ctx, sent.ID), erpps.ECONFLICT)
		mustFind(t, s, sent.ID)
	})

	t.Run("List", func(t *testing.T) {
		s := open(t)
		mustSave(t, s, practitioner(rpps, "Testeur", "Alix", "69"))
		mustSave(t, s, practitioner("10000000002", "Autre", "Basile", "75"))
		a := mustCreate(t, s, rpps, erpps.KindContact, "", `{}`)
		b := mustCreate(t, s, rpps, erpps.KindCeaseActivity, "ACT-"+rpps+"-1", `{}`)
		c := mustCreate(t, s, "10000000002", erpps.KindContact, "", `{}`)
		transmit(t, s, a, me, nil)
		ids := func(f erpps.RequestFilter) []string {
			t.Helper()
			list, err := s.ListRequests(ctx, f)
			if err != nil {
				t.Fatal(err)
			}
			out := []string{}
			for _, r := range list {
				out = append(out, r.ID)
				if f.WithoutHistory != (len(r.History) == 0) {
					t.Fatalf("WithoutHistory %v, history %v", f.WithoutHistory, r.History)
				}
			}
			return out
		}
		for _, tc := range []struct {
			name   string
			filter erpps.RequestFilter
			want   []string
		}{
			{"All", erpps.RequestFilter{}, []string{c.ID, b.ID, a.ID}},
			{"RPPS", erpps.RequestFilter{RPPS: rpps}, []string{b.ID, a.ID}},
			{"Kind", erpps.RequestFilter{Kind: erpps.KindContact}, []string{c.ID, a.ID}},
			{"Statuses", erpps.RequestFilter{Statuses: []erpps.RequestStatus{erpps.StatusTransmitted}}, []string{a.ID}},
			{"Target", erpps.RequestFilter{TargetID: "ACT-" + rpps + "-1"}, []string{b.ID}},
			{"Limit", erpps.RequestFilter{Limit: 1}, []string{c.ID}},
			{"WithoutHistory", erpps.RequestFilter{RPPS: "10000000002", WithoutHistory: true}, []string{c.ID}},
		} {
			t.Run(tc.name, func(t *testing.T) {
				if got := ids(tc.filter); !reflect.DeepEqual(got, tc.want) {
					t.Fatalf("got %v, want %v", got, tc.want)
				}
			})
		}
	})

	t.Run("FindWithRecord", func(t *testing.T) {
		s := open(t)
		p := mustSave(t, s, practitioner(rpps, "Testeur", "Alix", "69"))
		mustSave(t, s, practitioner("10000000002", "Autre", "Basile", "75"))
		a := mustCreate(t, s, rpps, erpps.KindContact, "", `{}`)
		b := mustCreate(t, s, rpps, erpps.KindExerciseName, "", `{}`)
		mustCreate(t, s, "10000000002", erpps.KindContact, "", `{}`)
		done := receive(t, s, received("R-done", rpps, erpps.StatusAccepted, "69", at(1)))
		got, err := s.FindRequestWithRecord(ctx, a.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.Request.ID != a.ID || len(got.Request.History) != 1 || got.Practitioner.RPPS != rpps ||
			len(got.Practitioner.Activities) != len(p.Activities) {
			t.Fatalf("got %+v", got)
		}
		if len(got.Others) != 1 || got.Others[0].ID != b.ID || got.Others[0].ID == done.ID {
			t.Fatalf("others = %+v, want only %s", got.Others, b.ID)
		}
		_, err = s.FindRequestWithRecord(ctx, "nope")
		wantCode(t, err, erpps.ENOTFOUND)
	})
}
