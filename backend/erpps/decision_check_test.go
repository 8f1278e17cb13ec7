package erpps

import "testing"

func TestDecisionActionTarget(t *testing.T) {
	tests := []struct {
		action DecisionAction
		to     RequestStatus
		ok     bool
	}{
		{DecisionTake, StatusUnderReview, true},
		{DecisionAccept, StatusAccepted, true},
		{DecisionRefuse, StatusRefused, true},
		{DecisionComplement, StatusComplementRequested, true},
		{DecisionClose, StatusClosedNoAction, true},
		{"delete", "", false},
	}
	for _, tt := range tests {
		if to, ok := tt.action.Target(); to != tt.to || ok != tt.ok {
			t.Errorf("%q.Target() = %q, %v; want %q, %v", tt.action, to, ok, tt.to, tt.ok)
		}
	}
}

func TestDecisionPlanCheck(t *testing.T) {
	accept := func() DecisionPlan {
		return DecisionPlan{Action: DecisionAccept, Principal: "10000000001",
			Step:   RequestStep{RequestID: "r1", BaseRevision: 2, From: StatusUnderReview, To: StatusAccepted},
			Record: &Practitioner{RPPS: "10000000001"}}
	}
	tests := []struct {
		name string
		edit func(p *DecisionPlan)
		ok   bool
	}{
		{"Accept", func(*DecisionPlan) {}, true},
		{"AcceptWithoutRecord", func(p *DecisionPlan) { p.Record = nil }, true},
		{"UnknownAction", func(p *DecisionPlan) { p.Action = "delete" }, false},
		{"WrongTarget", func(p *DecisionPlan) { p.Step.To = StatusRefused }, false},
		{"WrongLinkedTarget", func(p *DecisionPlan) { p.Linked = &RequestStep{RequestID: "r2", To: StatusRefused} }, false},
		{"NoPrincipal", func(p *DecisionPlan) { p.Principal = "" }, false},
		{"RecordOfAnother", func(p *DecisionPlan) { p.Record.RPPS = "10000000002" }, false},
		{"RecordOnRefusal", func(p *DecisionPlan) { p.Action, p.Step.To = DecisionRefuse, StatusRefused }, false},
		{"BadRecord", func(p *DecisionPlan) { p.Record.Activities = []Activity{{}} }, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			plan := accept()
			tt.edit(&plan)
			err := plan.Check()
			if (err == nil) != tt.ok || (err != nil && ErrorCode(err) != EINVALID) {
				t.Fatalf("Check() = %v, want ok %v", err, tt.ok)
			}
		})
	}
}

func TestRequestStepCheckOn(t *testing.T) {
	step := RequestStep{RequestID: "r1", BaseRevision: 3, From: StatusTransmitted, To: StatusUnderReview}
	tests := []struct {
		name     string
		rpps     string
		revision int64
		status   RequestStatus
		code     string
	}{
		{"AsPlanned", "10000000001", 3, StatusTransmitted, ""},
		{"OtherRecord", "10000000002", 3, StatusTransmitted, EFORBIDDEN},
		{"RevisionMoved", "10000000001", 4, StatusTransmitted, ECONFLICT},
		{"StatusMoved", "10000000001", 3, StatusWithdrawn, ECONFLICT},
	}
	for _, tt := range tests {
		if got := ErrorCode(step.CheckOn(tt.rpps, tt.revision, tt.status, "10000000001")); got != tt.code {
			t.Errorf("%s: code %q, want %q", tt.name, got, tt.code)
		}
	}
}

func TestCheckLinkedPair(t *testing.T) {
	tests := []struct {
		name                                 string
		id, linkedID, otherID, otherLinkedID string
		ok                                   bool
	}{
		{"OtherLinksToIt", "a", "", "b", "a", true},
		{"ItLinksToOther", "a", "b", "b", "", true},
		{"Itself", "a", "a", "a", "a", false},
		{"Unrelated", "a", "c", "b", "d", false},
	}
	for _, tt := range tests {
		if err := CheckLinkedPair(tt.id, tt.linkedID, tt.otherID, tt.otherLinkedID); (err == nil) != tt.ok {
			t.Errorf("%s: %v", tt.name, err)
		}
	}
}
