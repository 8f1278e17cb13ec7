package storetest

import (
	"context"
	"fmt"
	"sync"
	"testing"

	"erpps/backend/erpps"
	"erpps/backend/identifiers"
)

// sequenceNumber is the tests' rule for the RPPS sequence: 1900000000 +
// seq, with its Luhn key.
func sequenceNumber(seq int64) (string, error) {
	return identifiers.CompleteRPPS(fmt.Sprintf("19%08d", seq))
}

// newRegistration is a primo-registration of subject in dept.
func newRegistration(subject, dept string) *erpps.Registration {
	return &erpps.Registration{
		Identity: erpps.Identity{Subject: subject, GivenName: "Angela Claire", FamilyName: "DUBOIS-" + subject,
			BirthDate: "1990-04-12", Gender: "female", BirthPlace: "75107", BirthCountry: "99100", Email: subject + "@example.invalid"},
		ProfessionCode: "28", Department: dept, Email: subject + "@example.invalid", Phone: "+33612345678",
		Diploma: erpps.Diploma{Title: "BTS Opticien-Lunetier", Institution: "Lycée Fresnel, Paris", Date: "2024-06-30"},
	}
}

func mustRegister(t *testing.T, s erpps.ServerStore, r *erpps.Registration) *erpps.Registration {
	t.Helper()
	if err := s.CreateRegistration(context.Background(), r); err != nil {
		t.Fatalf("create registration: %v", err)
	}
	return r
}

// acceptance is the acceptance of registration id with a record made of it.
func acceptance(r *erpps.Registration, n int) erpps.RegistrationAcceptance {
	return erpps.RegistrationAcceptance{ID: r.ID, Decider: agent, At: at(n), Number: sequenceNumber,
		Record: &erpps.Practitioner{Civility: r.Identity.Civility(), BirthName: r.Identity.FamilyName, ExerciseName: r.Identity.FamilyName,
			FirstName: r.Identity.GivenName, BirthDate: r.Identity.BirthDate, Contact: erpps.Contact{Email: r.Email, Phone: r.Phone},
			Professions: []erpps.Profession{{Code: r.ProfessionCode, CategoryCode: "C", Since: "2026-03-14"}}}}
}

func testRegistrations(t *testing.T, open func(t *testing.T) erpps.ServerStore) {
	ctx := context.Background()
	t.Run("create, find, list", func(t *testing.T) {
		s := open(t)
		a := newRegistration("sub-a", "75")
		a.SubmittedAt = at(1)
		mustRegister(t, s, a)
		b := mustRegister(t, s, func() *erpps.Registration { r := newRegistration("sub-b", "13"); r.SubmittedAt = at(2); return r }())
		if a.ID == "" || a.Status != erpps.RegistrationSubmitted {
			t.Fatalf("created %+v: want an id and submitted", a)
		}
		got, err := s.FindRegistration(ctx, a.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.Identity != a.Identity || got.Diploma != a.Diploma || got.ProfessionCode != "28" || got.Phone != a.Phone ||
			got.DecidedAt != nil || got.DecidedBy != nil {
			t.Fatalf("found %+v, want %+v", got, a)
		}
		sameTime(t, "submittedAt", got.SubmittedAt, at(1))
		latest, err := s.LatestRegistration(ctx, "sub-b")
		if err != nil || latest.ID != b.ID {
			t.Fatalf("latest of sub-b = %v, %v; want %s", latest, err, b.ID)
		}
		_, err = s.LatestRegistration(ctx, "sub-nobody")
		wantCode(t, err, erpps.ENOTFOUND)
		_, err = s.FindRegistration(ctx, "nope")
		wantCode(t, err, erpps.ENOTFOUND)
		all, err := s.ListRegistrations(ctx, erpps.RegistrationFilter{})
		if err != nil || len(all) != 2 || all[0].ID != a.ID || all[1].ID != b.ID {
			t.Fatalf("list all = %v, %v; want a then b", all, err)
		}
		idf, err := s.ListRegistrations(ctx, erpps.RegistrationFilter{Departments: []string{"75", "92"}})
		if err != nil || len(idf) != 1 || idf[0].ID != a.ID {
			t.Fatalf("list of 75,92 = %v, %v; want a only", idf, err)
		}
		none, err := s.ListRegistrations(ctx, erpps.RegistrationFilter{Status: erpps.RegistrationAccepted})
		if err != nil || len(none) != 0 {
			t.Fatalf("accepted = %v, %v; want none", none, err)
		}
	})
	t.Run("one open registration per person", func(t *testing.T) {
		s := open(t)
		first := mustRegister(t, s, newRegistration("sub-a", "75"))
		wantCode(t, s.CreateRegistration(ctx, newRegistration("sub-a", "13")), erpps.ECONFLICT)
		if _, err := s.RefuseRegistration(ctx, first.ID, agent, "Diplôme illisible.", at(5)); err != nil {
			t.Fatal(err)
		}
		again := mustRegister(t, s, newRegistration("sub-a", "75"))
		if _, err := s.AcceptRegistration(ctx, acceptance(again, 6)); err != nil {
			t.Fatal(err)
		}
		wantCode(t, s.CreateRegistration(ctx, newRegistration("sub-a", "75")), erpps.ECONFLICT)
	})
	t.Run("accept creates the record under a new number", func(t *testing.T) {
		s := open(t)
		r := mustRegister(t, s, newRegistration("sub-a", "75"))
		got, err := s.AcceptRegistration(ctx, acceptance(r, 3))
		if err != nil {
			t.Fatal(err)
		}
		want, _ := sequenceNumber(1)
		if got.Status != erpps.RegistrationAccepted || got.RPPS != want || got.DecidedBy == nil || *got.DecidedBy != agent {
			t.Fatalf("accepted = %+v, want accepted under %s by the agent", got, want)
		}
		sameTime(t, "decidedAt", *got.DecidedAt, at(3))
		p, err := s.FindPractitionerByRPPS(ctx, want)
		if err != nil {
			t.Fatalf("the new record: %v", err)
		}
		if p.BirthName != r.Identity.FamilyName || p.FirstName != "Angela Claire" || p.Civility != "MME" ||
			len(p.Professions) != 1 || p.Professions[0].Code != "28" || p.Contact.Email != r.Email {
			t.Fatalf("record = %+v", p)
		}
		if !identifiers.LuhnValid(p.RPPS) {
			t.Fatalf("number %s has no valid key", p.RPPS)
		}
		_, err = s.AcceptRegistration(ctx, acceptance(r, 4))
		wantCode(t, err, erpps.ECONFLICT)
		_, err = s.RefuseRegistration(ctx, r.ID, agent, "Trop tard.", at(4))
		wantCode(t, err, erpps.ECONFLICT)
		wantCode(t, s.DeleteRegistration(ctx, r.ID), erpps.ECONFLICT)
		_, err = s.AcceptRegistration(ctx, acceptance(&erpps.Registration{ID: "nope"}, 4))
		wantCode(t, err, erpps.ENOTFOUND)
	})
	t.Run("a number is never drawn twice nor taken from a record", func(t *testing.T) {
		s := open(t)
		r1 := mustRegister(t, s, newRegistration("sub-1", "75"))
		a1, err := s.AcceptRegistration(ctx, acceptance(r1, 1))
		if err != nil {
			t.Fatal(err)
		}
		// A record already holds the sequence's next number.
		held, _ := sequenceNumber(2)
		mustSave(t, s, practitioner(held, "DÉJÀ", "Là", "75"))
		// A refused and a deleted registration use no number.
		r2 := mustRegister(t, s, newRegistration("sub-2", "75"))
		if _, err := s.RefuseRegistration(ctx, r2.ID, agent, "Diplôme étranger non reconnu.", at(2)); err != nil {
			t.Fatal(err)
		}
		r3 := mustRegister(t, s, newRegistration("sub-3", "75"))
		if err := s.DeleteRegistration(ctx, r3.ID); err != nil {
			t.Fatal(err)
		}
		wantCode(t, s.DeleteRegistration(ctx, r3.ID), erpps.ENOTFOUND)
		r4 := mustRegister(t, s, newRegistration("sub-4", "75"))
		a4, err := s.AcceptRegistration(ctx, acceptance(r4, 3))
		if err != nil {
			t.Fatal(err)
		}
		want3, _ := sequenceNumber(3)
		if a4.RPPS != want3 || a4.RPPS == a1.RPPS || a4.RPPS == held {
			t.Fatalf("second number = %s (first %s, held %s), want %s", a4.RPPS, a1.RPPS, held, want3)
		}
		// A failed acceptance (the record is refused) draws nothing for good.
		r5 := mustRegister(t, s, newRegistration("sub-5", "75"))
		bad := acceptance(r5, 4)
		bad.Record.Professions = append(bad.Record.Professions, bad.Record.Professions[0])
		_, err = s.AcceptRegistration(ctx, bad)
		wantCode(t, err, erpps.EINVALID)
		if got, _ := s.FindRegistration(ctx, r5.ID); got.Status != erpps.RegistrationSubmitted {
			t.Fatalf("after a failed acceptance: %s, want still submitted", got.Status)
		}
		a5, err := s.AcceptRegistration(ctx, acceptance(r5, 5))
		if err != nil {
			t.Fatal(err)
		}
		if a5.RPPS == a1.RPPS || a5.RPPS == a4.RPPS || a5.RPPS == held {
			t.Fatalf("number %s reused (%s, %s, %s)", a5.RPPS, a1.RPPS, a4.RPPS, held)
		}
	})
	t.Run("concurrent acceptances draw distinct numbers", func(t *testing.T) {
		s := open(t)
		var regs []*erpps.Registration
		for i := range 6 {
			regs = append(regs, mustRegister(t, s, newRegistration(fmt.Sprintf("sub-%d", i), "75")))
		}
		var wg sync.WaitGroup
		numbers := make([]string, len(regs)*2)
		errs := make([]error, len(regs)*2)
		for i := range numbers {
			wg.Add(1)
			go func() {
				defer wg.Done()
				got, err := s.AcceptRegistration(ctx, acceptance(regs[i/2], 10))
				errs[i] = err
				if err == nil {
					numbers[i] = got.RPPS
				}
			}()
		}
		wg.Wait()
		seen := map[string]bool{}
		for i := range numbers {
			if (errs[i] == nil) == (errs[i^1] == nil) {
				t.Fatalf("registration %d accepted twice or never: %v / %v", i/2, errs[i], errs[i^1])
			}
			if errs[i] != nil {
				wantCode(t, errs[i], erpps.ECONFLICT)
				continue
			}
			if seen[numbers[i]] {
				t.Fatalf("number %s drawn twice", numbers[i])
			}
			seen[numbers[i]] = true
		}
	})
	t.Run("refuse and withdraw", func(t *testing.T) {
		s := open(t)
		r := mustRegister(t, s, newRegistration("sub-a", "75"))
		_, err := s.WithdrawRegistration(ctx, r.ID, "sub-other", at(1))
		wantCode(t, err, erpps.ENOTFOUND)
		got, err := s.RefuseRegistration(ctx, r.ID, agent, "Le diplôme ne permet pas d'exercer en France.", at(2))
		if err != nil {
			t.Fatal(err)
		}
		if got.Status != erpps.RegistrationRefused || got.Motif != "Le diplôme ne permet pas d'exercer en France." || got.RPPS != "" {
			t.Fatalf("refused = %+v", got)
		}
		_, err = s.WithdrawRegistration(ctx, r.ID, "sub-a", at(3))
		wantCode(t, err, erpps.ECONFLICT)
		w := mustRegister(t, s, newRegistration("sub-a", "75"))
		got, err = s.WithdrawRegistration(ctx, w.ID, "sub-a", at(4))
		if err != nil || got.Status != erpps.RegistrationWithdrawn {
			t.Fatalf("withdrawn = %+v, %v", got, err)
		}
	})
	t.Run("FranceConnect sessions", func(t *testing.T) {
		s := open(t)
		hash := []byte("0123456789abcdef0123456789abcdef")
		fc := &erpps.FranceConnectSession{Identity: newRegistration("sub-a", "75").Identity, CreatedAt: at(0), ExpiresAt: at(30)}
		if err := s.CreateFranceConnectSession(ctx, fc, hash); err != nil {
			t.Fatal(err)
		}
		got, err := s.FindFranceConnectSession(ctx, hash, at(29))
		if err != nil || got.Identity != fc.Identity {
			t.Fatalf("found %+v, %v", got, err)
		}
		sameTime(t, "expiresAt", got.ExpiresAt, at(30))
		_, err = s.FindFranceConnectSession(ctx, hash, at(30))
		wantCode(t, err, erpps.EUNAUTHORIZED)
		_, err = s.FindFranceConnectSession(ctx, []byte("other"), at(1))
		wantCode(t, err, erpps.EUNAUTHORIZED)
		other := []byte("fedcba9876543210fedcba9876543210")
		if err := s.CreateFranceConnectSession(ctx, &erpps.FranceConnectSession{Identity: fc.Identity, CreatedAt: at(0), ExpiresAt: at(60)}, other); err != nil {
			t.Fatal(err)
		}
		if n, err := s.DeleteExpiredFranceConnectSessions(ctx, at(30)); err != nil || n != 1 {
			t.Fatalf("expired sessions deleted at +30 min: %d, %v; want 1", n, err)
		}
		if _, err := s.FindFranceConnectSession(ctx, other, at(31)); err != nil {
			t.Fatalf("the live session went with the expired one: %v", err)
		}
		if err := s.DeleteFranceConnectSession(ctx, hash); err != nil {
			t.Fatal(err)
		}
		_, err = s.FindFranceConnectSession(ctx, hash, at(1))
		wantCode(t, err, erpps.EUNAUTHORIZED)
	})
}

// SequenceSurvivesRestart checks that the RPPS sequence goes on after the
// store is closed and opened again: reopen opens the same database each
// time (the test closes each store it got).
func SequenceSurvivesRestart(t *testing.T, reopen func(t *testing.T) erpps.ServerStore) {
	ctx := context.Background()
	s := reopen(t)
	r1 := mustRegister(t, s, newRegistration("sub-1", "75"))
	a1, err := s.AcceptRegistration(ctx, acceptance(r1, 1))
	if err != nil {
		t.Fatal(err)
	}
	r2 := mustRegister(t, s, newRegistration("sub-2", "75"))
	if _, err := s.RefuseRegistration(ctx, r2.ID, agent, "Pièces manquantes.", at(2)); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s = reopen(t)
	defer s.Close()
	r3 := mustRegister(t, s, newRegistration("sub-3", "75"))
	a3, err := s.AcceptRegistration(ctx, acceptance(r3, 3))
	if err != nil {
		t.Fatal(err)
	}
	want, _ := sequenceNumber(2)
	if a3.RPPS == a1.RPPS || a3.RPPS != want {
		t.Fatalf("after a restart: %s (first %s), want %s", a3.RPPS, a1.RPPS, want)
	}
}
