package requests

import (
	"context"
	"encoding/json"
	"sort"

	"erpps/backend/erpps"
)

// View is a request as the UI shows it: its content, what is wrong or missing,
// what the actor may do next and the words to say it (Summary).
type View struct {
	Request      *erpps.Request        `json:"request"`
	Validation   Validation            `json:"validation"`
	NextStatuses []erpps.RequestStatus `json:"nextStatuses"`
	// Resumed is true when starting a request found a draft of the same kind
	// on the same object and returned it instead of a second one.
	Resumed bool `json:"resumed"`
	Summary
}

// Summary is what the UI says about a request and what the actor may do
// with it, computed here from the state machine so that the UI re-codes no
// rule of it.
type Summary struct {
	KindLabel   string `json:"kindLabel"`
	StatusLabel string `json:"statusLabel"`
	// Untouched is true for a draft opened and never saved since: it is not
	// listed as a request « en cours ».
	Untouched bool `json:"untouched"`
	// Live is true for a draft, and for a request transmitted and not
	// decided yet; false once its life is over.
	Live        bool        `json:"live"`
	Permissions Permissions `json:"permissions"`
	// WithdrawNotice, for a request withdrawn together with its partner (the
	// two requests of a moved cabinet), says so before the user confirms;
	// "" otherwise.
	WithdrawNotice string `json:"withdrawNotice,omitempty"`
	// Steps are the request's history with their words, oldest first.
	Steps []Step `json:"steps"`
}

// Permissions say what the actor may do with a request as it stands.
type Permissions struct {
	// CanEdit: the actor may change the request's content (a draft, a
	// complement asked by the ARS).
	CanEdit bool `json:"canEdit"`
	// CanTransmit: the state machine lets the actor transmit it (whether its
	// content is complete is Validation.Complete).
	CanTransmit bool `json:"canTransmit"`
	// CanWithdraw: transmitted, not decided, and the actor may take it back.
	CanWithdraw bool `json:"canWithdraw"`
	// CanDelete: a draft never transmitted that the actor may abandon.
	CanDelete bool `json:"canDelete"`
}

// Step is one step of a request's history with its words.
type Step struct {
	erpps.RequestEvent
	// StatusLabel names the status the request moved to.
	StatusLabel string `json:"statusLabel"`
	// ActorLabel is who acted: their name, or their role's when unnamed.
	ActorLabel string `json:"actorLabel"`
}

// Item is a request in a list: the request and its Summary.
type Item struct {
	*erpps.Request
	Summary
}

// viewFor is the view of req for actor, its validation left to the caller.
func viewFor(req *erpps.Request, actor erpps.Actor) *View {
	next := erpps.NextStatuses(req.Status, actor)
	if next == nil {
		next = []erpps.RequestStatus{}
	}
	return &View{Request: req, NextStatuses: next, Summary: summaryFor(req, actor)}
}

// ItemFor is req as a list shows it to actor.
func ItemFor(req *erpps.Request, actor erpps.Actor) *Item {
	return &Item{Request: req, Summary: summaryFor(req, actor)}
}

func summaryFor(req *erpps.Request, actor erpps.Actor) Summary {
	steps := make([]Step, 0, len(req.History))
	for _, e := range req.History {
		who := e.Actor.Name
		if who == "" {
			who = e.Actor.Role.Label()
		}
		steps = append(steps, Step{RequestEvent: e, StatusLabel: e.To.StepLabel(), ActorLabel: who})
	}
	sort.SliceStable(steps, func(i, j int) bool { return steps[i].At.Before(steps[j].At) })
	perms := permissionsFor(req.Status, actor)
	notice := ""
	if perms.CanWithdraw {
		notice = pairWithdrawNotice(req)
	}
	return Summary{
		KindLabel:      req.Kind.Label(),
		StatusLabel:    req.Status.Label(),
		Untouched:      req.Untouched(),
		Live:           !req.Status.Final(),
		Permissions:    perms,
		WithdrawNotice: notice,
		Steps:          steps,
	}
}

// pairWithdrawNotice says that withdrawing one request of a moved cabinet
// withdraws the other too (the store withdraws the pair in one
// transaction); "" for a request that stands alone.
func pairWithdrawNotice(req *erpps.Request) string {
	switch req.Kind {
	case erpps.KindCeaseActivity:
		if req.LinkedRequestID != "" {
			return "Cette cessation est liée à la déclaration de votre nouveau lieu d'exercice (déménagement du cabinet) : les deux demandes seront retirées ensemble."
		}
	case erpps.KindNewActivity:
		var p struct {
			ReplacesActivityID string `json:"replacesActivityId"`
		}
		if json.Unmarshal(req.Payload, &p) == nil && p.ReplacesActivityID != "" {
			return "Cette déclaration est liée à la cessation de votre ancien lieu d'exercice (déménagement du cabinet) : les deux demandes seront retirées ensemble."
		}
	}
	return ""
}

// permissionsFor reads what actor may do with a request in status from the
// state machine (erpps.CheckTransition).
func permissionsFor(status erpps.RequestStatus, actor erpps.Actor) Permissions {
	may := func(to erpps.RequestStatus) bool { return erpps.CheckTransition(status, to, actor) == nil }
	transmit := may(erpps.StatusTransmitted)
	return Permissions{
		CanEdit:     status.Editable() && transmit,
		CanTransmit: transmit,
		CanWithdraw: may(erpps.StatusWithdrawn),
		CanDelete:   status == erpps.StatusDraft && transmit,
	}
}

// ListItems lists requests as actor sees them, newest first.
func (s *Service) ListItems(ctx context.Context, filter erpps.RequestFilter, actor erpps.Actor) ([]*Item, error) {
	list, err := s.Requests.ListRequests(ctx, filter)
	if err != nil {
		return nil, err
	}
	items := make([]*Item, len(list))
	for i, r := range list {
		items[i] = ItemFor(r, actor)
	}
	if err := s.labelDelivered(ctx, list, func(i int, l string) { items[i].StatusLabel = l }); err != nil {
		return nil, err
	}
	return items, nil
}

// Validation is the result of checking a request's payload.
type Validation struct {
	// Fields are the errors to show beside the fields. While a draft is
	// typed, a field left empty is not reported; at transmission it is.
	Fields []erpps.FieldError `json:"fields"`
	// Guidance explains a rule of the guide and offers a way forward.
	Guidance []Guidance `json:"guidance"`
	// Complete is true when the request can be transmitted.
	Complete bool `json:"complete"`
	// Department is the département whose ARS would examine the request as
	// it stands, "" while it cannot be told.
	Department string `json:"department,omitempty"`
	// MoveEndDate, for a new activity, is the day the place it replaces
	// would end (a moved cabinet: the day before its start, YYYY-MM-DD);
	// "" while its start is not a date.
	MoveEndDate string `json:"moveEndDate,omitempty"`
}

// GuidanceLevel says how much a guidance matters.
type GuidanceLevel string

// Guidance levels.
const (
	LevelInfo    GuidanceLevel = "info"
	LevelWarning GuidanceLevel = "warning"
	LevelError   GuidanceLevel = "error" // blocks transmission
)

// ActionKind is what a guidance's button does.
type ActionKind string

// What a guidance's button does.
const (
	ActionStartRequest ActionKind = "start_request" // starts RequestKind on TargetID
	ActionSetField     ActionKind = "set_field"     // sets Field to Value in the current form
	ActionOpen         ActionKind = "open"          // opens the page Value under the practitioner's portal
)

// Guidance is a rule of the guide applied to this request, in French.
type Guidance struct {
	Code    string          `json:"code"`
	Level   GuidanceLevel   `json:"level"`
	Title   string          `json:"title"`
	Message string          `json:"message"`
	Action  *GuidanceAction `json:"action,omitempty"`
	// Actions are further ways forward, when there are several.
	Actions []GuidanceAction `json:"actions,omitempty"`
}

// GuidanceAction is a way forward the UI offers as a button or a link.
type GuidanceAction struct {
	Label string `json:"label"`
	// Kind is what to do: "start_request" (of RequestKind with TargetID),
	// "set_field" (Field to Value in the current form), "open" (a page).
	Kind        ActionKind        `json:"kind"`
	RequestKind erpps.RequestKind `json:"requestKind,omitempty"`
	TargetID    string            `json:"targetId,omitempty"`
	Field       string            `json:"field,omitempty"`
	Value       string            `json:"value,omitempty"`
}

// checks collects field errors and guidance while validating.
type checks struct {
	complete bool // transmission: report missing fields too
	fields   []erpps.FieldError
	missing  int // required fields left empty (reported only when complete)
	guidance []Guidance
	// bad are the fields whose string failed checkStrings: one error each.
	bad map[string]bool
}

func (c *checks) markBad(field string) {
	if c.bad == nil {
		c.bad = map[string]bool{}
	}
	c.bad[field] = true
}

func (c *checks) fail(field, code, message string) {
	if c.bad[field] {
		return
	}
	c.fields = append(c.fields, erpps.FieldError{Field: field, Code: code, Message: message})
}

func (c *checks) failErr(field string, err error) {
	if c.bad[field] {
		return
	}
	c.fields = append(c.fields, erpps.FieldErrorFor(field, err))
}

// required reports an empty required field; true when value is empty.
func (c *checks) required(field, value, message string) bool {
	if value != "" {
		return false
	}
	c.missing++
	if c.complete {
		c.fail(field, "required", message)
	}
	return true
}

func (c *checks) guide(g Guidance) { c.guidance = append(c.guidance, g) }

func (c *checks) result() Validation {
	blocked := false
	for _, g := range c.guidance {
		if g.Level == LevelError {
			blocked = true
		}
	}
	fields := c.fields
	if fields == nil {
		fields = []erpps.FieldError{}
	}
	guidance := c.guidance
	if guidance == nil {
		guidance = []Guidance{}
	}
	return Validation{
		Fields:   fields,
		Guidance: guidance,
		Complete: len(c.fields) == 0 && c.missing == 0 && !blocked,
	}
}
