package syncserver

import (
	"context"
	"slices"
	"testing"
	"time"

	"erpps/backend/delegation"
	"erpps/backend/erpps"
)

// A secretary whose mandate is revoked is told so by every pull and
// snapshot (Revoked: the record to remove from the desktop), and sees
// nothing of the record any more; a practitioner is never told so.
func TestPullTellsARevokedMandate(t *testing.T) { eachStore(t, testPullTellsARevokedMandate) }

func testPullTellsARevokedMandate(t *testing.T, e *env) {
	ctx := context.Background()
	deleg := &delegation.Service{Store: e.store, Now: time.Now}
	m, err := deleg.Grant(ctx, e.a, e.noMand.ID, []erpps.RequestKind{erpps.KindContact}, time.Now().Add(24*time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	during, err := e.svc.Pull(ctx, e.noMand, 0, 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(during.Revoked) != 0 || len(during.Changes) == 0 {
		t.Fatalf("under the mandate: %d changes, revoked %v", len(during.Changes), during.Revoked)
	}
	if err := deleg.Revoke(ctx, e.a, m.ID); err != nil {
		t.Fatal(err)
	}
	after, err := e.svc.Pull(ctx, e.noMand, during.Cursor, 0)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(after.Revoked, []string{e.a.RPPS}) || len(after.Changes) != 0 {
		t.Fatalf("after the revocation: %d changes, revoked %v", len(after.Changes), after.Revoked)
	}
	snap, err := e.svc.Snapshot(ctx, e.noMand)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(snap.Revoked, []string{e.a.RPPS}) || len(snap.Practitioners) != 0 {
		t.Fatalf("the snapshot after the revocation: %d records, revoked %v", len(snap.Practitioners), snap.Revoked)
	}
	own, err := e.svc.Pull(ctx, e.a, 0, 0)
	if err != nil || len(own.Revoked) != 0 {
		t.Fatalf("the practitioner's pull: revoked %v %v", own.Revoked, err)
	}
}
