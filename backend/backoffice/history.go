package backoffice

import (
	"sort"
	"strings"
	"time"

	"erpps/backend/erpps"
)

// HistoryRow is one line of a request's history as the agent reads it:
// when, what happened (in French), who did it and what they wrote.
type HistoryRow struct {
	At   time.Time `json:"at"`
	What string    `json:"what"`
	Who  string    `json:"who"`
	// Note is the reason given and, for a complement, « Date limite :
	// jj/mm/aaaa »; empty when there is nothing to add.
	Note string `json:"note"`
}

// historyOf is the request's history, oldest first: each step of its life,
// completed by the decision that made it, and a line of its own for a
// decision the history lacks. A store writes a decision and its step in one
// transaction with the same time: a step and a decision go together when
// their time, their target status and their actor are the same, exactly.
func historyOf(r *erpps.Request, decisions []erpps.Decision) []HistoryRow {
	used := make([]bool, len(decisions))
	rows := make([]HistoryRow, 0, len(r.History)+len(decisions))
	for _, e := range r.History {
		row := HistoryRow{At: e.At, What: e.To.ServerLabel(), Who: actorLabel(e.Actor)}
		reason, deadline := e.Comment, ""
		if i := decisionOf(e, decisions, used); i >= 0 {
			used[i] = true
			if reason == "" {
				reason = decisions[i].Reason
			}
			deadline = decisions[i].Deadline
		}
		row.Note = noteOf(reason, deadline)
		rows = append(rows, row)
	}
	for i, d := range decisions {
		if !used[i] {
			rows = append(rows, HistoryRow{At: d.At, What: d.Action.DoneLabel(), Who: actorLabel(d.Actor), Note: noteOf(d.Reason, d.Deadline)})
		}
	}
	sort.SliceStable(rows, func(i, j int) bool { return rows[i].At.Before(rows[j].At) })
	return rows
}

// decisionOf is the index of the decision, not used yet, that made step e;
// -1 when none did.
func decisionOf(e erpps.RequestEvent, decisions []erpps.Decision, used []bool) int {
	for i, d := range decisions {
		if to, ok := d.Action.Target(); ok && !used[i] && to == e.To && d.At.Equal(e.At) && d.Actor == e.Actor {
			return i
		}
	}
	return -1
}

// actorLabel names who acted: their name, or their role when unnamed.
func actorLabel(a erpps.Actor) string {
	if a.Name != "" {
		return a.Name
	}
	return a.Role.Label()
}

// noteOf joins a reason and a complement's deadline (YYYY-MM-DD).
func noteOf(reason, deadline string) string {
	parts := []string{}
	if reason != "" {
		parts = append(parts, reason)
	}
	if deadline != "" {
		parts = append(parts, "Date limite : "+dayFR(deadline))
	}
	return strings.Join(parts, " — ")
}

// dayFR writes a YYYY-MM-DD day jj/mm/aaaa; anything else as it is.
func dayFR(day string) string {
	t, err := time.Parse(dateLayout, day)
	if err != nil {
		return day
	}
	return t.Format("02/01/2006")
}
