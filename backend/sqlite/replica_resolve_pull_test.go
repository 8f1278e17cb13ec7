package sqlite

import (
	"context"
	"testing"
	"time"

	"erpps/backend/erpps"
)

// TestReplicaResolveBringsTheDraftKeptOut: another desktop's draft of the
// same object reaches this desktop while its own draft, not yet judged,
// stands in the way (one draft per object), and the pull goes past it; the
// server refuses this desktop's draft and the user takes the server's
// version: the other desktop's draft is here at once (kept aside meanwhile,
// replica_deferred), without pulling again. (Found by backend/synctest: the
// other draft was lost for good, the cursor past it.)
func TestReplicaResolveBringsTheDraftKeptOut(t *testing.T) {
	ctx := context.Background()
	db := MustOpenReplica(t)
	mustSavePractitioner(t, db, "10000000001", "Testeur", "Alix")
	mine := mustCreateDraft(t, db, "10000000001", `{"a":1}`)
	other := *mine
	other.ID, other.Revision, other.History = "other-desktops-draft", 1, nil
	change := []erpps.Change{{Seq: 10, Kind: erpps.ChangeRequest, ID: other.ID, Request: &other}}
	if err := db.ApplyChanges(ctx, change, 10, time.Now()); err != nil {
		t.Fatal(err)
	}
	if err := db.MarkMutationsSent(ctx, 1); err != nil {
		t.Fatal(err)
	}
	ack(t, db, mustPending(t, db)[0], erpps.OutcomeRejected, nil)
	if err := db.ResolveConflict(ctx, mine.ID, nil, professional); err != nil {
		t.Fatal(err)
	}
	if _, err := db.FindRequestByID(ctx, other.ID); err != nil {
		t.Fatalf("the other desktop's draft: %v", err)
	}
	if _, err := db.FindRequestByID(ctx, mine.ID); erpps.ErrorCode(err) != erpps.ENOTFOUND {
		t.Fatalf("the refused draft is still here (%v)", err)
	}
}

// TestReplicaHeldOutDraftPulledAgain: another desktop's draft kept out by
// this desktop's own draft of the same object (with a mutation) is not
// lost: once this desktop deletes its draft, the other one is here, though
// its change is never pulled again. (Found by backend/synctest.)
func TestReplicaHeldOutDraftPulledAgain(t *testing.T) {
	ctx := context.Background()
	db := MustOpenReplica(t)
	mustSavePractitioner(t, db, "10000000001", "Testeur", "Alix")
	mine := mustCreateDraft(t, db, "10000000001", `{"a":1}`)
	other := *mine
	other.ID, other.Revision, other.History = "other-desktops-draft", 1, nil
	change := []erpps.Change{{Seq: 10, Kind: erpps.ChangeRequest, ID: other.ID, Request: &other}}
	if err := db.ApplyChanges(ctx, change, 10, time.Now()); err != nil {
		t.Fatal(err)
	}
	if _, err := db.FindRequestByID(ctx, other.ID); erpps.ErrorCode(err) != erpps.ENOTFOUND {
		t.Fatalf("the other draft was written beside mine (%v)", err)
	}
	if err := db.DeleteDraft(ctx, mine.ID); err != nil {
		t.Fatal(err)
	}
	// No change of the other draft comes again: it must be here already, or
	// come with the next pull of nothing new.
	if err := db.ApplyChanges(ctx, nil, 10, time.Now()); err != nil {
		t.Fatal(err)
	}
	if _, err := db.FindRequestByID(ctx, other.ID); err != nil {
		t.Fatalf("the other desktop's draft after mine went: %v", err)
	}
}

// TestReplicaLateAckAfterPull: the answer to a save comes after a pull went
// past it (the answer was lost, the save replayed) and brought another
// desktop's later save: the request takes the pulled state, not the older
// one of the answer. (Found by backend/synctest.)
func TestReplicaLateAckAfterPull(t *testing.T) {
	ctx := context.Background()
	db := MustOpenReplica(t)
	mustSavePractitioner(t, db, "10000000001", "Testeur", "Alix")
	mine := mustCreateDraft(t, db, "10000000001", `{"a":"mine"}`)
	if err := db.MarkMutationsSent(ctx, 1); err != nil {
		t.Fatal(err)
	}
	sent := mustPending(t, db)[0]
	// The server applied it (version 1, change 11); someone else saved
	// after (version 2, change 12); the pull brings that first.
	later := serverCopy(t, db, mine.ID, 2, `{"a":"other"}`)
	if err := db.ApplyChanges(ctx, []erpps.Change{{Seq: 12, Kind: erpps.ChangeRequest, ID: mine.ID, Request: later}}, 12, time.Now()); err != nil {
		t.Fatal(err)
	}
	applied := serverCopy(t, db, mine.ID, 1, `{"a":"mine"}`)
	res := erpps.MutationResult{ClientID: sent.ClientID, Seq: sent.Seq, MutationID: sent.ID, Outcome: erpps.OutcomeApplied,
		Version: 1, Request: applied, ChangeSeq: 11}
	if err := db.AckMutation(ctx, res); err != nil {
		t.Fatal(err)
	}
	got, err := db.FindRequestByID(ctx, mine.ID)
	if err != nil {
		t.Fatal(err)
	}
	if string(got.Payload) != `{"a":"other"}` {
		t.Fatalf("payload %s after the late answer, want the pulled {\"a\":\"other\"}", got.Payload)
	}
}
