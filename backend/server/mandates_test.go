package server

import (
	"encoding/json"
	"net/http"
	"testing"
	"time"

	"erpps/backend/erpps"
	"erpps/backend/requests"
)

// grant gives the secretary account secretaryID a mandate from token's
// practitioner for kinds.
func (e *env) grant(token, secretaryID string, kinds ...erpps.RequestKind) *erpps.Mandate {
	t := e.t
	t.Helper()
	r := e.do(call{method: "POST", path: "/api/v1/mandates", token: token,
		body: map[string]any{"secretaryId": secretaryID, "kinds": kinds, "expiresAt": time.Now().Add(90 * 24 * time.Hour).UTC()}})
	if r.status != http.StatusCreated {
		t.Fatalf("grant: %d %s", r.status, r.body)
	}
	var m erpps.Mandate
	r.json(t, &m)
	return &m
}

// A secretary prepares under a mandate; the transmission needs the
// practitioner's approval of that exact version, used once.
func TestSecretaryTransmitsWithApproval(t *testing.T) {
	eachStore(t, testSecretaryTransmitsWithApproval)
}

func testSecretaryTransmitsWithApproval(t *testing.T, e *env) {
	tokenA, sec := e.signIn(e.a.RPPS), e.signIn(loginSecM)
	// No mandate yet: nothing of A's.
	if r := e.do(call{method: "GET", path: "/api/v1/practitioners/" + e.a.RPPS, token: sec}); r.status != http.StatusNotFound {
		t.Fatalf("secretary without a mandate reads A's record: %d", r.status)
	}
	e.grant(tokenA, "sec:m", erpps.KindContact)
	if r := e.do(call{method: "GET", path: "/api/v1/practitioners/" + e.a.RPPS, token: sec}); r.status != http.StatusOK {
		t.Fatalf("secretary with a mandate reads A's record: %d %s", r.status, r.body)
	}
	// A kind the mandate does not cover.
	r := e.do(call{method: "POST", path: "/api/v1/requests", token: sec, body: map[string]any{"rpps": e.a.RPPS, "kind": erpps.KindExerciseName}})
	if r.status != http.StatusNotFound && r.status != http.StatusForbidden {
		t.Fatalf("secretary starts a kind out of the mandate: %d %s", r.status, r.body)
	}
	v := e.startContact(sec, e.a.RPPS)
	id := v.Request.ID
	r = e.do(call{method: "POST", path: "/api/v1/requests/" + id + "/transmit", token: sec})
	if r.status != http.StatusForbidden {
		t.Fatalf("secretary transmits without approval: %d %s", r.status, r.body)
	}
	// Only the practitioner approves.
	r = e.do(call{method: "POST", path: "/api/v1/requests/" + id + "/approvals", token: sec, body: map[string]any{"revision": v.Request.Revision}})
	if r.status != http.StatusForbidden {
		t.Fatalf("secretary approves: %d %s", r.status, r.body)
	}
	r = e.do(call{method: "POST", path: "/api/v1/requests/" + id + "/approvals", token: tokenA, body: map[string]any{"revision": v.Request.Revision}})
	if r.status != http.StatusCreated {
		t.Fatalf("approve: %d %s", r.status, r.body)
	}
	var a erpps.Approval
	r.json(t, &a)
	// A change after the approval voids it.
	var p map[string]any
	if err := json.Unmarshal(v.Request.Payload, &p); err != nil {
		t.Fatal(err)
	}
	p["email"] = "autre.adresse@example.org"
	r = e.do(call{method: "PUT", path: "/api/v1/requests/" + id + "/draft", token: sec, body: map[string]any{"baseRevision": v.Request.Revision, "payload": p}})
	if r.status != http.StatusOK {
		t.Fatalf("save after approval: %d %s", r.status, r.body)
	}
	var changed requests.View
	r.json(t, &changed)
	r = e.do(call{method: "POST", path: "/api/v1/requests/" + id + "/transmit", token: sec, body: map[string]any{"approvalId": a.ID}})
	if r.status != http.StatusForbidden && r.status != http.StatusConflict {
		t.Fatalf("transmit a version other than the approved one: %d %s", r.status, r.body)
	}
	r = e.do(call{method: "POST", path: "/api/v1/requests/" + id + "/approvals", token: tokenA, body: map[string]any{"revision": changed.Request.Revision}})
	if r.status != http.StatusCreated {
		t.Fatalf("approve again: %d %s", r.status, r.body)
	}
	r.json(t, &a)
	r = e.do(call{method: "POST", path: "/api/v1/requests/" + id + "/transmit", token: sec, body: map[string]any{"approvalId": a.ID}})
	if r.status != http.StatusOK {
		t.Fatalf("transmit with the approval: %d %s", r.status, r.body)
	}
	var sent requests.View
	r.json(t, &sent)
	if sent.Request.Status != erpps.StatusTransmitted || sent.Request.UpdatedBy.Role != erpps.RoleSecretary {
		t.Fatalf("transmitted by %+v, status %s", sent.Request.UpdatedBy, sent.Request.Status)
	}
}

func TestMandatesListAndRevoke(t *testing.T) {
	e := newEnv(t)
	tokenA, sec := e.signIn(e.a.RPPS), e.signIn(loginSecM)
	m := e.grant(tokenA, "sec:m", erpps.KindContact, erpps.KindExerciseName)
	for _, tok := range []string{tokenA, sec} {
		r := e.do(call{method: "GET", path: "/api/v1/mandates", token: tok})
		var list itemsReply[erpps.Mandate]
		r.json(t, &list)
		if r.status != http.StatusOK || len(list.Items) != 1 || list.Items[0].ID != m.ID {
			t.Fatalf("mandates: %d %s", r.status, r.body)
		}
	}
	if r := e.do(call{method: "DELETE", path: "/api/v1/mandates/" + m.ID, token: e.signIn(e.b.RPPS)}); r.status != http.StatusNotFound {
		t.Fatalf("B revokes A's mandate: %d %s", r.status, r.body)
	}
	if r := e.do(call{method: "DELETE", path: "/api/v1/mandates/" + m.ID, token: sec}); r.status != http.StatusNoContent {
		t.Fatalf("the secretary revokes: %d %s", r.status, r.body)
	}
	if r := e.do(call{method: "DELETE", path: "/api/v1/mandates/" + m.ID, token: tokenA}); r.status != http.StatusConflict {
		t.Fatalf("revoke twice: %d %s", r.status, r.body)
	}
	if r := e.do(call{method: "GET", path: "/api/v1/practitioners/" + e.a.RPPS, token: sec}); r.status != http.StatusNotFound {
		t.Fatalf("the secretary reads A's record after the revocation: %d", r.status)
	}
}
