package syncserver

import (
	"context"
	"sync"
	"testing"

	"erpps/backend/backoffice"
	"erpps/backend/erpps"
)

// A draft made offline reaches the server with its id and payload; the same
// push again (the ack was lost) returns the stored results unchanged and
// writes nothing.
func TestReplayReturnsTheStoredResult(t *testing.T) { eachStore(t, testReplay) }

func testReplay(t *testing.T, e *env) {
	c := e.client(e.a)
	id := e.newID()
	batch := []erpps.Mutation{c.next(erpps.MutationSaveDraft, id, 0), c.next(erpps.MutationTransmit, id, 0)}
	first := c.push(batch...)
	if len(first.Results) != 2 || first.Results[0].Outcome != erpps.OutcomeApplied || first.Results[1].Outcome != erpps.OutcomeApplied {
		t.Fatalf("first push: %s", mustJSON(t, first))
	}
	sent := e.request(id)
	if sent.Status != erpps.StatusTransmitted || string(sent.Payload) == "" || first.Results[1].Version != sent.Revision ||
		first.Results[1].Request == nil || first.Results[1].Request.Status != erpps.StatusTransmitted || first.Results[1].ChangeSeq == 0 {
		t.Fatalf("server state %+v after %s", sent, mustJSON(t, first.Results[1]))
	}
	again := c.push(batch...)
	if mustJSON(t, again) != mustJSON(t, first) {
		t.Fatalf("replay answered differently:\n%s\n%s", mustJSON(t, first), mustJSON(t, again))
	}
	if now := e.request(id); now.Revision != sent.Revision || len(now.History) != len(sent.History) {
		t.Fatalf("a replay wrote: revision %d → %d, history %d → %d", sent.Revision, now.Revision, len(sent.History), len(now.History))
	}
}

// A seq past the next one stops the batch: Expected says where to resend
// from, and nothing after the gap is applied.
func TestGapAnswersExpected(t *testing.T) { eachStore(t, testGap) }

func testGap(t *testing.T, e *env) {
	c := e.client(e.a)
	id := e.newID()
	m1 := c.next(erpps.MutationSaveDraft, id, 0)
	m2 := c.next(erpps.MutationSaveDraft, id, 0)
	m3 := c.next(erpps.MutationTransmit, id, 0)
	out := c.push(m2, m3)
	if out.Expected != 1 || len(out.Results) != 0 {
		t.Fatalf("a push starting at seq 2: %s", mustJSON(t, out))
	}
	if _, err := e.store.FindRequestByID(context.Background(), id); erpps.ErrorCode(err) != erpps.ENOTFOUND {
		t.Fatalf("a mutation after the gap was applied: %v", err)
	}
	out = c.push(m1, m3)
	if len(out.Results) != 1 || out.Expected != 2 {
		t.Fatalf("1 then 3: %s", mustJSON(t, out))
	}
	out = c.push(m2, m3)
	if len(out.Results) != 2 || out.Results[1].Outcome != erpps.OutcomeApplied || e.request(id).Status != erpps.StatusTransmitted {
		t.Fatalf("resent from the gap: %s", mustJSON(t, out))
	}
}

// Someone else's change since the mutation's base is a conflict with the
// server's state: an agent taking the request, another desktop saving the
// draft. The client's own earlier mutations are not.
func TestConflicts(t *testing.T) { eachStore(t, testConflicts) }

func testConflicts(t *testing.T, e *env) {
	ctx := context.Background()
	c := e.client(e.a)
	id := e.newID()
	created := only(t, c.push(c.next(erpps.MutationSaveDraft, id, 0)))
	// The ack of the creation was lost: the next save is still based on 0,
	// and the only change since is the client's own.
	own := only(t, c.push(c.next(erpps.MutationSaveDraft, id, 0)))
	if own.Outcome != erpps.OutcomeApplied || own.Version <= created.Version {
		t.Fatalf("a save after the client's own creation: %s", mustJSON(t, own))
	}
	// Another desktop of the same practitioner saves on the same base.
	other := e.client(e.a)
	conflict := only(t, other.push(other.next(erpps.MutationSaveDraft, id, created.Version)))
	if conflict.Outcome != erpps.OutcomeConflict || conflict.Version != own.Version || conflict.Request == nil || conflict.Request.Revision != own.Version {
		t.Fatalf("another desktop's save on an old base: %s", mustJSON(t, conflict))
	}
	// Transmitted; then an agent takes it and refuses it while the desktop,
	// offline, withdraws it: a conflict with the decided request.
	sent := only(t, c.push(c.next(erpps.MutationTransmit, id, own.Version)))
	if sent.Outcome != erpps.OutcomeApplied {
		t.Fatalf("transmit: %s", mustJSON(t, sent))
	}
	if _, err := e.office.Decide(ctx, e.agent, id, backoffice.DecisionInput{Action: erpps.DecisionTake, BaseRevision: sent.Version}); err != nil {
		t.Fatal(err)
	}
	if _, err := e.office.Decide(ctx, e.agent, id, backoffice.DecisionInput{Action: erpps.DecisionRefuse, BaseRevision: sent.Version, Reason: "Pièce manquante."}); err != nil {
		t.Fatal(err)
	}
	decided := e.request(id)
	w := c.next(erpps.MutationWithdraw, id, sent.Version)
	w.Comment = "Erreur de saisie"
	res := only(t, c.push(w))
	if res.Outcome != erpps.OutcomeConflict || res.Version != decided.Revision || res.Request == nil || res.Request.Status != erpps.StatusRefused || res.Message == "" {
		t.Fatalf("a withdrawal after the agent refused the request: %s", mustJSON(t, res))
	}
	if e.request(id).Status != erpps.StatusRefused {
		t.Fatal("a conflicting withdrawal was applied")
	}
	// The conflict consumed its seq: the next mutation goes through.
	next := only(t, c.push(c.next(erpps.MutationSaveDraft, e.newID(), 0)))
	if next.Outcome != erpps.OutcomeApplied {
		t.Fatalf("the mutation after a conflict: %s", mustJSON(t, next))
	}
}

// A rejected mutation consumes its seq and never blocks the next ones.
func TestRejectedDoesNotBlock(t *testing.T) { eachStore(t, testRejectedDoesNotBlock) }

func testRejectedDoesNotBlock(t *testing.T, e *env) {
	c := e.client(e.a)
	id := e.newID()
	bad := c.next(erpps.MutationSaveDraft, id, 0)
	bad.Payload = []byte(`{"email": 42}`)
	other := c.next(erpps.MutationSaveDraft, e.newID(), 0)
	other.RequestKind, other.Payload = erpps.KindExerciseName, nil
	gone := c.next(erpps.MutationTransmit, e.newID(), 0)
	good := c.next(erpps.MutationSaveDraft, id, 0)
	out := c.push(bad, other, gone, good)
	if len(out.Results) != 4 {
		t.Fatalf("results %s", mustJSON(t, out))
	}
	if r := out.Results[0]; r.Outcome != erpps.OutcomeRejected || r.Code != erpps.EINVALID || r.Message == "" {
		t.Errorf("an unreadable payload: %s", mustJSON(t, r))
	}
	if r := out.Results[1]; r.Outcome != erpps.OutcomeApplied {
		t.Errorf("an exercise name draft: %s", mustJSON(t, r))
	}
	if r := out.Results[2]; r.Outcome != erpps.OutcomeRejected || r.Code != erpps.ENOTFOUND {
		t.Errorf("transmitting a request the server never had: %s", mustJSON(t, r))
	}
	if r := out.Results[3]; r.Outcome != erpps.OutcomeApplied || e.request(id).Status != erpps.StatusDraft {
		t.Errorf("the save after the rejections: %s", mustJSON(t, r))
	}
	// The rejection is stored: a replay returns it.
	if again := only(t, c.push(bad)); again.Outcome != erpps.OutcomeRejected || again.Code != erpps.EINVALID {
		t.Errorf("replayed rejection: %s", mustJSON(t, again))
	}
}

// Authorization: a secretary without a mandate, or under a mandate not
// covering the kind, is rejected with nothing of A's in the answer; a
// mutation signed by another actor is refused; agents do not sync.
func TestAuthorization(t *testing.T) { eachStore(t, testAuthorization) }

func testAuthorization(t *testing.T, e *env) {
	ctx := context.Background()
	mine := e.client(e.a)
	id := e.newID()
	only(t, mine.push(mine.next(erpps.MutationSaveDraft, id, 0)))
	before := mustJSON(t, e.request(id))

	for _, tc := range []struct {
		name string
		acct *erpps.Account
		kind erpps.RequestKind
		code string
	}{
		{"secretary without a mandate, A's draft", e.noMand, "", erpps.ENOTFOUND},
		{"practitioner B, A's draft", e.b, "", erpps.ENOTFOUND},
		{"secretary without a mandate, new draft", e.noMand, erpps.KindContact, erpps.ENOTFOUND},
		{"secretary, mandate not covering the kind", e.sec, erpps.KindExerciseName, erpps.EFORBIDDEN},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := e.client(tc.acct)
			var m erpps.Mutation
			if tc.kind == "" {
				m = c.next(erpps.MutationSaveDraft, id, 1)
			} else {
				m = c.next(erpps.MutationSaveDraft, e.newID(), 0)
				m.RequestKind, m.Payload = tc.kind, nil
			}
			r := only(t, c.push(m))
			if r.Outcome != erpps.OutcomeRejected || r.Code != tc.code || r.Request != nil || r.Version != 0 {
				t.Fatalf("%s", mustJSON(t, r))
			}
		})
	}
	// The secretary under the contact mandate saves A's contact draft.
	c := e.client(e.sec)
	if r := only(t, c.push(c.next(erpps.MutationSaveDraft, id, 0))); r.Outcome != erpps.OutcomeConflict {
		// Based on 0, A's creation is someone else's change: a conflict.
		t.Fatalf("the secretary's save based on 0: %s", mustJSON(t, r))
	}
	if r := only(t, c.push(c.next(erpps.MutationSaveDraft, id, e.request(id).Revision))); r.Outcome != erpps.OutcomeApplied || r.Request.UpdatedBy.ID != e.sec.ID {
		t.Fatalf("the secretary's save on the current version: %s", mustJSON(t, r))
	}
	before = mustJSON(t, e.request(id))
	// A mutation made under another account is refused.
	forged := e.client(e.sec)
	m := forged.next(erpps.MutationSaveDraft, id, e.request(id).Revision)
	m.Actor = e.a.Actor()
	if r := only(t, forged.push(m)); r.Outcome != erpps.OutcomeRejected || r.Code != erpps.EFORBIDDEN {
		t.Fatalf("a mutation signed by another actor: %s", mustJSON(t, r))
	}
	if after := mustJSON(t, e.request(id)); after != before {
		t.Fatalf("A's draft changed under refused mutations:\n%s\n%s", before, after)
	}
	// A client id is bound to its account.
	if _, err := e.svc.Push(ctx, e.b, erpps.PushRequest{ClientID: mine.id, Mutations: []erpps.Mutation{}}); erpps.ErrorCode(err) != erpps.EFORBIDDEN {
		t.Fatalf("another account pushing as A's client: %v", err)
	}
	// Also with a mutation (the binding read with the mutation's request).
	stolen := mine.next(erpps.MutationSaveDraft, id, e.request(id).Revision)
	stolen.Actor = e.b.Actor()
	if _, err := e.svc.Push(ctx, e.b, erpps.PushRequest{ClientID: mine.id, Mutations: []erpps.Mutation{stolen}}); erpps.ErrorCode(err) != erpps.EFORBIDDEN {
		t.Fatalf("another account pushing a mutation as A's client: %v", err)
	}
	if after := mustJSON(t, e.request(id)); after != before {
		t.Fatalf("A's draft changed under another account's push:\n%s\n%s", before, after)
	}
	// Agents do not sync.
	if _, err := e.svc.Push(ctx, e.agent, erpps.PushRequest{ClientID: "agent-desk"}); erpps.ErrorCode(err) != erpps.EFORBIDDEN {
		t.Fatalf("an agent's push: %v", err)
	}
	if _, err := e.svc.Pull(ctx, e.agent, 0, 0); erpps.ErrorCode(err) != erpps.EFORBIDDEN {
		t.Fatalf("an agent's pull: %v", err)
	}
}

// Eight server goroutines receive the same batch at once (a desktop
// retrying through a proxy that duplicates): each mutation is applied once,
// and every answer is the stored result.
func TestConcurrentPushesApplyOnce(t *testing.T) { eachStore(t, testConcurrentPushes) }

func testConcurrentPushes(t *testing.T, e *env) {
	c := e.client(e.a)
	id := e.newID()
	batch := []erpps.Mutation{c.next(erpps.MutationSaveDraft, id, 0)}
	for range 5 {
		batch = append(batch, c.next(erpps.MutationSaveDraft, id, 0))
	}
	batch = append(batch, c.next(erpps.MutationTransmit, id, 0))
	outs := make([]*erpps.PushResponse, 8)
	errs := make([]error, 8)
	var wg sync.WaitGroup
	for i := range outs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			outs[i], errs[i] = e.svc.Push(context.Background(), c.acct, erpps.PushRequest{ClientID: c.id, Mutations: batch})
		}()
	}
	wg.Wait()
	var want string
	for i, out := range outs {
		if errs[i] != nil {
			t.Fatalf("push %d: %v", i, errs[i])
		}
		// A push may stop early when its mutation is being applied by
		// another: what it answers must be the stored results, in order.
		for j, r := range out.Results {
			if r.Seq != batch[j].Seq || r.Outcome != erpps.OutcomeApplied {
				t.Fatalf("push %d result %d: %s", i, j, mustJSON(t, r))
			}
		}
		if len(out.Results) == len(batch) {
			if want == "" {
				want = mustJSON(t, out)
			} else if got := mustJSON(t, out); got != want {
				t.Fatalf("two answers to the same batch differ:\n%s\n%s", want, got)
			}
		}
	}
	if want == "" {
		t.Fatal("no push answered the whole batch")
	}
	final := only(t, c.push(batch[len(batch)-1]))
	req := e.request(id)
	// Created (1), six saves (2..7 minus the creation's own), one transmission.
	if req.Revision != final.Version || req.Status != erpps.StatusTransmitted {
		t.Fatalf("server request %+v, last result %s", req, mustJSON(t, final))
	}
	steps := 0
	for _, h := range req.History {
		if h.To == erpps.StatusTransmitted {
			steps++
		}
	}
	if steps != 1 || len(req.History) != 2 {
		t.Fatalf("history %+v: want one creation and one transmission", req.History)
	}
	seq := 0
	for _, m := range batch {
		r, err := e.store.FindMutationResult(context.Background(), c.id, m.Seq)
		if err != nil || r.MutationID != m.ID {
			t.Fatalf("stored result of seq %d: %+v %v", m.Seq, r, err)
		}
		seq++
	}
	if want := int64(1 + 5 + 1); req.Revision < 7 || seq != int(want) {
		t.Fatalf("revision %d after %d mutations", req.Revision, seq)
	}
}

// A desktop whose store was restored from a backup numbers its mutations
// again: a seq the server gave to another mutation is answered rejected,
// never with the other mutation's result (which would drop this one).
func TestReusedSeqIsNotAnsweredForAnother(t *testing.T) { eachStore(t, testReusedSeq) }

func testReusedSeq(t *testing.T, e *env) {
	c := e.client(e.a)
	first := c.next(erpps.MutationSaveDraft, e.newID(), 0)
	only(t, c.push(first))
	reused := first
	reused.ID, reused.RequestID = "restored-m1", e.newID()
	r := only(t, c.push(reused))
	if r.Outcome != erpps.OutcomeRejected || r.MutationID != reused.ID || r.Message == "" {
		t.Fatalf("a reused seq: %s", mustJSON(t, r))
	}
	if _, err := e.store.FindRequestByID(context.Background(), reused.RequestID); erpps.ErrorCode(err) != erpps.ENOTFOUND {
		t.Fatalf("the reused seq's mutation was applied: %v", err)
	}
	// The original mutation's replay still answers its stored result.
	if r := only(t, c.push(first)); r.Outcome != erpps.OutcomeApplied || r.MutationID != first.ID {
		t.Fatalf("the original's replay: %s", mustJSON(t, r))
	}
}
