package sqlite

import (
	"context"
	"encoding/json"
	"testing"
	"time"

	"erpps/backend/erpps"
)

// serverCopy is the server's state of local request r at version, with
// payload.
func serverCopy(tb testing.TB, db *DB, id string, version int64, payload string) *erpps.Request {
	tb.Helper()
	r, err := db.FindRequestByID(context.Background(), id)
	if err != nil {
		tb.Fatal(err)
	}
	r.Revision, r.Payload = version, json.RawMessage(payload)
	return r
}

// ack acknowledges m with outcome, the server's state being server.
func ack(tb testing.TB, db *DB, m erpps.PendingMutation, outcome erpps.MutationOutcome, server *erpps.Request) {
	tb.Helper()
	res := erpps.MutationResult{ClientID: m.ClientID, Seq: m.Seq, MutationID: m.ID, Outcome: outcome, Request: server}
	if server != nil {
		res.Version = server.Revision
	}
	if outcome == erpps.OutcomeRejected {
		res.Code, res.Message = erpps.EFORBIDDEN, "Vous n'avez pas de mandat pour ce dossier."
	}
	if err := db.AckMutation(context.Background(), res); err != nil {
		tb.Fatalf("ack %d: %v", m.Seq, err)
	}
}

// TestReplicaSetAside: a conflict and a rejection are set aside with the
// server's answer and never block the mutations behind them; an applied
// mutation leaves and gives the request its server version, base of the
// next mutation; a repeated acknowledgement is not an error.
func TestReplicaSetAside(t *testing.T) {
	ctx := context.Background()
	db := MustOpenReplica(t)
	mustSavePractitioner(t, db, "10000000001", "Testeur", "Alix")
	a := mustCreateDraft(t, db, "10000000001", `{"a":1}`)
	b := mustCreateDraft(t, db, "10000000001", `{"b":1}`)
	c := mustCreateDraft(t, db, "10000000001", `{"c":1}`)
	if err := db.MarkMutationsSent(ctx, 3); err != nil {
		t.Fatal(err)
	}
	sent := mustPending(t, db)
	ack(t, db, sent[0], erpps.OutcomeConflict, serverCopy(t, db, a.ID, 4, `{"a":"server"}`))
	ack(t, db, sent[1], erpps.OutcomeRejected, nil)
	ack(t, db, sent[1], erpps.OutcomeRejected, nil) // repeated

	pending := mustPending(t, db)
	if len(pending) != 1 || pending[0].RequestID != c.ID {
		t.Fatalf("pending after set-asides: %s", describe(pending))
	}
	aside, err := db.ListSetAside(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(aside) != 2 || aside[0].RequestID != a.ID || aside[0].Status != erpps.PendingConflict ||
		aside[0].Result == nil || aside[0].Result.Version != 4 || string(aside[0].Result.Request.Payload) != `{"a":"server"}` ||
		aside[1].RequestID != b.ID || aside[1].Status != erpps.PendingRejected || aside[1].Result.Code != erpps.EFORBIDDEN ||
		aside[1].Result.Message == "" {
		t.Fatalf("set aside: %+v", aside)
	}
	summary, err := db.SyncSummary(ctx)
	if err != nil || summary.Pending != 1 || summary.SetAside != 2 {
		t.Fatalf("summary %+v, %v", summary, err)
	}

	// c is applied: it leaves, and c's next save is based on version 1.
	ack(t, db, pending[0], erpps.OutcomeApplied, serverCopy(t, db, c.ID, 1, `{"c":1}`))
	ack(t, db, pending[0], erpps.OutcomeApplied, serverCopy(t, db, c.ID, 1, `{"c":1}`)) // repeated
	after, err := db.FindRequestByID(ctx, c.ID)
	if err != nil || after.Revision != 1 {
		t.Fatalf("an applied save equal to the local draft bumped it: %+v, %v", after, err)
	}
	if _, err := saveLatest(ctx, db, c.ID, json.RawMessage(`{"c":2}`)); err != nil {
		t.Fatal(err)
	}
	pending = mustPending(t, db)
	if len(pending) != 1 || pending[0].BaseVersion != 1 || string(pending[0].BasePayload) != `{"c":1}` || pending[0].Seq != 4 {
		t.Fatalf("the next save: %+v", pending)
	}
	// a's next save keeps the base its conflict had: the server's change is
	// still one the user has not seen.
	if _, err := saveLatest(ctx, db, a.ID, json.RawMessage(`{"a":2}`)); err != nil {
		t.Fatal(err)
	}
	if pending = mustPending(t, db); pending[1].RequestID != a.ID || pending[1].BaseVersion != 0 {
		t.Fatalf("a's save after its conflict: %+v", pending[1])
	}
	wantCode(t, db.AckMutation(ctx, erpps.MutationResult{ClientID: "another", Seq: 5, MutationID: pending[1].ID,
		Outcome: erpps.OutcomeApplied}), erpps.EINVALID)
}

// TestReplicaAckOfAnOlderVersion: when the server judged a version of a
// save read before a later autosave changed it (another mutation id at that
// seq), the local mutation goes back to the queue, at the end.
func TestReplicaAckOfAnOlderVersion(t *testing.T) {
	ctx := context.Background()
	db := MustOpenReplica(t)
	mustSavePractitioner(t, db, "10000000001", "Testeur", "Alix")
	a := mustCreateDraft(t, db, "10000000001", `{"a":1}`)
	m := mustPending(t, db)[0]
	if err := db.MarkMutationsSent(ctx, 1); err != nil {
		t.Fatal(err)
	}
	m.ID = "an-older-version"
	ack(t, db, m, erpps.OutcomeApplied, serverCopy(t, db, a.ID, 1, `{"a":0}`))
	got := mustPending(t, db)
	if len(got) != 1 || got[0].Seq != 2 || got[0].Status != erpps.PendingQueued || string(got[0].Payload) != `{"a":1}` {
		t.Fatalf("after the answer to an older version: %s", describe(got))
	}
	checkSeqs(t, db, 2)
}

// TestResolveConflict: the user's choice replaces the draft and is queued as
// a save based on the server's version; choosing the server's version takes
// its state and drops the local change; a request the server no longer has
// is removed.
func TestResolveConflict(t *testing.T) {
	ctx := context.Background()
	setUp := func(t *testing.T) (*DB, *erpps.Request, *erpps.Request) {
		db := MustOpenReplica(t)
		mustSavePractitioner(t, db, "10000000001", "Testeur", "Alix")
		a := mustCreateDraft(t, db, "10000000001", `{"a":1,"b":1}`)
		if err := db.MarkMutationsSent(ctx, 1); err != nil {
			t.Fatal(err)
		}
		server := serverCopy(t, db, a.ID, 3, `{"a":1,"b":"server"}`)
		server.UpdatedBy = agent
		ack(t, db, mustPending(t, db)[0], erpps.OutcomeConflict, server)
		// The user keeps typing meanwhile: a save queued behind.
		if _, err := saveLatest(ctx, db, a.ID, json.RawMessage(`{"a":"mine","b":1}`)); err != nil {
			t.Fatal(err)
		}
		return db, a, server
	}

	t.Run("TheUsersChoice", func(t *testing.T) {
		db, a, _ := setUp(t)
		before, _ := db.FindRequestByID(ctx, a.ID)
		choice := json.RawMessage(`{"a":"mine","b":"server"}`)
		if err := db.ResolveConflict(ctx, a.ID, choice, professional); err != nil {
			t.Fatal(err)
		}
		got, err := db.FindRequestByID(ctx, a.ID)
		if err != nil || string(got.Payload) != string(choice) || got.Revision != before.Revision+1 {
			t.Fatalf("after the choice: %+v, %v", got, err)
		}
		pending := mustPending(t, db)
		if len(pending) != 1 || pending[0].Kind != erpps.MutationSaveDraft || string(pending[0].Payload) != string(choice) ||
			pending[0].BaseVersion != 3 || string(pending[0].BasePayload) != `{"a":1,"b":"server"}` || pending[0].Seq != 2 {
			t.Fatalf("queued: %+v", pending)
		}
		if aside, _ := db.ListSetAside(ctx); len(aside) != 0 {
			t.Fatalf("still set aside: %+v", aside)
		}
		checkSeqs(t, db, 2)
		wantCode(t, db.ResolveConflict(ctx, a.ID, choice, professional), erpps.ENOTFOUND)
	})

	t.Run("TheServers", func(t *testing.T) {
		db, a, server := setUp(t)
		before, _ := db.FindRequestByID(ctx, a.ID)
		if err := db.ResolveConflict(ctx, a.ID, nil, professional); err != nil {
			t.Fatal(err)
		}
		got, err := db.FindRequestByID(ctx, a.ID)
		if err != nil || string(got.Payload) != string(server.Payload) || got.UpdatedBy != agent || got.Revision != before.Revision+1 {
			t.Fatalf("after taking the server's: %+v, %v", got, err)
		}
		if pending := mustPending(t, db); len(pending) != 0 {
			t.Fatalf("pending: %s", describe(pending))
		}
		checkSeqs(t, db, 2)
		// Its next save is based on the server's version.
		if _, err := saveLatest(ctx, db, a.ID, json.RawMessage(`{"a":2}`)); err != nil {
			t.Fatal(err)
		}
		if p := mustPending(t, db); len(p) != 1 || p[0].BaseVersion != 3 || p[0].Seq != 2 {
			t.Fatalf("next save: %+v", p)
		}
	})

	t.Run("TheServerHasNone", func(t *testing.T) {
		db := MustOpenReplica(t)
		mustSavePractitioner(t, db, "10000000001", "Testeur", "Alix")
		a := mustCreateDraft(t, db, "10000000001", `{"a":1}`)
		if err := db.MarkMutationsSent(ctx, 1); err != nil {
			t.Fatal(err)
		}
		ack(t, db, mustPending(t, db)[0], erpps.OutcomeConflict, nil) // deleted on the server
		if err := db.ResolveConflict(ctx, a.ID, nil, professional); err != nil {
			t.Fatal(err)
		}
		_, err := db.FindRequestByID(ctx, a.ID)
		wantCode(t, err, erpps.ENOTFOUND)
	})
}

// TestReplicaSummaryAfterSync: the cursor and the last sync come from the
// pull; the client id is drawn once.
func TestReplicaSummaryAfterSync(t *testing.T) {
	ctx := context.Background()
	db := MustOpenReplica(t)
	first, err := db.SyncSummary(ctx)
	if err != nil || first.LastSyncAt != nil || first.Cursor != 0 || len(first.ClientID) != 36 {
		t.Fatalf("new store: %+v, %v", first, err)
	}
	at := time.Date(2026, 4, 1, 10, 0, 0, 0, time.UTC)
	if err := db.ApplyChanges(ctx, nil, 42, at); err != nil {
		t.Fatal(err)
	}
	got, err := db.SyncSummary(ctx)
	if err != nil || got.Cursor != 42 || got.LastSyncAt == nil || !got.LastSyncAt.Equal(at) || got.ClientID != first.ClientID {
		t.Fatalf("after a pull: %+v, %v", got, err)
	}
}

// TestReplicaRejectedSaveSuperseded: a rejected save stays set aside until a
// later save of the same draft is applied; a rejected transmission stays.
func TestReplicaRejectedSaveSuperseded(t *testing.T) {
	ctx := context.Background()
	db := MustOpenReplica(t)
	mustSavePractitioner(t, db, "10000000001", "Testeur", "Alix")
	a := mustCreateDraft(t, db, "10000000001", `{"a":"bad"}`)
	b := mustCreateDraft(t, db, "10000000001", `{"b":1}`)
	mustTransmit(t, db, b.ID)
	listed, err := db.ListPendingMutations(ctx, 0)
	if err != nil {
		t.Fatal(err)
	}
	ack(t, db, listed[0], erpps.OutcomeRejected, nil) // a's save
	ack(t, db, listed[1], erpps.OutcomeApplied, serverCopy(t, db, b.ID, 1, `{"b":1}`))
	ack(t, db, listed[2], erpps.OutcomeRejected, nil) // b's transmission
	if aside, _ := db.ListSetAside(ctx); len(aside) != 2 {
		t.Fatalf("set aside: %s", describe(aside))
	}
	if _, err := saveLatest(ctx, db, a.ID, json.RawMessage(`{"a":"good"}`)); err != nil {
		t.Fatal(err)
	}
	listed, err = db.ListPendingMutations(ctx, 0)
	if err != nil || len(listed) != 1 {
		t.Fatalf("pending %s, %v", describe(listed), err)
	}
	ack(t, db, listed[0], erpps.OutcomeApplied, serverCopy(t, db, a.ID, 1, `{"a":"good"}`))
	aside, err := db.ListSetAside(ctx)
	if err != nil || len(aside) != 1 || aside[0].RequestID != b.ID || aside[0].Kind != erpps.MutationTransmit {
		t.Fatalf("set aside after the good save: %s, %v", describe(aside), err)
	}
}

// TestReplicaAckOlderThanAPull: an acknowledgement whose state is older than
// one a pull brought while the mutation was pending (a replayed result: the
// agent decided since, which keeps the revision) leaves the request in the
// newer state, ordered by the server's change sequence.
func TestReplicaAckOlderThanAPull(t *testing.T) {
	ctx := context.Background()
	db := MustOpenReplica(t)
	mustSavePractitioner(t, db, "10000000001", "Testeur", "Alix")
	r := syncedDraft(t, db, `{"r":1}`)
	mustTransmit(t, db, r.ID)
	listed, err := db.ListPendingMutations(ctx, 0)
	if err != nil || len(listed) != 1 {
		t.Fatalf("pending %s, %v", describe(listed), err)
	}
	transmitted := serverCopy(t, db, r.ID, 2, `{"r":1}`) // as the server has it after the transmission
	decided := *transmitted
	decided.Status = erpps.StatusUnderReview
	decided.History = append(append([]erpps.RequestEvent{}, transmitted.History...),
		erpps.RequestEvent{From: erpps.StatusTransmitted, To: erpps.StatusUnderReview, At: testEpoch, Actor: agent, Principal: "10000000001"})
	if err := db.ApplyChanges(ctx, []erpps.Change{{Seq: 9, Kind: erpps.ChangeRequest, ID: r.ID, Request: &decided}}, 9, testEpoch); err != nil {
		t.Fatal(err)
	}
	if got, _ := db.FindRequestByID(ctx, r.ID); got.Status != erpps.StatusTransmitted {
		t.Fatalf("a pull changed a request with a pending mutation: %+v", got)
	}
	if err := db.AckMutation(ctx, erpps.MutationResult{ClientID: listed[0].ClientID, Seq: listed[0].Seq,
		MutationID: listed[0].ID, Outcome: erpps.OutcomeApplied, Version: 2, Request: transmitted, ChangeSeq: 7}); err != nil {
		t.Fatal(err)
	}
	got, err := db.FindRequestByID(ctx, r.ID)
	if err != nil || got.Status != erpps.StatusUnderReview || len(got.History) != len(decided.History) {
		t.Fatalf("after the older acknowledgement: %+v, %v", got, err)
	}
}

// TestReplicaDeletedHereChangedThere: a draft deleted here whose deletion
// conflicts (edited elsewhere) keeps hearing of the server's changes; taking
// the server's version brings back its newest state (here: transmitted
// since by the other desktop), though the cursor passed that change.
func TestReplicaDeletedHereChangedThere(t *testing.T) {
	ctx := context.Background()
	db := MustOpenReplica(t)
	mustSavePractitioner(t, db, "10000000001", "Testeur", "Alix")
	r := syncedDraft(t, db, `{"r":1}`)
	serverDraft := serverCopy(t, db, r.ID, 2, `{"r":"elsewhere"}`)
	if err := db.DeleteDraft(erpps.WithActor(ctx, professional), r.ID); err != nil {
		t.Fatal(err)
	}
	listed, err := db.ListPendingMutations(ctx, 0)
	if err != nil || len(listed) != 1 || listed[0].Kind != erpps.MutationDeleteDraft {
		t.Fatalf("pending %s, %v", describe(listed), err)
	}
	if err := db.AckMutation(ctx, erpps.MutationResult{ClientID: listed[0].ClientID, Seq: listed[0].Seq, MutationID: listed[0].ID,
		Outcome: erpps.OutcomeConflict, Version: 2, Request: serverDraft, ChangeSeq: 5}); err != nil {
		t.Fatal(err)
	}
	transmitted := *serverDraft
	transmitted.Revision, transmitted.Status = 3, erpps.StatusTransmitted
	if err := db.ApplyChanges(ctx, []erpps.Change{{Seq: 8, Kind: erpps.ChangeRequest, ID: r.ID, Request: &transmitted}}, 8, testEpoch); err != nil {
		t.Fatal(err)
	}
	_, err = db.FindRequestByID(ctx, r.ID)
	wantCode(t, err, erpps.ENOTFOUND) // still deleted here, until the user chooses
	if err := db.ResolveConflict(ctx, r.ID, nil, professional); err != nil {
		t.Fatal(err)
	}
	got, err := db.FindRequestByID(ctx, r.ID)
	if err != nil || got.Status != erpps.StatusTransmitted || string(got.Payload) != `{"r":"elsewhere"}` {
		t.Fatalf("after taking the server's version: %+v, %v", got, err)
	}
}

// TestReplicaConflictAnswerOlderThanAPull: a conflict's answer may carry a
// state read before a decision whose change sequence is below the answer's
// (the server takes the sequence when it records the answer); taking the
// server's version keeps the decision pulled meanwhile.
func TestReplicaConflictAnswerOlderThanAPull(t *testing.T) {
	ctx := context.Background()
	db := MustOpenReplica(t)
	mustSavePractitioner(t, db, "10000000001", "Testeur", "Alix")
	r := syncedDraft(t, db, `{"r":1}`)
	mustTransmit(t, db, r.ID)
	listed, err := db.ListPendingMutations(ctx, 0)
	if err != nil || len(listed) != 1 {
		t.Fatalf("pending %s, %v", describe(listed), err)
	}
	transmitted := serverCopy(t, db, r.ID, 2, `{"r":1}`)
	decided := *transmitted
	decided.Status = erpps.StatusUnderReview
	decided.History = append(append([]erpps.RequestEvent{}, transmitted.History...),
		erpps.RequestEvent{From: erpps.StatusTransmitted, To: erpps.StatusUnderReview, At: testEpoch, Actor: agent, Principal: "10000000001"})
	if err := db.ApplyChanges(ctx, []erpps.Change{{Seq: 15, Kind: erpps.ChangeRequest, ID: r.ID, Request: &decided}}, 15, testEpoch); err != nil {
		t.Fatal(err)
	}
	if err := db.AckMutation(ctx, erpps.MutationResult{ClientID: listed[0].ClientID, Seq: listed[0].Seq, MutationID: listed[0].ID,
		Outcome: erpps.OutcomeConflict, Version: 2, Request: transmitted, ChangeSeq: 20}); err != nil {
		t.Fatal(err)
	}
	if err := db.ResolveConflict(ctx, r.ID, nil, professional); err != nil {
		t.Fatal(err)
	}
	got, err := db.FindRequestByID(ctx, r.ID)
	if err != nil || got.Status != erpps.StatusUnderReview {
		t.Fatalf("after taking the server's version: %+v, %v", got, err)
	}
}
