package erpps

// decisionTargets is the status each decision moves a request to.
var decisionTargets = map[DecisionAction]RequestStatus{
	DecisionTake:       StatusUnderReview,
	DecisionAccept:     StatusAccepted,
	DecisionRefuse:     StatusRefused,
	DecisionComplement: StatusComplementRequested,
	DecisionClose:      StatusClosedNoAction,
}

// Target is the status the action moves a request to; ok is false for an
// action that does not exist.
func (a DecisionAction) Target() (to RequestStatus, ok bool) {
	to, ok = decisionTargets[a]
	return to, ok
}

// Check rejects a plan whose parts do not agree: a known action, steps to
// its target status, a principal, and a record only for an acceptance, the
// principal's and one a store can hold.
func (plan DecisionPlan) Check() error {
	to, ok := plan.Action.Target()
	if !ok {
		return Invalid("Décision inconnue.")
	}
	if plan.Step.To != to || (plan.Linked != nil && plan.Linked.To != to) {
		return Invalid("La décision ne correspond pas au statut visé.")
	}
	if plan.Principal == "" {
		return Invalid("La décision doit nommer le dossier concerné.")
	}
	if plan.Record != nil {
		if plan.Action != DecisionAccept || plan.Record.RPPS != plan.Principal {
			return Invalid("Seule une acceptation change le dossier, et seulement celui de la demande.")
		}
		if err := plan.Record.Check(); err != nil {
			return err
		}
	}
	return nil
}

// CheckOn rejects the step on the request as a store read it (its owner
// rpps, revision and status): EFORBIDDEN when it is not principal's,
// ECONFLICT when its revision or status moved since the step was planned.
func (s RequestStep) CheckOn(rpps string, revision int64, status RequestStatus, principal string) error {
	if rpps != principal {
		return notPrincipals()
	}
	if revision != s.BaseRevision || status != s.From {
		return Errorf(ECONFLICT,
			"Cette demande a changé depuis que vous l'avez ouverte (elle est maintenant « %s ») : rechargez-la.", status.Label())
	}
	return nil
}

// CheckLinkedPair rejects two requests decided together that are not the
// two requests of a moved cabinet: each is given by its id and the id of the
// request it is linked to.
func CheckLinkedPair(id, linkedID, otherID, otherLinkedID string) error {
	if otherID == id || (otherLinkedID != id && linkedID != otherID) {
		return Invalid("La demande liée n'est pas liée à cette demande.")
	}
	return nil
}
