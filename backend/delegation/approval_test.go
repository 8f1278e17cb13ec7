package delegation_test

import (
	"context"
	"testing"
	"time"

	"erpps/backend/backoffice"
	"erpps/backend/delegation"
	"erpps/backend/erpps"
	"erpps/backend/requests"
)

// A secretary prepares under a mandate; the transmission needs the
// practitioner's approval of that exact version, used once.
func TestSecretaryTransmitsWithApproval(t *testing.T) {
	ctx := context.Background()
	e := newEnv(t)
	e.grant(t, erpps.KindContact)
	sec := secretary.Actor()
	v, err := e.req.Start(ctx, requests.StartInput{RPPS: rppsA, Kind: erpps.KindContact}, sec)
	if err != nil {
		t.Fatalf("the secretary starts a request under the mandate: %v", err)
	}
	if _, err := e.req.Start(ctx, requests.StartInput{RPPS: rppsA, Kind: erpps.KindExerciseName}, sec); code(err) != erpps.EFORBIDDEN {
		t.Fatalf("a kind outside the mandate: %v, want forbidden", err)
	}
	if _, err := e.req.Start(ctx, requests.StartInput{RPPS: e.rppsB, Kind: erpps.KindContact}, sec); code(err) != erpps.ENOTFOUND {
		t.Fatalf("another practitioner's record: %v, want not found", err)
	}
	saved, err := e.req.SaveDraft(ctx, v.Request.ID, v.Request.Revision, contactWith("secretariat@example.org"), sec)
	if err != nil {
		t.Fatal(err)
	}
	id := saved.Request.ID
	if _, err := e.req.Transmit(ctx, id, sec); code(err) != erpps.EFORBIDDEN {
		t.Fatalf("transmit without approval: %v, want forbidden", err)
	}

	// Approvals: only the practitioner, of their own request, at its revision.
	if _, err := e.del.Approve(ctx, secretary, id, saved.Request.Revision); code(err) != erpps.EFORBIDDEN {
		t.Fatalf("approved by the secretary: %v, want forbidden", err)
	}
	if _, err := e.del.Approve(ctx, e.b, id, saved.Request.Revision); code(err) != erpps.ENOTFOUND {
		t.Fatalf("approved by another practitioner: %v, want not found", err)
	}
	if _, err := e.del.Approve(ctx, practitionerA, id, saved.Request.Revision-1); code(err) != erpps.ECONFLICT {
		t.Fatalf("approval of an older revision: %v, want conflict", err)
	}
	old, err := e.del.Approve(ctx, practitionerA, id, saved.Request.Revision)
	if err != nil {
		t.Fatal(err)
	}
	if old.RequestID != id || old.Revision != saved.Request.Revision || old.PayloadHash != requests.PayloadHash(saved.Request.Payload) ||
		!old.ExpiresAt.Equal(start.Add(delegation.ApprovalLifetime)) || old.ApprovedBy != me {
		t.Fatalf("approval = %+v", old)
	}

	// The secretary changes the request after the approval: the approval no
	// longer covers it, and nothing is written.
	changed, err := e.req.SaveDraft(ctx, id, saved.Request.Revision, contactWith("autre@example.org"), sec)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := e.req.TransmitApproved(ctx, id, sec, old.ID); code(err) != erpps.EFORBIDDEN {
		t.Fatalf("transmit with the approval of an older version: %v, want forbidden", err)
	}
	if _, err := e.req.TransmitApproved(ctx, id, sec, "apr-unknown"); code(err) != erpps.EFORBIDDEN {
		t.Fatalf("transmit with an unknown approval: %v, want forbidden", err)
	}
	// An approval not used in time expires.
	stale, err := e.del.Approve(ctx, practitionerA, id, changed.Request.Revision)
	if err != nil {
		t.Fatal(err)
	}
	e.clock.t = start.Add(delegation.ApprovalLifetime + time.Minute)
	if _, err := e.req.TransmitApproved(ctx, id, sec, stale.ID); code(err) != erpps.EFORBIDDEN {
		t.Fatalf("transmit with an expired approval: %v, want forbidden", err)
	}
	if got, err := e.db.FindRequestByID(ctx, id); err != nil || got.Status != erpps.StatusDraft || got.Revision != changed.Request.Revision {
		t.Fatalf("refused transmissions wrote something: %+v, %v", got, err)
	}

	fresh, err := e.del.Approve(ctx, practitionerA, id, changed.Request.Revision)
	if err != nil {
		t.Fatal(err)
	}
	sent, err := e.req.TransmitApproved(ctx, id, sec, fresh.ID)
	if err != nil {
		t.Fatalf("transmit with the approval: %v", err)
	}
	last := sent.Request.History[len(sent.Request.History)-1]
	if sent.Request.Status != erpps.StatusTransmitted || last.Actor != sec || last.Principal != rppsA {
		t.Fatalf("transmitted: %s, last step %+v", sent.Request.Status, last)
	}
	used, err := e.db.FindApprovalByID(ctx, fresh.ID)
	if err != nil || used.UsedAt == nil {
		t.Fatalf("approval after use = %+v, %v; want used", used, err)
	}
	if _, err := e.del.Approve(ctx, practitionerA, id, sent.Request.Revision); code(err) != erpps.ECONFLICT {
		t.Fatalf("approve a transmitted request: %v, want conflict", err)
	}
}

// The practitioner transmits their own request without any approval.
func TestPractitionerNeedsNoApproval(t *testing.T) {
	ctx := context.Background()
	e := newEnv(t)
	v, err := e.req.Start(ctx, requests.StartInput{RPPS: rppsA, Kind: erpps.KindContact}, me)
	if err != nil {
		t.Fatal(err)
	}
	saved, err := e.req.SaveDraft(ctx, v.Request.ID, v.Request.Revision, contactWith("moi@example.org"), me)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := e.req.Transmit(ctx, saved.Request.ID, me); err != nil {
		t.Fatal(err)
	}
}

// An approval serves once: after a complement asked by the ARS the request is
// editable again, with the payload approved, and the used approval cannot
// transmit it a second time; a new approval of the version as it stands can.
func TestApprovalServesOnce(t *testing.T) {
	ctx := context.Background()
	e := newEnv(t)
	e.grant(t, erpps.KindContact)
	sec := secretary.Actor()
	v, err := e.req.Start(ctx, requests.StartInput{RPPS: rppsA, Kind: erpps.KindContact}, sec)
	if err != nil {
		t.Fatal(err)
	}
	saved, err := e.req.SaveDraft(ctx, v.Request.ID, v.Request.Revision, contactWith("secretariat@example.org"), sec)
	if err != nil {
		t.Fatal(err)
	}
	id := saved.Request.ID
	approval, err := e.del.Approve(ctx, practitionerA, id, saved.Request.Revision)
	if err != nil {
		t.Fatal(err)
	}
	sent, err := e.req.TransmitApproved(ctx, id, sec, approval.ID)
	if err != nil {
		t.Fatal(err)
	}
	bo := &backoffice.Service{Store: e.db, Catalog: e.req.Catalog, Now: e.clock.now}
	for _, in := range []backoffice.DecisionInput{
		{Action: erpps.DecisionTake},
		{Action: erpps.DecisionComplement, Reason: "Joignez un justificatif de domicile.", Deadline: "2026-12-20"},
	} {
		in.BaseRevision = sent.Request.Revision
		if _, err := bo.Decide(ctx, agent, id, in); err != nil {
			t.Fatalf("%s: %v", in.Action, err)
		}
	}
	back, err := e.db.FindRequestByID(ctx, id)
	if err != nil || back.Status != erpps.StatusComplementRequested {
		t.Fatalf("after the complement: %+v, %v; want complement asked", back, err)
	}
	if _, err := e.req.TransmitApproved(ctx, id, sec, approval.ID); code(err) != erpps.EFORBIDDEN {
		t.Fatalf("the used approval again: %v, want forbidden", err)
	}
	again, err := e.del.Approve(ctx, practitionerA, id, back.Revision)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := e.req.TransmitApproved(ctx, id, sec, again.ID); err != nil {
		t.Fatalf("with a new approval: %v", err)
	}
}
