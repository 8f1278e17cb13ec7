package auth

import (
	"context"
	"slices"
	"testing"
	"time"

	"erpps/backend/erpps"
)

func addAccount(t *testing.T, m *memStore, login, pw string, disabled bool) {
	t.Helper()
	h, err := HashPassword(pw)
	if err != nil {
		t.Fatal(err)
	}
	a := &erpps.Account{ID: "agent:" + login, Login: login, Role: erpps.RoleARSAgent, Name: login, Region: "28", Disabled: disabled}
	if err := m.CreateAccount(context.Background(), a, h); err != nil {
		t.Fatal(err)
	}
}

func TestAuthenticate(t *testing.T) {
	m := newMemStore()
	addAccount(t, m, "camille@ars.fr", "bon mot de passe", false)
	addAccount(t, m, "ancien@ars.fr", "bon mot de passe", true)
	a := &PasswordAuthenticator{Accounts: m}
	ctx := context.Background()
	got, err := a.Authenticate(ctx, erpps.Credentials{Login: "camille@ars.fr", Password: "bon mot de passe"})
	if err != nil || got.ID != "agent:camille@ars.fr" {
		t.Fatalf("Authenticate = %+v, %v", got, err)
	}
	for _, c := range []erpps.Credentials{
		{Login: "camille@ars.fr", Password: "mauvais"},
		{Login: "inconnu@ars.fr", Password: "bon mot de passe"},
		{Login: "ancien@ars.fr", Password: "bon mot de passe"},
		{Login: "", Password: "x"},
		{Login: "camille@ars.fr", Password: ""},
	} {
		acct, err := a.Authenticate(ctx, c)
		e := erpps.AsError(err)
		if acct != nil || e == nil || e.Code != erpps.EUNAUTHORIZED || e.Message != MsgBadCredentials {
			t.Errorf("Authenticate(%q) = %+v, %v; want the one EUNAUTHORIZED reply", c.Login, acct, err)
		}
	}
}

// An unknown login costs an argon2id verification like a known one, so that
// timing does not tell whether a login exists.
func TestAuthenticateUnknownLoginTakesAsLong(t *testing.T) {
	m := newMemStore()
	addAccount(t, m, "camille@ars.fr", "bon mot de passe", false)
	a := &PasswordAuthenticator{Accounts: m}
	median := func(login string) time.Duration {
		var d []time.Duration
		for range 5 {
			start := time.Now()
			_, _ = a.Authenticate(context.Background(), erpps.Credentials{Login: login, Password: "mauvais"})
			d = append(d, time.Since(start))
		}
		slices.Sort(d)
		return d[2]
	}
	known, unknown := median("camille@ars.fr"), median("personne@ars.fr")
	if unknown < known/2 {
		t.Fatalf("unknown login answered in %v, known in %v: timing tells whether a login exists", unknown, known)
	}
}
