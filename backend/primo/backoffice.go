package primo

import (
	"context"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"erpps/backend/erpps"
)

// The ARS's side: an agent lists and examines the registrations of their
// region's départements and decides them. A registration of another region
// is « not found », whether it exists or not.

// regionOf checks that agent is an ARS agent in service and returns the
// départements of their region.
func (s *Service) regionOf(agent *erpps.Account) ([]string, error) {
	if agent == nil || agent.Disabled {
		return nil, erpps.Errorf(erpps.EUNAUTHORIZED, "Connectez-vous pour accéder aux demandes d'enregistrement.")
	}
	if agent.Role != erpps.RoleARSAgent {
		return nil, erpps.Errorf(erpps.EFORBIDDEN, "Seuls les agents de l'ARS examinent les demandes d'enregistrement.")
	}
	var deps []string
	for _, d := range s.Catalog.Departments() {
		if d.RegionCode == agent.Region {
			deps = append(deps, d.Code)
		}
	}
	if len(deps) == 0 {
		return nil, erpps.Errorf(erpps.EFORBIDDEN, "Votre compte n'est rattaché à aucune région.")
	}
	return deps, nil
}

func notFound() error { return erpps.NotFound("Cette demande d'enregistrement est introuvable.") }

// Case is a registration as the agent examines it, with the labels of its
// codes.
type Case struct {
	Registration    *erpps.Registration `json:"registration"`
	ProfessionLabel string              `json:"professionLabel"`
	DepartmentName  string              `json:"departmentName"`
	ARS             string              `json:"ars"`
}

func (s *Service) caseOf(r *erpps.Registration) *Case {
	c := &Case{Registration: r, ProfessionLabel: s.Catalog.ProfessionLabel(r.ProfessionCode), ARS: s.Catalog.ARSName(r.Department)}
	if d, err := s.Catalog.Department(r.Department); err == nil {
		c.DepartmentName = d.Name
	}
	return c
}

// List returns the registrations of the agent's region (status "" for
// every status), oldest first.
func (s *Service) List(ctx context.Context, agent *erpps.Account, status erpps.RegistrationStatus) ([]*Case, error) {
	deps, err := s.regionOf(agent)
	if err != nil {
		return nil, err
	}
	switch status {
	case "", erpps.RegistrationSubmitted, erpps.RegistrationAccepted, erpps.RegistrationRefused, erpps.RegistrationWithdrawn:
	default:
		return nil, erpps.Invalid("Statut inconnu.", erpps.FieldError{Field: "status", Code: "unknown", Message: "Statut inconnu."})
	}
	rs, err := s.Store.ListRegistrations(ctx, erpps.RegistrationFilter{Departments: deps, Status: status})
	if err != nil {
		return nil, err
	}
	out := make([]*Case, 0, len(rs))
	for _, r := range rs {
		out = append(out, s.caseOf(r))
	}
	return out, nil
}

// find returns registration id if it is of the agent's region.
func (s *Service) find(ctx context.Context, agent *erpps.Account, id string) (*erpps.Registration, error) {
	deps, err := s.regionOf(agent)
	if err != nil {
		return nil, err
	}
	r, err := s.Store.FindRegistration(ctx, id)
	if erpps.ErrorCode(err) == erpps.ENOTFOUND {
		return nil, notFound()
	}
	if err != nil {
		return nil, err
	}
	if !slices.Contains(deps, r.Department) {
		return nil, notFound()
	}
	return r, nil
}

// Get returns one registration of the agent's region.
func (s *Service) Get(ctx context.Context, agent *erpps.Account, id string) (*Case, error) {
	r, err := s.find(ctx, agent, id)
	if err != nil {
		return nil, err
	}
	return s.caseOf(r), nil
}

// Decision is what the agent decides.
type Decision struct {
	Action string `json:"action"` // "accept" | "refuse"
	Motif  string `json:"motif,omitempty"`
}

// Decide accepts (a new RPPS number, the record created) or refuses (a
// motif required) a submitted registration of the agent's region.
func (s *Service) Decide(ctx context.Context, agent *erpps.Account, id string, d Decision) (*Case, error) {
	r, err := s.find(ctx, agent, id)
	if err != nil {
		return nil, err
	}
	now := s.Now().UTC()
	actor := agent.Actor()
	var out *erpps.Registration
	switch d.Action {
	case "accept":
		out, err = s.Store.AcceptRegistration(ctx, erpps.RegistrationAcceptance{
			ID: r.ID, Decider: actor, At: now, Number: Number, Record: record(r, now)})
	case "refuse":
		motif := strings.TrimSpace(d.Motif)
		switch {
		case motif == "":
			return nil, erpps.Invalid("Indiquez le motif du refus.", erpps.FieldError{Field: "motif", Code: "required", Message: "Le motif du refus est obligatoire : il est communiqué à la personne."})
		case utf8.RuneCountInString(motif) > 1000:
			return nil, erpps.Invalid("Le motif est trop long.", erpps.FieldError{Field: "motif", Code: "too_long", Message: "1000 caractères au plus."})
		}
		out, err = s.Store.RefuseRegistration(ctx, r.ID, actor, motif, now)
	default:
		return nil, erpps.Invalid("Décision inconnue.", erpps.FieldError{Field: "action", Code: "unknown", Message: "Décision attendue : accept ou refuse."})
	}
	if err != nil {
		return nil, err
	}
	return s.caseOf(out), nil
}

// record is the practitioner an accepted registration creates: the
// identity FranceConnect gave, the profession, the contact details.
func record(r *erpps.Registration, at time.Time) *erpps.Practitioner {
	id := r.Identity
	return &erpps.Practitioner{
		Civility: id.Civility(), BirthName: id.FamilyName, ExerciseName: id.FamilyName, FirstName: id.GivenName,
		BirthDate: id.BirthDate, Contact: erpps.Contact{Email: r.Email, Phone: r.Phone},
		Professions: []erpps.Profession{{Code: r.ProfessionCode, CategoryCode: "C", Since: at.Format(time.DateOnly)}},
	}
}
