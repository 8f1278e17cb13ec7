package serverdemo

import (
	"context"
	"testing"
	"time"

	"erpps/backend/backoffice"
	"erpps/backend/demo"
	"erpps/backend/erpps"
	"erpps/backend/refdata"
	"erpps/backend/requests"
)

var now = time.Date(2026, 11, 27, 10, 0, 0, 0, time.UTC)

func seeder(t *testing.T, store Store) *Seeder {
	t.Helper()
	cat, err := refdata.Load()
	if err != nil {
		t.Fatal(err)
	}
	return &Seeder{Store: store, Catalog: cat, Hash: func(pw string) (string, error) { return "hash:" + pw, nil }, Now: func() time.Time { return now }}
}

func TestSeed(t *testing.T) {
	ctx := context.Background()
	store := openStore(t)
	s := seeder(t, store)
	res, err := s.Seed(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if res.Practitioners != demo.Count || len(res.Professionals) != demo.Count {
		t.Errorf("%d practitioners created, %d logins, want %d", res.Practitioners, len(res.Professionals), demo.Count)
	}
	if regions := len(s.Catalog.Regions()); len(res.Agents) != regions || res.Accounts != regions+demo.Count+1 {
		t.Errorf("%d agents, %d accounts, want %d and %d", len(res.Agents), res.Accounts, regions, regions+demo.Count+1)
	}
	for _, l := range append(append(append([]Login{}, res.Agents...), res.Professionals...), res.Secretaries...) {
		if l.Role == erpps.RoleSecretary {
			l.RPPS = "" // the principal's number, not the account's
		}
		acc, hash, err := store.FindAccountByLogin(ctx, l.Login)
		if err != nil {
			t.Fatalf("%s: %v", l.Login, err)
		}
		if hash != "hash:"+l.Password || acc.Role != l.Role || acc.Region != l.Region || acc.RPPS != l.RPPS || acc.Name == "" {
			t.Errorf("%s: account %+v, hash %q; login %+v", l.Login, acc, hash, l)
		}
	}
	// The queues of several regions are not empty.
	if len(res.Queues) < 3 || res.Requests < 10 {
		t.Errorf("%d requests in %d regions, want ≥ 10 in ≥ 3: %v", res.Requests, len(res.Queues), res.Queues)
	}
	var kinds = map[erpps.RequestKind]int{}
	ages := map[int]bool{}
	perRegion := map[string]int{}
	for _, l := range res.Professionals {
		list, err := store.ListRequests(ctx, erpps.RequestFilter{RPPS: l.RPPS})
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range list {
			if r.Status != erpps.StatusTransmitted || r.TransmittedAt == nil {
				t.Errorf("request %s is %s", r.ID, r.Status)
			}
			last := r.History[len(r.History)-1]
			if last.Actor.ID != l.RPPS || last.Principal != l.RPPS {
				t.Errorf("request %s transmitted by %+v for %s", r.ID, last.Actor, last.Principal)
			}
			d, err := s.Catalog.Department(r.Department)
			if err != nil {
				t.Fatalf("request %s routed to %q: %v", r.ID, r.Department, err)
			}
			perRegion[d.RegionCode]++
			kinds[r.Kind]++
			age := int(now.Sub(*r.TransmittedAt).Hours() / 24)
			ages[age] = true
			if first := r.History[0]; first.To != erpps.StatusDraft || !first.At.Equal(*r.TransmittedAt) || last.To != erpps.StatusTransmitted || !last.At.Equal(*r.TransmittedAt) {
				t.Errorf("request %s transmitted %v, history %+v", r.ID, r.TransmittedAt, r.History)
			}
		}
	}
	linked := 0
	for _, l := range res.Professionals {
		moves, _ := store.ListRequests(ctx, erpps.RequestFilter{RPPS: l.RPPS, Kind: erpps.KindNewActivity})
		ceases, _ := store.ListRequests(ctx, erpps.RequestFilter{RPPS: l.RPPS, Kind: erpps.KindCeaseActivity})
		for _, r := range moves {
			found := 0
			for _, c := range ceases {
				if c.LinkedRequestID == r.ID && c.Status == erpps.StatusTransmitted && c.TransmittedAt.Equal(*r.TransmittedAt) {
					found++
				}
			}
			if found != 1 {
				t.Errorf("moved cabinet %s: %d linked cessations", r.ID, found)
			}
			linked++
		}
	}
	if linked == 0 {
		t.Error("no moved cabinet")
	}
	if len(ages) < 4 || !ages[0] || !ages[45] {
		t.Errorf("ages of the requests in days: %v, want several, from 0 to 45", ages)
	}
	if len(kinds) != len(demoKinds) {
		t.Errorf("kinds transmitted %v, want each of %v", kinds, demoKinds)
	}
	for code, n := range res.Queues {
		if perRegion[code] != n {
			t.Errorf("region %s: %d requests stored, %d said", code, perRegion[code], n)
		}
	}

	// Each agent's queue holds the requests of their region, and only them.
	office := &backoffice.Service{Store: store, Catalog: s.Catalog, Now: s.Now}
	for _, l := range res.Agents {
		agent, _, err := store.FindAccountByLogin(ctx, l.Login)
		if err != nil {
			t.Fatal(err)
		}
		page, err := office.Queue(ctx, agent, backoffice.QueueQuery{PageSize: 100})
		if err != nil {
			t.Fatalf("%s: %v", l.Login, err)
		}
		if page.Total != res.Queues[l.Region] {
			t.Errorf("%s sees %d requests, want %d", l.Login, page.Total, res.Queues[l.Region])
		}
	}

	// Seeding again creates nothing and still says how to sign in.
	again, err := s.Seed(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if again.Practitioners != 0 || again.Accounts != 0 || len(again.Secretaries) != 1 || again.Requests != 0 || len(again.Agents) != len(res.Agents) || len(again.Professionals) != demo.Count {
		t.Errorf("second seed: %+v", again)
	}
}

func TestSeedLogins(t *testing.T) {
	if AgentLogin("28") == AgentLogin("11") || AgentPassword("28") == AgentLogin("28") || ProfessionalPassword("1") == "1" {
		t.Error("logins or passwords collide")
	}
}

// Demo accounts, whose passwords anyone can guess, never go into a register
// of real people.
func TestSeedRefusesARealRegister(t *testing.T) {
	ctx := context.Background()
	store := openStore(t)
	real := &erpps.Practitioner{RPPS: "10003456788", Civility: "MME", BirthName: "DURAND", FirstName: "Claire", UpdatedAt: now}
	if err := store.SavePractitioner(ctx, real); err != nil {
		t.Fatal(err)
	}
	_, err := seeder(t, store).Seed(ctx)
	if erpps.ErrorCode(err) != erpps.EFORBIDDEN || erpps.ErrorMessage(err) != MsgRealRegister {
		t.Fatalf("got %v", err)
	}
	if _, _, err := store.FindAccountByLogin(ctx, AgentLogin("28")); erpps.ErrorCode(err) != erpps.ENOTFOUND {
		t.Errorf("an agent account was created: %v", err)
	}
}

// Every demo request can be decided: an agent of its region takes it, sees
// what would change, and accepts it (a moved cabinet with its cessation).
func TestSeedRequestsCanBeAccepted(t *testing.T) {
	ctx := context.Background()
	store := openStore(t)
	s := seeder(t, store)
	res, err := s.Seed(ctx)
	if err != nil {
		t.Fatal(err)
	}
	office := &backoffice.Service{Store: store, Catalog: s.Catalog, Now: s.Now}
	accepted, pairs := 0, 0
	busiest := res.Agents[0]
	for _, l := range res.Agents {
		if res.Queues[l.Region] > res.Queues[busiest.Region] {
			busiest = l
		}
	}
	for _, l := range res.Agents {
		alone := 0
		agent, _, err := store.FindAccountByLogin(ctx, l.Login)
		if err != nil {
			t.Fatal(err)
		}
		page, err := office.Queue(ctx, agent, backoffice.QueueQuery{PageSize: 100})
		if err != nil {
			t.Fatal(err)
		}
		for _, item := range page.Items {
			c, err := office.Case(ctx, agent, item.ID)
			if err != nil {
				t.Fatal(err)
			}
			if c.Request.Status != erpps.StatusTransmitted {
				continue // decided with its pair
			}
			if c.Linked != nil {
				pairs++
			} else {
				alone++
			}
			c, err = office.Decide(ctx, agent, item.ID, backoffice.DecisionInput{Action: erpps.DecisionTake, BaseRevision: c.Request.Revision})
			if err != nil {
				t.Fatalf("%s takes %s (%s): %v", l.Login, item.ID, item.Kind, err)
			}
			if len(c.Changes) == 0 || c.ChangesProblem != "" {
				t.Errorf("%s (%s): changes %v, problem %q", item.ID, item.Kind, c.Changes, c.ChangesProblem)
			}
			c, err = office.Decide(ctx, agent, item.ID, backoffice.DecisionInput{Action: erpps.DecisionAccept, BaseRevision: c.Request.Revision})
			if err != nil {
				t.Fatalf("%s accepts %s (%s): %v", l.Login, item.ID, item.Kind, err)
			}
			if c.Request.Status != erpps.StatusAccepted {
				t.Errorf("%s: %s", item.ID, c.Request.Status)
			}
			accepted++
		}
		// The back office's end-to-end test decides four requests, not
		// moved cabinets, of the busiest agent's queue.
		if l.Login == busiest.Login && alone < 4 {
			t.Errorf("the busiest agent, %s, has %d requests that are not moved cabinets, want 4 or more", l.Login, alone)
		}
	}
	if accepted == 0 || pairs == 0 {
		t.Errorf("%d accepted, %d moved cabinets", accepted, pairs)
	}
}

// The demo secretary signs in and holds an active mandate from a demo
// practitioner covering every kind, once however often seeding runs.
func TestSeedSecretaryWithMandate(t *testing.T) {
	ctx := context.Background()
	store := openStore(t)
	s := seeder(t, store)
	res, err := s.Seed(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Secretaries) != 1 || res.Secretaries[0].Login != SecretaryLogin {
		t.Fatalf("secretaries %+v", res.Secretaries)
	}
	principal, err := store.FindPractitionerByRPPS(ctx, res.Secretaries[0].RPPS)
	if err != nil || !requests.RegistrationOf(s.Catalog, principal, now.Format("2006-01-02")).ServedByARS {
		t.Fatalf("the secretary's principal %s is not served by an ARS: %v", res.Secretaries[0].RPPS, err)
	}
	acc, hash, err := store.FindAccountByLogin(ctx, SecretaryLogin)
	if err != nil || acc.Role != erpps.RoleSecretary || hash != "hash:"+SecretaryPassword {
		t.Fatalf("secretary account %+v %q %v", acc, hash, err)
	}
	if _, err := s.Seed(ctx); err != nil {
		t.Fatal(err)
	}
	mandates, err := store.ListMandates(ctx, erpps.MandateFilter{SecretaryID: acc.ID})
	if err != nil {
		t.Fatal(err)
	}
	if len(mandates) != 1 || mandates[0].RPPS != principal.RPPS || !mandates[0].Active(now) {
		t.Fatalf("mandates %+v", mandates)
	}
	for _, k := range erpps.AllRequestKinds {
		if !mandates[0].Covers(k.Value, now) {
			t.Errorf("the demo mandate does not cover %s", k.Value)
		}
	}
}
