package delegation

import (
	"context"
	"slices"
	"time"

	"erpps/backend/erpps"
)

// Grant gives the secretary account secretaryID a mandate on practitioner's
// record for the kinds of request listed, until expiresAt (at most 12 months
// from now). A secretary who already holds an active mandate from the same
// practitioner is ECONFLICT: revoke it first.
func (s *Service) Grant(ctx context.Context, practitioner *erpps.Account, secretaryID string, kinds []erpps.RequestKind, expiresAt time.Time) (*erpps.Mandate, error) {
	if err := practitionerOf(practitioner); err != nil {
		return nil, err
	}
	now := s.Now()
	var fields []erpps.FieldError
	bad := func(field, code, message string) {
		fields = append(fields, erpps.FieldError{Field: field, Code: code, Message: message})
	}
	var scope []erpps.RequestKind
	for _, k := range kinds {
		if !k.Valid() {
			bad("kinds", erpps.EINVALID, "Type de demande inconnu.")
			break
		}
		if !slices.Contains(scope, k) {
			scope = append(scope, k)
		}
	}
	if len(scope) == 0 && len(fields) == 0 {
		bad("kinds", "required", "Choisissez au moins un type de demande.")
	}
	switch {
	case !expiresAt.After(now):
		bad("expiresAt", "past", "La fin du mandat doit être dans le futur.")
	case expiresAt.Sub(now) > erpps.MaxMandateDuration:
		bad("expiresAt", "too_late", "Un mandat dure 12 mois au plus.")
	}
	secretary, err := s.secretary(ctx, secretaryID)
	if err != nil {
		return nil, err
	}
	if secretary == nil {
		bad("secretaryId", "unknown", "Aucun compte de secrétariat ne porte cet identifiant.")
	}
	if len(fields) > 0 {
		return nil, erpps.Invalid("Le mandat est incomplet ou contient des erreurs.", fields...)
	}
	held, err := s.Store.ListMandates(ctx, erpps.MandateFilter{RPPS: practitioner.RPPS, SecretaryID: secretary.ID})
	if err != nil {
		return nil, err
	}
	for _, m := range held {
		if m.Active(now) {
			return nil, erpps.Errorf(erpps.ECONFLICT, "%s a déjà un mandat en cours : révoquez-le avant d'en donner un autre.", secretary.Name)
		}
	}
	id, err := newID("man-")
	if err != nil {
		return nil, err
	}
	m := &erpps.Mandate{ID: id, RPPS: practitioner.RPPS, SecretaryID: secretary.ID, SecretaryName: secretary.Name,
		Kinds: scope, CreatedAt: now, ExpiresAt: expiresAt}
	if err := s.Store.CreateMandate(ctx, m); err != nil {
		return nil, err
	}
	return m, nil
}

// secretary finds the secretary account id; nil when there is no such
// account in service (a practitioner cannot probe the other accounts).
func (s *Service) secretary(ctx context.Context, id string) (*erpps.Account, error) {
	if id == "" {
		return nil, nil
	}
	a, err := s.Store.FindAccountByID(ctx, id)
	if erpps.ErrorCode(err) == erpps.ENOTFOUND {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	if a.Role != erpps.RoleSecretary || a.Disabled {
		return nil, nil
	}
	return a, nil
}

// Revoke ends mandate id now; either side may. Another person's mandate is
// ENOTFOUND; a mandate already revoked is ECONFLICT.
func (s *Service) Revoke(ctx context.Context, by *erpps.Account, id string) error {
	if err := signedIn(by); err != nil {
		return err
	}
	m, err := s.Store.FindMandateByID(ctx, id)
	if erpps.ErrorCode(err) == erpps.ENOTFOUND {
		return mandateNotFound()
	}
	if err != nil {
		return err
	}
	if !party(by, m) {
		return mandateNotFound()
	}
	return s.Store.RevokeMandate(ctx, id, actorOf(by), s.Now())
}

// List returns the mandates account is a party to: given (a practitioner)
// or received (a secretary).
func (s *Service) List(ctx context.Context, account *erpps.Account) ([]*erpps.Mandate, error) {
	if err := signedIn(account); err != nil {
		return nil, err
	}
	var filter erpps.MandateFilter
	switch {
	case account.Role == erpps.RoleProfessional && account.RPPS != "":
		filter.RPPS = account.RPPS
	case account.Role == erpps.RoleSecretary:
		filter.SecretaryID = account.ID
	default:
		return nil, erpps.Errorf(erpps.EFORBIDDEN, "Les mandats concernent les professionnels et leurs secrétariats.")
	}
	list, err := s.Store.ListMandates(ctx, filter)
	if list == nil && err == nil {
		list = []*erpps.Mandate{}
	}
	return list, err
}

// party tells whether a is the practitioner or the secretary of m.
func party(a *erpps.Account, m *erpps.Mandate) bool {
	switch a.Role {
	case erpps.RoleProfessional:
		return a.RPPS != "" && a.RPPS == m.RPPS
	case erpps.RoleSecretary:
		return a.ID == m.SecretaryID
	}
	return false
}

func mandateNotFound() error { return erpps.NotFound("Ce mandat est introuvable.") }
