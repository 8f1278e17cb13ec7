package storetest

import (
	"context"
	"crypto/sha256"
	"reflect"
	"testing"
	"time"

	"erpps/backend/erpps"
)

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

	t.Run("Extend", func(t *testing.T) {
		s := open(t)
		a := mustCreateAccount(t, s, account("sec-1", "sacha@cabinet.example", erpps.RoleSecretary))
		newSession(t, s, a, "token-1", at(30))
		newSession(t, s, a, "token-2", at(30))
		if err := s.ExtendSession(ctx, hash("token-1"), at(90)); err != nil {
			t.Fatal(err)
		}
		got, err := s.FindSessionByTokenHash(ctx, hash("token-1"), at(60))
		if err != nil || !got.ExpiresAt.Equal(at(90)) {
			t.Fatalf("after ExtendSession: %+v, %v", got, err)
		}
		_, err = s.FindSessionByTokenHash(ctx, hash("token-2"), at(60))
		wantCode(t, err, erpps.EUNAUTHORIZED) // the other session kept its expiry
		if err := s.ExtendSession(ctx, hash("token-9"), at(90)); err != nil {
			t.Fatalf("extending an unknown session: %v", err)
		}
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
