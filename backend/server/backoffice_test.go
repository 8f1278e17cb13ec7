package server

import (
	"net/http"
	"testing"
	"time"

	"erpps/backend/backoffice"
	"erpps/backend/erpps"
	"erpps/backend/requests"
)

// An agent of the region takes and accepts a contact request: the record
// changes; a decision on a stale revision is a conflict; another region's
// agent gets not_found.
func TestAgentTakesAndAccepts(t *testing.T) { eachStore(t, testAgentTakesAndAccepts) }

func testAgentTakesAndAccepts(t *testing.T, e *env) {
	sent := e.transmitted(e.signIn(e.a.RPPS))
	id := sent.Request.ID
	agent := e.signIn(loginAgentA)

	r := e.do(call{method: "GET", path: "/api/v1/queue?status=transmitted&kind=contact&page=1&pageSize=10", token: agent})
	var page erpps.QueuePage
	r.json(t, &page)
	if r.status != http.StatusOK || page.Total != 1 || len(page.Items) != 1 || page.Items[0].ID != id {
		t.Fatalf("queue: %d %s", r.status, r.body)
	}
	r = e.do(call{method: "GET", path: "/api/v1/queue", token: e.signIn(loginAgentB)})
	r.json(t, &page)
	if r.status != http.StatusOK || page.Total != 0 {
		t.Fatalf("queue of another region: %d %s", r.status, r.body)
	}

	r = e.do(call{method: "GET", path: "/api/v1/cases/" + id, token: agent})
	var cs backoffice.Case
	r.json(t, &cs)
	if r.status != http.StatusOK || cs.Record == nil || cs.Record.RPPS != e.a.RPPS || len(cs.Changes) == 0 {
		t.Fatalf("case: %d %s", r.status, r.body)
	}
	decide := func(token string, in map[string]any) reply {
		return e.do(call{method: "POST", path: "/api/v1/requests/" + id + "/decisions", token: token, body: in})
	}
	if r := decide(e.signIn(loginAgentB), map[string]any{"action": "take", "baseRevision": cs.Request.Revision}); r.status != http.StatusNotFound {
		t.Fatalf("another region's agent decides: %d %s", r.status, r.body)
	}
	if r := decide(agent, map[string]any{"action": "take", "baseRevision": cs.Request.Revision - 1}); r.status != http.StatusConflict {
		t.Fatalf("take on a stale revision: %d %s", r.status, r.body)
	}
	if r := decide(agent, map[string]any{"action": "take", "baseRevision": cs.Request.Revision, "comment": "x"}); r.status != http.StatusBadRequest {
		t.Fatalf("decision with an unknown field: %d %s", r.status, r.body)
	}
	r = decide(agent, map[string]any{"action": "take", "baseRevision": cs.Request.Revision})
	r.json(t, &cs)
	if r.status != http.StatusOK || cs.Request.Status != erpps.StatusUnderReview {
		t.Fatalf("take: %d %s", r.status, r.body)
	}
	if r := decide(agent, map[string]any{"action": "refuse", "baseRevision": cs.Request.Revision}); r.status != http.StatusBadRequest {
		t.Fatalf("refuse without a reason: %d %s", r.status, r.body)
	}
	r = decide(agent, map[string]any{"action": "accept", "baseRevision": cs.Request.Revision})
	r.json(t, &cs)
	if r.status != http.StatusOK || cs.Request.Status != erpps.StatusAccepted || len(cs.Decisions) != 2 {
		t.Fatalf("accept: %d %s", r.status, r.body)
	}
	p, err := e.store.FindPractitionerByRPPS(t.Context(), e.a.RPPS)
	if err != nil || p.Contact.Email != "nouvelle.adresse@example.org" {
		t.Fatalf("the record after acceptance: %+v, %v", p.Contact, err)
	}
	// The practitioner sees the decision in the request's history.
	r = e.do(call{method: "GET", path: "/api/v1/requests/" + id, token: e.signIn(e.a.RPPS)})
	var v requests.View
	r.json(t, &v)
	if v.Request.Status != erpps.StatusAccepted {
		t.Fatalf("the practitioner's view: %s", v.Request.Status)
	}
}

func TestAgentAsksForAComplement(t *testing.T) {
	e := newEnv(t)
	sent := e.transmitted(e.signIn(e.a.RPPS))
	agent := e.signIn(loginAgentA)
	path := "/api/v1/requests/" + sent.Request.ID + "/decisions"
	r := e.do(call{method: "POST", path: path, token: agent, body: map[string]any{"action": "take", "baseRevision": sent.Request.Revision}})
	var cs backoffice.Case
	r.json(t, &cs)
	deadline := time.Now().AddDate(0, 0, 20).Format("2006-01-02")
	r = e.do(call{method: "POST", path: path, token: agent, body: map[string]any{"action": "complement", "baseRevision": cs.Request.Revision,
		"reason": "Merci de joindre un justificatif de domicile.", "deadline": deadline}})
	r.json(t, &cs)
	if r.status != http.StatusOK || cs.Request.Status != erpps.StatusComplementRequested || cs.Request.Deadline != deadline {
		t.Fatalf("complement: %d %s", r.status, r.body)
	}
}

func TestQueueBadFilters(t *testing.T) {
	e := newEnv(t)
	agent := e.signIn(loginAgentA)
	for _, q := range []string{"?page=x", "?age=-1", "?department=2A&status=nope", "?sort=name", "?pageSize=1000"} {
		r := e.do(call{method: "GET", path: "/api/v1/queue" + q, token: agent})
		if r.status != http.StatusBadRequest || r.errorCode(t) != erpps.EINVALID {
			t.Errorf("queue%s: %d %s", q, r.status, r.body)
		}
	}
	if r := e.do(call{method: "GET", path: "/api/v1/queue", token: e.signIn(e.a.RPPS)}); r.status != http.StatusForbidden {
		t.Errorf("a practitioner's queue: %d %s", r.status, r.body)
	}
}
