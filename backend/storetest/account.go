package storetest

import (
	"context"
	"crypto/sha256"
	"reflect"
	"testing"
	"time"

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

func testSessions(t *testing.T, open func(t *testing.T) erpps.ServerStore) {
	ctx := context.Background()
	hash := func(token string) []byte {
		sum := sha256.Sum256([]byte(token))
		return sum[:]
	}
	newSession := func(t *testing.T, s erpps.ServerStore, a *erpps.Account, token string, expires time.Time) *erpps.Session {
		t.Helper()
		sess := &erpps.Session{Account: *a, CreatedAt: t0, ExpiresAt: expires}
		if err := s.CreateSession(ctx, sess, hash(token)); err != nil {
			t.Fatal(err)
		}
		return sess
	}

	t.Run("Lifecycle", func(t *testing.T) {
		s := open(t)
		a := mustCreateAccount(t, s, account("agent-1", "camille@ars.example", erpps.RoleARSAgent))
		sess := newSession(t, s, a, "token-1", at(30))
		if sess.ID == "" {
			t.Fatal("no session id")
		}
		got, err := s.FindSessionByTokenHash(ctx, hash("token-1"), at(29))
		if err != nil {
			t.Fatal(err)
		}
		if got.ID != sess.ID || !reflect.DeepEqual(normAccount(got.Account), normAccount(*a)) ||
			!got.CreatedAt.Equal(t0) || !got.ExpiresAt.Equal(at(30)) {
			t.Fatalf("got %+v", got)
		}
		_, err = s.FindSessionByTokenHash(ctx, hash("token-1"), at(30))
		wantCode(t, err, erpps.EUNAUTHORIZED) // expired at its expiry
		_, err = s.FindSessionByTokenHash(ctx, hash("token-2"), at(1))
		wantCode(t, err, erpps.EUNAUTHORIZED)

		if err := s.DeleteSession(ctx, hash("token-1")); err != nil {
			t.Fatal(err)
		}
		_, err = s.FindSessionByTokenHash(ctx, hash("token-1"), at(1))
		wantCode(t, err, erpps.EUNAUTHORIZED)
		if err := s.DeleteSession(ctx, hash("token-1")); err != nil {
			t.Fatalf("signing out twice: %v", err)
		}
	})

	t.Run("Errors", func(t *testing.T) {
		s := open(t)
		a := mustCreateAccount(t, s, account("agent-1", "camille@ars.example", erpps.RoleARSAgent))
		newSession(t, s, a, "token-1", at(30))
		dup := &erpps.Session{Account: *a, CreatedAt: t0, ExpiresAt: at(30)}
		wantCode(t, s.CreateSession(ctx, dup, hash("token-1")), erpps.ECONFLICT)
		ghost := &erpps.Session{Account: erpps.Account{ID: "ghost"}, CreatedAt: t0, ExpiresAt: at(30)}
		wantCode(t, s.CreateSession(ctx, ghost, hash("token-3")), erpps.ENOTFOUND)
		wantCode(t, s.CreateSession(ctx, &erpps.Session{Account: *a, CreatedAt: t0, ExpiresAt: at(30)}, nil), erpps.EINVALID)
		wantCode(t, s.CreateSession(ctx, &erpps.Session{Account: *a, CreatedAt: t0, ExpiresAt: t0}, hash("t")), erpps.EINVALID)
		_, err := s.FindSessionByTokenHash(ctx, hash("token-3"), at(1))
		wantCode(t, err, erpps.EUNAUTHORIZED)
	})

	t.Run("DisabledAccount", func(t *testing.T) {
		s := open(t)
		a := account("agent-1", "camille@ars.example", erpps.RoleARSAgent)
		a.Disabled = true
		mustCreateAccount(t, s, a)
		newSession(t, s, a, "token-1", at(30))
		_, err := s.FindSessionByTokenHash(ctx, hash("token-1"), at(1))
		wantCode(t, err, erpps.EUNAUTHORIZED)
	})

	t.Run("DeleteExpired", func(t *testing.T) {
		s := open(t)
		a := mustCreateAccount(t, s, account("agent-1", "camille@ars.example", erpps.RoleARSAgent))
		newSession(t, s, a, "old-1", at(10))
		newSession(t, s, a, "old-2", at(20))
		newSession(t, s, a, "live", at(40))
		n, err := s.DeleteExpiredSessions(ctx, at(20))
		if err != nil {
			t.Fatal(err)
		}
		if n != 2 {
			t.Fatalf("deleted %d sessions, want 2", n)
		}
		if _, err := s.FindSessionByTokenHash(ctx, hash("live"), at(21)); err != nil {
			t.Fatalf("a live session went: %v", err)
		}
		if n, err := s.DeleteExpiredSessions(ctx, at(20)); err != nil || n != 0 {
			t.Fatalf("again: %d, %v", n, err)
		}
	})
}
