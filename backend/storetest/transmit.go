package storetest

import (
	"context"
	"encoding/json"
	"reflect"
	"testing"

	"erpps/backend/erpps"
)

// transmit commits the transmission of r at its revision, with its payload,
// by actor.
func transmit(t *testing.T, s erpps.ServerStore, r *erpps.Request, actor erpps.Actor, use *erpps.ApprovalUse) *erpps.Request {
	t.Helper()
	got, err := s.CommitTransmit(context.Background(), erpps.TransmitPlan{RequestID: r.ID, BaseRevision: r.Revision,
		Payload: r.Payload, Department: "75", Actor: actor, Principal: r.RPPS, Approval: use})
	if err != nil {
		t.Fatalf("transmit %s: %v", r.ID, err)
	}
	return got
}

// outbox returns the outbox of s when the store has one (the desktop's
// sync), nil otherwise: a server store need not queue anything.
func outbox(t *testing.T, s erpps.ServerStore) []erpps.OutboxEntry {
	t.Helper()
	ob, ok := s.(erpps.Outbox)
	if !ok {
		return nil
	}
	entries, err := ob.ListOutbox(context.Background(), 0)
	if err != nil {
		t.Fatal(err)
	}
	return entries
}

func testTransmit(t *testing.T, open func(t *testing.T) erpps.ServerStore) {
	ctx := context.Background()
	const rpps = "10000000001"
	me := professional(rpps)

	t.Run("Transmit", func(t *testing.T) {
		s := open(t)
		mustSave(t, s, practitioner(rpps, "Testeur", "Alix", "69"))
		r := mustCreate(t, s, rpps, erpps.KindContact, "", `{"phone":"01 00 00 00 00"}`)
		got, err := s.CommitTransmit(ctx, erpps.TransmitPlan{RequestID: r.ID, BaseRevision: 1,
			Payload: json.RawMessage(`{"phone":"+33100000000"}`), Department: "92", Actor: me, Principal: rpps})
		if err != nil {
			t.Fatal(err)
		}
		if got.Status != erpps.StatusTransmitted || got.Revision != 2 || got.Department != "92" ||
			string(got.Payload) != `{"phone":"+33100000000"}` || got.TransmittedAt == nil || got.UpdatedBy != me {
			t.Fatalf("transmitted %+v", got)
		}
		if h := steps(got.History); !reflect.DeepEqual(h, []string{">draft by professional", "draft>transmitted by professional"}) ||
			got.History[1].Principal != rpps {
			t.Fatalf("history %+v", got.History)
		}
		if stored := mustFind(t, s, r.ID); !reflect.DeepEqual(normTimes(stored), normTimes(got)) {
			t.Fatalf("stored:\n got %+v\nwant %+v", stored, got)
		}
		if e := outbox(t, s); e != nil && (len(e) != 1 || e[0].Action != erpps.OutboxTransmit || e[0].RequestID != r.ID ||
			e[0].Revision != 2 || e[0].Principal != rpps) {
			t.Fatalf("outbox %+v", e)
		}
	})

	t.Run("ErrStaleOrNotTheirs", func(t *testing.T) {
		s := open(t)
		mustSave(t, s, practitioner(rpps, "Testeur", "Alix", "69"))
		mustSave(t, s, practitioner("10000000002", "Autre", "Basile", "75"))
		r := mustCreate(t, s, rpps, erpps.KindContact, "", `{}`)
		if _, err := s.SaveDraft(ctx, r.ID, 1, json.RawMessage(`{"email":"x@example.invalid"}`), me); err != nil {
			t.Fatal(err)
		}
		plan := erpps.TransmitPlan{RequestID: r.ID, BaseRevision: 1, Payload: json.RawMessage(`{}`), Department: "75", Actor: me, Principal: rpps}
		_, err := s.CommitTransmit(ctx, plan)
		wantCode(t, err, erpps.ECONFLICT)
		plan.BaseRevision, plan.Principal = 2, "10000000002"
		_, err = s.CommitTransmit(ctx, plan)
		wantCode(t, err, erpps.EFORBIDDEN)
		plan.RequestID, plan.Principal = "nope", rpps
		_, err = s.CommitTransmit(ctx, plan)
		wantCode(t, err, erpps.ENOTFOUND)
		if got := mustFind(t, s, r.ID); got.Status != erpps.StatusDraft || got.Revision != 2 || len(got.History) != 1 {
			t.Fatalf("a refused transmission wrote: %+v", got)
		}
		if e := outbox(t, s); len(e) != 0 {
			t.Fatalf("a refused transmission queued %+v", e)
		}
	})

	t.Run("LinkedCessation", func(t *testing.T) {
		s := open(t)
		mustSave(t, s, practitioner(rpps, "Testeur", "Alix", "69"))
		old := "ACT-" + rpps + "-1"
		draftCease := mustCreate(t, s, rpps, erpps.KindCeaseActivity, old, `{"activityId":"`+old+`"}`)
		moved := mustCreate(t, s, rpps, erpps.KindNewActivity, "", `{"replacesActivityId":"`+old+`"}`)
		cease := &erpps.Request{Kind: erpps.KindCeaseActivity, TargetID: old, Department: "69",
			Payload: json.RawMessage(`{"activityId":"` + old + `","endDate":"2026-03-31"}`)}
		got, err := s.CommitTransmit(ctx, erpps.TransmitPlan{RequestID: moved.ID, BaseRevision: 1, Payload: moved.Payload,
			Department: "75", Actor: me, Principal: rpps, LinkedCessation: cease})
		if err != nil {
			t.Fatal(err)
		}
		if got.Status != erpps.StatusTransmitted {
			t.Fatalf("moved %+v", got)
		}
		_, err = s.FindRequestByID(ctx, draftCease.ID)
		wantCode(t, err, erpps.ENOTFOUND) // the cessation draft was replaced
		list, err := s.ListRequests(ctx, erpps.RequestFilter{RPPS: rpps, Kind: erpps.KindCeaseActivity})
		if err != nil {
			t.Fatal(err)
		}
		if len(list) != 1 {
			t.Fatalf("cessations = %+v", list)
		}
		c := list[0]
		if c.LinkedRequestID != moved.ID || c.Status != erpps.StatusTransmitted || c.TargetID != old || c.Department != "69" ||
			string(c.Payload) != string(cease.Payload) || c.TransmittedAt == nil {
			t.Fatalf("linked cessation %+v", c)
		}
		if h := steps(c.History); !reflect.DeepEqual(h, []string{">draft by professional", "draft>transmitted by professional"}) {
			t.Fatalf("linked cessation history %v", h)
		}
		if e := outbox(t, s); e != nil && len(e) != 2 {
			t.Fatalf("outbox %+v, want both transmissions", e)
		}
	})
}

func testWithdraw(t *testing.T, open func(t *testing.T) erpps.ServerStore) {
	ctx := context.Background()
	const rpps = "10000000001"
	me := professional(rpps)

	t.Run("Pair", func(t *testing.T) {
		s := open(t)
		mustSave(t, s, practitioner(rpps, "Testeur", "Alix", "69"))
		old := "ACT-" + rpps + "-1"
		moved := mustCreate(t, s, rpps, erpps.KindNewActivity, "", `{}`)
		sent, err := s.CommitTransmit(ctx, erpps.TransmitPlan{RequestID: moved.ID, BaseRevision: 1, Payload: moved.Payload,
			Department: "75", Actor: me, Principal: rpps,
			LinkedCessation: &erpps.Request{Kind: erpps.KindCeaseActivity, TargetID: old, Department: "69", Payload: json.RawMessage(`{}`)}})
		if err != nil {
			t.Fatal(err)
		}
		_, err = s.CommitWithdraw(ctx, erpps.WithdrawPlan{RequestID: moved.ID, BaseRevision: sent.Revision - 1, Actor: me, Principal: rpps})
		wantCode(t, err, erpps.ECONFLICT)
		_, err = s.CommitWithdraw(ctx, erpps.WithdrawPlan{RequestID: moved.ID, BaseRevision: sent.Revision, Actor: me, Principal: "10000000002"})
		wantCode(t, err, erpps.EFORBIDDEN)

		got, err := s.CommitWithdraw(ctx, erpps.WithdrawPlan{RequestID: moved.ID, BaseRevision: sent.Revision, Actor: me,
			Principal: rpps, Comment: "Finalement non"})
		if err != nil {
			t.Fatal(err)
		}
		last := got.History[len(got.History)-1]
		if got.Status != erpps.StatusWithdrawn || last.To != erpps.StatusWithdrawn || last.Comment != "Finalement non" || last.Actor != me {
			t.Fatalf("withdrawn %+v", got)
		}
		list, err := s.ListRequests(ctx, erpps.RequestFilter{RPPS: rpps, Kind: erpps.KindCeaseActivity})
		if err != nil {
			t.Fatal(err)
		}
		if len(list) != 1 || list[0].Status != erpps.StatusWithdrawn {
			t.Fatalf("the linked cessation was not withdrawn with it: %+v", list)
		}
		if e := outbox(t, s); e != nil {
			withdrawals := 0
			for _, x := range e {
				if x.Action == erpps.OutboxWithdraw {
					withdrawals++
				}
			}
			if withdrawals != 2 {
				t.Fatalf("outbox %+v, want two withdrawals", e)
			}
		}
		// A withdrawn request is withdrawn once.
		_, err = s.CommitWithdraw(ctx, erpps.WithdrawPlan{RequestID: moved.ID, BaseRevision: got.Revision, Actor: me, Principal: rpps})
		wantCode(t, err, erpps.ECONFLICT)
	})
}
