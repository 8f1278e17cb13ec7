package backoffice_test

import (
	"context"
	"reflect"
	"slices"
	"sync"
	"testing"

	"erpps/backend/backoffice"
	"erpps/backend/erpps"
)

// An agent takes a request, sees what accepting would change, accepts it:
// the record changes in the same transaction, every step dated and
// attributed.
func TestTakeAndAccept(t *testing.T) {
	ctx := context.Background()
	e := newEnv(t)
	r := e.transmit(t, erpps.KindContact, contactWith("c.martin@example.org"))

	c, err := e.bo.Case(ctx, agentIDF, r.ID)
	if err != nil {
		t.Fatal(err)
	}
	if c.ARS != "ARS Île-de-France" || c.Record.RPPS != rpps || c.Request.Status != erpps.StatusTransmitted {
		t.Fatalf("case = ARS %q record %q status %s", c.ARS, c.Record.RPPS, c.Request.Status)
	}
	if !reflect.DeepEqual(c.Actions, []erpps.DecisionAction{erpps.DecisionTake}) {
		t.Fatalf("actions on a transmitted request = %v, want [take]", c.Actions)
	}
	if i := slices.IndexFunc(c.Changes, func(ch registerChange) bool { return ch.Field == "contact.email" }); i < 0 ||
		c.Changes[i].Before != "claire.martin@example.com" || c.Changes[i].After != "c.martin@example.org" {
		t.Fatalf("changes = %+v, want the e-mail from claire.martin@ to c.martin@", c.Changes)
	}

	// Accepting before taking is refused; nothing moves.
	if _, err := e.bo.Decide(ctx, agentIDF, r.ID, backoffice.DecisionInput{Action: erpps.DecisionAccept, BaseRevision: r.Revision}); erpps.ErrorCode(err) != erpps.ECONFLICT {
		t.Fatalf("accept a request not taken: %v, want conflict", err)
	}
	taken := e.decide(t, agentIDF, r.ID, backoffice.DecisionInput{Action: erpps.DecisionTake})
	if taken.Request.Status != erpps.StatusUnderReview {
		t.Fatalf("after take: %s", taken.Request.Status)
	}
	if !reflect.DeepEqual(taken.Actions, []erpps.DecisionAction{erpps.DecisionAccept, erpps.DecisionRefuse, erpps.DecisionComplement}) {
		t.Fatalf("actions under review = %v", taken.Actions)
	}
	e.clock.t = e.clock.t.Add(3600e9)
	done := e.decide(t, agentIDF, r.ID, backoffice.DecisionInput{Action: erpps.DecisionAccept})
	if done.Request.Status != erpps.StatusAccepted || len(done.Actions) != 0 || len(done.Changes) != 0 {
		t.Fatalf("after accept: status %s actions %v changes %v", done.Request.Status, done.Actions, done.Changes)
	}
	if done.Record.Contact.Email != "c.martin@example.org" || done.Record.Contact.Phone != "+33600998877" {
		t.Fatalf("record contact = %+v, want the request's", done.Record.Contact)
	}
	stored, err := e.db.FindPractitionerByRPPS(ctx, rpps)
	if err != nil || stored.Contact.Email != "c.martin@example.org" {
		t.Fatalf("stored record: %+v, %v", stored, err)
	}
	if len(done.Decisions) != 2 {
		t.Fatalf("decisions = %+v, want take and accept", done.Decisions)
	}
	for i, want := range []erpps.DecisionAction{erpps.DecisionTake, erpps.DecisionAccept} {
		d := done.Decisions[i]
		if d.Action != want || d.Actor != agentIDF.Actor() || d.Principal != rpps || d.At.IsZero() {
			t.Errorf("decision %d = %+v, want %s by the agent on %s", i, d, want, rpps)
		}
	}
	last := done.Request.History[len(done.Request.History)-1]
	if last.To != erpps.StatusAccepted || last.Actor != agentIDF.Actor() || !last.At.Equal(e.clock.t) {
		t.Fatalf("last step = %+v, want accepted by the agent at %v", last, e.clock.t)
	}
	if c.Final || taken.Final || !done.Final {
		t.Fatalf("final: transmitted %v, under review %v, accepted %v; want only the accepted one", c.Final, taken.Final, done.Final)
	}
	// Each decision is found with its step in the store: one line per step.
	if len(done.History) != len(done.Request.History) {
		t.Fatalf("history = %+v, want one line per step of %+v", done.History, done.Request.History)
	}
	if h := done.History[len(done.History)-1]; h.What != erpps.StatusAccepted.ServerLabel() || h.Who != agentIDF.Actor().Name || !h.At.Equal(e.clock.t) {
		t.Fatalf("last line = %+v, want accepted by the agent", h)
	}
}

// Refusing needs a reason; asking for a complement needs a message and a
// deadline in the future. Refused input writes nothing.
func TestRefuseAndComplementInput(t *testing.T) {
	ctx := context.Background()
	e := newEnv(t)
	r := e.transmit(t, erpps.KindContact, contactWith("c.martin@example.org"))
	e.decide(t, agentIDF, r.ID, backoffice.DecisionInput{Action: erpps.DecisionTake})
	for _, tc := range []struct {
		name  string
		in    backoffice.DecisionInput
		field string
	}{
		{"refuse without a reason", backoffice.DecisionInput{Action: erpps.DecisionRefuse, Reason: "   "}, "reason"},
		{"complement without a message", backoffice.DecisionInput{Action: erpps.DecisionComplement, Deadline: "2026-12-15"}, "reason"},
		{"complement without a deadline", backoffice.DecisionInput{Action: erpps.DecisionComplement, Reason: "Justificatif de domicile"}, "deadline"},
		{"complement due today", backoffice.DecisionInput{Action: erpps.DecisionComplement, Reason: "Justificatif", Deadline: "2026-11-27"}, "deadline"},
		{"complement due in a year", backoffice.DecisionInput{Action: erpps.DecisionComplement, Reason: "Justificatif", Deadline: "2027-11-27"}, "deadline"},
		{"complement due on no day", backoffice.DecisionInput{Action: erpps.DecisionComplement, Reason: "Justificatif", Deadline: "2026-02-30"}, "deadline"},
		{"a deadline on a refusal", backoffice.DecisionInput{Action: erpps.DecisionRefuse, Reason: "Non", Deadline: "2026-12-15"}, "deadline"},
		{"an unknown action", backoffice.DecisionInput{Action: "approve"}, "action"},
		{"closing by hand", backoffice.DecisionInput{Action: erpps.DecisionClose}, "action"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tc.in.BaseRevision = r.Revision
			_, err := e.bo.Decide(ctx, agentIDF, r.ID, tc.in)
			var ee *erpps.Error
			if !errorAs(err, &ee) || ee.Code != erpps.EINVALID || !hasField(ee.Fields, tc.field) {
				t.Fatalf("err = %v, want invalid on %s", err, tc.field)
			}
		})
	}
	c, err := e.bo.Case(ctx, agentIDF, r.ID)
	if err != nil || c.Request.Status != erpps.StatusUnderReview || len(c.Decisions) != 1 {
		t.Fatalf("refused input wrote something: %+v, %v", c, err)
	}
	refused := e.decide(t, agentIDF, r.ID, backoffice.DecisionInput{Action: erpps.DecisionRefuse, Reason: "  Adresse hors de France métropolitaine non justifiée. "})
	if refused.Request.Status != erpps.StatusRefused || refused.Request.Reason != "Adresse hors de France métropolitaine non justifiée." {
		t.Fatalf("refused: %s %q", refused.Request.Status, refused.Request.Reason)
	}
	if rec, _ := e.db.FindPractitionerByRPPS(ctx, rpps); rec.Contact.Email != "claire.martin@example.com" {
		t.Fatalf("a refusal changed the record: %+v", rec.Contact)
	}
	h := refused.History[len(refused.History)-1]
	if len(refused.History) != len(refused.Request.History) || h.What != "Refusée" || h.Note != "Adresse hors de France métropolitaine non justifiée." || !refused.Final {
		t.Fatalf("history after a refusal = %+v (final %v)", refused.History, refused.Final)
	}
}

// A complement never supplied by its deadline is closed « sans suite » by
// the system; one supplied in time is not.
func TestComplementExpires(t *testing.T) {
	ctx := context.Background()
	e := newEnv(t)
	r := e.transmit(t, erpps.KindContact, contactWith("c.martin@example.org"))
	e.decide(t, agentIDF, r.ID, backoffice.DecisionInput{Action: erpps.DecisionTake})
	asked := e.decide(t, agentIDF, r.ID, backoffice.DecisionInput{Action: erpps.DecisionComplement,
		Reason: "Joignez un justificatif de domicile.", Deadline: "2026-12-15"})
	if asked.Request.Status != erpps.StatusComplementRequested || asked.Request.Deadline != "2026-12-15" || len(asked.Actions) != 0 {
		t.Fatalf("complement asked: %s deadline %q actions %v", asked.Request.Status, asked.Request.Deadline, asked.Actions)
	}
	if h := asked.History[len(asked.History)-1]; h.What != "Complément demandé" || h.Note != "Joignez un justificatif de domicile. — Date limite : 15/12/2026" || asked.Final {
		t.Fatalf("last line after a complement = %+v (final %v)", h, asked.Final)
	}
	e.clock.t = start.AddDate(0, 0, 18) // 15 December: the deadline's day
	if n, err := e.bo.CloseExpiredComplements(ctx); err != nil || n != 0 {
		t.Fatalf("on the deadline's day: closed %d, %v; want 0", n, err)
	}
	e.clock.t = start.AddDate(0, 0, 19) // 16 December
	if n, err := e.bo.CloseExpiredComplements(ctx); err != nil || n != 1 {
		t.Fatalf("the day after: closed %d, %v; want 1", n, err)
	}
	c, err := e.bo.Case(ctx, agentIDF, r.ID)
	if err != nil {
		t.Fatal(err)
	}
	last := c.Request.History[len(c.Request.History)-1]
	if c.Request.Status != erpps.StatusClosedNoAction || last.Actor != backoffice.System || c.Decisions[len(c.Decisions)-1].Action != erpps.DecisionClose {
		t.Fatalf("after the deadline: %s, last step %+v", c.Request.Status, last)
	}
	if n, err := e.bo.CloseExpiredComplements(ctx); err != nil || n != 0 {
		t.Fatalf("again: closed %d, %v; want 0", n, err)
	}
}

// A moved cabinet is decided whole: taking or accepting one request of the
// pair moves both, and accepting ends the old place and creates the new one
// in one transaction.
func TestMovedCabinetDecidedWhole(t *testing.T) {
	ctx := context.Background()
	e := newEnv(t)
	move := erpps.NewActivityPayload{ProfessionCode: "91", LookupBy: "siret",
		Structure: erpps.Structure{SIRET: luhn(t, "5550001110001"), CompanyName: "Maison de santé Voltaire",
			Address: erpps.Address{Street: "40 boulevard Voltaire", PostalCode: "75011", City: "PARIS"}},
		ModeCode: "L", SectorCode: "SA52", FunctionCode: "FON-01", StartDate: "2027-01-04", ReplacesActivityID: "act-1"}
	na := e.transmit(t, erpps.KindNewActivity, move)
	c, err := e.bo.Case(ctx, agentIDF, na.ID)
	if err != nil {
		t.Fatal(err)
	}
	if c.Linked == nil || c.Linked.Kind != erpps.KindCeaseActivity || c.ChangesProblem != "" {
		t.Fatalf("case of a moved cabinet: linked %+v problem %q", c.Linked, c.ChangesProblem)
	}
	if c.Changes[0].Field != "activities.act-1.endDate" || c.Changes[0].After != "3 janvier 2027" {
		t.Fatalf("first change = %+v, want the old place ending on 3 January 2027", c.Changes[0])
	}
	cessationID := c.Linked.ID
	e.decide(t, agentIDF, cessationID, backoffice.DecisionInput{Action: erpps.DecisionTake})
	if got, _ := e.bo.Case(ctx, agentIDF, na.ID); got.Request.Status != erpps.StatusUnderReview {
		t.Fatalf("taking the cessation left its partner %s", got.Request.Status)
	}
	done := e.decide(t, agentIDF, na.ID, backoffice.DecisionInput{Action: erpps.DecisionAccept})
	if done.Request.Status != erpps.StatusAccepted || done.Linked.Status != erpps.StatusAccepted {
		t.Fatalf("after accept: %s and %s", done.Request.Status, done.Linked.Status)
	}
	rec, err := e.db.FindPractitionerByRPPS(ctx, rpps)
	if err != nil {
		t.Fatal(err)
	}
	old, _ := rec.ActivityByID("act-1")
	if old.EndDate != "2027-01-03" || old.EndReasonCode != "CHL" {
		t.Fatalf("old place = %+v, want ended 2027-01-03 CHL", old)
	}
	if _, err := rec.ActivityByID("act-" + na.ID); err != nil {
		t.Fatalf("new place missing from the record: %+v", rec.Activities)
	}
}

// Two agents deciding the same request at once: one decision is recorded,
// the other is a conflict, never both.
func TestConcurrentDecisions(t *testing.T) {
	ctx := context.Background()
	e := newEnv(t)
	r := e.transmit(t, erpps.KindContact, contactWith("c.martin@example.org"))
	e.decide(t, agentIDF, r.ID, backoffice.DecisionInput{Action: erpps.DecisionTake})
	other := &erpps.Account{ID: "agent-idf-2", Role: erpps.RoleARSAgent, Name: "Léa Petit (ARS Île-de-France)", Region: "11"}
	inputs := []struct {
		agent *erpps.Account
		in    backoffice.DecisionInput
	}{
		{agentIDF, backoffice.DecisionInput{Action: erpps.DecisionAccept, BaseRevision: r.Revision}},
		{other, backoffice.DecisionInput{Action: erpps.DecisionRefuse, Reason: "Pièce manquante", BaseRevision: r.Revision}},
	}
	errs := make([]error, len(inputs))
	var wg sync.WaitGroup
	for i, x := range inputs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, errs[i] = e.bo.Decide(ctx, x.agent, r.ID, x.in)
		}()
	}
	wg.Wait()
	ok := 0
	for _, err := range errs {
		switch erpps.ErrorCode(err) {
		case "":
			ok++
		case erpps.ECONFLICT:
		default:
			t.Fatalf("unexpected error %v", err)
		}
	}
	c, err := e.bo.Case(ctx, agentIDF, r.ID)
	if err != nil {
		t.Fatal(err)
	}
	if ok != 1 || len(c.Decisions) != 2 {
		t.Fatalf("%d decisions succeeded, %d recorded (%+v); want 1 and take + 1", ok, len(c.Decisions), c.Decisions)
	}
	rec, _ := e.db.FindPractitionerByRPPS(ctx, rpps)
	accepted := c.Request.Status == erpps.StatusAccepted
	if accepted != (rec.Contact.Email == "c.martin@example.org") {
		t.Fatalf("status %s but record e-mail %q", c.Request.Status, rec.Contact.Email)
	}
}

// A decision on a request the practitioner changed since the agent opened it
// (withdrawn, or transmitted again) is a conflict, and writes nothing.
func TestStaleDecision(t *testing.T) {
	ctx := context.Background()
	e := newEnv(t)
	r := e.transmit(t, erpps.KindContact, contactWith("c.martin@example.org"))
	if _, err := e.bo.Decide(ctx, agentIDF, r.ID, backoffice.DecisionInput{Action: erpps.DecisionTake, BaseRevision: r.Revision - 1}); erpps.ErrorCode(err) != erpps.ECONFLICT {
		t.Fatalf("take on an older revision: %v, want conflict", err)
	}
	if _, err := e.req.Withdraw(ctx, r.ID, me, ""); err != nil {
		t.Fatal(err)
	}
	if _, err := e.bo.Decide(ctx, agentIDF, r.ID, backoffice.DecisionInput{Action: erpps.DecisionTake, BaseRevision: r.Revision}); erpps.ErrorCode(err) != erpps.ECONFLICT {
		t.Fatalf("take a withdrawn request: %v, want conflict", err)
	}
	c, err := e.bo.Case(ctx, agentIDF, r.ID)
	if err != nil || c.Request.Status != erpps.StatusWithdrawn || len(c.Decisions) != 0 || len(c.Actions) != 0 {
		t.Fatalf("withdrawn case: %+v, %v", c, err)
	}
}
