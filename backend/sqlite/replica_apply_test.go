package sqlite

import (
	"context"
	"encoding/json"
	"reflect"
	"testing"
	"time"

	"erpps/backend/erpps"
)

// syncedDraft creates a draft with payload that the server applied (version
// 1): it has no mutation left.
func syncedDraft(tb testing.TB, db *DB, payload string) *erpps.Request {
	tb.Helper()
	r := mustCreateDraft(tb, db, "10000000001", payload)
	pending := mustPending(tb, db)
	m := pending[len(pending)-1]
	if err := db.MarkMutationsSent(context.Background(), m.Seq); err != nil {
		tb.Fatal(err)
	}
	ack(tb, db, m, erpps.OutcomeApplied, serverCopy(tb, db, r.ID, 1, payload))
	return r
}

// serverVersion reads the server version recorded for request id.
func serverVersion(tb testing.TB, db *DB, id string) int64 {
	tb.Helper()
	var v int64
	if err := db.read.QueryRow(`SELECT server_version FROM requests WHERE id = ?`, id).Scan(&v); err != nil {
		tb.Fatal(err)
	}
	return v
}

// TestApplyChanges: a pull upserts records and requests; a request with
// mutations keeps its local state and takes the server's version as its
// base; one equal to the server's (whatever the JSON's spacing) is not
// bumped; one that differs takes the server's state and history, its
// revision bumped; a deletion removes a request without mutations only.
func TestApplyChanges(t *testing.T) {
	ctx := context.Background()
	db := MustOpenReplica(t)
	mustSavePractitioner(t, db, "10000000001", "Testeur", "Alix")
	a := mustCreateDraft(t, db, "10000000001", `{"a":"local"}`) // pending
	b := syncedDraft(t, db, `{"b":1,"c":[1,2]}`)
	c := syncedDraft(t, db, `{"c":1}`)
	d := syncedDraft(t, db, `{"d":1}`)
	e := mustCreateDraft(t, db, "10000000001", `{"e":1}`) // pending
	if err := db.MarkMutationsSent(ctx, 100); err != nil {
		t.Fatal(err)
	}

	serverA := serverCopy(t, db, a.ID, 5, `{"a":"server"}`)
	serverB := serverCopy(t, db, b.ID, 3, `{ "c": [1, 2], "b": 1 }`)
	serverC := serverCopy(t, db, c.ID, 4, `{"c":"server"}`)
	decided := time.Date(2026, 4, 2, 9, 0, 0, 0, time.UTC)
	serverC.Status, serverC.Reason, serverC.Deadline, serverC.UpdatedBy = erpps.StatusComplementRequested, "Joindre le diplôme", "2026-05-01", agent
	serverC.TransmittedAt = &decided
	serverC.History = append(serverC.History,
		erpps.RequestEvent{From: erpps.StatusDraft, To: erpps.StatusTransmitted, At: decided.Add(-time.Hour), Actor: professional, Principal: "10000000001"},
		erpps.RequestEvent{From: erpps.StatusTransmitted, To: erpps.StatusComplementRequested, At: decided, Actor: agent, Principal: "10000000001", Comment: "Joindre le diplôme"})
	other := &erpps.Practitioner{RPPS: "10000000002", Civility: "Mme", BirthName: "Autre", ExerciseName: "Autre",
		FirstName: "Basile", UpdatedAt: decided,
		Activities: []erpps.Activity{{ID: "ACT-2", StartDate: "2020-01-01"}}}
	created := decided.Add(-48 * time.Hour)
	f := &erpps.Request{ID: "f-from-the-server", RPPS: "10000000002", Kind: erpps.KindExerciseName,
		Status: erpps.StatusTransmitted, Department: "69", Payload: json.RawMessage(`{"f":1}`), Revision: 2,
		CreatedAt: created, UpdatedAt: decided, TransmittedAt: &decided, UpdatedBy: professional,
		History: []erpps.RequestEvent{{To: erpps.StatusDraft, At: created, Actor: professional, Principal: "10000000002"},
			{From: erpps.StatusDraft, To: erpps.StatusTransmitted, At: decided, Actor: professional, Principal: "10000000002"}}}
	changes := []erpps.Change{
		{Seq: 10, Kind: erpps.ChangeRequest, ID: a.ID, Request: serverA},
		{Seq: 11, Kind: erpps.ChangeRequest, ID: b.ID, Request: serverB},
		{Seq: 12, Kind: erpps.ChangeRequest, ID: c.ID, Request: serverC},
		{Seq: 13, Kind: erpps.ChangeRequest, ID: d.ID, Deleted: true},
		{Seq: 14, Kind: erpps.ChangeRequest, ID: e.ID, Deleted: true},
		{Seq: 15, Kind: erpps.ChangeRequest, ID: f.ID, Request: f}, // before its record: the records go first
		{Seq: 16, Kind: erpps.ChangePractitioner, ID: other.RPPS, Practitioner: other},
	}
	at := decided.Add(time.Hour)
	if err := db.ApplyChanges(ctx, changes, 16, at); err != nil {
		t.Fatal(err)
	}

	gotA, err := db.FindRequestByID(ctx, a.ID)
	if err != nil || string(gotA.Payload) != `{"a":"local"}` || gotA.Revision != 1 || serverVersion(t, db, a.ID) != 5 {
		t.Fatalf("a request with a pending mutation: %+v, %v", gotA, err)
	}
	gotB, err := db.FindRequestByID(ctx, b.ID)
	if err != nil || gotB.Revision != 1 || serverVersion(t, db, b.ID) != 3 {
		t.Fatalf("a request equal to the server's: %+v, %v", gotB, err)
	}
	gotC, err := db.FindRequestByID(ctx, c.ID)
	if err != nil || string(gotC.Payload) != `{"c":"server"}` || gotC.Revision != 2 || gotC.Status != erpps.StatusComplementRequested ||
		gotC.Reason != "Joindre le diplôme" || gotC.Deadline != "2026-05-01" || gotC.UpdatedBy != agent ||
		!reflect.DeepEqual(gotC.History, serverC.History) || serverVersion(t, db, c.ID) != 4 {
		t.Fatalf("a request changed on the server: %+v, %v", gotC, err)
	}
	_, err = db.FindRequestByID(ctx, d.ID)
	wantCode(t, err, erpps.ENOTFOUND)
	if gotE, err := db.FindRequestByID(ctx, e.ID); err != nil || serverVersion(t, db, e.ID) != 0 || string(gotE.Payload) != `{"e":1}` {
		t.Fatalf("a request with a pending mutation deleted on the server: %+v, %v", gotE, err)
	}
	gotF, err := db.FindRequestByID(ctx, f.ID)
	if err != nil || gotF.Status != erpps.StatusTransmitted || gotF.Revision != 2 || !reflect.DeepEqual(gotF.History, f.History) ||
		gotF.TransmittedAt == nil || !gotF.TransmittedAt.Equal(decided) || gotF.Department != "69" {
		t.Fatalf("a new request: %+v, %v", gotF, err)
	}
	p, err := db.FindPractitionerByRPPS(ctx, other.RPPS)
	if err != nil || p.FirstName != "Basile" || len(p.Activities) != 1 || p.Activities[0].ID != "ACT-2" {
		t.Fatalf("record: %+v, %v", p, err)
	}
	s, err := db.SyncSummary(ctx)
	if err != nil || s.Cursor != 16 || !s.LastSyncAt.Equal(at) {
		t.Fatalf("summary %+v, %v", s, err)
	}
	if pending := mustPending(t, db); len(pending) != 2 {
		t.Fatalf("a pull changed the mutations: %s", describe(pending))
	}

	// The same changes again change nothing (no bump).
	if err := db.ApplyChanges(ctx, changes, 16, at); err != nil {
		t.Fatal(err)
	}
	if again, _ := db.FindRequestByID(ctx, c.ID); again.Revision != 2 {
		t.Fatalf("the same change bumped the request again: %+v", again)
	}
	// An older state than the one known (of a lower change sequence: told
	// by a replayed result, say) changes nothing.
	stale := serverCopy(t, db, c.ID, 4, `{"c":"older"}`)
	if err := db.ApplyChanges(ctx, []erpps.Change{{Seq: 11, Kind: erpps.ChangeRequest, ID: c.ID, Request: stale}}, 17, at); err != nil {
		t.Fatal(err)
	}
	if again, _ := db.FindRequestByID(ctx, c.ID); again.Revision != 2 || string(again.Payload) != `{"c":"server"}` {
		t.Fatalf("an older state was applied: %+v", again)
	}
}

// TestApplySnapshot: a snapshot brings the server's data; a request the
// server had but no longer has goes, unless it has mutations; a request
// never on the server stays.
func TestApplySnapshot(t *testing.T) {
	ctx := context.Background()
	db := MustOpenReplica(t)
	mustSavePractitioner(t, db, "10000000001", "Testeur", "Alix")
	gone := syncedDraft(t, db, `{"gone":1}`)
	kept := syncedDraft(t, db, `{"kept":1}`)
	pending := mustCreateDraft(t, db, "10000000001", `{"pending":1}`)
	db.Replica = false
	local := mustCreateDraft(t, db, "10000000001", `{"local":1}`) // made before the store was a replica
	db.Replica = true

	s := &erpps.Snapshot{Cursor: 99, Requests: []*erpps.Request{serverCopy(t, db, kept.ID, 2, `{"kept":2}`)}}
	if err := db.ApplySnapshot(ctx, s, testEpoch); err != nil {
		t.Fatal(err)
	}
	_, err := db.FindRequestByID(ctx, gone.ID)
	wantCode(t, err, erpps.ENOTFOUND)
	if got, err := db.FindRequestByID(ctx, kept.ID); err != nil || string(got.Payload) != `{"kept":2}` {
		t.Fatalf("kept: %+v, %v", got, err)
	}
	for _, id := range []string{pending.ID, local.ID} {
		if _, err := db.FindRequestByID(ctx, id); err != nil {
			t.Fatalf("%s: %v", id, err)
		}
	}
	if summary, _ := db.SyncSummary(ctx); summary.Cursor != 99 {
		t.Fatalf("cursor %d", summary.Cursor)
	}
}

// TestApplyChangesOneDraftPerObject: a server's draft of an object a local
// draft also drafts replaces the local one when it never left this desktop;
// a local one with mutations stays (the server will judge them) and the
// server's waits until the way is clear (the user takes the server's
// version, or deletes the local draft), then comes in without a change of
// it.
func TestApplyChangesOneDraftPerObject(t *testing.T) {
	ctx := context.Background()
	db := MustOpenReplica(t)
	mustSavePractitioner(t, db, "10000000001", "Testeur", "Alix")
	db.Replica = false
	local := mustCreateDraft(t, db, "10000000001", `{"local":1}`)
	db.Replica = true
	mine := mustCreateDraft(t, db, "10000000001", `{"mine":1}`)
	serverDraft := func(id string, of *erpps.Request) *erpps.Request {
		return &erpps.Request{ID: id, RPPS: of.RPPS, Kind: of.Kind, TargetID: of.TargetID, Status: erpps.StatusDraft,
			Payload: json.RawMessage(`{"server":1}`), Revision: 1, CreatedAt: testEpoch, UpdatedAt: testEpoch,
			History: []erpps.RequestEvent{{To: erpps.StatusDraft, At: testEpoch, Actor: professional, Principal: of.RPPS}}}
	}
	changes := []erpps.Change{
		{Seq: 1, Kind: erpps.ChangeRequest, ID: "s1", Request: serverDraft("s1", local)},
		{Seq: 2, Kind: erpps.ChangeRequest, ID: "s2", Request: serverDraft("s2", mine)},
	}
	if err := db.ApplyChanges(ctx, changes, 2, testEpoch); err != nil {
		t.Fatal(err)
	}
	_, err := db.FindRequestByID(ctx, local.ID)
	wantCode(t, err, erpps.ENOTFOUND)
	if got, err := db.FindRequestByID(ctx, "s1"); err != nil || string(got.Payload) != `{"server":1}` {
		t.Fatalf("the server's draft: %+v, %v", got, err)
	}
	if _, err := db.FindRequestByID(ctx, mine.ID); err != nil {
		t.Fatalf("the draft with a mutation: %v", err)
	}
	_, err = db.FindRequestByID(ctx, "s2")
	wantCode(t, err, erpps.ENOTFOUND)
	if s, _ := db.SyncSummary(ctx); s.Cursor != 2 {
		t.Fatalf("cursor %d", s.Cursor)
	}

	// The server refuses mine (its draft was first); taking the server's
	// version (it has none of mine) clears the way: its draft comes in at
	// once, though the cursor passed it.
	listed, err := db.ListPendingMutations(ctx, 0)
	if err != nil || len(listed) != 1 {
		t.Fatalf("pending %s, %v", describe(listed), err)
	}
	ack(t, db, listed[0], erpps.OutcomeRejected, nil)
	if err := db.ApplyChanges(ctx, nil, 2, testEpoch); err != nil { // a pull: still kept out
		t.Fatal(err)
	}
	_, err = db.FindRequestByID(ctx, "s2")
	wantCode(t, err, erpps.ENOTFOUND)
	if err := db.ResolveConflict(ctx, mine.ID, nil, professional); err != nil {
		t.Fatal(err)
	}
	_, err = db.FindRequestByID(ctx, mine.ID)
	wantCode(t, err, erpps.ENOTFOUND)
	if got, err := db.FindRequestByID(ctx, "s2"); err != nil || string(got.Payload) != `{"server":1}` {
		t.Fatalf("the server's draft after the way cleared: %+v, %v", got, err)
	}

	// Kept out again, then the way clears by a deletion: the next pull
	// brings it, even with no change of it.
	third := mustCreateDraft(t, db, "10000000001", `{"third":1}`)
	if err := db.ApplyChanges(ctx, []erpps.Change{{Seq: 3, Kind: erpps.ChangeRequest, ID: "s3", Request: serverDraft("s3", third)}}, 3, testEpoch); err != nil {
		t.Fatal(err)
	}
	if err := db.DeleteDraft(ctx, third.ID); err != nil {
		t.Fatal(err)
	}
	if err := db.ApplyChanges(ctx, nil, 3, testEpoch); err != nil {
		t.Fatal(err)
	}
	if _, err := db.FindRequestByID(ctx, "s3"); err != nil {
		t.Fatalf("the server's draft after the local one was deleted: %v", err)
	}
	var deferred int
	if err := db.read.QueryRow(`SELECT count(*) FROM replica_deferred`).Scan(&deferred); err != nil || deferred != 0 {
		t.Fatalf("%d deferred (%v)", deferred, err)
	}
}
