package backoffice

import (
	"context"
	"strings"
	"time"
	"unicode"

	"erpps/backend/erpps"
	"erpps/backend/frenchdate"
	"erpps/backend/register"
)

// DecisionInput is an agent's decision on a request, taken on the revision
// they saw.
type DecisionInput struct {
	Action       erpps.DecisionAction `json:"action"`
	BaseRevision int64                `json:"baseRevision"`
	Reason       string               `json:"reason,omitempty"`   // refusal reason, complement message, acceptance comment
	Deadline     string               `json:"deadline,omitempty"` // YYYY-MM-DD, for a complement
}

// Limits of a decision's text and of a complement's deadline.
const (
	MaxReasonLength      = 2000
	MaxComplementMonths  = 6
	complementDateFormat = dateLayout
)

// Decide takes the agent's decision on request id (and on its linked request,
// a moved cabinet being decided whole) and returns the case as it becomes.
// Accepting applies the request to the practitioner's record in the same
// transaction. A request changed since BaseRevision is ECONFLICT and nothing
// is written; a request of another region is ENOTFOUND.
func (s *Service) Decide(ctx context.Context, agent *erpps.Account, id string, in DecisionInput) (*Case, error) {
	reg, err := s.regionOf(agent)
	if err != nil {
		return nil, err
	}
	rec, linked, err := s.load(ctx, reg, id)
	if err != nil {
		return nil, err
	}
	if err := s.checkInput(&in); err != nil {
		return nil, err
	}
	plan, err := s.plan(rec, linked, in, agent.Actor())
	if err != nil {
		return nil, err
	}
	req, err := s.Store.CommitDecision(ctx, *plan)
	if err != nil {
		return nil, err
	}
	if s.Notifier != nil {
		s.Notifier.DecisionCommitted(ctx, CommittedDecision{Request: req, Record: rec.Practitioner, Plan: *plan,
			ARS: s.Catalog.ARSName(req.Department)})
	}
	return s.decided(ctx, agent, req, rec.Practitioner, plan)
}

// decided is the case as a committed decision left it, without reading
// again what the decision did not change: the request is the one the
// commit returns; the record is the one the plan was made on, read again
// only after an acceptance (which changed it); the linked request of a
// moved cabinet, decided with it, is read again.
func (s *Service) decided(ctx context.Context, agent *erpps.Account, req *erpps.Request, record *erpps.Practitioner, plan *erpps.DecisionPlan) (*Case, error) {
	var err error
	if plan.Record != nil {
		if record, err = s.Store.FindPractitionerByRPPS(ctx, req.RPPS); err != nil {
			return nil, err
		}
	}
	var linked *erpps.Request
	if plan.Linked != nil {
		if linked, err = s.Store.FindRequestByID(ctx, plan.Linked.RequestID); err != nil {
			return nil, err
		}
	}
	return s.caseOf(ctx, agent, req, record, linked)
}

// checkInput validates what the agent typed, trimming it.
func (s *Service) checkInput(in *DecisionInput) error {
	var fields []erpps.FieldError
	bad := func(field, code, message string) {
		fields = append(fields, erpps.FieldError{Field: field, Code: code, Message: message})
	}
	if _, ok := in.Action.Target(); !ok || in.Action == erpps.DecisionClose {
		bad("action", erpps.EINVALID, "Action inconnue.")
	}
	in.Reason = strings.TrimSpace(in.Reason)
	in.Deadline = strings.TrimSpace(in.Deadline)
	switch {
	case len([]rune(in.Reason)) > MaxReasonLength:
		bad("reason", "length", "2000 caractères au plus.")
	case strings.IndexFunc(in.Reason, func(r rune) bool { return unicode.IsControl(r) && r != '\n' && r != '\t' }) >= 0:
		bad("reason", "format", "Le texte contient un caractère non autorisé.")
	}
	switch in.Action {
	case erpps.DecisionRefuse:
		if in.Reason == "" {
			bad("reason", "required", "Indiquez le motif du refus : le professionnel le lira.")
		}
	case erpps.DecisionComplement:
		if in.Reason == "" {
			bad("reason", "required", "Indiquez les pièces ou informations demandées.")
		}
		if f := s.deadlineProblem(in.Deadline); f != nil {
			fields = append(fields, *f)
		}
	}
	if in.Action != erpps.DecisionComplement && in.Deadline != "" {
		bad("deadline", erpps.EINVALID, "Seule une demande de complément a une date limite.")
	}
	if len(fields) > 0 {
		return erpps.Invalid("La décision est incomplète ou contient des erreurs.", fields...)
	}
	return nil
}

// deadlineProblem checks a complement's deadline: a day after today, within
// MaxComplementMonths.
func (s *Service) deadlineProblem(deadline string) *erpps.FieldError {
	bad := func(code, message string) *erpps.FieldError {
		return &erpps.FieldError{Field: "deadline", Code: code, Message: message}
	}
	if deadline == "" {
		return bad("required", "Indiquez la date limite du complément.")
	}
	d, err := time.Parse(complementDateFormat, deadline)
	if err != nil {
		return bad("format", "La date limite n'est pas une date valide : écrivez-la jj/mm/aaaa.")
	}
	today, _ := time.Parse(dateLayout, s.today())
	if !d.After(today) {
		return bad("past", "La date limite doit être postérieure à aujourd'hui.")
	}
	if limit := today.AddDate(0, MaxComplementMonths, 0); d.After(limit) {
		return bad("too_late", "La date limite ne peut pas dépasser le "+frenchdate.Format(limit)+".")
	}
	return nil
}

// plan checks the transition (of both requests of a moved cabinet) and plans
// the decision; an acceptance carries the record as it becomes.
func (s *Service) plan(rec *erpps.RequestWithRecord, linked *erpps.Request, in DecisionInput, actor erpps.Actor) (*erpps.DecisionPlan, error) {
	req := rec.Request
	if in.BaseRevision != req.Revision {
		return nil, erpps.Errorf(erpps.ECONFLICT, "Cette demande a changé depuis que vous l'avez ouverte (une autre décision ou un retrait) : rechargez-la.")
	}
	to, _ := in.Action.Target()
	if err := erpps.CheckTransition(req.Status, to, actor); err != nil {
		return nil, err
	}
	plan := &erpps.DecisionPlan{Action: in.Action, Actor: actor, Principal: req.RPPS, Reason: in.Reason, Deadline: in.Deadline,
		Step: erpps.RequestStep{RequestID: req.ID, BaseRevision: req.Revision, From: req.Status, To: to}, At: s.Now()}
	if linked != nil {
		if linked.Status != req.Status {
			return nil, erpps.Errorf(erpps.ECONFLICT, "La demande liée (déménagement du lieu d'exercice) est « %s » : les deux demandes ne peuvent pas être décidées ensemble.", linked.Status.Label())
		}
		plan.Linked = &erpps.RequestStep{RequestID: linked.ID, BaseRevision: linked.Revision, From: linked.Status, To: to}
	}
	if in.Action == erpps.DecisionAccept {
		record, _, err := register.Apply(s.Catalog, rec.Practitioner, req, linked, s.today())
		if err != nil {
			return nil, err
		}
		plan.Record, plan.RecordUpdatedAt = record, rec.Practitioner.UpdatedAt
	}
	return plan, nil
}
