package erpps

import "testing"

// TestDecisionActionsHaveLabels: every decision has its button and what it
// did, each its own; the UI copies none of them.
func TestDecisionActionsHaveLabels(t *testing.T) {
	buttons, done := map[string]bool{}, map[string]bool{}
	for _, a := range AllDecisionActions {
		b, d := a.Label(), a.DoneLabel()
		if b == "" || b == string(a) || buttons[b] {
			t.Errorf("action %s has the button %q", a, b)
		}
		if d == "" || d == string(a) || done[d] {
			t.Errorf("action %s has the done label %q", a, d)
		}
		buttons[b], done[d] = true, true
	}
	if len(AllDecisionActions) != 5 {
		t.Errorf("%d actions listed, want take, accept, refuse, complement, close", len(AllDecisionActions))
	}
	if got := DecisionAction("x").Label(); got != "x" {
		t.Errorf("an unknown action's label %q, want its code", got)
	}
}

// TestServerSaysTransmitted: on the server a transmitted request has arrived.
func TestServerSaysTransmitted(t *testing.T) {
	if got := StatusTransmitted.ServerLabel(); got != "Transmise" {
		t.Fatalf("server label %q", got)
	}
	if got := StatusRefused.ServerLabel(); got != StatusRefused.Label() {
		t.Fatalf("server label %q, want %q", got, StatusRefused.Label())
	}
}
