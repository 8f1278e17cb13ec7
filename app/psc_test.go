package app

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"erpps/backend/erpps"
)

// pscApp opens the desktop application over a real store in dir, its
// server and provider at issuer, with a fake sync client, a fake emitter
// and a fake system browser.
func pscApp(t *testing.T, dir string, mode Mode, demoMode bool, issuer string) (*App, *fakeClients, *fakeEmitter, *fakeBrowser) {
	t.Helper()
	a, closeFn, err := Open(context.Background(), Config{DataDir: dir, Mode: mode, Demo: demoMode, Version: "test", ServerURL: issuer})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = closeFn() })
	clients := &fakeClients{}
	fake := &fakeEmitter{}
	a.events, a.sync.events = fake, fake
	a.sync.deps.NewClient = clients.make
	b := newFakeBrowser()
	if a.deps.OIDC == nil {
		t.Fatal("no Pro Santé Connect in this mode")
	}
	a.deps.OIDC.OpenURL = func(_ context.Context, u string) error { b.open(u); return nil }
	return a, clients, fake, b
}

// seededDir is a data folder holding the demo records (made in demo mode).
func seededDir(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	a, closeFn, err := Open(context.Background(), Config{DataDir: dir, Mode: ModeWeb, Demo: true, Version: "test"})
	if err != nil {
		t.Fatal(err)
	}
	_ = a
	if err := closeFn(); err != nil {
		t.Fatal(err)
	}
	return dir
}

func connectionEvents(f *fakeEmitter) []ConnectionChanged {
	var out []ConnectionChanged
	for _, e := range f.take() {
		if e.name == EventConnection {
			out = append(out, e.payload.(ConnectionChanged))
		}
	}
	return out
}

func setting(t *testing.T, a *App, key string) string {
	t.Helper()
	raw, err := a.sync.deps.Settings.GetSetting(context.Background(), key)
	if erpps.ErrorCode(err) == erpps.ENOTFOUND {
		return ""
	}
	if err != nil {
		t.Fatal(err)
	}
	return string(raw)
}

// TestProSanteConnectDesktop: on the desktop, « Pro Santé Connect » opens
// the system's browser on the provider, whose redirect comes back to a
// loopback port; the practitioner of the ID token's IDNPS acts from then on,
// on their own record only; the access token authorises the sync and is
// refreshed before it expires and after a 401 (the request sent again with
// its body); a refused refresh asks for a new login; « Se déconnecter »
// revokes and deletes the tokens. No token reaches the log.
func TestProSanteConnectDesktop(t *testing.T) {
	dir := seededDir(t)
	rpps, other := demoRPPS(t, 0), demoRPPS(t, 1)
	p := newFakeProvider(t, "8"+rpps)
	a, clients, events, browser := pscApp(t, dir, ModeDesktop, false, p.srv.URL)
	ctx := context.Background()

	// Not signed in, out of demo mode: no record opens, none is listed.
	_, err := a.OpenSession(rpps)
	wantCode(t, "open before login", err, erpps.EFORBIDDEN)
	if list, err := a.ListPractitioners(erpps.PractitionerFilter{}); err != nil || len(list) != 0 {
		t.Fatalf("records listed before login: %d %v", len(list), err)
	}

	start, err := a.StartProSanteConnect()
	if err != nil {
		t.Fatal(err)
	}
	if start.Navigate || !strings.HasPrefix(start.AuthURL, p.srv.URL+"/authorize?") {
		t.Fatalf("start = %+v", start)
	}
	redirect, _ := url.Parse(mustQuery(t, start.AuthURL).Get("redirect_uri"))
	if redirect.Scheme != "http" || redirect.Hostname() != "127.0.0.1" || redirect.Path != "/callback" || redirect.Port() == "" {
		t.Fatalf("redirect_uri %q is not a loopback one", redirect)
	}
	if page := browser.lastPage(t); !strings.Contains(page, "Vous êtes connecté") {
		t.Fatalf("browser page: %s", page)
	}
	if got := connectionEvents(events); len(got) != 1 || got[0].State != "connected" || got[0].RPPS != rpps {
		t.Fatalf("events: %s", jsonOf(got))
	}
	s, err := a.ServerSettings()
	if err != nil || s.Method != methodPSC || s.Account == nil || s.Account.RPPS != rpps || s.Account.Role != erpps.RoleProfessional ||
		s.Account.Name != "Camille Martin" || s.URL != p.srv.URL {
		t.Fatalf("settings after login: %s %v", jsonOf(s), err)
	}
	sess, err := a.OpenSession(rpps)
	if err != nil || sess.Actor.ID != rpps || sess.Actor.Role != erpps.RoleProfessional || sess.Principal != rpps {
		t.Fatalf("session: %+v %v", sess, err)
	}
	_, err = a.OpenSession(other)
	wantCode(t, "another record after login", err, erpps.EFORBIDDEN)
	if list, err := a.ListPractitioners(erpps.PractitionerFilter{}); err != nil || len(list) != 1 || list[0].RPPS != rpps {
		t.Fatalf("records listed after login: %s %v", jsonOf(list), err)
	}

	// The sync client's bearer is the access token; refreshed once expired.
	client := clients.last(t)
	first, err := client.cfg.Token(ctx)
	if err != nil || !strings.HasPrefix(first, "at-") || first != setting(t, a, settingServerToken) || !p.validAccess(first) {
		t.Fatalf("token %q %v", first, err)
	}
	if setting(t, a, settingServerRefresh) == "" {
		t.Fatal("no refresh token kept")
	}
	a.deps.OIDC.Now = func() time.Time { return time.Now().Add(2 * time.Hour) }
	second, err := client.cfg.Token(ctx)
	if err != nil || second == first || !p.validAccess(second) || p.refreshed != 1 {
		t.Fatalf("expired token not refreshed: %q %v (refreshed %d)", second, err, p.refreshed)
	}
	a.deps.OIDC.Now = nil

	// A 401 mid-sync: refreshed, sent again with its body.
	var bodies []string
	syncSrv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		raw, _ := io.ReadAll(r.Body)
		if !p.validAccess(strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")) {
			w.WriteHeader(http.StatusUnauthorized)
			return
		}
		bodies = append(bodies, string(raw))
		w.WriteHeader(http.StatusOK)
	}))
	defer syncSrv.Close()
	p.set(func(p *fakeProvider) { p.access[second] = false }) // the server no longer takes it
	res := postWith(t, client.cfg.HTTP, syncSrv.URL, second, `{"mutations":[1]}`)
	if res.StatusCode != http.StatusOK || len(bodies) != 1 || bodies[0] != `{"mutations":[1]}` || p.refreshed != 2 {
		t.Fatalf("401 mid-sync: status %d, bodies %q, refreshed %d", res.StatusCode, bodies, p.refreshed)
	}

	// The refresh token refused (expired, revoked): the 401 stands, a new
	// login is asked for.
	third := setting(t, a, settingServerToken)
	p.set(func(p *fakeProvider) { clear(p.refreshes); p.access[third] = false })
	if res := postWith(t, client.cfg.HTTP, syncSrv.URL, third, `{}`); res.StatusCode != http.StatusUnauthorized {
		t.Fatalf("refused refresh: status %d", res.StatusCode)
	}
	a.deps.OIDC.Now = func() time.Time { return time.Now().Add(2 * time.Hour) }
	_, err = client.cfg.Token(ctx)
	wantCode(t, "token after a refused refresh", err, erpps.EUNAUTHORIZED)
	if !strings.Contains(erpps.AsError(err).Message, "reconnectez-vous avec Pro Santé Connect") {
		t.Fatalf("message: %q", erpps.AsError(err).Message)
	}
	a.deps.OIDC.Now = nil

	// « Se déconnecter »: revoked at the provider, deleted here.
	refresh, access := setting(t, a, settingServerRefresh), setting(t, a, settingServerToken)
	if _, err := a.DisconnectServer(); err != nil {
		t.Fatal(err)
	}
	if !containsAll(p.revoked, refresh, access) {
		t.Fatalf("revoked %q, want %q and %q", p.revoked, refresh, access)
	}
	if setting(t, a, settingServerToken) != "" || setting(t, a, settingServerRefresh) != "" {
		t.Fatal("tokens kept after sign-out")
	}
	_, err = a.CurrentSession()
	wantCode(t, "session after sign-out", err, erpps.EFORBIDDEN)
	_, err = a.OpenSession(rpps)
	wantCode(t, "open after sign-out", err, erpps.EFORBIDDEN)
	if got := connectionEvents(events); len(got) == 0 || got[len(got)-1].State != "signedOut" {
		t.Fatalf("events: %s", jsonOf(got))
	}

	log, err := os.ReadFile(filepath.Join(dir, "erpps.log"))
	if err != nil {
		t.Fatal(err)
	}
	for _, tok := range append([]string{first, second, third, refresh}, p.revoked...) {
		if strings.Contains(string(log), tok) {
			t.Fatal("a token is in erpps.log")
		}
	}
	if !strings.Contains(string(log), "signed in with Pro Santé Connect") {
		t.Fatalf("the login is not logged:\n%s", log)
	}
}

// TestProSanteConnectOffline: once logged in, the desktop opens the
// practitioner's record and prepares a draft with the provider and the
// server unreachable.
func TestProSanteConnectOffline(t *testing.T) {
	dir := seededDir(t)
	rpps := demoRPPS(t, 0)
	p := newFakeProvider(t, "8"+rpps)
	a, _, _, browser := pscApp(t, dir, ModeDesktop, false, p.srv.URL)
	if _, err := a.StartProSanteConnect(); err != nil {
		t.Fatal(err)
	}
	browser.lastPage(t)
	if err := a.closeStore(); err != nil {
		t.Fatal(err)
	}
	p.srv.Close()

	b, _, _, _ := pscApp(t, dir, ModeDesktop, false, p.srv.URL)
	sess, err := b.OpenSession(rpps)
	if err != nil || sess.Actor.ID != rpps || sess.Actor.Role != erpps.RoleProfessional {
		t.Fatalf("offline session: %+v %v", sess, err)
	}
	if _, err := b.GetPractitioner(rpps); err != nil {
		t.Fatal(err)
	}
	if _, err := b.ListRequests(erpps.RequestFilter{RPPS: rpps}); err != nil {
		t.Fatal(err)
	}
}

// TestProSanteConnectRefusals: a login the provider refuses, an ID token
// without acr eidas1 or without an RPPS identifier, a redirect no login
// waits for (a forged state, a login given up): nobody is signed in.
func TestProSanteConnectRefusals(t *testing.T) {
	dir := seededDir(t)
	rpps := demoRPPS(t, 0)
	for _, tc := range []struct {
		name  string
		set   func(p *fakeProvider)
		wants string
	}{
		{"denied", func(p *fakeProvider) { p.deny = true }, "annulée ou refusée"},
		{"no acr", func(p *fakeProvider) { p.acr = "" }, "authentification forte"},
		{"ADELI", func(p *fakeProvider) { p.idnps = "0" + "123456789" }, "identifiant RPPS"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := newFakeProvider(t, "8"+rpps)
			p.set(tc.set)
			a, _, events, browser := pscApp(t, dir, ModeDesktop, false, p.srv.URL)
			if _, err := a.StartProSanteConnect(); err != nil {
				t.Fatal(err)
			}
			if page := browser.lastPage(t); !strings.Contains(page, "Connexion non aboutie") {
				t.Fatalf("page: %s", page)
			}
			got := connectionEvents(events)
			if len(got) != 1 || got[0].State != "failed" || !strings.Contains(got[0].Message, tc.wants) {
				t.Fatalf("events: %s", jsonOf(got))
			}
			if s, _ := a.ServerSettings(); s.Account != nil || setting(t, a, settingServerToken) != "" {
				t.Fatalf("signed in after a refusal: %s", jsonOf(s))
			}
			_ = a.closeStore()
		})
	}
	t.Run("forged state and given up", func(t *testing.T) {
		p := newFakeProvider(t, "8"+rpps)
		a, _, events, browser := pscApp(t, dir, ModeDesktop, false, p.srv.URL)
		// The browser does not follow: the test plays it.
		a.deps.OIDC.OpenURL = func(context.Context, string) error { return nil }
		start, err := a.StartProSanteConnect()
		if err != nil {
			t.Fatal(err)
		}
		redirect := mustQuery(t, start.AuthURL).Get("redirect_uri")
		browser.open(redirect + "?code=x&state=forged")
		if page := browser.lastPage(t); !strings.Contains(page, "plus attendue") {
			t.Fatalf("forged state: %s", page)
		}
		if err := a.CancelProSanteConnect(); err != nil {
			t.Fatal(err)
		}
		if got := connectionEvents(events); len(got) != 1 || got[0].State != "cancelled" {
			t.Fatalf("events: %s", jsonOf(got))
		}
		browser.open(start.AuthURL)
		page := browser.lastPage(t)
		if strings.Contains(page, "Vous êtes connecté") {
			t.Fatalf("a login given up went through: %s", page)
		}
		if s, _ := a.ServerSettings(); s.Account != nil {
			t.Fatal("signed in after cancelling")
		}
	})
}

// TestProSanteConnectBrowserMode: erpps web sends the page to the provider,
// which redirects to erpps web's own /callback (no session cookie needed:
// the state is checked), which opens the practitioner's portal.
func TestProSanteConnectBrowserMode(t *testing.T) {
	dir := seededDir(t)
	rpps := demoRPPS(t, 0)
	p := newFakeProvider(t, "8"+rpps)
	a, _, _, _ := pscApp(t, dir, ModeWeb, false, p.srv.URL)
	auth := newWebAuth("secret-of-this-run")
	h, err := NewHTTPHandler(a, fstest.MapFS{"index.html": {Data: []byte("<!doctype html>")}}, auth)
	if err != nil {
		t.Fatal(err)
	}
	web := httptest.NewServer(h)
	defer web.Close()

	req, _ := http.NewRequest(http.MethodPost, web.URL+"/api/StartProSanteConnect", strings.NewReader("[]"))
	req.Header.Set("Content-Type", "application/json")
	req.AddCookie(&http.Cookie{Name: cookieName(req), Value: auth.cookie})
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	var start LoginStart
	decodeJSON(t, res, &start)
	if !start.Navigate || mustQuery(t, start.AuthURL).Get("redirect_uri") != web.URL+"/callback" {
		t.Fatalf("start: %+v", start)
	}
	page, err := http.Get(start.AuthURL) // the browser, without erpps web's cookie
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(page.Body)
	_ = page.Body.Close()
	if page.StatusCode != http.StatusOK || !strings.Contains(string(body), `url=/#/pro/`+rpps) {
		t.Fatalf("callback page %d: %s", page.StatusCode, body)
	}
	if s, _ := a.ServerSettings(); s.Account == nil || s.Account.RPPS != rpps {
		t.Fatalf("not signed in: %s", jsonOf(s))
	}
	// The same redirect again (replayed): refused.
	again, err := http.Get(page.Request.URL.String())
	if err != nil {
		t.Fatal(err)
	}
	_ = again.Body.Close()
	if again.StatusCode != http.StatusBadRequest {
		t.Fatalf("replayed callback: %d", again.StatusCode)
	}
}

// TestDemoRecordsInDemoModeOnly: without a login, the demonstration
// records open in demo mode, not otherwise.
func TestDemoRecordsInDemoModeOnly(t *testing.T) {
	dir := seededDir(t)
	rpps := demoRPPS(t, 0)
	demoApp, _, _, _ := pscApp(t, dir, ModeWeb, true, "")
	if _, err := demoApp.OpenSession(rpps); err != nil {
		t.Fatalf("demo mode: %v", err)
	}
	if list, err := demoApp.ListPractitioners(erpps.PractitionerFilter{Limit: 5}); err != nil || len(list) != 5 {
		t.Fatalf("demo mode lists %d %v", len(list), err)
	}
	_ = demoApp.closeStore()
	plain, _, _, _ := pscApp(t, dir, ModeWeb, false, "")
	_, err := plain.OpenSession(rpps)
	wantCode(t, "--no-demo", err, erpps.EFORBIDDEN)
	_, err = plain.GetPractitioner(rpps)
	wantCode(t, "--no-demo read", err, erpps.EFORBIDDEN)
	_, err = plain.StartProSanteConnect()
	wantCode(t, "no server configured", err, erpps.EINVALID)
}

func mustQuery(t *testing.T, raw string) url.Values {
	t.Helper()
	u, err := url.Parse(raw)
	if err != nil {
		t.Fatal(err)
	}
	return u.Query()
}

func postWith(t *testing.T, hc *http.Client, u, token, body string) *http.Response {
	t.Helper()
	req, err := http.NewRequest(http.MethodPost, u, bytes.NewReader([]byte(body)))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Authorization", "Bearer "+token)
	res, err := hc.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	_, _ = io.Copy(io.Discard, res.Body)
	_ = res.Body.Close()
	return res
}

func containsAll(list []string, want ...string) bool {
	for _, w := range want {
		found := false
		for _, l := range list {
			found = found || l == w
		}
		if !found {
			return false
		}
	}
	return true
}

func decodeJSON(t *testing.T, res *http.Response, out any) {
	t.Helper()
	defer res.Body.Close()
	raw, _ := io.ReadAll(res.Body)
	if res.StatusCode != http.StatusOK {
		t.Fatalf("HTTP %d: %s", res.StatusCode, raw)
	}
	if err := json.Unmarshal(raw, out); err != nil {
		t.Fatalf("%v: %s", err, raw)
	}
}
