package storetest

import (
	"context"
	"reflect"
	"testing"

	"erpps/backend/erpps"
)

// planFor plans action on r as it stands, by actor, at at(100).
func planFor(r *erpps.Request, action erpps.DecisionAction, actor erpps.Actor) erpps.DecisionPlan {
	to, _ := action.Target()
	return erpps.DecisionPlan{Action: action, Actor: actor, Principal: r.RPPS, At: at(100),
		Step: erpps.RequestStep{RequestID: r.ID, BaseRevision: r.Revision, From: r.Status, To: to}}
}

// decide commits action on r (as planFor plans it, then changed by mod).
func decide(t *testing.T, s erpps.ServerStore, r *erpps.Request, action erpps.DecisionAction, actor erpps.Actor, mod func(p *erpps.DecisionPlan)) *erpps.Request {
	t.Helper()
	plan := planFor(r, action, actor)
	if mod != nil {
		mod(&plan)
	}
	got, err := s.CommitDecision(context.Background(), plan)
	if err != nil {
		t.Fatalf("%s %s: %v", action, r.ID, err)
	}
	return got
}

// decisions lists the decisions on id.
func decisions(t *testing.T, s erpps.ServerStore, id string) []erpps.Decision {
	t.Helper()
	d, err := s.ListDecisions(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func testDecisions(t *testing.T, open func(t *testing.T) erpps.ServerStore) {
	ctx := context.Background()
	const rpps = "10000000001"

	t.Run("Take", func(t *testing.T) {
		s := open(t)
		mustSave(t, s, practitioner(rpps, "Testeur", "Alix", "75"))
		r := receive(t, s, received("R-1", rpps, erpps.StatusTransmitted, "75", at(1)))
		if d := decisions(t, s, r.ID); d == nil || len(d) != 0 {
			t.Fatalf("decisions before any: %#v", d)
		}
		got := decide(t, s, r, erpps.DecisionTake, agent, nil)
		if got.Status != erpps.StatusUnderReview || got.Revision != r.Revision || got.UpdatedBy != agent || !got.UpdatedAt.Equal(at(100)) {
			t.Fatalf("taken %+v", got)
		}
		last := got.History[len(got.History)-1]
		if len(got.History) != 3 || last.From != erpps.StatusTransmitted || last.To != erpps.StatusUnderReview ||
			last.Actor != agent || last.Principal != rpps || !last.At.Equal(at(100)) {
			t.Fatalf("history %+v", got.History)
		}
		d := decisions(t, s, r.ID)
		if len(d) != 1 || d[0].ID == 0 || d[0].RequestID != r.ID || d[0].Action != erpps.DecisionTake || d[0].Actor != agent ||
			d[0].Principal != rpps || !d[0].At.Equal(at(100)) {
			t.Fatalf("decisions %+v", d)
		}
		// The same plan again: the request moved.
		_, err := s.CommitDecision(ctx, planFor(r, erpps.DecisionTake, agent))
		wantCode(t, err, erpps.ECONFLICT)
		if d := decisions(t, s, r.ID); len(d) != 1 {
			t.Fatalf("a refused decision was recorded: %+v", d)
		}
		if h := mustFind(t, s, r.ID).History; len(h) != 3 {
			t.Fatalf("a refused decision added a step: %+v", h)
		}
		_, err = s.ListDecisions(ctx, "nope")
		wantCode(t, err, erpps.ENOTFOUND)
	})

	t.Run("Refuse", func(t *testing.T) {
		s := open(t)
		mustSave(t, s, practitioner(rpps, "Testeur", "Alix", "75"))
		r := receive(t, s, received("R-1", rpps, erpps.StatusUnderReview, "75", at(1)))
		got := decide(t, s, r, erpps.DecisionRefuse, agent, func(p *erpps.DecisionPlan) { p.Reason = "Pièce manquante" })
		if got.Status != erpps.StatusRefused || got.Reason != "Pièce manquante" || got.History[len(got.History)-1].Comment != "Pièce manquante" {
			t.Fatalf("refused %+v", got)
		}
		if d := decisions(t, s, r.ID); len(d) != 1 || d[0].Action != erpps.DecisionRefuse || d[0].Reason != "Pièce manquante" {
			t.Fatalf("decisions %+v", d)
		}
	})

	t.Run("ComplementThenClose", func(t *testing.T) {
		s := open(t)
		mustSave(t, s, practitioner(rpps, "Testeur", "Alix", "75"))
		r := receive(t, s, received("R-1", rpps, erpps.StatusUnderReview, "75", at(1)))
		got := decide(t, s, r, erpps.DecisionComplement, agent, func(p *erpps.DecisionPlan) {
			p.Reason, p.Deadline = "Joindre le diplôme", "2026-04-30"
		})
		if got.Status != erpps.StatusComplementRequested || got.Reason != "Joindre le diplôme" || got.Deadline != "2026-04-30" {
			t.Fatalf("complement %+v", got)
		}
		closed := decide(t, s, got, erpps.DecisionClose, system, func(p *erpps.DecisionPlan) { p.Reason = "Délai dépassé" })
		if closed.Status != erpps.StatusClosedNoAction || closed.UpdatedBy != system {
			t.Fatalf("closed %+v", closed)
		}
		d := decisions(t, s, r.ID)
		if len(d) != 2 || d[0].Action != erpps.DecisionComplement || d[0].Deadline != "2026-04-30" || d[1].Action != erpps.DecisionClose ||
			d[1].Actor != system {
			t.Fatalf("decisions %+v", d)
		}
	})

	t.Run("AcceptWritesRecord", func(t *testing.T) {
		s := open(t)
		p := mustSave(t, s, practitioner(rpps, "Testeur", "Alix", "75"))
		r := receive(t, s, received("R-1", rpps, erpps.StatusUnderReview, "75", at(1)))
		record := *practitioner(rpps, "Testeur", "Alix", "75")
		record.Contact.Email = "nouveau@example.invalid"
		got := decide(t, s, r, erpps.DecisionAccept, agent, func(pl *erpps.DecisionPlan) {
			pl.Record, pl.RecordUpdatedAt = &record, p.UpdatedAt
		})
		if got.Status != erpps.StatusAccepted {
			t.Fatalf("accepted %+v", got)
		}
		stored, err := s.FindPractitionerByRPPS(ctx, rpps)
		if err != nil {
			t.Fatal(err)
		}
		if stored.Contact.Email != "nouveau@example.invalid" || !stored.UpdatedAt.Equal(at(100)) {
			t.Fatalf("record after acceptance: email %q updated %v", stored.Contact.Email, stored.UpdatedAt)
		}
		if d := decisions(t, s, r.ID); len(d) != 1 || d[0].Action != erpps.DecisionAccept {
			t.Fatalf("decisions %+v", d)
		}
	})

	t.Run("ErrStaleRecord", func(t *testing.T) {
		s := open(t)
		p := mustSave(t, s, practitioner(rpps, "Testeur", "Alix", "75"))
		r := receive(t, s, received("R-1", rpps, erpps.StatusUnderReview, "75", at(1)))
		// Someone changes the record after the agent opened it.
		changed := *practitioner(rpps, "Testeur", "Alix", "75")
		changed.ExerciseName, changed.UpdatedAt = "Changé", at(50)
		mustSave(t, s, &changed)
		record := *practitioner(rpps, "Testeur", "Alix", "75")
		record.Contact.Email = "nouveau@example.invalid"
		plan := planFor(r, erpps.DecisionAccept, agent)
		plan.Record, plan.RecordUpdatedAt = &record, p.UpdatedAt
		_, err := s.CommitDecision(ctx, plan)
		wantCode(t, err, erpps.ECONFLICT)
		stored, err := s.FindPractitionerByRPPS(ctx, rpps)
		if err != nil {
			t.Fatal(err)
		}
		if stored.ExerciseName != "Changé" || stored.Contact.Email == "nouveau@example.invalid" || !stored.UpdatedAt.Equal(at(50)) {
			t.Fatalf("record written by a refused decision: %+v", stored)
		}
		if got := mustFind(t, s, r.ID); got.Status != erpps.StatusUnderReview || len(got.History) != len(r.History) {
			t.Fatalf("request changed by a refused decision: %+v", got)
		}
		if d := decisions(t, s, r.ID); len(d) != 0 {
			t.Fatalf("a refused decision was recorded: %+v", d)
		}
	})

	t.Run("ErrRecordNotWritable", func(t *testing.T) {
		// The record is written after the request moved, in the same
		// transaction: when it cannot be written, the request does not move.
		s := open(t)
		p := mustSave(t, s, practitioner(rpps, "Testeur", "Alix", "75"))
		mustSave(t, s, practitioner("10000000002", "Autre", "Basile", "92"))
		r := receive(t, s, received("R-1", rpps, erpps.StatusUnderReview, "75", at(1)))
		record := *practitioner(rpps, "Testeur", "Alix", "75")
		record.Activities = append(record.Activities, erpps.Activity{ID: "ACT-10000000002-1", ProfessionCode: "10",
			StartDate: "2026-04-01", Structure: erpps.Structure{CompanyName: "Ailleurs", Department: "75"}})
		plan := planFor(r, erpps.DecisionAccept, agent)
		plan.Record, plan.RecordUpdatedAt = &record, p.UpdatedAt
		_, err := s.CommitDecision(ctx, plan)
		wantCode(t, err, erpps.ECONFLICT)
		if got := mustFind(t, s, r.ID); got.Status != erpps.StatusUnderReview || len(got.History) != len(r.History) {
			t.Fatalf("request changed by a decision whose record failed: %+v", got)
		}
		if d := decisions(t, s, r.ID); len(d) != 0 {
			t.Fatalf("a failed decision was recorded: %+v", d)
		}
		stored, err := s.FindPractitionerByRPPS(ctx, rpps)
		if err != nil {
			t.Fatal(err)
		}
		if len(stored.Activities) != 2 || !stored.UpdatedAt.Equal(p.UpdatedAt) {
			t.Fatalf("record half-written: %+v", stored)
		}
	})

	t.Run("LinkedPair", func(t *testing.T) {
		s := open(t)
		mustSave(t, s, practitioner(rpps, "Testeur", "Alix", "75"))
		moved := received("R-new", rpps, erpps.StatusUnderReview, "75", at(1))
		moved.Kind = erpps.KindNewActivity
		cease := received("R-cease", rpps, erpps.StatusUnderReview, "69", at(1))
		cease.Kind, cease.TargetID, cease.LinkedRequestID = erpps.KindCeaseActivity, "ACT-"+rpps+"-1", "R-new"
		receive(t, s, moved)
		receive(t, s, cease)
		linked := func(p *erpps.DecisionPlan) {
			p.Linked = &erpps.RequestStep{RequestID: cease.ID, BaseRevision: cease.Revision, From: cease.Status, To: erpps.StatusAccepted}
		}

		// The pair moves together or not at all.
		stale := planFor(moved, erpps.DecisionAccept, agent)
		linked(&stale)
		stale.Linked.BaseRevision = 1
		_, err := s.CommitDecision(ctx, stale)
		wantCode(t, err, erpps.ECONFLICT)
		for _, id := range []string{moved.ID, cease.ID} {
			if got := mustFind(t, s, id); got.Status != erpps.StatusUnderReview {
				t.Fatalf("%s changed by a refused decision: %+v", id, got)
			}
			if d := decisions(t, s, id); len(d) != 0 {
				t.Fatalf("a refused decision was recorded on %s: %+v", id, d)
			}
		}
		notLinked := planFor(moved, erpps.DecisionAccept, agent)
		other := receive(t, s, received("R-other", rpps, erpps.StatusUnderReview, "75", at(2)))
		notLinked.Linked = &erpps.RequestStep{RequestID: other.ID, BaseRevision: other.Revision, From: other.Status, To: erpps.StatusAccepted}
		_, err = s.CommitDecision(ctx, notLinked)
		wantCode(t, err, erpps.EINVALID)

		got := decide(t, s, moved, erpps.DecisionAccept, agent, linked)
		if got.Status != erpps.StatusAccepted {
			t.Fatalf("moved %+v", got)
		}
		for _, id := range []string{moved.ID, cease.ID} {
			if got := mustFind(t, s, id); got.Status != erpps.StatusAccepted {
				t.Fatalf("%s not accepted with its pair: %+v", id, got)
			}
			if d := decisions(t, s, id); len(d) != 1 || d[0].Action != erpps.DecisionAccept || d[0].Actor != agent {
				t.Fatalf("decisions on %s: %+v", id, d)
			}
		}
		if got := mustFind(t, s, other.ID); got.Status != erpps.StatusUnderReview {
			t.Fatalf("the unlinked request moved: %+v", got)
		}
	})

	t.Run("Errors", func(t *testing.T) {
		s := open(t)
		mustSave(t, s, practitioner(rpps, "Testeur", "Alix", "75"))
		r := receive(t, s, received("R-1", rpps, erpps.StatusTransmitted, "75", at(1)))
		record := practitioner(rpps, "Testeur", "Alix", "75")
		for _, tc := range []struct {
			name string
			mod  func(p *erpps.DecisionPlan)
			code string
		}{
			{"UnknownAction", func(p *erpps.DecisionPlan) { p.Action = "shred" }, erpps.EINVALID},
			{"ActionAndStatusDisagree", func(p *erpps.DecisionPlan) { p.Step.To = erpps.StatusAccepted }, erpps.EINVALID},
			{"RecordWithoutAcceptance", func(p *erpps.DecisionPlan) { p.Record, p.RecordUpdatedAt = record, t0 }, erpps.EINVALID},
			{"StaleRevision", func(p *erpps.DecisionPlan) { p.Step.BaseRevision = 1 }, erpps.ECONFLICT},
			{"StaleStatus", func(p *erpps.DecisionPlan) { p.Step.From = erpps.StatusUnderReview }, erpps.ECONFLICT},
			{"NotAllowedNow", func(p *erpps.DecisionPlan) {
				p.Action, p.Step.To = erpps.DecisionAccept, erpps.StatusAccepted
			}, erpps.ECONFLICT},
			{"NotTheAgentsRole", func(p *erpps.DecisionPlan) { p.Actor = professional(rpps) }, erpps.EFORBIDDEN},
			{"OtherRecord", func(p *erpps.DecisionPlan) { p.Principal = "10000000002" }, erpps.EFORBIDDEN},
			{"UnknownRequest", func(p *erpps.DecisionPlan) { p.Step.RequestID = "nope" }, erpps.ENOTFOUND},
		} {
			t.Run(tc.name, func(t *testing.T) {
				plan := planFor(r, erpps.DecisionTake, agent)
				tc.mod(&plan)
				_, err := s.CommitDecision(ctx, plan)
				wantCode(t, err, tc.code)
				got := mustFind(t, s, r.ID)
				if got.Status != erpps.StatusTransmitted || !reflect.DeepEqual(steps(got.History), steps(r.History)) {
					t.Fatalf("a refused decision wrote: %+v", got)
				}
				if d := decisions(t, s, r.ID); len(d) != 0 {
					t.Fatalf("a refused decision was recorded: %+v", d)
				}
			})
		}
	})
}
