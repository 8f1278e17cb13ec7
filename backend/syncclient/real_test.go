package syncclient

import (
	"context"
	"encoding/json"
	"slices"
	"testing"
	"time"

	"erpps/backend/backoffice"
	"erpps/backend/erpps"
)

// TestRealDraftOfflineReachesTheServerAndTheDecisionComesBack: a desktop
// drafts and transmits while the server is unreachable; when it comes back
// the client pushes by itself (no Notify), exactly once; an agent's
// decision reaches the desktop through the long-poll.
func TestRealDraftOfflineReachesTheServerAndTheDecisionComesBack(t *testing.T) {
	e := newRealEnv(t)
	ctx := context.Background()
	d := e.newDesktop(e.signIn(e.a.RPPS), nil)
	if err := d.client.SyncOnce(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := d.db.FindPractitionerByRPPS(ctx, e.a.RPPS); err != nil {
		t.Fatalf("the record was not pulled: %v", err)
	}
	runClient(t, d.client)

	e.down.Store(true)
	draft := d.draftContact(t, e.a.RPPS, "premiere@example.org")
	for _, email := range []string{"deuxieme@example.org", "nouvelle.adresse@example.org"} {
		d.save(t, draft.ID, email)
		d.client.Notify()
	}
	if _, err := d.svc.Transmit(ctx, draft.ID, d.actor); err != nil {
		t.Fatalf("transmit on the desktop: %v", err)
	}
	d.client.Notify()
	eventually(t, 10*time.Second, "offline with the changes waiting", func() bool {
		st := d.client.Status()
		return st.State == StateOffline && st.Pending >= 2 && st.Error == msgUnreachable
	})
	if _, err := e.store.FindRequestByID(ctx, draft.ID); erpps.ErrorCode(err) != erpps.ENOTFOUND {
		t.Fatalf("the server has the request while down: %v", err)
	}

	e.down.Store(false)
	eventually(t, 10*time.Second, "the changes pushed once the server is back", func() bool {
		st := d.client.Status()
		return st.State == StateOnline && st.Pending == 0 && st.SetAside == 0
	})
	onServer, err := e.store.FindRequestByID(ctx, draft.ID)
	if err != nil {
		t.Fatal(err)
	}
	var p map[string]any
	if err := json.Unmarshal(onServer.Payload, &p); err != nil {
		t.Fatal(err)
	}
	if onServer.Status != erpps.StatusTransmitted || p["email"] != "nouvelle.adresse@example.org" {
		t.Fatalf("on the server: %s %v", onServer.Status, p["email"])
	}
	transmissions := 0
	for _, h := range onServer.History {
		if h.To == erpps.StatusTransmitted {
			transmissions++
		}
	}
	if transmissions != 1 {
		t.Fatalf("transmitted %d times on the server: %+v", transmissions, onServer.History)
	}

	if ids := d.changedIDs(); slices.Contains(ids, draft.ID) {
		t.Fatalf("OnChanged %v for the desktop's own writes", ids)
	}

	// The agent takes and accepts; the long-poll brings it to the desktop.
	c, err := e.bo.Decide(ctx, e.agent, draft.ID, backoffice.DecisionInput{Action: erpps.DecisionTake, BaseRevision: onServer.Revision})
	if err != nil {
		t.Fatalf("take: %v", err)
	}
	if _, err := e.bo.Decide(ctx, e.agent, draft.ID, backoffice.DecisionInput{Action: erpps.DecisionAccept, BaseRevision: c.Request.Revision}); err != nil {
		t.Fatalf("accept: %v", err)
	}
	eventually(t, 10*time.Second, "the decision on the desktop", func() bool {
		r, err := d.db.FindRequestByID(ctx, draft.ID)
		return err == nil && r.Status == erpps.StatusAccepted
	})
	eventually(t, 5*time.Second, "OnChanged with the request", func() bool { return slices.Contains(d.changedIDs(), draft.ID) })
	eventually(t, 5*time.Second, "the record's new e-mail on the desktop", func() bool {
		rec, err := d.db.FindPractitionerByRPPS(ctx, e.a.RPPS)
		return err == nil && rec.Contact.Email == "nouvelle.adresse@example.org"
	})
}

// TestRealConcurrentEditsAreAConflictSetAside: two desktops of the same
// practitioner edit the same draft from the same version: the second is a
// conflict, set aside with the server's state, and reported.
func TestRealConcurrentEditsAreAConflictSetAside(t *testing.T) {
	e := newRealEnv(t)
	ctx := context.Background()
	token := e.signIn(e.a.RPPS)
	one, two := e.newDesktop(token, nil), e.newDesktop(token, nil)
	for _, d := range []*desktop{one, two} {
		if err := d.client.SyncOnce(ctx); err != nil {
			t.Fatal(err)
		}
	}
	draft := one.draftContact(t, e.a.RPPS, "depart@example.org")
	if err := one.client.SyncOnce(ctx); err != nil {
		t.Fatal(err)
	}
	if err := two.client.SyncOnce(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := two.db.FindRequestByID(ctx, draft.ID); err != nil {
		t.Fatalf("the draft did not reach the second desktop: %v", err)
	}
	one.save(t, draft.ID, "un@example.org")
	two.save(t, draft.ID, "deux@example.org")
	if err := one.client.SyncOnce(ctx); err != nil {
		t.Fatal(err)
	}
	if err := two.client.SyncOnce(ctx); err != nil {
		t.Fatal(err)
	}
	aside, err := two.db.ListSetAside(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(aside) != 1 || aside[0].Status != erpps.PendingConflict || aside[0].Result == nil || aside[0].RequestID != draft.ID {
		t.Fatalf("set aside: %+v", aside)
	}
	if st := two.client.Status(); st.SetAside != 1 || st.Pending != 0 || st.State != StateOnline {
		t.Fatalf("status %+v", st)
	}
	if !slices.Contains(two.changedIDs(), draft.ID) {
		t.Fatalf("OnChanged %v", two.changedIDs())
	}
	onServer, err := e.store.FindRequestByID(ctx, draft.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !jsonHas(onServer.Payload, "email", "un@example.org") {
		t.Fatalf("the server's draft was overwritten: %s", onServer.Payload)
	}
}

// TestRealUnauthorizedToken: a token the server does not know puts the
// client in the unauthorized state, the changes kept.
func TestRealUnauthorizedToken(t *testing.T) {
	e := newRealEnv(t)
	d := e.newDesktop("pas-un-jeton", nil)
	err := d.client.SyncOnce(context.Background())
	if erpps.ErrorCode(err) != erpps.EUNAUTHORIZED {
		t.Fatalf("err %v", err)
	}
	if st := d.client.Status(); st.State != StateUnauthorized || st.Error == "" {
		t.Fatalf("status %+v", st)
	}
}

func jsonHas(raw json.RawMessage, key, want string) bool {
	var m map[string]any
	return json.Unmarshal(raw, &m) == nil && m[key] == want
}

// TestRealResyncFromASnapshot: a desktop whose cursor is older than the
// change log the server keeps takes a snapshot, then pulls on from it.
func TestRealResyncFromASnapshot(t *testing.T) {
	e := newRealEnv(t)
	ctx := context.Background()
	token := e.signIn(e.a.RPPS)
	first := e.newDesktop(token, nil)
	if err := first.client.SyncOnce(ctx); err != nil {
		t.Fatal(err)
	}
	draft := first.draftContact(t, e.a.RPPS, "premier@example.org")
	if err := first.client.SyncOnce(ctx); err != nil {
		t.Fatal(err)
	}
	// A second version: the first one's change line is what pruning forgets.
	first.save(t, draft.ID, "avant@example.org")
	if err := first.client.SyncOnce(ctx); err != nil {
		t.Fatal(err)
	}
	if n, err := e.store.PruneChanges(ctx, time.Now().Add(time.Hour)); err != nil || n == 0 {
		t.Fatalf("pruned %d: %v", n, err)
	}
	late := e.newDesktop(token, nil) // cursor 0: below the horizon
	if err := late.client.SyncOnce(ctx); err != nil {
		t.Fatal(err)
	}
	if n := late.requested(pathSnapshot); n != 1 {
		t.Fatalf("%d snapshots taken, want 1", n)
	}
	if n := first.requested(pathSnapshot); n != 0 {
		t.Fatalf("the desktop in step took %d snapshots", n)
	}
	r, err := late.db.FindRequestByID(ctx, draft.ID)
	if err != nil || !jsonHas(r.Payload, "email", "avant@example.org") {
		t.Fatalf("the snapshot did not bring the draft: %v", err)
	}
	if _, err := late.db.FindPractitionerByRPPS(ctx, e.a.RPPS); err != nil {
		t.Fatalf("the snapshot did not bring the record: %v", err)
	}
	sum, err := late.db.SyncSummary(ctx)
	if err != nil {
		t.Fatal(err)
	}
	seq, err := e.store.ChangeSeq(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Cursor != seq || sum.LastSyncAt == nil {
		t.Fatalf("cursor %d, server at %d; last sync %v", sum.Cursor, seq, sum.LastSyncAt)
	}
	if !slices.Contains(late.changedIDs(), draft.ID) {
		t.Fatalf("OnChanged %v", late.changedIDs())
	}
}

// TestRealSyncNeverBlocksALocalSave: while a push is on the wire (a slow
// server), the desktop saves at once; the save made meanwhile is a new
// mutation (the one on the wire is frozen) that the same sync pushes next.
func TestRealSyncNeverBlocksALocalSave(t *testing.T) {
	e := newRealEnv(t)
	ctx := context.Background()
	d := e.newDesktop(e.signIn(e.a.RPPS), nil)
	if err := d.client.SyncOnce(ctx); err != nil {
		t.Fatal(err)
	}
	draft := d.draftContact(t, e.a.RPPS, "lent@example.org")
	e.slowPush.Store(int64(500 * time.Millisecond))
	done := make(chan error, 1)
	go func() { done <- d.client.SyncOnce(ctx) }()
	eventually(t, 5*time.Second, "the push on the wire", func() bool { return d.requested(pathPush) == 1 })
	start := time.Now()
	d.save(t, draft.ID, "pendant@example.org")
	if took := time.Since(start); took > 300*time.Millisecond {
		t.Fatalf("a save during the push took %v", took)
	}
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if n := d.requested(pathPush); n != 2 {
		t.Fatalf("%d pushes, want the draft's then the save made during it", n)
	}
	if st := d.client.Status(); st.Pending != 0 || st.State != StateOnline {
		t.Fatalf("status %+v", st)
	}
	onServer, err := e.store.FindRequestByID(ctx, draft.ID)
	if err != nil || !jsonHas(onServer.Payload, "email", "pendant@example.org") {
		t.Fatalf("the server's draft: %v", err)
	}
}

// TestRealSecretaryUnderMandate: a secretary's desktop pulls the records of
// their mandates and drafts on them; once the mandate is revoked, the next
// change is rejected, set aside with the server's message, never blocking.
func TestRealSecretaryUnderMandate(t *testing.T) {
	e := newRealEnv(t)
	ctx := context.Background()
	// The mandate is granted before the desktop's first sync: a mandate
	// granted after it adds no change to the log, so the record would not
	// come (reported to syncsrv: the server must make a new mandate's
	// records reach a desktop already past their changes).
	m, err := e.deleg.Grant(ctx, e.account, e.sec.ID, []erpps.RequestKind{erpps.KindContact}, time.Now().Add(30*24*time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	d := e.newDesktopOf(e.sec, e.signIn(e.sec.Login), nil)
	if err := d.client.SyncOnce(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := d.db.FindPractitionerByRPPS(ctx, e.a.RPPS); err != nil {
		t.Fatalf("the mandate's record was not pulled: %v", err)
	}
	draft := d.draftContact(t, e.a.RPPS, "par.le.secretariat@example.org")
	if err := d.client.SyncOnce(ctx); err != nil {
		t.Fatal(err)
	}
	onServer, err := e.store.FindRequestByID(ctx, draft.ID)
	if err != nil || onServer.UpdatedBy.ID != e.sec.ID || !jsonHas(onServer.Payload, "email", "par.le.secretariat@example.org") {
		t.Fatalf("the secretary's draft on the server: %+v %v", onServer, err)
	}

	if err := e.deleg.Revoke(ctx, e.account, m.ID); err != nil {
		t.Fatal(err)
	}
	d.save(t, draft.ID, "apres.revocation@example.org")
	if err := d.client.SyncOnce(ctx); err != nil {
		t.Fatal(err)
	}
	aside, err := d.db.ListSetAside(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(aside) != 1 || aside[0].Status != erpps.PendingRejected || aside[0].Result == nil || aside[0].Result.Message == "" {
		t.Fatalf("set aside: %+v", aside)
	}
	if st := d.client.Status(); st.Pending != 0 || st.SetAside != 1 || st.State != StateOnline {
		t.Fatalf("status %+v", st)
	}
	if !slices.Contains(d.changedIDs(), draft.ID) {
		t.Fatalf("OnChanged %v", d.changedIDs())
	}
}
