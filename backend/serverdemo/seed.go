// Package serverdemo fills an empty erpps-server with demo data: the desktop's
// demo practitioners (backend/demo), one ARS agent account per region, a demo
// password for every account, a secretary with a mandate from a demo
// practitioner, and transmitted requests in several regions so
// that the agents' queues are not empty. Demo passwords are derived from the
// login (printed by `erpps-server seed-demo`): they are for demonstrations
// only, never for a register holding real people.
package serverdemo

import (
	"context"
	"fmt"
	"time"

	"erpps/backend/demo"
	"erpps/backend/erpps"
	"erpps/backend/identifiers"
	"erpps/backend/refdata"
)

// Store is what seeding writes to (erpps.ServerStore has it all).
type Store interface {
	erpps.PractitionerService
	erpps.RequestService
	erpps.StructureService
	erpps.AccountStore
	erpps.MandateStore
	ReceiveRequest(ctx context.Context, r *erpps.Request) error
}

// Seeder seeds a store with the demo data.
type Seeder struct {
	Store   Store
	Catalog *refdata.Catalog
	// Hash makes a password's hash (auth.HashPassword: argon2id, PHC string).
	Hash func(password string) (string, error)
	Now  func() time.Time
}

// Login is a demo account with its password, to print.
type Login struct {
	Login    string     `json:"login"`
	Password string     `json:"password"`
	Name     string     `json:"name"`
	Role     erpps.Role `json:"role"`
	Region   string     `json:"region,omitempty"` // an agent's region code
	ARS      string     `json:"ars,omitempty"`    // an agent's ARS
	RPPS     string     `json:"rpps,omitempty"`
}

// Result says what seeding did and how to sign in.
type Result struct {
	Practitioners int     `json:"practitioners"` // created now (0 when they were there)
	Accounts      int     `json:"accounts"`      // created now
	Requests      int     `json:"requests"`      // transmitted now
	Agents        []Login `json:"agents"`
	Professionals []Login `json:"professionals"`
	// Secretaries are the demo secretary, with the RPPS number of the
	// practitioner whose mandate they hold.
	Secretaries []Login `json:"secretaries"`
	// Queues counts the requests transmitted now by region code.
	Queues map[string]int `json:"queues"`
}

// AgentLogin and AgentPassword are the demo agent account of a region.
func AgentLogin(regionCode string) string    { return "agent." + regionCode + "@ars.demo" }
func AgentPassword(regionCode string) string { return "demo-ars-" + regionCode }

// ProfessionalPassword is the demo password of a practitioner, whose login
// is their RPPS number.
func ProfessionalPassword(rpps string) string { return "demo-" + rpps }

// AgentID and ProfessionalID are the accounts' stable identifiers.
func AgentID(regionCode string) string  { return "agent:" + regionCode }
func ProfessionalID(rpps string) string { return "rpps:" + rpps }

// Seed creates what is missing of the demo data: it may run again (after an
// interruption, or on a store already seeded) without duplicating anything.
func (s *Seeder) Seed(ctx context.Context) (*Result, error) {
	res := &Result{Queues: map[string]int{}}
	if err := s.refuseRealRegister(ctx); err != nil {
		return nil, err
	}
	n, err := demo.SeedIfEmpty(ctx, s.Store)
	if err != nil {
		return nil, err
	}
	res.Practitioners = n
	if err := s.agents(ctx, res); err != nil {
		return nil, err
	}
	generated, err := demo.Generate(demo.Count, demo.Seed)
	if err != nil {
		return nil, err
	}
	d, err := s.openDesktop(ctx)
	if err != nil {
		return nil, err
	}
	defer d.close()
	for i, g := range generated {
		p, err := s.Store.FindPractitionerByRPPS(ctx, g.RPPS)
		if erpps.ErrorCode(err) == erpps.ENOTFOUND {
			continue // the store held other records: demo ones are not added
		} else if err != nil {
			return nil, fmt.Errorf("serverdemo: unable to read a demo practitioner: %w", err)
		}
		login := Login{Login: p.RPPS, Password: ProfessionalPassword(p.RPPS), Name: displayName(p), Role: erpps.RoleProfessional, RPPS: p.RPPS}
		acc := &erpps.Account{ID: ProfessionalID(p.RPPS), Login: login.Login, Role: erpps.RoleProfessional, Name: login.Name, RPPS: p.RPPS}
		if err := s.createAccount(ctx, acc, login.Password, res); err != nil {
			return nil, err
		}
		res.Professionals = append(res.Professionals, login)
		// A professional acts as their RPPS number (erpps.CheckActsFor).
		actor := erpps.Actor{Role: erpps.RoleProfessional, ID: p.RPPS, Name: acc.Name}
		if err := s.requests(ctx, d, i, p, actor, res); err != nil {
			return nil, err
		}
	}
	if principal, ok, err := s.principal(ctx, res.Professionals); err != nil {
		return nil, err
	} else if ok {
		if err := s.secretary(ctx, principal, res); err != nil {
			return nil, err
		}
	}
	return res, nil
}

// MsgRealRegister refuses demo accounts, with passwords anyone can guess,
// in a register holding real people.
const MsgRealRegister = "Cette base contient de vrais professionnels (numéros RPPS hors de la plage de test) : les comptes de démonstration, aux mots de passe connus de tous, n'y sont pas ajoutés."

// refuseRealRegister refuses a store holding a record that is not a test
// identity (a real register).
func (s *Seeder) refuseRealRegister(ctx context.Context) error {
	list, err := s.Store.ListPractitioners(ctx, erpps.PractitionerFilter{Limit: 100})
	if err != nil {
		return fmt.Errorf("serverdemo: unable to list practitioners: %w", err)
	}
	for _, p := range list {
		if !identifiers.IsTestRPPS(p.RPPS) {
			return erpps.Errorf(erpps.EFORBIDDEN, MsgRealRegister)
		}
	}
	return nil
}

// agents creates one ARS agent account per region.
func (s *Seeder) agents(ctx context.Context, res *Result) error {
	for _, r := range s.Catalog.Regions() {
		login := Login{Login: AgentLogin(r.Code), Password: AgentPassword(r.Code), Name: "Agent de démonstration (" + r.ARS + ")",
			Role: erpps.RoleARSAgent, Region: r.Code, ARS: r.ARS}
		acc := &erpps.Account{ID: AgentID(r.Code), Login: login.Login, Role: erpps.RoleARSAgent, Name: login.Name, Region: r.Code}
		if err := s.createAccount(ctx, acc, login.Password, res); err != nil {
			return err
		}
		res.Agents = append(res.Agents, login)
	}
	return nil
}

// createAccount creates acc unless its login exists.
func (s *Seeder) createAccount(ctx context.Context, acc *erpps.Account, password string, res *Result) error {
	if _, _, err := s.Store.FindAccountByLogin(ctx, acc.Login); err == nil {
		return nil
	} else if erpps.ErrorCode(err) != erpps.ENOTFOUND {
		return fmt.Errorf("serverdemo: unable to look up an account: %w", err)
	}
	hash, err := s.Hash(password)
	if err != nil {
		return fmt.Errorf("serverdemo: unable to hash a password: %w", err)
	}
	acc.CreatedAt = s.Now().UTC()
	if err := s.Store.CreateAccount(ctx, acc, hash); err != nil && erpps.ErrorCode(err) != erpps.ECONFLICT {
		return fmt.Errorf("serverdemo: unable to create an account: %w", err)
	}
	res.Accounts++
	return nil
}

func displayName(p *erpps.Practitioner) string {
	first := p.ExerciseFirstName
	if first == "" {
		first = p.FirstName
	}
	return first + " " + p.DisplayName()
}
