package backoffice

import (
	"context"

	"erpps/backend/erpps"
	"erpps/backend/register"
)

// Case is what an agent sees of a request: the request with its history,
// the practitioner's record as it stands, the other request of a moved
// cabinet, what accepting would change, the decisions taken, what the agent
// may do now, and the ARS examining it.
type Case struct {
	Request *erpps.Request      `json:"request"`
	Record  *erpps.Practitioner `json:"record"`
	Linked  *erpps.Request      `json:"linked,omitempty"`
	// Changes are « ce qui changerait » on acceptance, for a request not yet
	// decided; empty otherwise.
	Changes []register.Change `json:"changes"`
	// ChangesProblem says why the request no longer fits the record (an
	// activity already ended...), when it does not: it cannot be accepted.
	ChangesProblem string                 `json:"changesProblem,omitempty"`
	Decisions      []erpps.Decision       `json:"decisions"`
	Actions        []erpps.DecisionAction `json:"actions"`
	ARS            string                 `json:"ars"`
	// Final tells whether the request's life is over (decided or withdrawn).
	Final bool `json:"final"`
	// History is the request's history as the agent reads it, oldest first:
	// its steps with the decisions that made them.
	History []HistoryRow `json:"history"`
}

// Case returns the request id as the agent sees it; a request of another
// region, or a draft, is ENOTFOUND.
func (s *Service) Case(ctx context.Context, agent *erpps.Account, id string) (*Case, error) {
	reg, err := s.regionOf(agent)
	if err != nil {
		return nil, err
	}
	rec, linked, err := s.load(ctx, reg, id)
	if err != nil {
		return nil, err
	}
	return s.caseOf(ctx, agent, rec.Request, rec.Practitioner, linked)
}

// caseOf completes a case from what was read of it: the decisions taken,
// what accepting would change, what the agent may do now.
func (s *Service) caseOf(ctx context.Context, agent *erpps.Account, r *erpps.Request, record *erpps.Practitioner, linked *erpps.Request) (*Case, error) {
	decisions, err := s.Store.ListDecisions(ctx, r.ID)
	if err != nil {
		return nil, err
	}
	if decisions == nil {
		decisions = []erpps.Decision{}
	}
	c := &Case{Request: r, Record: record, Linked: linked, Changes: []register.Change{},
		Decisions: decisions, Actions: actionsFor(r.Status, agent.Actor()), ARS: s.Catalog.ARSName(r.Department),
		Final: r.Status.Final(), History: historyOf(r, decisions)}
	if r.Status.Open() {
		if _, changes, err := register.Apply(s.Catalog, record, r, linked, s.today()); err != nil {
			c.ChangesProblem = erpps.ErrorMessage(err)
			c.Actions = withoutAccept(c.Actions)
		} else {
			c.Changes = changes
		}
	}
	return c, nil
}

// load reads the request with the record and its linked request, checking
// the request is one the agent's region examines.
func (s *Service) load(ctx context.Context, reg region, id string) (*erpps.RequestWithRecord, *erpps.Request, error) {
	rec, err := s.Store.FindRequestWithRecord(ctx, id)
	if erpps.ErrorCode(err) == erpps.ENOTFOUND {
		return nil, nil, notFound()
	}
	if err != nil {
		return nil, nil, err
	}
	if !reg.in[rec.Request.Department] || rec.Request.Status == erpps.StatusDraft {
		return nil, nil, notFound()
	}
	linked, err := s.linkedOf(ctx, rec.Request)
	if err != nil {
		return nil, nil, err
	}
	return rec, linked, nil
}

// linkedOf returns the other request of a moved cabinet, nil for a request
// that stands alone. The cessation names the new activity it goes with; the
// new activity is found from it.
func (s *Service) linkedOf(ctx context.Context, r *erpps.Request) (*erpps.Request, error) {
	if r.LinkedRequestID != "" {
		return s.Store.FindRequestByID(ctx, r.LinkedRequestID)
	}
	if r.Kind != erpps.KindNewActivity {
		return nil, nil
	}
	ceases, err := s.Store.ListRequests(ctx, erpps.RequestFilter{RPPS: r.RPPS, Kind: erpps.KindCeaseActivity, WithoutHistory: true})
	if err != nil {
		return nil, err
	}
	for _, c := range ceases {
		if c.LinkedRequestID == r.ID {
			return s.Store.FindRequestByID(ctx, c.ID)
		}
	}
	return nil, nil
}

// agentActions are the decisions an agent takes, by the status they start
// from; closing a complement whose deadline passed is the system's.
var agentActions = map[erpps.RequestStatus][]erpps.DecisionAction{
	erpps.StatusTransmitted: {erpps.DecisionTake},
	erpps.StatusUnderReview: {erpps.DecisionAccept, erpps.DecisionRefuse, erpps.DecisionComplement},
}

// actionsFor lists what actor may do on a request in status, checked against
// the requests' state machine.
func actionsFor(status erpps.RequestStatus, actor erpps.Actor) []erpps.DecisionAction {
	out := []erpps.DecisionAction{}
	for _, a := range agentActions[status] {
		if to, _ := a.Target(); erpps.CheckTransition(status, to, actor) == nil {
			out = append(out, a)
		}
	}
	return out
}

func withoutAccept(actions []erpps.DecisionAction) []erpps.DecisionAction {
	out := []erpps.DecisionAction{}
	for _, a := range actions {
		if a != erpps.DecisionAccept {
			out = append(out, a)
		}
	}
	return out
}
