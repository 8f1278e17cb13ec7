package sqlite

import (
	"context"
	"encoding/json"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"erpps/backend/erpps"
)

var uuidV4 = regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`)

func TestCreateRequest(t *testing.T) {
	ctx := context.Background()
	db := MustOpenDB(t)
	mustSavePractitioner(t, db, "10000000001", "Testeur", "Alix") // clock: testEpoch

	t.Run("Draft", func(t *testing.T) {
		r := &erpps.Request{RPPS: "10000000001", Kind: erpps.KindCeaseActivity, TargetID: "ACT-1",
			Department: "69", Payload: json.RawMessage(`{"activityId":"ACT-1"}`)}
		if err := db.CreateRequest(ctx, r, professional); err != nil {
			t.Fatal(err)
		}
		if !uuidV4.MatchString(r.ID) {
			t.Errorf("id %q is not a UUIDv4", r.ID)
		}
		if r.Status != erpps.StatusDraft || r.Revision != 1 || r.TransmittedAt != nil {
			t.Errorf("got %+v", r)
		}
		wantHistory := []erpps.RequestEvent{{From: "", To: erpps.StatusDraft, At: r.CreatedAt, Actor: professional, Principal: "10000000001"}}
		if !reflect.DeepEqual(r.History, wantHistory) {
			t.Errorf("history = %+v", r.History)
		}
		got, err := db.FindRequestByID(ctx, r.ID)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, r) {
			t.Fatalf("stored:\n got %+v\nwant %+v", got, r)
		}
	})

	t.Run("GivenIDAndEmptyPayload", func(t *testing.T) {
		r := &erpps.Request{ID: "REQ-given", RPPS: "10000000001", Kind: erpps.KindContact}
		if err := db.CreateRequest(ctx, r, professional); err != nil {
			t.Fatal(err)
		}
		got, err := db.FindRequestByID(ctx, "REQ-given")
		if err != nil {
			t.Fatal(err)
		}
		if string(got.Payload) != "{}" {
			t.Fatalf("payload = %s", got.Payload)
		}
	})

	t.Run("IDsDiffer", func(t *testing.T) {
		a := mustCreateDraft(t, db, "10000000001", `{}`)
		b := mustCreateDraft(t, db, "10000000001", `{}`)
		if a.ID == b.ID {
			t.Fatal("two requests got the same id")
		}
	})

	bad := []struct {
		name string
		req  *erpps.Request
		code string
	}{
		{"ErrNil", nil, erpps.EINVALID},
		{"ErrRPPSRequired", &erpps.Request{Kind: erpps.KindContact}, erpps.EINVALID},
		{"ErrUnknownKind", &erpps.Request{RPPS: "10000000001", Kind: "teleport"}, erpps.EINVALID},
		{"ErrNotADraft", &erpps.Request{RPPS: "10000000001", Kind: erpps.KindContact, Status: erpps.StatusAccepted}, erpps.EINVALID},
		{"ErrBadID", &erpps.Request{ID: strings.Repeat("x", 65), RPPS: "10000000001", Kind: erpps.KindContact}, erpps.EINVALID},
		{"ErrPayloadNotJSON", &erpps.Request{RPPS: "10000000001", Kind: erpps.KindContact, Payload: json.RawMessage(`{"a":`)}, erpps.EINVALID},
		{"ErrPayloadTooLarge", &erpps.Request{RPPS: "10000000001", Kind: erpps.KindContact, Payload: bigPayload(erpps.MaxPayloadSize + 1)}, erpps.EINVALID},
		{"ErrUnknownPractitioner", &erpps.Request{RPPS: "19999999999", Kind: erpps.KindContact}, erpps.ENOTFOUND},
		{"ErrDuplicateID", &erpps.Request{ID: "REQ-given", RPPS: "10000000001", Kind: erpps.KindContact}, erpps.ECONFLICT},
	}
	for _, tt := range bad {
		t.Run(tt.name, func(t *testing.T) {
			if e := wantCode(t, db.CreateRequest(ctx, tt.req, professional), tt.code); e.Message == "" {
				t.Fatal("no French message")
			}
		})
	}
}

func TestFindRequestByID(t *testing.T) {
	db := MustOpenDB(t)
	_, err := db.FindRequestByID(context.Background(), "nope")
	wantCode(t, err, erpps.ENOTFOUND)
}

func TestListRequests(t *testing.T) {
	ctx := context.Background()
	db := MustOpenDB(t)
	mustSavePractitioner(t, db, "10000000001", "Testeur", "Alix")
	mustSavePractitioner(t, db, "10000000002", "Essai", "Lou")
	first := mustCreateDraft(t, db, "10000000001", `{"n":1}`)
	second := &erpps.Request{RPPS: "10000000001", Kind: erpps.KindCeaseActivity, TargetID: "ACT-7"}
	if err := db.CreateRequest(ctx, second, professional); err != nil {
		t.Fatal(err)
	}
	third := mustCreateDraft(t, db, "10000000002", `{"n":3}`)
	if _, err := db.TransitionRequest(ctx, first.ID, erpps.StatusTransmitted, professional, ""); err != nil {
		t.Fatal(err)
	}

	tests := []struct {
		name   string
		filter erpps.RequestFilter
		want   []string
	}{
		{"AllNewestFirst", erpps.RequestFilter{}, []string{third.ID, second.ID, first.ID}},
		{"ByRPPS", erpps.RequestFilter{RPPS: "10000000001"}, []string{second.ID, first.ID}},
		{"ByKind", erpps.RequestFilter{Kind: erpps.KindCeaseActivity}, []string{second.ID}},
		{"ByTarget", erpps.RequestFilter{TargetID: "ACT-7"}, []string{second.ID}},
		{"ByStatuses", erpps.RequestFilter{Statuses: []erpps.RequestStatus{erpps.StatusTransmitted, erpps.StatusAccepted}}, []string{first.ID}},
		{"Combined", erpps.RequestFilter{RPPS: "10000000001", Statuses: []erpps.RequestStatus{erpps.StatusDraft}}, []string{second.ID}},
		{"Limit", erpps.RequestFilter{Limit: 2}, []string{third.ID, second.ID}},
		{"None", erpps.RequestFilter{RPPS: "10000000009"}, []string{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			list, err := db.ListRequests(ctx, tt.filter)
			if err != nil {
				t.Fatal(err)
			}
			got := []string{}
			for _, r := range list {
				got = append(got, r.ID)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Fatalf("got %v, want %v", got, tt.want)
			}
		})
	}

	t.Run("WithHistory", func(t *testing.T) {
		list, err := db.ListRequests(ctx, erpps.RequestFilter{RPPS: "10000000001"})
		if err != nil {
			t.Fatal(err)
		}
		if len(list[1].History) != 2 || list[1].History[1].To != erpps.StatusTransmitted ||
			len(list[0].History) != 1 || list[0].History[0].To != erpps.StatusDraft {
			t.Fatalf("histories: %+v / %+v", list[0].History, list[1].History)
		}
	})
}

func TestSaveDraft(t *testing.T) {
	ctx := context.Background()
	db := MustOpenDB(t)
	mustSavePractitioner(t, db, "10000000001", "Testeur", "Alix")

	t.Run("ReplacesPayloadAndBumpsRevision", func(t *testing.T) {
		r := mustCreateDraft(t, db, "10000000001", `{"email":""}`)
		for i, payload := range []string{`{"email":"a@example.invalid"}`, `{"email":"b@example.invalid"}`} {
			got, err := db.SaveDraft(ctx, r.ID, int64(i+1), json.RawMessage(payload), professional)
			if err != nil {
				t.Fatal(err)
			}
			if string(got.Payload) != payload || got.Revision != int64(i+2) || got.UpdatedBy != professional ||
				!got.UpdatedAt.After(r.CreatedAt) || !got.CreatedAt.Equal(r.CreatedAt) || len(got.History) != 0 {
				t.Fatalf("save #%d: %+v", i, got)
			}
			stored, err := db.FindRequestByID(ctx, r.ID)
			if err == nil && len(stored.History) == 1 {
				got.History = stored.History // a save adds no step
			}
			if err != nil || !reflect.DeepEqual(stored, got) {
				t.Fatalf("stored %+v, %v; returned %+v", stored, err, got)
			}
		}
	})

	t.Run("ComplementRequestedIsEditable", func(t *testing.T) {
		r := mustCreateDraft(t, db, "10000000001", `{}`)
		mustWalk(t, db, r.ID, erpps.StatusTransmitted, erpps.StatusUnderReview, erpps.StatusComplementRequested)
		got, err := saveLatest(ctx, db, r.ID, json.RawMessage(`{"more":true}`))
		if err != nil || got.Status != erpps.StatusComplementRequested {
			t.Fatalf("got %+v, %v", got, err)
		}
	})

	t.Run("ErrNotFound", func(t *testing.T) {
		_, err := db.SaveDraft(ctx, "nope", 1, json.RawMessage(`{}`), professional)
		wantCode(t, err, erpps.ENOTFOUND)
	})

	t.Run("ErrNotEditable", func(t *testing.T) {
		r := mustCreateDraft(t, db, "10000000001", `{"v":1}`)
		mustWalk(t, db, r.ID, erpps.StatusTransmitted)
		_, err := db.SaveDraft(ctx, r.ID, 1, json.RawMessage(`{"v":2}`), professional)
		if e := wantCode(t, err, erpps.ECONFLICT); !strings.Contains(e.Message, "Transmise") {
			t.Errorf("message = %q", e.Message)
		}
		stored, _ := db.FindRequestByID(ctx, r.ID)
		if string(stored.Payload) != `{"v":1}` || stored.Revision != 1 {
			t.Fatalf("the refused save changed the request: %+v", stored)
		}
	})

	t.Run("ErrStaleRevision", func(t *testing.T) {
		// Two tabs opened the draft at revision 1; the first saves, then the
		// second: its older copy must not overwrite the newer work.
		r := mustCreateDraft(t, db, "10000000001", `{"motif":"A"}`)
		if _, err := db.SaveDraft(ctx, r.ID, 1, json.RawMessage(`{"motif":"B"}`), professional); err != nil {
			t.Fatal(err)
		}
		_, err := db.SaveDraft(ctx, r.ID, 1, json.RawMessage(`{"motif":"A","other":1}`), professional)
		if e := wantCode(t, err, erpps.ECONFLICT); e.Message != erpps.StaleDraft().Message {
			t.Errorf("message = %q", e.Message)
		}
		stored, _ := db.FindRequestByID(ctx, r.ID)
		if string(stored.Payload) != `{"motif":"B"}` || stored.Revision != 2 {
			t.Fatalf("the stale save changed the request: %+v", stored)
		}
	})

	t.Run("ErrPayload", func(t *testing.T) {
		r := mustCreateDraft(t, db, "10000000001", `{"v":1}`)
		for _, payload := range []json.RawMessage{nil, json.RawMessage(`{`), json.RawMessage(`{} {}`), bigPayload(erpps.MaxPayloadSize + 1)} {
			_, err := db.SaveDraft(ctx, r.ID, 1, payload, professional)
			wantCode(t, err, erpps.EINVALID)
		}
		if _, err := db.SaveDraft(ctx, r.ID, 1, bigPayload(erpps.MaxPayloadSize), professional); err != nil {
			t.Fatalf("a payload of the maximum size was refused: %v", err)
		}
	})
}

func TestDeleteDraft(t *testing.T) {
	ctx := context.Background()
	db := MustOpenDB(t)
	mustSavePractitioner(t, db, "10000000001", "Testeur", "Alix")

	t.Run("Deletes", func(t *testing.T) {
		r := mustCreateDraft(t, db, "10000000001", `{}`)
		if err := db.DeleteDraft(ctx, r.ID); err != nil {
			t.Fatal(err)
		}
		_, err := db.FindRequestByID(ctx, r.ID)
		wantCode(t, err, erpps.ENOTFOUND)
		var events int
		if err := db.read.QueryRow(`SELECT count(*) FROM request_events WHERE request_id = ?`, r.ID).Scan(&events); err != nil || events != 0 {
			t.Fatalf("%d events left, %v", events, err)
		}
	})
	t.Run("ErrNotFound", func(t *testing.T) {
		wantCode(t, db.DeleteDraft(ctx, "nope"), erpps.ENOTFOUND)
	})
	t.Run("ErrTransmitted", func(t *testing.T) {
		r := mustCreateDraft(t, db, "10000000001", `{}`)
		mustWalk(t, db, r.ID, erpps.StatusTransmitted)
		wantCode(t, db.DeleteDraft(ctx, r.ID), erpps.ECONFLICT)
		if _, err := db.FindRequestByID(ctx, r.ID); err != nil {
			t.Fatal(err)
		}
	})
}

// bigPayload returns a JSON string of exactly n bytes.
func bigPayload(n int) json.RawMessage {
	return json.RawMessage(`"` + strings.Repeat("a", n-2) + `"`)
}

// mustWalk moves a request through statuses, each by an actor allowed to.
func mustWalk(tb testing.TB, db *DB, id string, statuses ...erpps.RequestStatus) {
	tb.Helper()
	for _, to := range statuses {
		actor := professional
		if to == erpps.StatusUnderReview || to == erpps.StatusAccepted || to == erpps.StatusRefused ||
			to == erpps.StatusComplementRequested || to == erpps.StatusClosedNoAction {
			actor = agent
		}
		if _, err := db.TransitionRequest(context.Background(), id, to, actor, "étape "+string(to)); err != nil {
			tb.Fatalf("to %s: %v", to, err)
		}
	}
}

// TestOneDraftPerObject: a second draft of the same kind on the same object
// is refused; once the first is transmitted, a new one may start.
func TestOneDraftPerObject(t *testing.T) {
	ctx := context.Background()
	db := MustOpenDB(t)
	mustSavePractitioner(t, db, "10000000001", "Martin", "Claire")
	first := &erpps.Request{RPPS: "10000000001", Kind: erpps.KindCeaseActivity, TargetID: "ACT-1"}
	if err := db.CreateRequest(ctx, first, professional); err != nil {
		t.Fatal(err)
	}
	second := &erpps.Request{RPPS: "10000000001", Kind: erpps.KindCeaseActivity, TargetID: "ACT-1"}
	wantCode(t, db.CreateRequest(ctx, second, professional), erpps.ECONFLICT)
	other := &erpps.Request{RPPS: "10000000001", Kind: erpps.KindCeaseActivity, TargetID: "ACT-2"}
	if err := db.CreateRequest(ctx, other, professional); err != nil {
		t.Fatalf("a draft on another object: %v", err)
	}
	if _, err := db.TransitionRequest(ctx, first.ID, erpps.StatusTransmitted, professional, ""); err != nil {
		t.Fatal(err)
	}
	again := &erpps.Request{RPPS: "10000000001", Kind: erpps.KindCeaseActivity, TargetID: "ACT-1"}
	if err := db.CreateRequest(ctx, again, professional); err != nil {
		t.Fatalf("a new draft after the first was transmitted: %v", err)
	}
}
