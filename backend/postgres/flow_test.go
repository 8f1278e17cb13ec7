package postgres

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"erpps/backend/erpps"
)

var (
	professional = erpps.Actor{Role: erpps.RoleProfessional, ID: "10000000001", Name: "Éloïse Testeur"}
	agent        = erpps.Actor{Role: erpps.RoleARSAgent, ID: "agent-1", Name: "Camille Martin (ARS)"}
	otherAgent   = erpps.Actor{Role: erpps.RoleARSAgent, ID: "agent-2", Name: "Alex Durand (ARS)"}
)

// loadPractitioner reads the fixture practitioner, with rpps when not empty.
func loadPractitioner(tb testing.TB, rpps string) *erpps.Practitioner {
	tb.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "practitioner.json"))
	if err != nil {
		tb.Fatal(err)
	}
	var p erpps.Practitioner
	if err := json.Unmarshal(data, &p); err != nil {
		tb.Fatal(err)
	}
	if rpps != "" {
		p.RPPS = rpps
		for i := range p.Activities {
			p.Activities[i].ID = rpps + "-" + p.Activities[i].ID
		}
	}
	return &p
}

// mustSave saves p.
func mustSave(tb testing.TB, db *DB, p *erpps.Practitioner) {
	tb.Helper()
	if err := db.SavePractitioner(context.Background(), p); err != nil {
		tb.Fatalf("save practitioner: %v", err)
	}
}

// mustTransmit creates a contact request of rpps and transmits it to
// department; it returns the request as transmitted.
func mustTransmit(tb testing.TB, db *DB, rpps, department string) *erpps.Request {
	tb.Helper()
	ctx := context.Background()
	actor := erpps.Actor{Role: erpps.RoleProfessional, ID: rpps, Name: "Pro " + rpps}
	r := &erpps.Request{RPPS: rpps, Kind: erpps.KindContact, Payload: json.RawMessage(`{"email":"a@example.invalid"}`)}
	if err := db.CreateRequest(ctx, r, actor); err != nil {
		tb.Fatalf("create: %v", err)
	}
	t, err := db.CommitTransmit(ctx, erpps.TransmitPlan{RequestID: r.ID, BaseRevision: r.Revision,
		Payload: r.Payload, Department: department, Actor: actor, Principal: rpps})
	if err != nil {
		tb.Fatalf("transmit: %v", err)
	}
	return t
}

// takePlan is the plan of an agent taking r.
func takePlan(r *erpps.Request, by erpps.Actor, at time.Time) erpps.DecisionPlan {
	return erpps.DecisionPlan{Action: erpps.DecisionTake, Actor: by, Principal: r.RPPS, At: at,
		Step: erpps.RequestStep{RequestID: r.ID, BaseRevision: r.Revision, From: r.Status, To: erpps.StatusUnderReview}}
}

// TestRequestLife walks a request from its draft to its acceptance, which
// changes the record in the same transaction, and checks the queue on the way.
func TestRequestLife(t *testing.T) {
	ctx := context.Background()
	db := mustOpen(t)
	p := loadPractitioner(t, "")
	mustSave(t, db, p)

	r := mustTransmit(t, db, p.RPPS, "69")
	if r.Status != erpps.StatusTransmitted || r.Revision != 2 || r.TransmittedAt == nil || len(r.History) != 2 {
		t.Fatalf("transmitted: %+v", r)
	}
	out, err := db.ListOutbox(ctx, 0)
	if err != nil || len(out) != 1 || out[0].RequestID != r.ID || out[0].Action != erpps.OutboxTransmit {
		t.Fatalf("outbox: %+v, %v", out, err)
	}

	page, err := db.ListQueue(ctx, erpps.QueueFilter{Departments: []string{"69"}})
	if err != nil || page.Total != 1 || len(page.Items) != 1 || page.Items[0].ID != r.ID {
		t.Fatalf("queue: %+v, %v", page, err)
	}
	if got := page.Items[0].PractitionerName; got != "Testeur-Lœvé Éloïse" {
		t.Errorf("practitioner name %q", got)
	}
	if other, err := db.ListQueue(ctx, erpps.QueueFilter{Departments: []string{"75"}}); err != nil || other.Total != 0 || len(other.Items) != 0 {
		t.Fatalf("another région's queue: %+v, %v", other, err)
	}

	at := testEpoch.Add(time.Hour)
	taken, err := db.CommitDecision(ctx, takePlan(r, agent, at))
	if err != nil || taken.Status != erpps.StatusUnderReview {
		t.Fatalf("take: %+v, %v", taken, err)
	}
	page, _ = db.ListQueue(ctx, erpps.QueueFilter{Departments: []string{"69"}})
	if a := page.Items[0].AssignedTo; a == nil || a.ID != agent.ID {
		t.Fatalf("assigned to %+v", a)
	}

	record, err := db.FindPractitionerByRPPS(ctx, p.RPPS)
	if err != nil {
		t.Fatal(err)
	}
	changed := *record
	changed.Contact.Email = "a@example.invalid"
	accept := erpps.DecisionPlan{Action: erpps.DecisionAccept, Actor: agent, Principal: p.RPPS, At: at.Add(time.Minute),
		Step:   erpps.RequestStep{RequestID: r.ID, BaseRevision: taken.Revision, From: erpps.StatusUnderReview, To: erpps.StatusAccepted},
		Record: &changed, RecordUpdatedAt: record.UpdatedAt}
	accepted, err := db.CommitDecision(ctx, accept)
	if err != nil || accepted.Status != erpps.StatusAccepted {
		t.Fatalf("accept: %+v, %v", accepted, err)
	}
	after, _ := db.FindPractitionerByRPPS(ctx, p.RPPS)
	if after.Contact.Email != "a@example.invalid" || !after.UpdatedAt.After(record.UpdatedAt) {
		t.Fatalf("record after acceptance: %+v", after.Contact)
	}
	// The same acceptance again: the request moved.
	if _, err := db.CommitDecision(ctx, accept); erpps.ErrorCode(err) != erpps.ECONFLICT {
		t.Fatalf("accept twice: %v", err)
	}
	decisions, err := db.ListDecisions(ctx, r.ID)
	if err != nil || len(decisions) != 2 || decisions[0].Action != erpps.DecisionTake || decisions[1].Action != erpps.DecisionAccept {
		t.Fatalf("decisions: %+v, %v", decisions, err)
	}
	if !decisions[1].At.Equal(at.Add(time.Minute)) || decisions[1].Actor != agent {
		t.Fatalf("decision: %+v", decisions[1])
	}
}

// TestStaleRecordWritesNothing checks that an acceptance planned on an old
// record is ECONFLICT and leaves the request and the record as they were.
func TestStaleRecordWritesNothing(t *testing.T) {
	ctx := context.Background()
	db := mustOpen(t)
	p := loadPractitioner(t, "")
	mustSave(t, db, p)
	r := mustTransmit(t, db, p.RPPS, "69")
	taken, err := db.CommitDecision(ctx, takePlan(r, agent, testEpoch.Add(time.Hour)))
	if err != nil {
		t.Fatal(err)
	}
	record, _ := db.FindPractitionerByRPPS(ctx, p.RPPS)
	changed := *record
	changed.Contact.Email = "accepted@example.invalid"
	stale := record.UpdatedAt.Add(-time.Second)
	_, err = db.CommitDecision(ctx, erpps.DecisionPlan{Action: erpps.DecisionAccept, Actor: agent, Principal: p.RPPS,
		Step:   erpps.RequestStep{RequestID: r.ID, BaseRevision: taken.Revision, From: erpps.StatusUnderReview, To: erpps.StatusAccepted},
		Record: &changed, RecordUpdatedAt: stale, At: testEpoch.Add(2 * time.Hour)})
	if erpps.ErrorCode(err) != erpps.ECONFLICT {
		t.Fatalf("stale record: %v", err)
	}
	again, _ := db.FindRequestByID(ctx, r.ID)
	after, _ := db.FindPractitionerByRPPS(ctx, p.RPPS)
	decisions, _ := db.ListDecisions(ctx, r.ID)
	if again.Status != erpps.StatusUnderReview || len(again.History) != len(taken.History) ||
		after.Contact.Email != record.Contact.Email || len(decisions) != 1 {
		t.Fatalf("written anyway: %s, %d steps, %q, %d decisions", again.Status, len(again.History), after.Contact.Email, len(decisions))
	}
}

// seedPractitioners saves n practitioners numbered from first.
func seedPractitioners(tb testing.TB, db *DB, first, n int) []string {
	tb.Helper()
	out := make([]string, n)
	for i := range n {
		p := loadPractitioner(tb, fmt.Sprintf("1%010d", first+i))
		mustSave(tb, db, p)
		out[i] = p.RPPS
	}
	return out
}
