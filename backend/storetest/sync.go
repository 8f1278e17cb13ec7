package storetest

import (
	"context"
	"encoding/json"
	"fmt"
	"reflect"
	"testing"
	"time"

	"erpps/backend/erpps"
)

// The sync clients of the tests, bound to their accounts.
const (
	clientA  = "client-a"
	clientB  = "client-b"
	accountA = "account-a"
)

// bind binds client to account and returns its last seq.
func bind(t *testing.T, s erpps.SyncStore, client, account string) int64 {
	t.Helper()
	last, err := s.BindSyncClient(context.Background(), client, account)
	if err != nil {
		t.Fatalf("bind %s: %v", client, err)
	}
	return last
}

// receipt returns a context carrying client's mutation seq on request id.
func receipt(client string, seq int64, id string) context.Context {
	return erpps.WithReceipt(context.Background(), erpps.Receipt{ClientID: client, Seq: seq,
		MutationID: fmt.Sprintf("m-%s-%d", client, seq), RequestID: id})
}

// result reads the stored result of client's mutation seq.
func result(t *testing.T, s erpps.SyncStore, client string, seq int64) *erpps.MutationResult {
	t.Helper()
	r, err := s.FindMutationResult(context.Background(), client, seq)
	if err != nil {
		t.Fatalf("result of %s #%d: %v", client, seq, err)
	}
	return r
}

// changedSince calls ChangedByOthersSince.
func changedSince(t *testing.T, s erpps.SyncStore, id string, version int64, client string) bool {
	t.Helper()
	changed, err := s.ChangedByOthersSince(context.Background(), id, version, client)
	if err != nil {
		t.Fatal(err)
	}
	return changed
}

func testSyncReceipts(t *testing.T, open func(t *testing.T) erpps.ServerStore) {
	ctx := context.Background()
	const rpps = "10000000001"
	me := professional(rpps)

	t.Run("Bind", func(t *testing.T) {
		s := open(t)
		if last := bind(t, s, clientA, accountA); last != 0 {
			t.Fatalf("new client's last seq = %d", last)
		}
		if last := bind(t, s, clientA, accountA); last != 0 {
			t.Fatalf("last seq = %d", last)
		}
		_, err := s.BindSyncClient(ctx, clientA, "someone-else")
		wantCode(t, err, erpps.EFORBIDDEN)
	})

	t.Run("AppliedOnceAmongRacers", func(t *testing.T) {
		s := open(t)
		mustSave(t, s, practitioner(rpps, "Testeur", "Alix", "75"))
		bind(t, s, clientA, accountA)
		// Eight creations that would each succeed alone carry the same
		// receipt: one is applied, the others are refused.
		ids := make([]string, racers)
		errs := race(func(i int) error {
			ids[i] = fmt.Sprintf("req-%d", i)
			r := &erpps.Request{ID: ids[i], RPPS: rpps, Kind: erpps.KindCeaseActivity,
				TargetID: fmt.Sprintf("ACT-%d", i), Payload: json.RawMessage(`{}`)}
			return s.CreateRequest(receipt(clientA, 1, ids[i]), r, me)
		})
		oneWins(t, errs, erpps.ECONFLICT)
		list, err := s.ListRequests(ctx, erpps.RequestFilter{RPPS: rpps})
		if err != nil {
			t.Fatal(err)
		}
		if len(list) != 1 {
			t.Fatalf("%d requests created, want 1", len(list))
		}
		got := result(t, s, clientA, 1)
		if got.Outcome != erpps.OutcomeApplied || got.Seq != 1 || got.MutationID != "m-client-a-1" ||
			got.Request == nil || got.Request.ID != list[0].ID || got.Version != 1 || got.ChangeSeq == 0 ||
			len(got.Request.History) != 1 {
			t.Fatalf("result %+v", got)
		}
		if last := bind(t, s, clientA, accountA); last != 1 {
			t.Fatalf("last seq = %d, want 1", last)
		}
		_, err = s.FindMutationResult(ctx, clientA, 2)
		wantCode(t, err, erpps.ENOTFOUND)
	})

	t.Run("FailedWriteStoresNothing", func(t *testing.T) {
		s := open(t)
		mustSave(t, s, practitioner(rpps, "Testeur", "Alix", "75"))
		bind(t, s, clientA, accountA)
		r := mustCreate(t, s, rpps, erpps.KindContact, "", `{}`)
		_, err := s.SaveDraft(receipt(clientA, 1, r.ID), r.ID, 7, json.RawMessage(`{"email":"x@example.invalid"}`), me)
		wantCode(t, err, erpps.ECONFLICT) // stale revision
		_, err = s.FindMutationResult(ctx, clientA, 1)
		wantCode(t, err, erpps.ENOTFOUND)
		if last := bind(t, s, clientA, accountA); last != 0 {
			t.Fatalf("last seq = %d after a failed write", last)
		}
		if _, err := s.SaveDraft(receipt(clientA, 1, r.ID), r.ID, 1, json.RawMessage(`{"email":"x@example.invalid"}`), me); err != nil {
			t.Fatal(err)
		}
		got := result(t, s, clientA, 1)
		if got.Version != 2 || string(got.Request.Payload) != `{"email":"x@example.invalid"}` {
			t.Fatalf("result %+v", got)
		}
	})

	t.Run("GapAndReplayRefused", func(t *testing.T) {
		s := open(t)
		mustSave(t, s, practitioner(rpps, "Testeur", "Alix", "75"))
		bind(t, s, clientA, accountA)
		r := mustCreate(t, s, rpps, erpps.KindContact, "", `{}`)
		_, err := s.SaveDraft(receipt(clientA, 2, r.ID), r.ID, 1, json.RawMessage(`{"a":1}`), me)
		wantCode(t, err, erpps.ECONFLICT)
		if got := mustFind(t, s, r.ID); got.Revision != 1 {
			t.Fatalf("a mutation past a gap was applied: %+v", got)
		}
		wantCode(t, s.RecordMutationResult(ctx, erpps.MutationResult{ClientID: clientA, Seq: 3, Outcome: erpps.OutcomeRejected}), erpps.ECONFLICT)
		_, err = s.SaveDraft(receipt(clientB, 1, r.ID), r.ID, 1, json.RawMessage(`{"a":1}`), me)
		wantCode(t, err, erpps.ECONFLICT) // a client never bound
		if _, err := s.SaveDraft(receipt(clientA, 1, r.ID), r.ID, 1, json.RawMessage(`{"a":1}`), me); err != nil {
			t.Fatal(err)
		}
		_, err = s.SaveDraft(receipt(clientA, 1, r.ID), r.ID, 2, json.RawMessage(`{"a":2}`), me)
		wantCode(t, err, erpps.ECONFLICT) // a replay
		if got := mustFind(t, s, r.ID); got.Revision != 2 || string(got.Payload) != `{"a":1}` {
			t.Fatalf("a replay was applied: %+v", got)
		}
	})

	t.Run("RecordedResult", func(t *testing.T) {
		s := open(t)
		mustSave(t, s, practitioner(rpps, "Testeur", "Alix", "75"))
		bind(t, s, clientA, accountA)
		r := mustCreate(t, s, rpps, erpps.KindContact, "", `{}`)
		rejected := erpps.MutationResult{ClientID: clientA, Seq: 1, MutationID: "m1", Outcome: erpps.OutcomeRejected,
			Code: erpps.EINVALID, Message: "La demande est incomplète."}
		if err := s.RecordMutationResult(ctx, rejected); err != nil {
			t.Fatal(err)
		}
		seq, err := s.ChangeSeq(ctx)
		if err != nil {
			t.Fatal(err)
		}
		rejected.ChangeSeq = seq
		if got := result(t, s, clientA, 1); !reflect.DeepEqual(got, &rejected) {
			t.Fatalf("stored %+v, want %+v", got, rejected)
		}
		wantCode(t, s.RecordMutationResult(ctx, rejected), erpps.ECONFLICT)
		conflict := erpps.MutationResult{ClientID: clientA, Seq: 2, MutationID: "m2", Outcome: erpps.OutcomeConflict,
			Version: 1, Request: mustFind(t, s, r.ID), ChangeSeq: seq}
		if err := s.RecordMutationResult(ctx, conflict); err != nil {
			t.Fatal(err)
		}
		got := result(t, s, clientA, 2)
		if got.Outcome != erpps.OutcomeConflict || got.Request == nil || got.Request.ID != r.ID ||
			!reflect.DeepEqual(normTimes(got.Request), normTimes(conflict.Request)) {
			t.Fatalf("stored %+v", got)
		}
		if last := bind(t, s, clientA, accountA); last != 2 {
			t.Fatalf("last seq = %d, want 2", last)
		}
	})

	t.Run("PruneMutations", func(t *testing.T) {
		s := open(t)
		bind(t, s, clientA, accountA)
		for seq := int64(1); seq <= 2; seq++ {
			if err := s.RecordMutationResult(ctx, erpps.MutationResult{ClientID: clientA, Seq: seq, MutationID: fmt.Sprint("m", seq),
				Outcome: erpps.OutcomeRejected, Code: erpps.EINVALID, Message: "Refusée."}); err != nil {
				t.Fatal(err)
			}
		}
		if n, err := s.PruneMutations(ctx, time.Now().Add(-time.Hour)); err != nil || n != 0 {
			t.Fatalf("pruned %d recent results: %v", n, err)
		}
		if n, err := s.PruneMutations(ctx, time.Now().Add(time.Hour)); err != nil || n != 2 {
			t.Fatalf("pruned %d of 2 results: %v", n, err)
		}
		_, err := s.FindMutationResult(ctx, clientA, 1)
		wantCode(t, err, erpps.ENOTFOUND)
		// The client's sequence stays: the next seq is still 3, a replay
		// of 1 or 2 is refused.
		if last := bind(t, s, clientA, accountA); last != 2 {
			t.Fatalf("last seq after pruning = %d, want 2", last)
		}
		wantCode(t, s.RecordMutationResult(ctx, erpps.MutationResult{ClientID: clientA, Seq: 2, MutationID: "again",
			Outcome: erpps.OutcomeRejected}), erpps.ECONFLICT)
	})

	t.Run("ResultsReadBack", func(t *testing.T) {
		s := open(t)
		mustSave(t, s, practitioner(rpps, "Testeur", "Alix", "75"))
		bind(t, s, clientA, accountA)
		old := "ACT-" + rpps + "-1"
		moved := mustCreate(t, s, rpps, erpps.KindNewActivity, "", `{"replacesActivityId":"`+old+`"}`)
		ceaseID := erpps.LinkedCessationID(moved.ID)
		cease := &erpps.Request{ID: ceaseID, Kind: erpps.KindCeaseActivity, TargetID: old, Department: "75",
			Payload: json.RawMessage(`{"activityId":"` + old + `"}`)}
		if _, err := s.CommitTransmit(receipt(clientA, 1, moved.ID), erpps.TransmitPlan{RequestID: moved.ID, BaseRevision: 1,
			Payload: moved.Payload, Department: "75", Actor: me, Principal: rpps, LinkedCessation: cease}); err != nil {
			t.Fatal(err)
		}
		got := result(t, s, clientA, 1)
		if got.Request == nil || got.Request.Status != erpps.StatusTransmitted || got.Version != 2 ||
			got.Linked == nil || got.Linked.ID != ceaseID || got.Linked.LinkedRequestID != moved.ID ||
			got.Linked.Status != erpps.StatusTransmitted || len(got.Linked.History) != 2 {
			t.Fatalf("transmission's result %+v, linked %+v", got, got.Linked)
		}
		// The pair's lines are the client's: the cessation it did not
		// create itself is not someone else's change.
		if changedSince(t, s, ceaseID, 0, clientA) || !changedSince(t, s, ceaseID, 0, clientB) {
			t.Fatal("the linked cessation's line is not attributed to the client")
		}
		// Read back from the cessation's side: the new activity is linked.
		if _, err := s.CommitWithdraw(receipt(clientA, 2, ceaseID), erpps.WithdrawPlan{RequestID: ceaseID, BaseRevision: 1,
			Actor: me, Principal: rpps}); err != nil {
			t.Fatal(err)
		}
		if got := result(t, s, clientA, 2); got.Linked == nil || got.Linked.ID != moved.ID || got.Linked.Status != erpps.StatusWithdrawn {
			t.Fatalf("withdrawal's result %+v", got)
		}
		draft := mustCreate(t, s, rpps, erpps.KindContact, "", `{}`)
		if err := s.DeleteDraft(receipt(clientA, 3, draft.ID), draft.ID); err != nil {
			t.Fatal(err)
		}
		if got := result(t, s, clientA, 3); got.Outcome != erpps.OutcomeApplied || got.Request != nil || got.Version != 0 ||
			got.ChangeSeq != changeSeq(t, s) {
			t.Fatalf("deletion's result %+v", got)
		}
	})

	t.Run("Attribution", func(t *testing.T) {
		s := open(t)
		mustSave(t, s, practitioner(rpps, "Testeur", "Alix", "75"))
		bind(t, s, clientA, accountA)
		bind(t, s, clientB, "account-b")
		r := &erpps.Request{ID: "from-a", RPPS: rpps, Kind: erpps.KindContact, Payload: json.RawMessage(`{}`)}
		if err := s.CreateRequest(receipt(clientA, 1, r.ID), r, me); err != nil {
			t.Fatal(err)
		}
		if _, err := s.SaveDraft(receipt(clientA, 2, r.ID), r.ID, 1, json.RawMessage(`{"a":1}`), me); err != nil {
			t.Fatal(err)
		}
		// Only the client's own mutations: no change by others since it
		// was created, whatever version it based on.
		for v := int64(0); v <= 2; v++ {
			if changedSince(t, s, r.ID, v, clientA) {
				t.Fatalf("changed by others since %d after only the client's own mutations", v)
			}
		}
		if !changedSince(t, s, r.ID, 0, clientB) || !changedSince(t, s, r.ID, 1, clientB) {
			t.Fatal("another client's changes are not others' for client B")
		}
		if changedSince(t, s, r.ID, 2, clientB) {
			t.Fatal("nothing changed since the version client B has")
		}
		// A save through the API (no receipt) is someone else's.
		if _, err := s.SaveDraft(ctx, r.ID, 2, json.RawMessage(`{"a":2}`), secretary); err != nil {
			t.Fatal(err)
		}
		if !changedSince(t, s, r.ID, 2, clientA) {
			t.Fatal("a save through the API is not a change by others")
		}
		if changedSince(t, s, r.ID, 3, clientA) {
			t.Fatal("nothing changed since version 3")
		}
		// A request created by another client, unknown to this one.
		if !changedSince(t, s, r.ID, 0, clientB) {
			t.Fatal("a request created elsewhere is not a change by others at version 0")
		}
		if changedSince(t, s, "never-created", 0, clientA) {
			t.Fatal("a request that never existed changed")
		}
	})

	t.Run("AttributionOfADecision", func(t *testing.T) {
		s := open(t)
		mustSave(t, s, practitioner(rpps, "Testeur", "Alix", "75"))
		bind(t, s, clientA, accountA)
		r := mustCreate(t, s, rpps, erpps.KindContact, "", `{}`)
		sent, err := s.CommitTransmit(receipt(clientA, 1, r.ID), erpps.TransmitPlan{RequestID: r.ID, BaseRevision: 1,
			Payload: r.Payload, Department: "75", Actor: me, Principal: rpps})
		if err != nil {
			t.Fatal(err)
		}
		if changedSince(t, s, r.ID, sent.Revision, clientA) {
			t.Fatal("changed since the client's own transmission")
		}
		decide(t, s, sent, erpps.DecisionTake, agent, nil)
		// A decision keeps the revision: at the transmitted version the
		// client's next mutation applies on the decided state (or the
		// state machine rejects it); the revisions before were others'.
		if changedSince(t, s, r.ID, sent.Revision, clientA) {
			t.Fatal("a decision is a new version")
		}
		if !changedSince(t, s, r.ID, 0, clientA) {
			t.Fatal("the request created through the API is not others' at version 0")
		}
		lines := changesAfter(t, s, 0, rpps)
		if c := lines[r.ID]; c.Request == nil || c.Request.Status != erpps.StatusUnderReview {
			t.Fatalf("the decision is not in the log: %+v", c)
		}
	})
}

// changesAfter pulls every change after cursor for rpps (all pages) and
// returns them by object id, checking that each object comes once.
func changesAfter(t *testing.T, s erpps.SyncStore, cursor int64, rpps ...string) map[string]erpps.Change {
	t.Helper()
	out := map[string]erpps.Change{}
	for {
		page, err := s.ListChanges(context.Background(), cursor, rpps, 0)
		if err != nil {
			t.Fatal(err)
		}
		if page.Resync {
			t.Fatalf("resync at cursor %d", cursor)
		}
		for _, c := range page.Changes {
			if c.Seq <= cursor {
				t.Fatalf("change %+v at or before the cursor %d", c, cursor)
			}
			cursor = c.Seq
			out[c.ID] = c
		}
		if len(page.Changes) > 0 && page.Cursor != cursor {
			t.Fatalf("page cursor %d, want the last change's %d", page.Cursor, cursor)
		}
		if page.Cursor < cursor {
			t.Fatalf("page cursor %d before the cursor %d", page.Cursor, cursor)
		}
		cursor = page.Cursor
		if !page.More {
			return out
		}
	}
}
