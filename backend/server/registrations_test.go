package server

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"erpps/backend/erpps"
	"erpps/backend/identifiers"
	"erpps/backend/primo"
	"erpps/backend/primo/primotest"
)

// withFranceConnect gives e's server a primo-registration whose
// FranceConnect is a mockoidc on loopback.
func (e *env) withFranceConnect(t *testing.T) *primotest.FranceConnect {
	t.Helper()
	fake := primotest.Start(t)
	client, err := primo.NewFranceConnect(fake.Config("http://erpps.test/api/v1/franceconnect/callback"))
	if err != nil {
		t.Fatal(err)
	}
	e.srv.cfg.Primo = &primo.Service{Store: e.store, Catalog: e.cat, FranceConnect: client, Now: time.Now}
	return fake
}

// departmentOf returns a département of region.
func (e *env) departmentOf(region string) string {
	for _, d := range e.cat.Departments() {
		if d.RegionCode == region {
			return d.Code
		}
	}
	e.t.Fatalf("no département in region %s", region)
	return ""
}

// cookieOf returns the cookie name set by r, nil when none.
func cookieOf(r reply, name string) *http.Cookie {
	for _, c := range (&http.Response{Header: r.header}).Cookies() {
		if c.Name == name {
			return c
		}
	}
	return nil
}

// franceConnect plays a browser signing in with FranceConnect as p; tamper
// may change the callback's query. It returns the callback's reply.
func (e *env) franceConnect(t *testing.T, fake *primotest.FranceConnect, p primotest.Person, tamper func(q url.Values)) reply {
	t.Helper()
	start := e.do(call{method: "GET", path: "/api/v1/franceconnect/login"})
	if start.status != http.StatusFound {
		t.Fatalf("login: %d %s", start.status, start.body)
	}
	kept := cookieOf(start, loginCookie)
	if kept == nil || !kept.HttpOnly || kept.SameSite != http.SameSiteLaxMode {
		t.Fatalf("login cookie = %+v, want HttpOnly and SameSite=Lax", kept)
	}
	fake.Queue(p)
	q := primotest.Authorize(t, start.header.Get("Location"))
	tamper(q)
	return e.do(call{method: "GET", path: "/api/v1/franceconnect/callback?" + q.Encode(),
		header: map[string]string{"Cookie": loginCookie + "=" + kept.Value}})
}

// fcCookie is the Cookie header of a FranceConnect session.
func fcCookie(token string) map[string]string {
	return map[string]string{"Cookie": franceConnectCookie + "=" + token}
}

// TestPrimoRegistrationOverHTTP: FranceConnect, the form, the agent of the
// region accepting, on every store.
func TestPrimoRegistrationOverHTTP(t *testing.T) { eachStore(t, testPrimoRegistrationOverHTTP) }

func testPrimoRegistrationOverHTTP(t *testing.T, e *env) {
	fake := e.withFranceConnect(t)
	back := e.franceConnect(t, fake, primotest.Angela(), func(url.Values) {})
	if back.status != http.StatusFound || back.header.Get("Location") != "/inscription" {
		t.Fatalf("callback: %d to %q", back.status, back.header.Get("Location"))
	}
	sess := cookieOf(back, franceConnectCookie)
	if sess == nil || sess.Value == "" || !sess.HttpOnly || sess.SameSite != http.SameSiteStrictMode {
		t.Fatalf("FranceConnect session cookie = %+v", sess)
	}
	if c := cookieOf(back, loginCookie); c == nil || c.MaxAge >= 0 {
		t.Fatalf("the sign-in's cookie is not cleared: %+v", c)
	}
	var st primo.Status
	r := e.do(call{method: "GET", path: "/api/v1/registration", header: fcCookie(sess.Value)})
	if r.status != http.StatusOK {
		t.Fatalf("status: %d %s", r.status, r.body)
	}
	r.json(t, &st)
	if st.Identity != primotest.Angela().Identity || st.Registration != nil {
		t.Fatalf("status = %+v", st)
	}
	dept := e.departmentOf(e.regionA)
	form := map[string]any{"professionCode": "92", "department": dept, "email": "angela.dubois@example.org", "phone": "",
		"noRpps": true, "diploma": map[string]string{"title": "Certificat de capacité d'orthoptiste", "institution": "Sorbonne Université", "date": "2020-06-30"}}
	if r := e.do(call{method: "POST", path: "/api/v1/registration", body: form,
		header: map[string]string{"Cookie": franceConnectCookie + "=" + sess.Value, "Origin": "https://pirate.example"}}); r.status != http.StatusForbidden {
		t.Fatalf("a submission from another site: %d %s", r.status, r.body)
	}
	r = e.do(call{method: "POST", path: "/api/v1/registration", body: form, header: fcCookie(sess.Value)})
	if r.status != http.StatusCreated {
		t.Fatalf("submit: %d %s", r.status, r.body)
	}
	var reg erpps.Registration
	r.json(t, &reg)

	tokenA, tokenB := e.signIn(loginAgentA), e.signIn(loginAgentB)
	var list registrationsList
	e.do(call{method: "GET", path: "/api/v1/registrations?status=submitted", token: tokenA}).json(t, &list)
	if len(list.Items) != 1 || list.Items[0].Registration.ID != reg.ID || list.Items[0].ProfessionLabel != "Orthoptiste" {
		t.Fatalf("agent A's list = %+v", list)
	}
	e.do(call{method: "GET", path: "/api/v1/registrations", token: tokenB}).json(t, &list)
	if len(list.Items) != 0 {
		t.Fatalf("agent B sees %d registrations of A's region", len(list.Items))
	}
	if r := e.do(call{method: "GET", path: "/api/v1/registrations?page=2", token: tokenA}); r.status != http.StatusBadRequest {
		t.Fatalf("an unknown filter: %d", r.status)
	}
	if r := e.do(call{method: "POST", path: "/api/v1/registrations/" + reg.ID + "/decisions", token: tokenA,
		body: map[string]any{"action": "refuse"}}); r.status != http.StatusBadRequest {
		t.Fatalf("a refusal without motif: %d %s", r.status, r.body)
	}
	r = e.do(call{method: "POST", path: "/api/v1/registrations/" + reg.ID + "/decisions", token: tokenA, body: map[string]any{"action": "accept"}})
	if r.status != http.StatusOK {
		t.Fatalf("accept: %d %s", r.status, r.body)
	}
	var cs primo.Case
	r.json(t, &cs)
	if _, err := identifiers.ParseRPPS(cs.Registration.RPPS); err != nil || cs.Registration.Status != erpps.RegistrationAccepted {
		t.Fatalf("accepted = %+v (%v)", cs.Registration, err)
	}
	p, err := e.store.FindPractitionerByRPPS(context.Background(), cs.Registration.RPPS)
	if err != nil || p.BirthName != "DUBOIS" || p.Professions[0].Code != "92" {
		t.Fatalf("the new record: %+v, %v", p, err)
	}
	if r := e.do(call{method: "POST", path: "/api/v1/registrations/" + reg.ID + "/decisions", token: tokenA,
		body: map[string]any{"action": "refuse", "motif": "Trop tard."}}); r.status != http.StatusConflict {
		t.Fatalf("a second decision: %d %s", r.status, r.body)
	}
	// The person sees the number; signing out ends the form's session.
	e.do(call{method: "GET", path: "/api/v1/registration", header: fcCookie(sess.Value)}).json(t, &st)
	if st.Registration == nil || st.Registration.RPPS != cs.Registration.RPPS {
		t.Fatalf("the person's status = %+v", st.Registration)
	}
	if r := e.do(call{method: "DELETE", path: "/api/v1/franceconnect/session", header: fcCookie(sess.Value)}); r.status != http.StatusNoContent {
		t.Fatalf("sign out: %d %s", r.status, r.body)
	}
	if r := e.do(call{method: "GET", path: "/api/v1/registration", header: fcCookie(sess.Value)}); r.status != http.StatusUnauthorized {
		t.Fatalf("after signing out: %d", r.status)
	}
}

// TestFranceConnectCallbackRefusals: a callback that cannot be trusted
// opens no session and sends back to the form's page with a reason.
func TestFranceConnectCallbackRefusals(t *testing.T) {
	e := newEnv(t)
	fake := e.withFranceConnect(t)
	tests := []struct {
		name   string
		person primotest.Person
		tamper func(q url.Values)
		reason string
	}{
		{"forged state", primotest.Angela(), func(q url.Values) { q.Set("state", "forged") }, "echec"},
		{"cancelled", primotest.Angela(), func(q url.Values) { q.Del("code"); q.Set("error", "access_denied") }, "annulee"},
		{"replayed ID token", func() primotest.Person { p := primotest.Angela(); p.Nonce = "old"; return p }(), func(url.Values) {}, "echec"},
		{"weak acr", func() primotest.Person { p := primotest.Angela(); p.ACR = "eidas0"; return p }(), func(url.Values) {}, "echec"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := e.franceConnect(t, fake, tt.person, tt.tamper)
			if r.status != http.StatusFound || r.header.Get("Location") != "/inscription?erreur="+tt.reason {
				t.Fatalf("callback: %d to %q, want /inscription?erreur=%s", r.status, r.header.Get("Location"), tt.reason)
			}
			if c := cookieOf(r, franceConnectCookie); c != nil {
				t.Fatalf("a session cookie was set: %+v", c)
			}
		})
	}
	t.Run("no sign-in cookie", func(t *testing.T) {
		r := e.do(call{method: "GET", path: "/api/v1/franceconnect/callback?code=x&state=y"})
		if r.header.Get("Location") != "/inscription?erreur=echec" {
			t.Fatalf("callback without the cookie: %d to %q", r.status, r.header.Get("Location"))
		}
	})
	t.Run("a forged session cookie", func(t *testing.T) {
		if r := e.do(call{method: "GET", path: "/api/v1/registration", header: fcCookie("forged")}); r.status != http.StatusUnauthorized {
			t.Fatalf("%d %s", r.status, r.body)
		}
		if r := e.do(call{method: "POST", path: "/api/v1/registration", body: map[string]any{"professionCode": "92", "department": "75", "email": "a@b.fr",
			"noRpps": true, "diploma": map[string]string{"title": "t", "institution": "i", "date": "2020-01-01"}}}); r.status != http.StatusUnauthorized {
			t.Fatalf("%d %s", r.status, r.body)
		}
	})
	t.Run("a server session does not open the form", func(t *testing.T) {
		token := e.signIn(e.a.RPPS)
		if r := e.do(call{method: "GET", path: "/api/v1/registration", token: token}); r.status != http.StatusUnauthorized {
			t.Fatalf("%d %s", r.status, r.body)
		}
	})
}

// TestPrimoNotConfigured: without FranceConnect the door says so.
func TestPrimoNotConfigured(t *testing.T) {
	e := newEnv(t)
	r := e.do(call{method: "GET", path: "/api/v1/franceconnect/login"})
	if r.status != http.StatusFound || !strings.HasSuffix(r.header.Get("Location"), "erreur=indisponible") {
		t.Fatalf("login: %d to %q", r.status, r.header.Get("Location"))
	}
	if r := e.do(call{method: "GET", path: "/api/v1/registration"}); r.status != http.StatusServiceUnavailable {
		t.Fatalf("status: %d", r.status)
	}
	if r := e.do(call{method: "GET", path: "/api/v1/registrations", token: e.signIn(loginAgentA)}); r.status != http.StatusServiceUnavailable {
		t.Fatalf("list: %d", r.status)
	}
}
