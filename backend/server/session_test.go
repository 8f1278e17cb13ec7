package server

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"erpps/backend/auth"
	"erpps/backend/erpps"
)

func TestSignInBearerAndCookie(t *testing.T) {
	e := newEnv(t)
	// A browser: the cookie, no token in the reply.
	r := e.do(call{method: "POST", path: "/api/v1/session", body: map[string]any{"login": loginAgentA, "password": password}})
	if r.status != http.StatusCreated {
		t.Fatalf("sign in: %d %s", r.status, r.body)
	}
	var s sessionReply
	r.json(t, &s)
	if s.Token != "" {
		t.Fatal("a browser's sign-in replied the token: it must stay in the HttpOnly cookie")
	}
	if s.Session.Account.Login != loginAgentA || s.Session.Account.Region != e.regionA {
		t.Fatalf("session = %+v", s.Session)
	}
	var cookie *http.Cookie
	for _, c := range (&http.Response{Header: r.header}).Cookies() {
		if c.Name == CookieName {
			cookie = c
		}
	}
	if cookie == nil || !cookie.HttpOnly || cookie.SameSite != http.SameSiteStrictMode || cookie.Path != "/" || cookie.Value == "" {
		t.Fatalf("session cookie = %+v", cookie)
	}
	r = e.do(call{method: "GET", path: "/api/v1/session", cookie: cookie.Value})
	if r.status != http.StatusOK || !strings.Contains(string(r.body), loginAgentA) {
		t.Fatalf("GET session with the cookie: %d %s", r.status, r.body)
	}
	if strings.Contains(string(r.body), cookie.Value) {
		t.Fatal("GET session replied the token")
	}
	// A desktop: the bearer token.
	token := e.signIn(e.a.RPPS)
	r = e.do(call{method: "GET", path: "/api/v1/session", token: token})
	if r.status != http.StatusOK {
		t.Fatalf("GET session with the bearer token: %d %s", r.status, r.body)
	}
	// Signing out revokes the session.
	r = e.do(call{method: "DELETE", path: "/api/v1/session", token: token})
	if r.status != http.StatusNoContent {
		t.Fatalf("sign out: %d %s", r.status, r.body)
	}
	if r := e.do(call{method: "GET", path: "/api/v1/session", token: token}); r.status != http.StatusUnauthorized || r.errorCode(t) != erpps.EUNAUTHORIZED {
		t.Fatalf("GET session after sign out: %d %s", r.status, r.body)
	}
	if r := e.do(call{method: "GET", path: "/api/v1/session", cookie: cookie.Value}); r.status != http.StatusOK {
		t.Fatalf("signing out one session closed another: %d %s", r.status, r.body)
	}
}

func TestSignInRefused(t *testing.T) {
	e := newEnv(t)
	var messages []string
	for _, body := range []map[string]any{
		{"login": loginAgentA, "password": "mauvais"},
		{"login": "personne@ars.test", "password": password},
	} {
		r := e.do(call{method: "POST", path: "/api/v1/session", body: body})
		if r.status != http.StatusUnauthorized {
			t.Fatalf("sign in %v: %d %s", body["login"], r.status, r.body)
		}
		if len(r.header.Values("Set-Cookie")) != 0 {
			t.Fatal("a refused sign-in set a cookie")
		}
		messages = append(messages, string(r.body))
	}
	if messages[0] != messages[1] {
		t.Fatalf("a wrong password and an unknown login answer differently:\n%s\n%s", messages[0], messages[1])
	}
	for _, tok := range []string{"", "garbage", strings.Repeat("A", 43)} {
		r := e.do(call{method: "GET", path: "/api/v1/session", token: tok, header: map[string]string{"Authorization": "Bearer " + tok}})
		if r.status != http.StatusUnauthorized {
			t.Errorf("GET session with token %q: %d", tok, r.status)
		}
	}
}

// Bad bodies: a 4xx with the error shape, nothing written (no session).
func TestBadBodies(t *testing.T) {
	e := newEnv(t)
	big := `{"login":"` + strings.Repeat("x", DefaultMaxBodyBytes) + `","password":"x"}`
	for _, tc := range []struct {
		name, body, contentType string
		status                  int
		code, field             string
	}{
		{"malformed", `{"login":`, "", 400, erpps.EINVALID, ""},
		{"unknown field", `{"login":"a","password":"b","admin":true}`, "", 400, erpps.EINVALID, "admin"},
		{"wrong type", `{"login":42,"password":"b"}`, "", 400, erpps.EINVALID, "login"},
		{"two values", `{"login":"a","password":"b"}{}`, "", 400, erpps.EINVALID, ""},
		{"not JSON", `login=a&password=b`, "application/x-www-form-urlencoded", 400, erpps.EINVALID, ""},
		{"too large", big, "", 413, erpps.ETOOLARGE, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := e.do(call{method: "POST", path: "/api/v1/session", body: tc.body, contentType: tc.contentType})
			if r.status != tc.status {
				t.Fatalf("%d %s, want %d", r.status, r.body, tc.status)
			}
			var eb errorBody
			r.json(t, &eb)
			if eb.Code != tc.code || eb.Message == "" {
				t.Fatalf("error %+v, want code %s", eb, tc.code)
			}
			if tc.field != "" && (len(eb.Fields) != 1 || eb.Fields[0].Field != tc.field) {
				t.Fatalf("fields %+v, want %s", eb.Fields, tc.field)
			}
			if len(r.header.Values("Set-Cookie")) != 0 {
				t.Fatal("a refused body opened a session")
			}
		})
	}
}

func TestUnknownAPIPath(t *testing.T) {
	e := newEnv(t)
	for _, c := range []call{{method: "GET", path: "/api/v1/nothing"}, {method: "PATCH", path: "/api/v1/session"}} {
		r := e.do(c)
		if r.status != http.StatusNotFound || r.errorCode(t) != erpps.ENOTFOUND {
			t.Errorf("%s %s: %d %s", c.method, c.path, r.status, r.body)
		}
	}
}

func TestHealth(t *testing.T) { eachStore(t, testHealth) }

func testHealth(t *testing.T, e *env) {
	if r := e.do(call{method: "GET", path: "/healthz"}); r.status != http.StatusOK {
		t.Fatalf("healthz: %d %s", r.status, r.body)
	}
	if r := e.do(call{method: "GET", path: "/readyz"}); r.status != http.StatusOK {
		t.Fatalf("readyz: %d %s", r.status, r.body)
	}
	if r := e.do(call{method: "GET", path: "/api/v1/openapi.json"}); r.status != http.StatusOK || !strings.Contains(string(r.body), `"openapi": "3.1.0"`) {
		t.Fatalf("openapi.json: %d", r.status)
	}
	_ = e.store.Close()
	if r := e.do(call{method: "GET", path: "/readyz"}); r.status != http.StatusServiceUnavailable || r.errorCode(t) != erpps.EUNAVAILABLE {
		t.Fatalf("readyz on a closed store: %d %s", r.status, r.body)
	}
}

// A desktop signs in with "device": the token in the reply, no cookie, a
// session of 90 days that each use pushes back (sliding), on every store.
func TestDeviceSession(t *testing.T) { eachStore(t, testDeviceSession) }

func testDeviceSession(t *testing.T, e *env) {
	now := time.Now().UTC()
	sessions := &auth.Sessions{Store: e.store, Now: func() time.Time { return now }, TTL: time.Hour}
	e.srv.cfg.Sessions = sessions
	r := e.do(call{method: "POST", path: "/api/v1/session", body: map[string]any{"login": loginSecM, "password": password, "device": true}})
	if r.status != http.StatusCreated {
		t.Fatalf("device sign-in: %d %s", r.status, r.body)
	}
	if len(r.header.Values("Set-Cookie")) != 0 {
		t.Error("a device's sign-in set a cookie")
	}
	var s sessionReply
	r.json(t, &s)
	if s.Token == "" || !s.Session.Device || !s.Session.ExpiresAt.After(now.Add(89*24*time.Hour)) {
		t.Fatalf("device session %+v (token given: %v)", s.Session, s.Token != "")
	}
	// Offline for 60 days, twice: still signed in, the expiry pushed back.
	for range 2 {
		now = now.Add(60 * 24 * time.Hour)
		r = e.do(call{method: "GET", path: "/api/v1/session", token: s.Token})
		if r.status != http.StatusOK {
			t.Fatalf("a device back after 60 days: %d %s", r.status, r.body)
		}
		var back sessionReply
		r.json(t, &back)
		if !back.Session.Device || back.Session.ExpiresAt.Before(now.Add(89*24*time.Hour)) {
			t.Fatalf("after a use, session %+v", back.Session)
		}
	}
	// A browser's session of the same account does not slide.
	browser := e.signIn(loginSecM)
	now = now.Add(2 * time.Hour)
	if r := e.do(call{method: "GET", path: "/api/v1/session", token: browser}); r.status != http.StatusUnauthorized {
		t.Fatalf("a browser's session after its TTL: %d", r.status)
	}
	// Left 91 days, the device's session is gone.
	now = now.Add(91 * 24 * time.Hour)
	if r := e.do(call{method: "GET", path: "/api/v1/session", token: s.Token}); r.status != http.StatusUnauthorized {
		t.Fatalf("a device session left 91 days: %d %s", r.status, r.body)
	}
}
