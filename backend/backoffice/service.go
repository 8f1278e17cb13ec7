// Package backoffice is the ARS back office's rules, without HTTP: an agent's
// queue of the requests of their region, a case (the request beside the
// practitioner's record, what would change, the decisions taken), and the
// decisions themselves (take, accept, refuse, ask for a complement), each
// planned here and committed by the store in one transaction. An agent never
// reaches a request of another region: it is « not found », not « forbidden ».
package backoffice

import (
	"context"
	"time"

	"erpps/backend/erpps"
	"erpps/backend/refdata"
)

// Service runs the back office's actions.
type Service struct {
	Store   erpps.ServerStore
	Catalog *refdata.Catalog
	Now     func() time.Time
	// Notifier (optional) hears of each decision once it is committed: the
	// practitioner's decision e-mail. It cannot undo nor fail the decision.
	Notifier DecisionNotifier
}

// CommittedDecision is a decision the store committed: the request as it
// became, the practitioner's record as the decision found it (the contact
// details on file when it was taken), the plan and the ARS's name.
type CommittedDecision struct {
	Request *erpps.Request
	Record  *erpps.Practitioner
	Plan    erpps.DecisionPlan
	ARS     string
}

// DecisionNotifier hears of committed decisions. It must not block the
// agent for long: a slow delivery belongs in the background.
type DecisionNotifier interface {
	DecisionCommitted(ctx context.Context, d CommittedDecision)
}

// System is the actor closing the complements whose deadline passed.
var System = erpps.Actor{Role: erpps.RoleSystem, ID: "system", Name: erpps.RoleSystem.Label()}

// dateLayout is the layout of a day: YYYY-MM-DD.
const dateLayout = time.DateOnly

func (s *Service) today() string { return s.Now().Format(dateLayout) }

// region is the part of the country an agent examines.
type region struct {
	departments []string
	in          map[string]bool
}

// regionOf checks that agent is an ARS agent in service and returns the
// départements of their region.
func (s *Service) regionOf(agent *erpps.Account) (region, error) {
	if agent == nil || agent.Disabled {
		return region{}, erpps.Errorf(erpps.EUNAUTHORIZED, "Connectez-vous pour accéder aux demandes.")
	}
	if agent.Role != erpps.RoleARSAgent {
		return region{}, erpps.Errorf(erpps.EFORBIDDEN, "Seuls les agents de l'ARS examinent les demandes.")
	}
	r := region{in: map[string]bool{}}
	for _, d := range s.Catalog.Departments() {
		if d.RegionCode == agent.Region {
			r.departments = append(r.departments, d.Code)
			r.in[d.Code] = true
		}
	}
	if len(r.departments) == 0 {
		return region{}, erpps.Errorf(erpps.EFORBIDDEN, "Votre compte n'est rattaché à aucune région.")
	}
	return r, nil
}

// notFound is the one reply about a request an agent may not see, whether it
// exists or not.
func notFound() error { return erpps.NotFound("Cette demande est introuvable.") }
