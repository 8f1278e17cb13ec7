package app

import (
	"context"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"erpps/backend/demo"
	"erpps/backend/erpps"
	"erpps/backend/oidcprovider"
	"erpps/backend/sqlite"
)

// approvals is the e-CPS of the test: a transaction approved for one auth
// request completes it once (oidcprovider.LoginCompleter).
type approvals struct {
	mu      sync.Mutex
	account *erpps.Account
	tx      map[string]string
}

func (l *approvals) CompleteLogin(_ context.Context, tx, authRequest string) (*erpps.Account, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if ar, ok := l.tx[tx]; !ok || ar != authRequest {
		return nil, erpps.Errorf(erpps.EUNAUTHORIZED, "Transaction inconnue.")
	}
	delete(l.tx, tx)
	return l.account, nil
}

// TestProSanteConnectRealProvider: the desktop's login against erpps-server's
// own provider (backend/oidcprovider over a real SQLite file): the browser
// goes from authorize to the login page, the e-CPS transaction is approved,
// /oidc/login/complete redirects to the desktop's loopback port; the
// practitioner acts; the access token is one the provider maps to their
// account; refresh rotates it; « Se déconnecter » revokes it.
func TestProSanteConnectRealProvider(t *testing.T) {
	ctx := context.Background()
	list, err := demo.Generate(demo.Count, demo.Seed)
	if err != nil {
		t.Fatal(err)
	}
	p := list[0]
	store := sqlite.NewDB(filepath.Join(t.TempDir(), "erpps-server.db"))
	if err := store.Open(ctx); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = store.Close() })
	if err := store.SavePractitioner(ctx, p); err != nil {
		t.Fatal(err)
	}
	if err := store.CreateAccount(ctx, &erpps.Account{ID: "pro-" + p.RPPS, Login: p.RPPS, Role: erpps.RoleProfessional,
		Name: p.FirstName + " " + p.ExerciseName, RPPS: p.RPPS, CreatedAt: time.Now().UTC().Truncate(time.Second)},
		"$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA"); err != nil {
		t.Fatal(err)
	}
	acct, _, err := store.FindAccountByLogin(ctx, p.RPPS)
	if err != nil {
		t.Fatal(err)
	}
	key, err := oidcprovider.NewKey()
	if err != nil {
		t.Fatal(err)
	}
	logins := &approvals{account: acct, tx: map[string]string{}}
	srv := httptest.NewUnstartedServer(nil)
	issuer := "http://" + srv.Listener.Addr().String()
	provider, err := oidcprovider.New(oidcprovider.Config{Issuer: issuer, Store: store, Key: key, Login: logins})
	if err != nil {
		t.Fatal(err)
	}
	srv.Config.Handler = provider
	srv.Start()
	t.Cleanup(srv.Close)

	a, clients, events, _ := pscApp(t, seededDir(t), ModeDesktop, false, issuer)
	noRedirect := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	done := make(chan string, 1)
	a.deps.OIDC.OpenURL = func(_ context.Context, authURL string) error {
		go func() {
			// The browser: authorize → the login page → (e-CPS approved)
			// → /oidc/login/complete → the desktop's loopback callback.
			res, err := noRedirect.Get(authURL)
			if err != nil {
				done <- err.Error()
				return
			}
			_ = res.Body.Close()
			page, err := res.Location()
			if err != nil || page.Path != "/connexion" {
				done <- "authorize did not lead to the login page"
				return
			}
			id := page.Query().Get("authRequest")
			logins.mu.Lock()
			logins.tx["tx-"+id] = id
			logins.mu.Unlock()
			res, err = http.Get(issuer + oidcprovider.CompletePath + "?authRequest=" + url.QueryEscape(id) + "&transaction=" + url.QueryEscape("tx-"+id))
			if err != nil {
				done <- err.Error()
				return
			}
			var buf [2048]byte
			n, _ := res.Body.Read(buf[:])
			_ = res.Body.Close()
			done <- string(buf[:n])
		}()
		return nil
	}
	if _, err := a.StartProSanteConnect(); err != nil {
		t.Fatal(err)
	}
	select {
	case page := <-done:
		if !strings.Contains(page, "Vous êtes connecté") {
			t.Fatalf("the browser's last page: %s", page)
		}
	case <-time.After(15 * time.Second):
		t.Fatal("the login never came back")
	}
	if got := connectionEvents(events); len(got) != 1 || got[0].State != "connected" || got[0].RPPS != p.RPPS {
		t.Fatalf("events: %s", jsonOf(got))
	}
	sess, err := a.OpenSession(p.RPPS)
	if err != nil || sess.Actor.ID != p.RPPS || sess.Actor.Role != erpps.RoleProfessional {
		t.Fatalf("session %+v %v", sess, err)
	}
	token, err := clients.last(t).cfg.Token(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if got, _, err := provider.AccountForAccessToken(ctx, token); err != nil || got.RPPS != p.RPPS {
		t.Fatalf("the provider does not map the access token to the practitioner: %+v %v", got, err)
	}
	// Expired: refreshed (the provider rotates the refresh token).
	oldRefresh := setting(t, a, settingServerRefresh)
	a.deps.OIDC.Now = func() time.Time { return time.Now().Add(24 * time.Hour) }
	fresh, err := clients.last(t).cfg.Token(ctx)
	a.deps.OIDC.Now = nil
	if err != nil || fresh == token || setting(t, a, settingServerRefresh) == oldRefresh {
		t.Fatalf("refresh: %v (same token %v)", err, fresh == token)
	}
	if got, _, err := provider.AccountForAccessToken(ctx, fresh); err != nil || got.RPPS != p.RPPS {
		t.Fatalf("refreshed token refused: %v", err)
	}
	if _, err := a.DisconnectServer(); err != nil {
		t.Fatal(err)
	}
	if _, _, err := provider.AccountForAccessToken(ctx, fresh); erpps.ErrorCode(err) != erpps.EUNAUTHORIZED {
		t.Fatalf("the access token still works after « Se déconnecter »: %v", err)
	}
}
