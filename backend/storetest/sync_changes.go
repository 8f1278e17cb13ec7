package storetest

import (
	"context"
	"encoding/json"
	"fmt"
	"reflect"
	"sort"
	"testing"
	"time"

	"erpps/backend/erpps"
)

// changeSeq reads the newest change sequence.
func changeSeq(t *testing.T, s erpps.SyncStore) int64 {
	t.Helper()
	seq, err := s.ChangeSeq(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return seq
}

// keys returns the ids of changes, sorted.
func keys(changes map[string]erpps.Change) []string {
	out := make([]string, 0, len(changes))
	for id := range changes {
		out = append(out, id)
	}
	sort.Strings(out)
	return out
}

func testSyncChanges(t *testing.T, open func(t *testing.T) erpps.ServerStore) {
	ctx := context.Background()
	const rpps, other = "10000000001", "10000000002"
	me := professional(rpps)

	t.Run("EveryWritePath", func(t *testing.T) {
		s := open(t)
		if seq := changeSeq(t, s); seq != 0 {
			t.Fatalf("an empty store's change sequence = %d", seq)
		}
		// step runs a write and checks that the objects want, and only
		// them, changed since the write began, as they now stand.
		step := func(what string, want []string, write func()) map[string]erpps.Change {
			t.Helper()
			before := changeSeq(t, s)
			write()
			if after := changeSeq(t, s); after <= before {
				t.Fatalf("%s: the change sequence did not move (%d)", what, after)
			}
			got := changesAfter(t, s, before, rpps)
			sort.Strings(want)
			if !reflect.DeepEqual(keys(got), want) {
				t.Fatalf("%s: changed %v, want %v", what, keys(got), want)
			}
			return got
		}
		p := practitioner(rpps, "Testeur", "Alix", "75")
		got := step("save the record", []string{rpps}, func() { mustSave(t, s, p) })
		if c := got[rpps]; c.Kind != erpps.ChangePractitioner || c.Practitioner == nil ||
			len(c.Practitioner.Activities) != 2 || c.Request != nil || c.Deleted {
			t.Fatalf("practitioner change %+v", c)
		}
		var draft *erpps.Request
		got = step("create", []string{"draft-1"}, func() {
			draft = &erpps.Request{ID: "draft-1", RPPS: rpps, Kind: erpps.KindContact, Payload: json.RawMessage(`{}`)}
			if err := s.CreateRequest(ctx, draft, me); err != nil {
				t.Fatal(err)
			}
		})
		if c := got["draft-1"]; c.Kind != erpps.ChangeRequest || c.Request == nil || c.Request.Revision != 1 || len(c.Request.History) != 1 {
			t.Fatalf("creation %+v", c)
		}
		got = step("save", []string{"draft-1"}, func() {
			if _, err := s.SaveDraft(ctx, "draft-1", 1, json.RawMessage(`{"a":1}`), me); err != nil {
				t.Fatal(err)
			}
		})
		if c := got["draft-1"]; string(c.Request.Payload) != `{"a":1}` || c.Request.Revision != 2 {
			t.Fatalf("save %+v", c.Request)
		}
		step("delete", []string{"draft-1"}, func() {
			if err := s.DeleteDraft(ctx, "draft-1"); err != nil {
				t.Fatal(err)
			}
		})
		if c := changesAfter(t, s, 0, rpps)["draft-1"]; !c.Deleted || c.Request != nil || c.Kind != erpps.ChangeRequest {
			t.Fatalf("deletion %+v", c)
		}

		old := "ACT-" + rpps + "-1"
		moved := mustCreate(t, s, rpps, erpps.KindNewActivity, "", `{"replacesActivityId":"`+old+`"}`)
		ceaseID := erpps.LinkedCessationID(moved.ID)
		got = step("transmit a moved cabinet", []string{ceaseID, moved.ID}, func() {
			cease := &erpps.Request{ID: ceaseID, Kind: erpps.KindCeaseActivity, TargetID: old, Department: "75",
				Payload: json.RawMessage(`{"activityId":"` + old + `"}`)}
			if _, err := s.CommitTransmit(ctx, erpps.TransmitPlan{RequestID: moved.ID, BaseRevision: 1, Payload: moved.Payload,
				Department: "75", Actor: me, Principal: rpps, LinkedCessation: cease}); err != nil {
				t.Fatal(err)
			}
		})
		if c := got[ceaseID]; c.Request == nil || c.Request.LinkedRequestID != moved.ID || c.Request.Status != erpps.StatusTransmitted {
			t.Fatalf("linked cessation %+v", c.Request)
		}
		if c := got[moved.ID]; c.Request.Status != erpps.StatusTransmitted || c.Request.Revision != 2 {
			t.Fatalf("moved %+v", c.Request)
		}
		step("withdraw the pair", []string{ceaseID, moved.ID}, func() {
			if _, err := s.CommitWithdraw(ctx, erpps.WithdrawPlan{RequestID: moved.ID, BaseRevision: 2, Actor: me, Principal: rpps}); err != nil {
				t.Fatal(err)
			}
		})
		sent := mustCreate(t, s, rpps, erpps.KindContact, "", `{}`)
		sent = transmit(t, s, sent, me, nil)
		got = step("decide", []string{sent.ID}, func() { decide(t, s, sent, erpps.DecisionTake, agent, nil) })
		if c := got[sent.ID]; c.Request.Status != erpps.StatusUnderReview || len(c.Request.History) != 3 {
			t.Fatalf("decided %+v", c.Request)
		}
	})

	t.Run("NewestStateOnceFilteredPaged", func(t *testing.T) {
		s := open(t)
		mustSave(t, s, practitioner(rpps, "Testeur", "Alix", "75"))
		mustSave(t, s, practitioner(other, "Autre", "Basile", "75"))
		start := changeSeq(t, s)
		a := mustCreate(t, s, rpps, erpps.KindContact, "", `{}`)
		mustCreate(t, s, other, erpps.KindContact, "", `{}`)
		b := mustCreate(t, s, rpps, erpps.KindExerciseName, "", `{}`)
		for rev := int64(1); rev <= 3; rev++ {
			if _, err := s.SaveDraft(ctx, a.ID, rev, json.RawMessage(fmt.Sprintf(`{"n":%d}`, rev)), me); err != nil {
				t.Fatal(err)
			}
		}
		page, err := s.ListChanges(ctx, start, []string{rpps}, 0)
		if err != nil {
			t.Fatal(err)
		}
		if page.More || page.Resync || len(page.Changes) != 2 || page.Changes[0].ID != b.ID || page.Changes[1].ID != a.ID ||
			page.Changes[1].Request.Revision != 4 || string(page.Changes[1].Request.Payload) != `{"n":3}` ||
			page.Cursor != page.Changes[1].Seq || page.Cursor != changeSeq(t, s) {
			t.Fatalf("page %+v", page)
		}
		first, err := s.ListChanges(ctx, start, []string{rpps, other}, 2)
		if err != nil {
			t.Fatal(err)
		}
		if !first.More || len(first.Changes) != 2 || first.Cursor != first.Changes[1].Seq {
			t.Fatalf("first page %+v", first)
		}
		rest := changesAfter(t, s, first.Cursor, rpps, other)
		if len(rest) != 1 || rest[a.ID].Request == nil {
			t.Fatalf("rest %v", keys(rest))
		}
		none, err := s.ListChanges(ctx, changeSeq(t, s), []string{rpps}, 0)
		if err != nil {
			t.Fatal(err)
		}
		if len(none.Changes) != 0 || none.More || none.Cursor != changeSeq(t, s) {
			t.Fatalf("nothing new %+v", none)
		}
		nobody, err := s.ListChanges(ctx, 0, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		if len(nobody.Changes) != 0 || nobody.Resync || nobody.Cursor != changeSeq(t, s) {
			t.Fatalf("no record %+v", nobody)
		}
		// Others' records changing moves the sequence, not this client's
		// records: its cursor follows the sequence all the same, so that a
		// long-poll from it waits for the next change.
		at := changeSeq(t, s)
		mustCreate(t, s, other, erpps.KindExerciseName, "", `{}`)
		quiet, err := s.ListChanges(ctx, at, []string{rpps}, 0)
		if err != nil {
			t.Fatal(err)
		}
		if len(quiet.Changes) != 0 || quiet.More || quiet.Cursor != changeSeq(t, s) || quiet.Cursor <= at {
			t.Fatalf("others' changes only: %+v", quiet)
		}
	})

	t.Run("PruneThenResync", func(t *testing.T) {
		s := open(t)
		mustSave(t, s, practitioner(rpps, "Testeur", "Alix", "75"))
		bind(t, s, clientA, accountA)
		kept := mustCreate(t, s, rpps, erpps.KindContact, "", `{}`)
		gone := mustCreate(t, s, rpps, erpps.KindExerciseName, "", `{}`)
		for rev := int64(1); rev <= 2; rev++ {
			if _, err := s.SaveDraft(receipt(clientA, rev, kept.ID), kept.ID, rev, json.RawMessage(`{}`), me); err != nil {
				t.Fatal(err)
			}
		}
		if err := s.DeleteDraft(ctx, gone.ID); err != nil {
			t.Fatal(err)
		}
		end := changeSeq(t, s)
		n, err := s.PruneChanges(ctx, time.Now().Add(time.Hour))
		if err != nil {
			t.Fatal(err)
		}
		// Kept: the newest line of the record and of the request that
		// exists; gone: the older lines and the deleted request's.
		if n != 4 {
			t.Fatalf("pruned %d lines, want 4", n)
		}
		if seq := changeSeq(t, s); seq != end {
			t.Fatalf("pruning moved the change sequence: %d, want %d", seq, end)
		}
		old, err := s.ListChanges(ctx, 0, []string{rpps}, 0)
		if err != nil {
			t.Fatal(err)
		}
		if !old.Resync || len(old.Changes) != 0 {
			t.Fatalf("a cursor below the pruned part: %+v", old)
		}
		if got := changesAfter(t, s, end, rpps); len(got) != 0 {
			t.Fatalf("changes after the end %v", keys(got))
		}
		// The client's own saves are pruned: from the version before them
		// the log cannot tell that nobody else wrote.
		if !changedSince(t, s, kept.ID, 1, clientA) {
			t.Fatal("a pruned history is not a change since")
		}
		if changedSince(t, s, kept.ID, 3, clientA) {
			t.Fatal("changed since the newest version")
		}
		again, err := s.PruneChanges(ctx, time.Now().Add(time.Hour))
		if err != nil || again != 0 {
			t.Fatalf("pruned again %d, %v", again, err)
		}
		future, err := s.ListChanges(ctx, end+100, []string{rpps}, 0)
		if err != nil {
			t.Fatal(err)
		}
		if !future.Resync {
			t.Fatalf("a cursor past the log's end: %+v", future)
		}
	})

	t.Run("SnapshotOf", func(t *testing.T) {
		s := open(t)
		mustSave(t, s, practitioner(rpps, "Testeur", "Alix", "75"))
		mustSave(t, s, practitioner(other, "Autre", "Basile", "75"))
		a := mustCreate(t, s, rpps, erpps.KindContact, "", `{"a":1}`)
		mustCreate(t, s, other, erpps.KindContact, "", `{}`)
		b := transmit(t, s, mustCreate(t, s, rpps, erpps.KindExerciseName, "", `{}`), me, nil)
		snap, err := s.SnapshotOf(ctx, []string{rpps, "10000000099"})
		if err != nil {
			t.Fatal(err)
		}
		if snap.Cursor != changeSeq(t, s) || len(snap.Practitioners) != 1 || snap.Practitioners[0].RPPS != rpps ||
			len(snap.Practitioners[0].Activities) != 2 || len(snap.Requests) != 2 {
			t.Fatalf("snapshot %+v", snap)
		}
		byID := map[string]*erpps.Request{}
		for _, r := range snap.Requests {
			byID[r.ID] = r
		}
		if !reflect.DeepEqual(normTimes(byID[a.ID]), normTimes(mustFind(t, s, a.ID))) ||
			!reflect.DeepEqual(normTimes(byID[b.ID]), normTimes(mustFind(t, s, b.ID))) {
			t.Fatalf("snapshot requests %+v", snap.Requests)
		}
		empty, err := s.SnapshotOf(ctx, nil)
		if err != nil || len(empty.Practitioners) != 0 || len(empty.Requests) != 0 {
			t.Fatalf("empty snapshot %+v, %v", empty, err)
		}
	})
}
