package syncserver

import (
	"context"
	"testing"
	"time"

	"erpps/backend/erpps"
)

// Once the results are pruned (--sync-retention), a replay of a seq the
// server handled is never applied again: it is answered rejected, in
// French, and the next seq is applied as usual (before: the push failed for
// ever on the missing result).
func TestReplayAfterPruning(t *testing.T) { eachStore(t, testReplayAfterPruning) }

func testReplayAfterPruning(t *testing.T, e *env) {
	ctx := context.Background()
	c := e.client(e.a)
	id := e.newID()
	save := c.next(erpps.MutationSaveDraft, id, 0)
	transmit := c.next(erpps.MutationTransmit, id, 0)
	first := c.push(save, transmit)
	if len(first.Results) != 2 || first.Results[1].Outcome != erpps.OutcomeApplied {
		t.Fatalf("first push: %s", mustJSON(t, first))
	}
	sent := e.request(id)
	if n, err := e.store.PruneMutations(ctx, time.Now().Add(time.Hour)); err != nil || n != 2 {
		t.Fatalf("pruned %d: %v", n, err)
	}
	out, err := e.svc.Push(ctx, c.acct, erpps.PushRequest{ClientID: c.id, Mutations: []erpps.Mutation{save, transmit}})
	if err != nil {
		t.Fatalf("a replay after pruning: %v", err)
	}
	if len(out.Results) != 2 {
		t.Fatalf("a replay after pruning: %s", mustJSON(t, out))
	}
	for _, r := range out.Results {
		if r.Outcome != erpps.OutcomeRejected || r.Message == "" || r.MutationID == "" {
			t.Fatalf("a pruned seq answered %s", mustJSON(t, r))
		}
	}
	if now := e.request(id); now.Revision != sent.Revision || len(now.History) != len(sent.History) {
		t.Fatalf("a replay after pruning wrote: revision %d → %d, history %d → %d", sent.Revision, now.Revision, len(sent.History), len(now.History))
	}
	next := c.next(erpps.MutationWithdraw, id, 0)
	if r := only(t, c.push(next)); r.Seq != 3 || r.Outcome == erpps.OutcomeRejected && r.Message == msgResultPruned {
		t.Fatalf("the next seq after pruning: %s", mustJSON(t, r))
	}
}
