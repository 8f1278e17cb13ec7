package backoffice

import (
	"reflect"
	"testing"
	"time"

	"erpps/backend/erpps"
)

func TestHistoryOf(t *testing.T) {
	t0 := time.Date(2026, 11, 2, 9, 0, 0, 0, time.UTC)
	at := func(min int) time.Time { return t0.Add(time.Duration(min) * time.Minute) }
	pro := erpps.Actor{Role: erpps.RoleProfessional, ID: "10000000001", Name: "Dr Marie Curie"}
	agent := erpps.Actor{Role: erpps.RoleARSAgent, ID: "a1", Name: "Jean Agent"}
	other := erpps.Actor{Role: erpps.RoleARSAgent, ID: "a2", Name: "Paul Autre"}
	system := erpps.Actor{Role: erpps.RoleSystem}
	ev := func(from, to erpps.RequestStatus, min int, who erpps.Actor, comment string) erpps.RequestEvent {
		return erpps.RequestEvent{From: from, To: to, At: at(min), Actor: who, Comment: comment}
	}
	dec := func(a erpps.DecisionAction, min int, who erpps.Actor, reason, deadline string) erpps.Decision {
		return erpps.Decision{Action: a, At: at(min), Actor: who, Reason: reason, Deadline: deadline}
	}
	row := func(min int, what, who, note string) HistoryRow {
		return HistoryRow{At: at(min), What: what, Who: who, Note: note}
	}
	draft := ev("", erpps.StatusDraft, 0, pro, "")
	sent := ev(erpps.StatusDraft, erpps.StatusTransmitted, 1, pro, "")
	taken := ev(erpps.StatusTransmitted, erpps.StatusUnderReview, 10, agent, "")
	begun := row(0, erpps.StatusDraft.ServerLabel(), "Dr Marie Curie", "")
	transmitted := row(1, "Transmise", "Dr Marie Curie", "")
	tests := []struct {
		name      string
		history   []erpps.RequestEvent
		decisions []erpps.Decision
		want      []HistoryRow
	}{
		{"steps without decisions", []erpps.RequestEvent{draft, sent}, nil, []HistoryRow{begun, transmitted}},
		{"a complement: its step carries the message and the deadline",
			[]erpps.RequestEvent{draft, sent, taken, ev(erpps.StatusUnderReview, erpps.StatusComplementRequested, 20, agent, "Joindre le diplôme")},
			[]erpps.Decision{dec(erpps.DecisionTake, 10, agent, "", ""), dec(erpps.DecisionComplement, 20, agent, "Joindre le diplôme", "2026-12-15")},
			[]HistoryRow{begun, transmitted, row(10, "En instruction", "Jean Agent", ""), row(20, "Complément demandé", "Jean Agent", "Joindre le diplôme — Date limite : 15/12/2026")}},
		{"a decision a second apart is not its step's: exact time only",
			[]erpps.RequestEvent{sent, ev(erpps.StatusTransmitted, erpps.StatusRefused, 10, agent, "")},
			[]erpps.Decision{{Action: erpps.DecisionRefuse, At: at(10).Add(time.Second), Actor: agent, Reason: "Hors délai"}},
			[]HistoryRow{transmitted, row(10, "Refusée", "Jean Agent", ""), {At: at(10).Add(time.Second), What: erpps.DecisionRefuse.DoneLabel(), Who: "Jean Agent", Note: "Hors délai"}}},
		{"another agent's decision at the same time is not the step's",
			[]erpps.RequestEvent{taken},
			[]erpps.Decision{dec(erpps.DecisionTake, 10, other, "", "")},
			[]HistoryRow{row(10, "En instruction", "Jean Agent", ""), row(10, erpps.DecisionTake.DoneLabel(), "Paul Autre", "")}},
		{"a decision goes with one step only",
			[]erpps.RequestEvent{ev(erpps.StatusUnderReview, erpps.StatusComplementRequested, 20, agent, ""), ev(erpps.StatusUnderReview, erpps.StatusComplementRequested, 20, agent, "")},
			[]erpps.Decision{dec(erpps.DecisionComplement, 20, agent, "Pièce", "2027-01-05")},
			[]HistoryRow{row(20, "Complément demandé", "Jean Agent", "Pièce — Date limite : 05/01/2027"), row(20, "Complément demandé", "Jean Agent", "")}},
		{"the system, unnamed, is named by its role; history sorted by time",
			[]erpps.RequestEvent{ev(erpps.StatusComplementRequested, erpps.StatusClosedNoAction, 30, system, "Délai dépassé"), sent},
			[]erpps.Decision{dec(erpps.DecisionClose, 30, system, "Délai dépassé", "")},
			[]HistoryRow{transmitted, row(30, "Classée sans suite", erpps.RoleSystem.Label(), "Délai dépassé")}},
		{"no history, no decision", nil, nil, []HistoryRow{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := historyOf(&erpps.Request{History: tt.history}, tt.decisions)
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("historyOf:\n got %+v\nwant %+v", got, tt.want)
			}
		})
	}
}
