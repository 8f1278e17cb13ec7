package server

import (
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"erpps/backend/erpps"
)

// A desktop's sync over HTTP: its device session, a push (replayed), a
// pull, a snapshot and a wait, every body checked against openapi.json.
func TestSyncRoutes(t *testing.T) { eachStore(t, testSyncRoutes) }

func testSyncRoutes(t *testing.T, e *env) {
	r := e.do(call{method: "POST", path: "/api/v1/session", body: map[string]any{"login": e.a.RPPS, "password": password, "device": true}})
	if r.status != http.StatusCreated {
		t.Fatalf("device sign-in: %d %s", r.status, r.body)
	}
	var s sessionReply
	r.json(t, &s)
	token := s.Token
	actor := erpps.Actor{Role: erpps.RoleProfessional, ID: e.a.RPPS, Name: s.Session.Account.Name}
	id := "5f0c2b7e-1111-4222-8333-444455556666"
	payload := fmt.Sprintf(`{"email":"hors.ligne@example.org","phone":%q,"address":{"street":%q,"postalCode":%q,"city":%q}}`,
		e.a.Contact.Phone, e.a.Contact.Address.Street, e.a.Contact.Address.PostalCode, e.a.Contact.Address.City)
	push := erpps.PushRequest{ClientID: "desk-1", Mutations: []erpps.Mutation{{
		ClientID: "desk-1", Seq: 1, ID: "desk-1-1", Kind: erpps.MutationSaveDraft, RequestID: id, Actor: actor,
		Principal: e.a.RPPS, RequestKind: erpps.KindContact, Payload: []byte(payload), CreatedAt: time.Now().AddDate(-1, 0, 0)}}}
	var first, again erpps.PushResponse
	r = e.do(call{method: "POST", path: "/api/v1/sync/push", token: token, body: push})
	if r.status != http.StatusOK {
		t.Fatalf("push: %d %s", r.status, r.body)
	}
	r.json(t, &first)
	if len(first.Results) != 1 || first.Results[0].Outcome != erpps.OutcomeApplied || first.Results[0].Request.ID != id {
		t.Fatalf("push answered %s", r.body)
	}
	r = e.do(call{method: "POST", path: "/api/v1/sync/push", token: token, body: push})
	r.json(t, &again)
	if r.status != http.StatusOK || again.Results[0].ChangeSeq != first.Results[0].ChangeSeq || again.Results[0].Version != first.Results[0].Version {
		t.Fatalf("replay: %d %s", r.status, r.body)
	}
	// A gap.
	gap := push
	gap.Mutations = []erpps.Mutation{push.Mutations[0]}
	gap.Mutations[0].Seq, gap.Mutations[0].ID = 5, "desk-1-5"
	var gapped erpps.PushResponse
	r = e.do(call{method: "POST", path: "/api/v1/sync/push", token: token, body: gap})
	r.json(t, &gapped)
	if r.status != http.StatusOK || gapped.Expected != 2 {
		t.Fatalf("a gap: %d %s", r.status, r.body)
	}

	var pull erpps.PullResponse
	r = e.do(call{method: "GET", path: "/api/v1/sync/pull?cursor=0&limit=1000", token: token})
	if r.status != http.StatusOK {
		t.Fatalf("pull: %d %s", r.status, r.body)
	}
	r.json(t, &pull)
	if !strings.Contains(string(r.body), id) || pull.Cursor < first.Results[0].ChangeSeq || strings.Contains(string(r.body), e.b.RPPS) {
		t.Fatalf("pull: %s", r.body)
	}
	r = e.do(call{method: "GET", path: "/api/v1/sync/snapshot", token: token})
	if r.status != http.StatusOK || !strings.Contains(string(r.body), id) {
		t.Fatalf("snapshot: %d %s", r.status, r.body)
	}
	var w waitReply
	r = e.do(call{method: "GET", path: "/api/v1/sync/wait?cursor=0", token: token})
	r.json(t, &w)
	if r.status != http.StatusOK || w.ChangeSeq < pull.Cursor {
		t.Fatalf("wait: %d %s", r.status, r.body)
	}

	for _, bad := range []string{"/api/v1/sync/pull?cursor=-1", "/api/v1/sync/pull?limit=1001", "/api/v1/sync/pull?cursor=x",
		"/api/v1/sync/pull?since=3", "/api/v1/sync/wait?cursor=abc"} {
		if r := e.do(call{method: "GET", path: bad, token: token}); r.status != http.StatusBadRequest || r.errorCode(t) != erpps.EINVALID {
			t.Errorf("GET %s: %d %s", bad, r.status, r.body)
		}
	}
	// Agents do not sync.
	agent := e.signIn(loginAgentA)
	for _, c := range []call{
		{method: "POST", path: "/api/v1/sync/push", body: erpps.PushRequest{ClientID: "agent-desk", Mutations: []erpps.Mutation{}}},
		{method: "GET", path: "/api/v1/sync/pull"},
		{method: "GET", path: "/api/v1/sync/snapshot"},
		{method: "GET", path: "/api/v1/sync/wait?cursor=0"},
	} {
		c.token = agent
		if r := e.do(c); r.status != http.StatusForbidden {
			t.Errorf("an agent's %s %s: %d %s", c.method, c.path, r.status, r.body)
		}
	}
}
