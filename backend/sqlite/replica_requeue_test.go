package sqlite

import (
	"context"
	"encoding/json"
	"testing"

	"erpps/backend/erpps"
)

// TestReplicaRequeueAfterAnUndeliveredPush: the listing tells which
// mutations it froze; RequeueMutations gives those back to the queue (an
// autosave coalesces into them again) and never one that stays followed by
// a sent mutation, so that the queued ones still come after every sent one.
func TestReplicaRequeueAfterAnUndeliveredPush(t *testing.T) {
	ctx := context.Background()
	db := MustOpenReplica(t)
	mustSavePractitioner(t, db, "10000000001", "Testeur", "Alix")
	a := mustCreateDraft(t, db, "10000000001", `{"a":1}`)
	b := mustCreateDraft(t, db, "10000000001", `{"b":1}`)
	mustCreateDraft(t, db, "10000000001", `{"c":1}`)
	if err := db.MarkMutationsSent(ctx, 1); err != nil { // a: sent by an earlier push
		t.Fatal(err)
	}
	listed, err := db.ListPendingMutations(ctx, 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(listed) != 3 || listed[0].FrozenNow || !listed[1].FrozenNow || !listed[2].FrozenNow {
		t.Fatalf("listed %s, frozen now %v %v %v", describe(listed), listed[0].FrozenNow, listed[1].FrozenNow, listed[2].FrozenNow)
	}
	// b alone: c behind it stays sent, so b does too.
	if err := db.RequeueMutations(ctx, []int64{listed[1].Seq}); err != nil {
		t.Fatal(err)
	}
	if got := mustPending(t, db); got[1].Status != erpps.PendingSent || got[2].Status != erpps.PendingSent {
		t.Fatalf("b requeued before c: %s", describe(got))
	}
	if err := db.RequeueMutations(ctx, []int64{listed[1].Seq, listed[2].Seq}); err != nil {
		t.Fatal(err)
	}
	got := mustPending(t, db)
	if len(got) != 3 || got[0].Status != erpps.PendingSent || got[1].Status != erpps.PendingQueued || got[2].Status != erpps.PendingQueued {
		t.Fatalf("after the requeue: %s", describe(got))
	}
	for i := range 5 {
		if _, err := saveLatest(ctx, db, b.ID, json.RawMessage(`{"b":`+string(rune('2'+i))+`}`)); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := saveLatest(ctx, db, a.ID, json.RawMessage(`{"a":2}`)); err != nil {
		t.Fatal(err)
	}
	got = mustPending(t, db)
	if len(got) != 4 || string(got[1].Payload) != `{"b":6}` || got[1].ID != listed[1].ID ||
		got[3].RequestID != a.ID || string(got[0].Payload) != `{"a":1}` {
		t.Fatalf("after the saves: %s", describe(got))
	}
	checkSeqs(t, db, 1)
}
