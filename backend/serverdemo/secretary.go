package serverdemo

import (
	"context"
	"fmt"
	"time"

	"erpps/backend/erpps"
	"erpps/backend/requests"
)

// The demo secretary: a cabinet's secretariat holding a mandate from the
// first demo practitioner, every kind of request, for a year (to sign in to
// a desktop synchronised with the server as a secretary).
const (
	SecretaryLogin    = "secretariat@cabinet.demo"
	SecretaryPassword = "demo-secretariat"
	SecretaryID       = "sec:demo"
	// secretaryMandateID names the demo mandate, so that seeding again
	// finds it.
	secretaryMandateID = "man-demo-secretariat"
	// mandateLength is how long the demo mandate runs (a mandate runs 12
	// months at most).
	mandateLength = 364 * 24 * time.Hour
)

// principal is the first of the demo practitioners whose requests the ARS
// examines (the secretary prepares them); false when none is.
func (s *Seeder) principal(ctx context.Context, pros []Login) (Login, bool, error) {
	today := s.Now().Format("2006-01-02")
	for _, l := range pros {
		p, err := s.Store.FindPractitionerByRPPS(ctx, l.RPPS)
		if err != nil {
			return Login{}, false, fmt.Errorf("serverdemo: unable to read a demo practitioner: %w", err)
		}
		if len(p.Activities) > 0 && requests.RegistrationOf(s.Catalog, p, today).ServedByARS {
			return l, true, nil
		}
	}
	return Login{}, false, nil
}

// secretary creates the demo secretary's account and, when it holds no
// active one, a mandate from principal.
func (s *Seeder) secretary(ctx context.Context, principal Login, res *Result) error {
	login := Login{Login: SecretaryLogin, Password: SecretaryPassword, Name: "Secrétariat de démonstration (" + principal.Name + ")",
		Role: erpps.RoleSecretary, RPPS: principal.RPPS}
	acc := &erpps.Account{ID: SecretaryID, Login: login.Login, Role: erpps.RoleSecretary, Name: login.Name}
	if err := s.createAccount(ctx, acc, login.Password, res); err != nil {
		return err
	}
	res.Secretaries = append(res.Secretaries, login)
	now := s.Now().UTC()
	held, err := s.Store.ListMandates(ctx, erpps.MandateFilter{SecretaryID: SecretaryID})
	if err != nil {
		return fmt.Errorf("serverdemo: unable to list the demo mandates: %w", err)
	}
	for _, m := range held {
		if m.Active(now) {
			return nil
		}
	}
	id := secretaryMandateID
	if len(held) > 0 {
		id = fmt.Sprintf("%s-%d", secretaryMandateID, now.Unix()) // the first one expired or was revoked
	}
	kinds := make([]erpps.RequestKind, 0, len(erpps.AllRequestKinds))
	for _, k := range erpps.AllRequestKinds {
		kinds = append(kinds, k.Value)
	}
	m := &erpps.Mandate{ID: id, RPPS: principal.RPPS, SecretaryID: SecretaryID, SecretaryName: login.Name,
		Kinds: kinds, CreatedAt: now, ExpiresAt: now.Add(mandateLength)}
	if err := s.Store.CreateMandate(ctx, m); err != nil {
		return fmt.Errorf("serverdemo: unable to create the demo mandate: %w", err)
	}
	return nil
}
