package storetest

import (
	"context"
	"encoding/json"
	"testing"
	"time"

	"erpps/backend/erpps"
)

// prepared is a request of kind a secretary prepared (saved once: revision 2) with
// the practitioner's approval of that version.
func prepared(t *testing.T, s erpps.ServerStore, rpps string, kind erpps.RequestKind) (*erpps.Request, *erpps.Approval) {
	t.Helper()
	ctx := context.Background()
	r := &erpps.Request{RPPS: rpps, Kind: kind, Payload: json.RawMessage(`{}`)}
	if err := s.CreateRequest(ctx, r, secretary); err != nil {
		t.Fatal(err)
	}
	r, err := s.SaveDraft(ctx, r.ID, 1, json.RawMessage(`{"email":  "cabinet@example.invalid"}`), secretary)
	if err != nil {
		t.Fatal(err)
	}
	a := &erpps.Approval{RequestID: r.ID, Revision: r.Revision, PayloadHash: hashOf(mustFind(t, s, r.ID).Payload),
		ApprovedBy: professional(rpps), ApprovedAt: at(0), ExpiresAt: at(60)}
	if err := s.CreateApproval(ctx, a); err != nil {
		t.Fatal(err)
	}
	return r, a
}

func testApprovals(t *testing.T, open func(t *testing.T) erpps.ServerStore) {
	ctx := context.Background()
	const rpps = "10000000001"

	t.Run("CreateFind", func(t *testing.T) {
		s := open(t)
		mustSave(t, s, practitioner(rpps, "Testeur", "Alix", "69"))
		r, a := prepared(t, s, rpps, erpps.KindContact)
		if a.ID == "" {
			t.Fatal("no id given to the approval")
		}
		got, err := s.FindApprovalByID(ctx, a.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.RequestID != r.ID || got.Revision != 2 || got.PayloadHash != a.PayloadHash || got.ApprovedBy != professional(rpps) ||
			!got.ApprovedAt.Equal(at(0)) || !got.ExpiresAt.Equal(at(60)) || got.UsedAt != nil {
			t.Fatalf("got %+v", got)
		}
		_, err = s.FindApprovalByID(ctx, "nope")
		wantCode(t, err, erpps.ENOTFOUND)
		dup := *a
		wantCode(t, s.CreateApproval(ctx, &dup), erpps.ECONFLICT)
		orphan := &erpps.Approval{RequestID: "nope", Revision: 1, PayloadHash: "00", ApprovedBy: professional(rpps),
			ApprovedAt: at(0), ExpiresAt: at(60)}
		wantCode(t, s.CreateApproval(ctx, orphan), erpps.ENOTFOUND)
	})

	t.Run("UsedByTransmit", func(t *testing.T) {
		s := open(t)
		mustSave(t, s, practitioner(rpps, "Testeur", "Alix", "69"))
		r, a := prepared(t, s, rpps, erpps.KindContact)
		use := &erpps.ApprovalUse{ID: a.ID, Revision: a.Revision, PayloadHash: a.PayloadHash, At: at(10)}
		got := transmit(t, s, r, secretary, use)
		if got.Status != erpps.StatusTransmitted {
			t.Fatalf("transmitted %+v", got)
		}
		used, err := s.FindApprovalByID(ctx, a.ID)
		if err != nil {
			t.Fatal(err)
		}
		if used.UsedAt == nil || !used.UsedAt.Equal(at(10)) {
			t.Fatalf("approval not marked used: %+v", used)
		}
	})

	t.Run("ErrRefused", func(t *testing.T) {
		s := open(t)
		mustSave(t, s, practitioner(rpps, "Testeur", "Alix", "69"))
		r, a := prepared(t, s, rpps, erpps.KindContact)
		other, otherApproval := prepared(t, s, rpps, erpps.KindExerciseName)
		// An approval naming the right revision and a hash that is not the
		// stored payload's.
		forged := &erpps.Approval{RequestID: r.ID, Revision: 2, PayloadHash: hashOf([]byte(`{"email":"other@example.invalid"}`)),
			ApprovedBy: professional(rpps), ApprovedAt: at(0), ExpiresAt: at(60)}
		if err := s.CreateApproval(ctx, forged); err != nil {
			t.Fatal(err)
		}
		good := erpps.ApprovalUse{ID: a.ID, Revision: 2, PayloadHash: a.PayloadHash, At: at(10)}
		for _, tc := range []struct {
			name string
			use  func(u *erpps.ApprovalUse)
		}{
			{"Unknown", func(u *erpps.ApprovalUse) { u.ID = "nope" }},
			{"OtherRequest", func(u *erpps.ApprovalUse) { u.ID = otherApproval.ID }},
			{"WrongRevision", func(u *erpps.ApprovalUse) { u.Revision = 1 }},
			{"WrongHash", func(u *erpps.ApprovalUse) { u.PayloadHash = hashOf([]byte(`{}`)) }},
			{"HashNotOfStoredPayload", func(u *erpps.ApprovalUse) { u.ID, u.PayloadHash = forged.ID, forged.PayloadHash }},
			{"Expired", func(u *erpps.ApprovalUse) { u.At = at(60) }},
		} {
			t.Run(tc.name, func(t *testing.T) {
				use := good
				tc.use(&use)
				_, err := s.CommitTransmit(ctx, erpps.TransmitPlan{RequestID: r.ID, BaseRevision: 2, Payload: r.Payload,
					Department: "75", Actor: secretary, Principal: rpps, Approval: &use})
				wantCode(t, err, erpps.EFORBIDDEN)
				if got := mustFind(t, s, r.ID); got.Status != erpps.StatusDraft || got.Revision != 2 || len(got.History) != 1 {
					t.Fatalf("a refused transmission wrote: %+v", got)
				}
				for _, id := range []string{a.ID, otherApproval.ID, forged.ID} {
					if ap, err := s.FindApprovalByID(ctx, id); err != nil || ap.UsedAt != nil {
						t.Fatalf("approval %s after a refused transmission: %+v, %v", id, ap, err)
					}
				}
				if e := outbox(t, s); len(e) != 0 {
					t.Fatalf("a refused transmission queued %+v", e)
				}
			})
		}

		t.Run("Used", func(t *testing.T) {
			// Once used, an approval serves no other transmission: the
			// request comes back for a complement at the next revision,
			// and the old approval no longer opens it.
			transmit(t, s, other, secretary, &erpps.ApprovalUse{ID: otherApproval.ID, Revision: 2,
				PayloadHash: otherApproval.PayloadHash, At: at(10)})
			sent := mustFind(t, s, other.ID)
			decide(t, s, sent, erpps.DecisionTake, agent, nil)
			back := decide(t, s, mustFind(t, s, other.ID), erpps.DecisionComplement, agent, func(p *erpps.DecisionPlan) {
				p.Reason, p.Deadline = "Joindre un justificatif", "2026-04-30"
			})
			_, err := s.CommitTransmit(ctx, erpps.TransmitPlan{RequestID: other.ID, BaseRevision: back.Revision, Payload: back.Payload,
				Department: "75", Actor: secretary, Principal: rpps,
				Approval: &erpps.ApprovalUse{ID: otherApproval.ID, Revision: back.Revision, PayloadHash: hashOf(back.Payload), At: at(20)}})
			wantCode(t, err, erpps.EFORBIDDEN)
			if got := mustFind(t, s, other.ID); got.Status != erpps.StatusComplementRequested {
				t.Fatalf("a refused transmission wrote: %+v", got)
			}
		})
	})

	t.Run("ErrInvalid", func(t *testing.T) {
		s := open(t)
		mustSave(t, s, practitioner(rpps, "Testeur", "Alix", "69"))
		r, _ := prepared(t, s, rpps, erpps.KindContact)
		for _, a := range []*erpps.Approval{
			nil,
			{Revision: 1, PayloadHash: "00", ApprovedAt: at(0), ExpiresAt: at(1)},
			{RequestID: r.ID, PayloadHash: "00", ApprovedAt: at(0), ExpiresAt: at(1)},
			{RequestID: r.ID, Revision: 1, ApprovedAt: at(0), ExpiresAt: at(1)},
			{RequestID: r.ID, Revision: 1, PayloadHash: "00", ApprovedAt: at(0), ExpiresAt: at(0).Add(-time.Second)},
		} {
			wantCode(t, s.CreateApproval(ctx, a), erpps.EINVALID)
		}
	})
}
