package sqlite

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"erpps/backend/erpps"
)

// TestReplicaForgetRecords: the records a secretary lost go with their
// requests; their changes not sent yet are set aside as rejected (out of the
// numbering: the ones behind are numbered again, without gap), those sent
// stay for the server to answer; the other records are untouched.
func TestReplicaForgetRecords(t *testing.T) {
	ctx := context.Background()
	db := MustOpenReplica(t)
	mustSavePractitioner(t, db, "10000000001", "Testeur", "Alix")
	mustSavePractitioner(t, db, "10000000002", "Autre", "Bea")
	a := mustCreateDraft(t, db, "10000000001", `{"a":1}`) // 1, sent
	if err := db.MarkMutationsSent(ctx, 1); err != nil {
		t.Fatal(err)
	}
	b := mustCreateDraft(t, db, "10000000002", `{"b":1}`)                            // 2
	if _, err := saveLatest(ctx, db, a.ID, json.RawMessage(`{"a":2}`)); err != nil { // 3
		t.Fatal(err)
	}
	if _, err := saveLatest(ctx, db, b.ID, json.RawMessage(`{"b":2}`)); err != nil { // coalesces into 2
		t.Fatal(err)
	}
	c := mustCreateDraft(t, db, "10000000002", `{"c":1}`) // 4
	gone, err := db.ForgetRecords(ctx, []string{"10000000001"})
	if err != nil {
		t.Fatal(err)
	}
	if len(gone) != 1 || gone[0] != a.ID {
		t.Fatalf("removed %v, want [%s]", gone, a.ID)
	}
	if _, err := db.FindPractitionerByRPPS(ctx, "10000000001"); erpps.ErrorCode(err) != erpps.ENOTFOUND {
		t.Fatalf("the record stays: %v", err)
	}
	if _, err := db.FindRequestByID(ctx, a.ID); erpps.ErrorCode(err) != erpps.ENOTFOUND {
		t.Fatalf("the request stays: %v", err)
	}
	if _, err := db.FindRequestByID(ctx, b.ID); err != nil {
		t.Fatalf("another record's request went: %v", err)
	}
	checkSeqs(t, db, 1)
	got := mustPending(t, db)
	if len(got) != 3 || got[0].RequestID != a.ID || got[0].Status != erpps.PendingSent ||
		got[1].RequestID != b.ID || got[1].Seq != 2 || got[2].RequestID != c.ID || got[2].Seq != 3 {
		t.Fatalf("pending after forgetting: %s", describe(got))
	}
	aside, err := db.ListSetAside(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(aside) != 1 || aside[0].RequestID != a.ID || aside[0].Status != erpps.PendingRejected || aside[0].Result == nil ||
		!strings.Contains(aside[0].Result.Message, "mandat") || string(aside[0].Payload) != `{"a":2}` {
		t.Fatalf("set aside: %+v", aside)
	}
	if sum, err := db.SyncSummary(ctx); err != nil || sum.Pending != 3 || sum.SetAside != 1 {
		t.Fatalf("summary %+v %v", sum, err)
	}
	// The numbering goes on after the last kept; a push that never left
	// gives back to the queue what it froze, whatever was set aside.
	d := mustCreateDraft(t, db, "10000000002", `{"d":1}`)
	listed, err := db.ListPendingMutations(ctx, 0)
	if err != nil {
		t.Fatal(err)
	}
	if last := listed[len(listed)-1]; last.RequestID != d.ID || last.Seq != 4 {
		t.Fatalf("after forgetting: %s", describe(listed))
	}
	if err := db.RequeueMutations(ctx, []int64{2, 3, 4}); err != nil {
		t.Fatal(err)
	}
	if got := mustPending(t, db); got[3].Status != erpps.PendingQueued {
		t.Fatalf("not queued again: %s", describe(got))
	}
	checkSeqs(t, db, 1)
}

// TestReplicaBindAccount: the first account keeps the outbox; another one
// (another server, or another account) gets a new client id, a fresh
// cursor and numbering; the previous account's changes are set aside, shown,
// never sent under the new one.
func TestReplicaBindAccount(t *testing.T) {
	ctx := context.Background()
	db := MustOpenReplica(t)
	mustSavePractitioner(t, db, "10000000001", "Testeur", "Alix")
	a := mustCreateDraft(t, db, "10000000001", `{"a":1}`)
	if switched, err := db.BindAccount(ctx, "https://erpps.test rpps:1"); err != nil || switched {
		t.Fatalf("first binding: %v %v", switched, err)
	}
	if switched, err := db.BindAccount(ctx, "https://erpps.test rpps:1"); err != nil || switched {
		t.Fatalf("the same account again: %v %v", switched, err)
	}
	if err := db.ApplyChanges(ctx, nil, 42, db.now()); err != nil {
		t.Fatal(err)
	}
	before, err := db.SyncSummary(ctx)
	if err != nil || before.Pending != 1 || before.Cursor != 42 {
		t.Fatalf("before: %+v %v", before, err)
	}
	if switched, err := db.BindAccount(ctx, "https://erpps.test sec:2"); err != nil || !switched {
		t.Fatalf("another account: %v %v", switched, err)
	}
	after, err := db.SyncSummary(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if after.ClientID == before.ClientID || after.Cursor != 0 || after.Pending != 0 || after.SetAside != 1 || after.LastSyncAt != nil {
		t.Fatalf("after switching: %+v (before %+v)", after, before)
	}
	aside, err := db.ListSetAside(ctx)
	if err != nil || len(aside) != 1 || aside[0].RequestID != a.ID || aside[0].Result == nil ||
		!strings.Contains(aside[0].Result.Message, "autre compte") {
		t.Fatalf("set aside: %+v %v", aside, err)
	}
	for i := range 3 { // autosaves under the new account coalesce
		if _, err := saveLatest(ctx, db, a.ID, json.RawMessage(`{"a":`+string(rune('2'+i))+`}`)); err != nil {
			t.Fatal(err)
		}
	}
	got := mustPending(t, db)
	if len(got) != 1 || got[0].Seq != 1 || got[0].ClientID != after.ClientID || string(got[0].Payload) != `{"a":4}` {
		t.Fatalf("the new account's first change: %s", describe(got))
	}
	checkSeqs(t, db, 1)
}

// TestReplicaRenumberPending: the server restored from a backup expects an
// older seq than the oldest pending: they are numbered again from it, the
// answers set aside before move out of the numbering (still shown), and
// the cursor starts again.
func TestReplicaRenumberPending(t *testing.T) {
	ctx := context.Background()
	db := MustOpenReplica(t)
	mustSavePractitioner(t, db, "10000000001", "Testeur", "Alix")
	for i := range 5 {
		mustCreateDraft(t, db, "10000000001", `{"n":`+string(rune('0'+i))+`}`)
	}
	listed, err := db.ListPendingMutations(ctx, 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range listed[:2] { // 1 applied, 2 rejected
		outcome := erpps.OutcomeApplied
		if m.Seq == 2 {
			outcome = erpps.OutcomeRejected
		}
		if err := db.AckMutation(ctx, erpps.MutationResult{ClientID: m.ClientID, Seq: m.Seq, MutationID: m.ID,
			Outcome: outcome, Code: erpps.EINVALID, Message: "Refusée."}); err != nil {
			t.Fatal(err)
		}
	}
	if err := db.ApplyChanges(ctx, nil, 99, db.now()); err != nil {
		t.Fatal(err)
	}
	if err := db.RenumberPending(ctx, 1); err != nil {
		t.Fatal(err)
	}
	got := mustPending(t, db)
	if len(got) != 3 || got[0].Seq != 1 || got[0].ID != listed[2].ID || got[2].Seq != 3 || got[2].ID != listed[4].ID {
		t.Fatalf("renumbered: %s", describe(got))
	}
	checkSeqs(t, db, 1)
	aside, err := db.ListSetAside(ctx)
	if err != nil || len(aside) != 1 || aside[0].ID != listed[1].ID || aside[0].Result.Message != "Refusée." {
		t.Fatalf("set aside: %+v %v", aside, err)
	}
	if sum, err := db.SyncSummary(ctx); err != nil || sum.Cursor != 0 || sum.Pending != 3 || sum.SetAside != 1 {
		t.Fatalf("summary %+v %v", sum, err)
	}
}
