package syncclient

import (
	"context"
	"strings"
	"testing"
	"time"

	"erpps/backend/erpps"
)

// TestRealMandateRevokedForgetsRecord: once a secretary's mandate is
// revoked, their desktop's next sync removes the practitioner's record and
// requests, and the change made meanwhile is set aside, rejected with a
// French message, shown, never blocking the next ones.
func TestRealMandateRevokedForgetsRecord(t *testing.T) {
	e := newRealEnv(t)
	ctx := context.Background()
	m, err := e.deleg.Grant(ctx, e.account, e.sec.ID, []erpps.RequestKind{erpps.KindContact}, time.Now().Add(30*24*time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	d := e.newDesktopOf(e.sec, e.signIn(e.sec.Login), nil)
	if err := d.client.SyncOnce(ctx); err != nil {
		t.Fatal(err)
	}
	draft := d.draftContact(t, e.a.RPPS, "par.le.secretariat@example.org")
	if err := d.client.SyncOnce(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := e.store.FindRequestByID(ctx, draft.ID); err != nil {
		t.Fatalf("the secretary's draft is not on the server: %v", err)
	}

	if err := e.deleg.Revoke(ctx, e.account, m.ID); err != nil {
		t.Fatal(err)
	}
	d.save(t, draft.ID, "apres.revocation@example.org") // made before the desktop knows
	if err := d.client.SyncOnce(ctx); err != nil {
		t.Fatal(err)
	}
	if p, err := d.db.FindPractitionerByRPPS(ctx, e.a.RPPS); erpps.ErrorCode(err) != erpps.ENOTFOUND {
		t.Fatalf("the practitioner's record stays on the desktop after the revocation: %v %v", p != nil, err)
	}
	if r, err := d.db.FindRequestByID(ctx, draft.ID); erpps.ErrorCode(err) != erpps.ENOTFOUND {
		t.Fatalf("the practitioner's request stays on the desktop after the revocation: %v %v", r != nil, err)
	}
	aside, err := d.db.ListSetAside(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(aside) != 1 || aside[0].Status != erpps.PendingRejected || aside[0].Result == nil ||
		!strings.Contains(aside[0].Result.Message, "mandat") || aside[0].RequestID != draft.ID {
		t.Fatalf("the change made after the revocation, set aside: %+v", aside)
	}
	if st := d.client.Status(); st.Pending != 0 || st.SetAside != 1 || st.State != StateOnline {
		t.Fatalf("status %+v", st)
	}
	// Another sync: nothing comes back, nothing blocks.
	if err := d.client.SyncOnce(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := d.db.FindPractitionerByRPPS(ctx, e.a.RPPS); erpps.ErrorCode(err) != erpps.ENOTFOUND {
		t.Fatalf("the record came back: %v", err)
	}
	// Dismissing the set-aside change leaves nothing behind.
	if err := d.db.ResolveConflict(ctx, draft.ID, nil, d.actor); err != nil {
		t.Fatal(err)
	}
	if sum, err := d.db.SyncSummary(ctx); err != nil || sum.Pending != 0 || sum.SetAside != 0 {
		t.Fatalf("after dismissing: %+v %v", sum, err)
	}
}
