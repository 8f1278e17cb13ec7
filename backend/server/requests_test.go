package server

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"erpps/backend/erpps"
	"erpps/backend/requests"
)

// startContact starts a contact request as token's practitioner for rpps
// and saves a new e-mail address; it returns the view after the save.
func (e *env) startContact(token, rpps string) *requests.View {
	t := e.t
	t.Helper()
	r := e.do(call{method: "POST", path: "/api/v1/requests", token: token, body: map[string]any{"rpps": rpps, "kind": erpps.KindContact}})
	if r.status != http.StatusCreated {
		t.Fatalf("start: %d %s", r.status, r.body)
	}
	var v requests.View
	r.json(t, &v)
	var p map[string]any
	if err := json.Unmarshal(v.Request.Payload, &p); err != nil {
		t.Fatal(err)
	}
	p["email"] = "nouvelle.adresse@example.org"
	r = e.do(call{method: "PUT", path: "/api/v1/requests/" + v.Request.ID + "/draft", token: token,
		body: map[string]any{"baseRevision": v.Request.Revision, "payload": p}})
	if r.status != http.StatusOK {
		t.Fatalf("save: %d %s", r.status, r.body)
	}
	var saved requests.View
	r.json(t, &saved)
	return &saved
}

// transmitted is a contact request of A transmitted to A's ARS.
func (e *env) transmitted(token string) *requests.View {
	t := e.t
	t.Helper()
	v := e.startContact(token, e.a.RPPS)
	r := e.do(call{method: "POST", path: "/api/v1/requests/" + v.Request.ID + "/transmit", token: token})
	if r.status != http.StatusOK {
		t.Fatalf("transmit: %d %s", r.status, r.body)
	}
	var sent requests.View
	r.json(t, &sent)
	return &sent
}

func TestPractitionerRequestLife(t *testing.T) { eachStore(t, testPractitionerRequestLife) }

func testPractitionerRequestLife(t *testing.T, e *env) {
	token := e.signIn(e.a.RPPS)
	r := e.do(call{method: "GET", path: "/api/v1/practitioners/" + e.a.RPPS, token: token})
	if r.status != http.StatusOK {
		t.Fatalf("own record: %d %s", r.status, r.body)
	}
	var rec requests.PractitionerView
	r.json(t, &rec)
	if rec.RPPS != e.a.RPPS {
		t.Fatalf("record of %s, want %s", rec.RPPS, e.a.RPPS)
	}

	v := e.startContact(token, e.a.RPPS)
	if v.Request.Revision < 2 || !v.Validation.Complete {
		t.Fatalf("saved draft: revision %d, validation %+v", v.Request.Revision, v.Validation)
	}
	// Starting again resumes the same draft.
	r = e.do(call{method: "POST", path: "/api/v1/requests", token: token, body: map[string]any{"rpps": e.a.RPPS, "kind": erpps.KindContact}})
	var again requests.View
	r.json(t, &again)
	if r.status != http.StatusOK || again.Request.ID != v.Request.ID || !again.Resumed {
		t.Fatalf("start again: %d, id %s resumed %v", r.status, again.Request.ID, again.Resumed)
	}
	// A save on a stale revision is a conflict and keeps the newer content.
	r = e.do(call{method: "PUT", path: "/api/v1/requests/" + v.Request.ID + "/draft", token: token,
		body: map[string]any{"baseRevision": v.Request.Revision - 1, "payload": map[string]any{"email": "x@example.org"}}})
	if r.status != http.StatusConflict || r.errorCode(t) != erpps.ECONFLICT {
		t.Fatalf("stale save: %d %s", r.status, r.body)
	}
	// A payload with an unknown field is refused, nothing written.
	r = e.do(call{method: "PUT", path: "/api/v1/requests/" + v.Request.ID + "/draft", token: token,
		body: map[string]any{"baseRevision": v.Request.Revision, "payload": map[string]any{"email": "x@example.org", "admin": true}}})
	if r.status != http.StatusBadRequest {
		t.Fatalf("unknown payload field: %d %s", r.status, r.body)
	}
	stored, err := e.store.FindRequestByID(t.Context(), v.Request.ID)
	if err != nil || stored.Revision != v.Request.Revision {
		t.Fatalf("after refused saves the request is at revision %d (%v), want %d", stored.Revision, err, v.Request.Revision)
	}

	r = e.do(call{method: "POST", path: "/api/v1/requests/" + v.Request.ID + "/transmit", token: token, body: map[string]any{}})
	if r.status != http.StatusOK {
		t.Fatalf("transmit: %d %s", r.status, r.body)
	}
	var sent requests.View
	r.json(t, &sent)
	if sent.Request.Status != erpps.StatusTransmitted || sent.Request.Department == "" {
		t.Fatalf("transmitted: %+v", sent.Request)
	}
	r = e.do(call{method: "GET", path: "/api/v1/practitioners/" + e.a.RPPS + "/requests", token: token})
	var items itemsReply[requests.Item]
	r.json(t, &items)
	if r.status != http.StatusOK || len(items.Items) != 1 || items.Items[0].ID != v.Request.ID {
		t.Fatalf("own requests: %d %s", r.status, r.body)
	}
	// The agent of the region reads it; the agent of another region does not.
	r = e.do(call{method: "GET", path: "/api/v1/cases/" + v.Request.ID, token: e.signIn(loginAgentA)})
	if r.status != http.StatusOK {
		t.Fatalf("agent of the region reads the case: %d %s", r.status, r.body)
	}
	r = e.do(call{method: "GET", path: "/api/v1/cases/" + v.Request.ID, token: e.signIn(loginAgentB)})
	if r.status != http.StatusNotFound {
		t.Fatalf("agent of another region reads the case: %d %s", r.status, r.body)
	}
	r = e.do(call{method: "POST", path: "/api/v1/requests/" + v.Request.ID + "/withdraw", token: token, body: map[string]any{"comment": "Erreur de saisie"}})
	var withdrawn requests.View
	r.json(t, &withdrawn)
	if r.status != http.StatusOK || withdrawn.Request.Status != erpps.StatusWithdrawn {
		t.Fatalf("withdraw: %d %s", r.status, r.body)
	}
}

func TestDeleteDraft(t *testing.T) {
	e := newEnv(t)
	token := e.signIn(e.a.RPPS)
	v := e.startContact(token, e.a.RPPS)
	if r := e.do(call{method: "DELETE", path: "/api/v1/requests/" + v.Request.ID, token: token}); r.status != http.StatusNoContent {
		t.Fatalf("delete: %d %s", r.status, r.body)
	}
	if r := e.do(call{method: "GET", path: "/api/v1/requests/" + v.Request.ID, token: token}); r.status != http.StatusNotFound {
		t.Fatalf("GET a deleted draft: %d %s", r.status, r.body)
	}
}

func TestAgentMayNotPrepare(t *testing.T) {
	e := newEnv(t)
	r := e.do(call{method: "POST", path: "/api/v1/requests", token: e.signIn(loginAgentA), body: map[string]any{"rpps": e.a.RPPS, "kind": erpps.KindContact}})
	if r.status != http.StatusForbidden {
		t.Fatalf("an agent starts a request: %d %s", r.status, r.body)
	}
}

// Bad bodies on a write: 4xx with the error shape, nothing written.
func TestBadDraftBodiesWriteNothing(t *testing.T) {
	e := newEnv(t)
	token := e.signIn(e.a.RPPS)
	v := e.startContact(token, e.a.RPPS)
	path := "/api/v1/requests/" + v.Request.ID + "/draft"
	big := `{"baseRevision":` + fmt.Sprint(v.Request.Revision) + `,"payload":{"email":"` + strings.Repeat("a", DefaultMaxBodyBytes) + `"}}`
	for _, tc := range []struct {
		name, body string
		status     int
		code       string
	}{
		{"too large", big, 413, erpps.ETOOLARGE},
		{"revision as text", `{"baseRevision":"2","payload":{}}`, 400, erpps.EINVALID},
		{"payload as text", `{"baseRevision":2,"payload":"x"}`, 400, erpps.EINVALID},
		{"payload missing", `{"baseRevision":2}`, 400, erpps.EINVALID},
		{"unknown field", `{"baseRevision":2,"payload":{},"status":"accepted"}`, 400, erpps.EINVALID},
		{"payload field of the wrong type", fmt.Sprintf(`{"baseRevision":%d,"payload":{"email":42}}`, v.Request.Revision), 400, erpps.EINVALID},
		{"malformed", `{"baseRevision":`, 400, erpps.EINVALID},
	} {
		r := e.do(call{method: "PUT", path: path, token: token, body: tc.body})
		if r.status != tc.status || r.errorCode(t) != tc.code {
			t.Errorf("%s: %d %s", tc.name, r.status, r.body)
		}
	}
	stored, err := e.store.FindRequestByID(t.Context(), v.Request.ID)
	if err != nil || stored.Revision != v.Request.Revision || string(stored.Payload) != string(v.Request.Payload) {
		t.Fatalf("bad bodies wrote: revision %d (want %d), %v", stored.Revision, v.Request.Revision, err)
	}
}

// A browser's cookie does not carry a write sent by another site's page.
func TestCookieWriteFromAnotherSite(t *testing.T) {
	e := newEnv(t)
	r := e.do(call{method: "POST", path: "/api/v1/session", body: map[string]any{"login": e.a.RPPS, "password": password}})
	var cookie string
	for _, c := range (&http.Response{Header: r.header}).Cookies() {
		if c.Name == CookieName {
			cookie = c.Value
		}
	}
	body := map[string]any{"rpps": e.a.RPPS, "kind": erpps.KindContact}
	for _, h := range []map[string]string{{"Origin": "https://evil.example"}, {"Sec-Fetch-Site": "cross-site"}} {
		r := e.do(call{method: "POST", path: "/api/v1/requests", cookie: cookie, body: body, header: h})
		if r.status != http.StatusForbidden {
			t.Errorf("write with %v: %d %s", h, r.status, r.body)
		}
	}
	if list, _ := e.store.ListRequests(t.Context(), erpps.RequestFilter{RPPS: e.a.RPPS}); len(list) != 0 {
		t.Fatalf("a cross-site write started %d requests", len(list))
	}
	r = e.do(call{method: "POST", path: "/api/v1/requests", cookie: cookie, body: body, header: map[string]string{"Origin": "http://example.com", "Sec-Fetch-Site": "same-origin"}})
	if r.status != http.StatusCreated {
		t.Fatalf("same-origin write: %d %s", r.status, r.body)
	}
}
