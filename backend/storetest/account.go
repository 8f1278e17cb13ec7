package storetest

import (
	"context"
	"reflect"
	"testing"

	"erpps/backend/erpps"
)

// account returns an account of role with that login, created at t0.
func account(id, login string, role erpps.Role) *erpps.Account {
	a := &erpps.Account{ID: id, Login: login, Role: role, Name: "Nom de " + login, CreatedAt: t0}
	switch role {
	case erpps.RoleARSAgent:
		a.Region = "11"
	case erpps.RoleProfessional:
		a.RPPS = login
	}
	return a
}

// mustCreateAccount stores a with a password hash.
func mustCreateAccount(t *testing.T, s erpps.ServerStore, a *erpps.Account) *erpps.Account {
	t.Helper()
	if err := s.CreateAccount(context.Background(), a, "$argon2id$v=19$m=65536,t=1,p=2$c2FsdA$aGFzaA"); err != nil {
		t.Fatalf("create account %s: %v", a.Login, err)
	}
	return a
}

// normAccount puts the account's time in UTC for comparisons.
func normAccount(a erpps.Account) erpps.Account {
	a.CreatedAt = utc(a.CreatedAt)
	return a
}

func testAccounts(t *testing.T, open func(t *testing.T) erpps.ServerStore) {
	ctx := context.Background()

	t.Run("CreateFind", func(t *testing.T) {
		s := open(t)
		a := mustCreateAccount(t, s, account("agent-1", "camille.martin@ars.example", erpps.RoleARSAgent))
		got, hash, err := s.FindAccountByLogin(ctx, "camille.martin@ars.example")
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(normAccount(*got), normAccount(*a)) || hash != "$argon2id$v=19$m=65536,t=1,p=2$c2FsdA$aGFzaA" {
			t.Fatalf("by login: got %+v %q, want %+v", got, hash, a)
		}
		byID, err := s.FindAccountByID(ctx, "agent-1")
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(normAccount(*byID), normAccount(*a)) {
			t.Fatalf("by id: got %+v, want %+v", byID, a)
		}
		_, _, err = s.FindAccountByLogin(ctx, "nobody")
		wantCode(t, err, erpps.ENOTFOUND)
		_, err = s.FindAccountByID(ctx, "nobody")
		wantCode(t, err, erpps.ENOTFOUND)
	})

	t.Run("GivenIDAndTime", func(t *testing.T) {
		s := open(t)
		a := &erpps.Account{Login: "sec@example.invalid", Role: erpps.RoleSecretary, Name: "Secrétariat"}
		if err := s.CreateAccount(ctx, a, "h"); err != nil {
			t.Fatal(err)
		}
		if a.ID == "" || a.CreatedAt.IsZero() {
			t.Fatalf("the store gave no id or time: %+v", a)
		}
		got, err := s.FindAccountByID(ctx, a.ID)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(normAccount(*got), normAccount(*a)) {
			t.Fatalf("got %+v, want %+v", got, a)
		}
	})

	t.Run("ErrDuplicate", func(t *testing.T) {
		s := open(t)
		mustCreateAccount(t, s, account("agent-1", "camille@ars.example", erpps.RoleARSAgent))
		wantCode(t, s.CreateAccount(ctx, account("agent-2", "camille@ars.example", erpps.RoleARSAgent), "h"), erpps.ECONFLICT)
		wantCode(t, s.CreateAccount(ctx, account("agent-1", "other@ars.example", erpps.RoleARSAgent), "h"), erpps.ECONFLICT)
		wantCode(t, s.CreateAccount(ctx, account("x", "", erpps.RoleARSAgent), "h"), erpps.EINVALID)
		wantCode(t, s.CreateAccount(ctx, account("y", "y@example.invalid", "king"), "h"), erpps.EINVALID)
		all, err := s.ListAccounts(ctx, "")
		if err != nil {
			t.Fatal(err)
		}
		if len(all) != 1 {
			t.Fatalf("refused accounts were stored: %+v", all)
		}
	})

	t.Run("List", func(t *testing.T) {
		s := open(t)
		mustCreateAccount(t, s, account("a2", "zoe@ars.example", erpps.RoleARSAgent))
		mustCreateAccount(t, s, account("a1", "alice@ars.example", erpps.RoleARSAgent))
		mustCreateAccount(t, s, account("p1", "10000000001", erpps.RoleProfessional))
		logins := func(role erpps.Role) []string {
			t.Helper()
			list, err := s.ListAccounts(ctx, role)
			if err != nil {
				t.Fatal(err)
			}
			out := []string{}
			for _, a := range list {
				out = append(out, a.Login)
			}
			return out
		}
		if got := logins(erpps.RoleARSAgent); !reflect.DeepEqual(got, []string{"alice@ars.example", "zoe@ars.example"}) {
			t.Fatalf("agents %v", got)
		}
		if got := logins(""); !reflect.DeepEqual(got, []string{"10000000001", "alice@ars.example", "zoe@ars.example"}) {
			t.Fatalf("all %v", got)
		}
		if got := logins(erpps.RoleSecretary); len(got) != 0 {
			t.Fatalf("secretaries %v", got)
		}
	})
}
