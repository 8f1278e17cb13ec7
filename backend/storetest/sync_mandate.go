package storetest

import (
	"context"
	"encoding/json"
	"reflect"
	"sort"
	"testing"

	"erpps/backend/erpps"
)

// testSyncMandate: granting a mandate logs the practitioner's record and
// each of their requests anew, so that a secretary whose desktop synced
// before the grant (its cursor past the record's changes) pulls them; the
// new lines change nothing of who changed a request (ChangedByOthersSince).
func testSyncMandate(t *testing.T, open func(t *testing.T) erpps.ServerStore) {
	ctx := context.Background()
	const rpps, other = "10000000001", "10000000002"
	me := professional(rpps)
	s := open(t)
	mustSave(t, s, practitioner(rpps, "Testeur", "Alix", "75"))
	mustSave(t, s, practitioner(other, "Autre", "Basile", "75"))
	bind(t, s, clientA, accountA)
	mine := &erpps.Request{ID: "by-client-a", RPPS: rpps, Kind: erpps.KindContact, Payload: json.RawMessage(`{}`)}
	if err := s.CreateRequest(receipt(clientA, 1, mine.ID), mine, me); err != nil {
		t.Fatal(err)
	}
	sent := transmit(t, s, mustCreate(t, s, rpps, erpps.KindExerciseName, "", `{}`), me, nil)
	gone := mustCreate(t, s, rpps, erpps.KindNewActivity, "", `{}`)
	if err := s.DeleteDraft(ctx, gone.ID); err != nil {
		t.Fatal(err)
	}
	mustCreate(t, s, other, erpps.KindContact, "", `{}`)

	cursor := changeSeq(t, s) // the secretary's desktop synced here
	if err := s.CreateMandate(ctx, mandate(rpps, "sec-1")); err != nil {
		t.Fatal(err)
	}
	got := changesAfter(t, s, cursor, rpps)
	want := []string{rpps, mine.ID, sent.ID}
	sort.Strings(want)
	if !reflect.DeepEqual(keys(got), want) {
		t.Fatalf("after the grant, changes of %v, want %v", keys(got), want)
	}
	if c := got[rpps]; c.Kind != erpps.ChangePractitioner || c.Practitioner == nil || c.Practitioner.RPPS != rpps {
		t.Fatalf("the record after the grant: %+v", c)
	}
	if c := got[sent.ID]; c.Kind != erpps.ChangeRequest || c.Request == nil || c.Request.Status != erpps.StatusTransmitted ||
		c.Request.Revision != sent.Revision || len(c.Request.History) == 0 {
		t.Fatalf("the transmitted request after the grant: %+v", c.Request)
	}
	if c := got[mine.ID]; c.Request == nil || c.Request.Revision != 1 {
		t.Fatalf("the draft after the grant: %+v", c.Request)
	}
	if others := changesAfter(t, s, cursor, other); len(others) != 0 {
		t.Fatalf("the grant logged another record's objects: %v", keys(others))
	}
	if changedSince(t, s, mine.ID, 1, clientA) || changedSince(t, s, mine.ID, 0, clientA) {
		t.Fatal("the grant made the client's own request changed by others")
	}
	if changedSince(t, s, sent.ID, sent.Revision, clientA) {
		t.Fatal("the grant is a change of the transmitted request's version")
	}
}
