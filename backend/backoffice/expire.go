package backoffice

import (
	"context"
	"fmt"

	"erpps/backend/erpps"
)

// expireBatch is how many expired complements are read at a time.
const expireBatch = 100

// CloseExpiredComplements closes « sans suite », as the system, every request
// whose complement was not supplied by its deadline (with its linked request),
// and returns how many requests it closed. A request someone acted on
// meanwhile (supplied, withdrawn) is left as it is.
func (s *Service) CloseExpiredComplements(ctx context.Context) (int, error) {
	today := s.today()
	closed := 0
	for {
		batch, err := s.Store.ListExpiredComplements(ctx, today, expireBatch)
		if err != nil {
			return closed, fmt.Errorf("backoffice: unable to list the expired complements: %w", err)
		}
		progress := 0
		for _, r := range batch {
			n, err := s.closeExpired(ctx, r)
			if err != nil {
				return closed, err
			}
			closed += n
			progress += n
		}
		if len(batch) < expireBatch || progress == 0 {
			return closed, nil
		}
	}
}

// closeExpired closes r and its linked request; 0 when it moved meanwhile.
func (s *Service) closeExpired(ctx context.Context, r *erpps.Request) (int, error) {
	if r.Status != erpps.StatusComplementRequested || r.Deadline == "" || r.Deadline >= s.today() {
		return 0, nil
	}
	plan := erpps.DecisionPlan{Action: erpps.DecisionClose, Actor: System, Principal: r.RPPS, At: s.Now(),
		Reason:   "Complément non fourni avant la date limite.",
		Deadline: r.Deadline,
		Step:     erpps.RequestStep{RequestID: r.ID, BaseRevision: r.Revision, From: r.Status, To: erpps.StatusClosedNoAction}}
	n := 1
	linked, err := s.linkedOf(ctx, r)
	if err != nil && erpps.ErrorCode(err) != erpps.ENOTFOUND {
		return 0, err
	}
	if linked != nil && linked.Status == erpps.StatusComplementRequested {
		plan.Linked = &erpps.RequestStep{RequestID: linked.ID, BaseRevision: linked.Revision, From: linked.Status, To: erpps.StatusClosedNoAction}
		n = 2
	}
	if _, err := s.Store.CommitDecision(ctx, plan); err != nil {
		if erpps.ErrorCode(err) == erpps.ECONFLICT {
			return 0, nil
		}
		return 0, fmt.Errorf("backoffice: unable to close request %s: %w", r.ID, err)
	}
	return n, nil
}
