package backoffice

import "erpps/backend/erpps"

// Labels are the back office's words for the domain's codes, code → French
// text, from erpps's Label methods: the front end shows them and copies none.
type Labels struct {
	Statuses    map[erpps.RequestStatus]string  `json:"statuses"`
	Kinds       map[erpps.RequestKind]string    `json:"kinds"`
	Roles       map[erpps.Role]string           `json:"roles"`
	Actions     map[erpps.DecisionAction]string `json:"actions"`     // the decisions' buttons
	ActionsDone map[erpps.DecisionAction]string `json:"actionsDone"` // what a decision did, in a history
}

// NewLabels gives every status (as the server holds it), kind, role and
// decision its label.
func NewLabels() Labels {
	l := Labels{
		Statuses:    map[erpps.RequestStatus]string{},
		Kinds:       map[erpps.RequestKind]string{},
		Roles:       map[erpps.Role]string{},
		Actions:     map[erpps.DecisionAction]string{},
		ActionsDone: map[erpps.DecisionAction]string{},
	}
	for _, s := range erpps.AllRequestStatuses {
		l.Statuses[s.Value] = s.Value.ServerLabel()
	}
	for _, k := range erpps.AllRequestKinds {
		l.Kinds[k.Value] = k.Value.Label()
	}
	for _, r := range erpps.AllRoles {
		l.Roles[r] = r.Label()
	}
	for _, a := range erpps.AllDecisionActions {
		l.Actions[a] = a.Label()
		l.ActionsDone[a] = a.DoneLabel()
	}
	return l
}
