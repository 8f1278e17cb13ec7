package syncserver

import (
	"context"
	"testing"
	"time"

	"erpps/backend/delegation"
	"erpps/backend/erpps"
)

// A secretary's desktop transmits only with the practitioner's approval of
// that exact version: without it the transmission is rejected (and blocks
// nothing); with it, applied.
func TestSecretaryTransmitsWithApproval(t *testing.T) { eachStore(t, testSecretaryApproval) }

func testSecretaryApproval(t *testing.T, e *env) {
	c := e.client(e.sec)
	id := e.newID()
	saved := only(t, c.push(c.next(erpps.MutationSaveDraft, id, 0)))
	if saved.Outcome != erpps.OutcomeApplied {
		t.Fatalf("the secretary's draft: %s", mustJSON(t, saved))
	}
	if r := only(t, c.push(c.next(erpps.MutationTransmit, id, saved.Version))); r.Outcome != erpps.OutcomeRejected || r.Code != erpps.EFORBIDDEN {
		t.Fatalf("a transmission without approval: %s", mustJSON(t, r))
	}
	deleg := &delegation.Service{Store: e.store, Now: time.Now}
	approval, err := deleg.Approve(context.Background(), e.a, id, saved.Version)
	if err != nil {
		t.Fatal(err)
	}
	m := c.next(erpps.MutationTransmit, id, saved.Version)
	m.ApprovalID = approval.ID
	r := only(t, c.push(m))
	if r.Outcome != erpps.OutcomeApplied || r.Request.Status != erpps.StatusTransmitted || r.Request.UpdatedBy.ID != e.sec.ID {
		t.Fatalf("a transmission with the approval: %s", mustJSON(t, r))
	}
}
