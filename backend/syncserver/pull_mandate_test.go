package syncserver

import (
	"context"
	"testing"
	"time"

	"erpps/backend/delegation"
	"erpps/backend/erpps"
)

// A secretary whose desktop pulled before their mandate was granted pulls,
// from that cursor, the practitioner's record and its existing requests.
func TestPullAfterMandateGranted(t *testing.T) { eachStore(t, testPullAfterMandateGranted) }

func testPullAfterMandateGranted(t *testing.T, e *env) {
	ctx := context.Background()
	c := e.client(e.a)
	id := e.newID()
	only(t, c.push(c.next(erpps.MutationSaveDraft, id, 0)))
	before, err := e.svc.Pull(ctx, e.noMand, 0, 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(before.Changes) != 0 || before.More || before.Resync {
		t.Fatalf("a secretary without a mandate pulled %+v", before)
	}
	deleg := &delegation.Service{Store: e.store, Now: time.Now}
	if _, err := deleg.Grant(ctx, e.a, e.noMand.ID, []erpps.RequestKind{erpps.KindContact}, time.Now().Add(24*time.Hour)); err != nil {
		t.Fatal(err)
	}
	after, err := e.svc.Pull(ctx, e.noMand, before.Cursor, 0)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]erpps.Change{}
	for _, ch := range after.Changes {
		got[string(ch.Kind)+":"+ch.ID] = ch
	}
	if ch := got["practitioner:"+e.a.RPPS]; ch.Practitioner == nil || ch.Practitioner.RPPS != e.a.RPPS {
		t.Fatalf("after the grant, the pull from %d lacks A's record: %v", before.Cursor, got)
	}
	if ch := got["request:"+id]; ch.Request == nil || ch.Request.RPPS != e.a.RPPS || ch.Request.Revision != e.request(id).Revision {
		t.Fatalf("after the grant, the pull from %d lacks A's request: %v", before.Cursor, got)
	}
	if after.More || after.Resync || after.Cursor <= before.Cursor {
		t.Fatalf("the pull after the grant: more %v, resync %v, cursor %d → %d", after.More, after.Resync, before.Cursor, after.Cursor)
	}
}
