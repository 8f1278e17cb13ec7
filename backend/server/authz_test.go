package server

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"erpps/backend/erpps"
	"erpps/backend/primo"
)

// role is someone calling the API in the authorization matrix.
type role struct {
	name  string
	login string // "" for anonymous
}

// matrixIDs are practitioner A's ids that every role tries.
type matrixIDs struct {
	rpps, draft, sent, mandate  string
	ecpsApproval                string // A's phone asked to approve A's draft
	registration                string // a primo-registration in A's region
	draftRevision, sentRevision int64
}

// matrixCall builds, for a route, a call on A's data with a valid body.
type matrixCall func(ids matrixIDs) call

// matrixCalls has one entry per signed-in route: a route added without an
// entry here fails TestAuthorizationMatrix.
var matrixCalls = map[string]matrixCall{
	"GET /api/v1/session": func(matrixIDs) call { return call{method: "GET", path: "/api/v1/session"} },
	"GET /api/v1/practitioners/{rpps}": func(i matrixIDs) call {
		return call{method: "GET", path: "/api/v1/practitioners/" + i.rpps}
	},
	"GET /api/v1/practitioners/{rpps}/requests": func(i matrixIDs) call {
		return call{method: "GET", path: "/api/v1/practitioners/" + i.rpps + "/requests"}
	},
	"GET /api/v1/practitioners/{rpps}/attestation": func(i matrixIDs) call {
		return call{method: "GET", path: "/api/v1/practitioners/" + i.rpps + "/attestation"}
	},
	"POST /api/v1/requests": func(i matrixIDs) call {
		return call{method: "POST", path: "/api/v1/requests", body: map[string]any{"rpps": i.rpps, "kind": erpps.KindExerciseName}}
	},
	"GET /api/v1/requests/{id}": func(i matrixIDs) call { return call{method: "GET", path: "/api/v1/requests/" + i.sent} },
	"PUT /api/v1/requests/{id}/draft": func(i matrixIDs) call {
		return call{method: "PUT", path: "/api/v1/requests/" + i.draft + "/draft", body: map[string]any{"baseRevision": 2, "payload": map[string]any{"email": "pirate@example.org"}}}
	},
	"DELETE /api/v1/requests/{id}":        func(i matrixIDs) call { return call{method: "DELETE", path: "/api/v1/requests/" + i.draft} },
	"POST /api/v1/requests/{id}/transmit": func(i matrixIDs) call { return call{method: "POST", path: "/api/v1/requests/" + i.draft + "/transmit"} },
	"POST /api/v1/requests/{id}/withdraw": func(i matrixIDs) call { return call{method: "POST", path: "/api/v1/requests/" + i.sent + "/withdraw"} },
	"POST /api/v1/requests/{id}/approvals": func(i matrixIDs) call {
		return call{method: "POST", path: "/api/v1/requests/" + i.draft + "/approvals", body: map[string]any{"revision": i.draftRevision}}
	},
	"GET /api/v1/queue":      func(matrixIDs) call { return call{method: "GET", path: "/api/v1/queue"} },
	"GET /api/v1/cases/{id}": func(i matrixIDs) call { return call{method: "GET", path: "/api/v1/cases/" + i.sent} },
	"POST /api/v1/requests/{id}/decisions": func(i matrixIDs) call {
		return call{method: "POST", path: "/api/v1/requests/" + i.sent + "/decisions", body: map[string]any{"action": erpps.DecisionTake, "baseRevision": i.sentRevision}}
	},
	"POST /api/v1/mandates": func(matrixIDs) call {
		return call{method: "POST", path: "/api/v1/mandates", body: map[string]any{"secretaryId": "sec:n", "kinds": []erpps.RequestKind{erpps.KindContact}, "expiresAt": time.Now().Add(30 * 24 * time.Hour)}}
	},
	"GET /api/v1/mandates": func(matrixIDs) call { return call{method: "GET", path: "/api/v1/mandates"} },
	"POST /api/v1/sync/push": func(i matrixIDs) call {
		return call{method: "POST", path: "/api/v1/sync/push", body: erpps.PushRequest{ClientID: "matrix-client", Mutations: []erpps.Mutation{{
			ClientID: "matrix-client", Seq: 1, ID: "m-1", Kind: erpps.MutationSaveDraft, RequestID: i.draft, BaseVersion: i.draftRevision,
			Actor: erpps.Actor{Role: erpps.RoleProfessional, ID: i.rpps}, Principal: i.rpps, RequestKind: erpps.KindContact,
			Payload: []byte(`{"email":"pirate@example.org"}`), CreatedAt: time.Now()}}}}
	},
	"GET /api/v1/sync/pull":        func(matrixIDs) call { return call{method: "GET", path: "/api/v1/sync/pull?cursor=0"} },
	"GET /api/v1/sync/snapshot":    func(matrixIDs) call { return call{method: "GET", path: "/api/v1/sync/snapshot"} },
	"GET /api/v1/sync/wait":        func(matrixIDs) call { return call{method: "GET", path: "/api/v1/sync/wait?cursor=0"} },
	"DELETE /api/v1/mandates/{id}": func(i matrixIDs) call { return call{method: "DELETE", path: "/api/v1/mandates/" + i.mandate} },
	"POST /api/v1/ecps/approvals": func(i matrixIDs) call {
		return call{method: "POST", path: "/api/v1/ecps/approvals", body: map[string]any{"requestId": i.draft, "revision": i.draftRevision}}
	},
	"GET /api/v1/ecps/approvals/{id}": func(i matrixIDs) call {
		return call{method: "GET", path: "/api/v1/ecps/approvals/" + i.ecpsApproval}
	},
	"GET /api/v1/registrations": func(matrixIDs) call { return call{method: "GET", path: "/api/v1/registrations"} },
	"GET /api/v1/registrations/{id}": func(i matrixIDs) call {
		return call{method: "GET", path: "/api/v1/registrations/" + i.registration}
	},
	"POST /api/v1/registrations/{id}/decisions": func(i matrixIDs) call {
		return call{method: "POST", path: "/api/v1/registrations/" + i.registration + "/decisions", body: map[string]any{"action": "accept"}}
	},
}

// ownLists are the routes where anyone signed in gets a 2xx about
// themselves (their session, their queue, their mandates): they still must
// not hold a byte of A's.
var ownLists = map[string]bool{
	"GET /api/v1/session":   true,
	"GET /api/v1/queue":     true,
	"GET /api/v1/mandates":  true,
	"POST /api/v1/mandates": true,
	// A desktop's sync answers about the caller's own records (none of A's
	// for those without A's mandate); a push on A's request is answered
	// with a rejected result that holds nothing of A's (backend/syncserver).
	"POST /api/v1/sync/push":    true,
	"GET /api/v1/sync/pull":     true,
	"GET /api/v1/sync/snapshot": true,
	"GET /api/v1/sync/wait":     true,
	// An agent's list of the primo-registrations of their region.
	"GET /api/v1/registrations": true,
}

// mayReach says which roles may reach A's data through a route: A; the
// agent of A's region to read A's record and examine and decide A's
// transmitted requests; the secretary holding A's mandate (contact
// requests) to read A's record and prepare and withdraw contact requests,
// and to revoke the mandate.
//
// Only the agent of A's region reaches the primo-registration of A's region
// (practitioner A included: it is not theirs).
func mayReach(roleName, route string) bool {
	switch roleName {
	case "practitioner A":
		return !strings.Contains(route, " /api/v1/registrations")
	case "agent of A's region":
		switch route {
		case "GET /api/v1/registrations", "GET /api/v1/registrations/{id}", "POST /api/v1/registrations/{id}/decisions",
			"GET /api/v1/practitioners/{rpps}", "GET /api/v1/practitioners/{rpps}/requests", "GET /api/v1/practitioners/{rpps}/attestation",
			"GET /api/v1/cases/{id}", "POST /api/v1/requests/{id}/decisions", "GET /api/v1/queue":
			return true
		}
	case "secretary with a mandate":
		switch route {
		case "GET /api/v1/practitioners/{rpps}", "GET /api/v1/practitioners/{rpps}/requests", "GET /api/v1/practitioners/{rpps}/attestation",
			"GET /api/v1/requests/{id}", "PUT /api/v1/requests/{id}/draft", "DELETE /api/v1/requests/{id}",
			"POST /api/v1/requests/{id}/withdraw", "DELETE /api/v1/mandates/{id}", "GET /api/v1/mandates",
			"POST /api/v1/ecps/approvals",
			"GET /api/v1/sync/pull", "GET /api/v1/sync/snapshot", "GET /api/v1/sync/wait":
			return true
		}
	}
	return false
}

// TestAuthorizationMatrix: every role against every signed-in route with
// practitioner A's ids. Those who may not reach A's data get a 4xx with the
// error shape and never a byte of it, and nothing of A's is written.
func TestAuthorizationMatrix(t *testing.T) { eachStore(t, testAuthorizationMatrix) }

func testAuthorizationMatrix(t *testing.T, e *env) {
	tokenA := e.signIn(e.a.RPPS)
	sent := e.transmitted(tokenA)
	draft := e.startContact(tokenA, e.a.RPPS)
	mandate := e.grant(tokenA, "sec:m", erpps.KindContact)
	reg := &erpps.Registration{Identity: erpps.Identity{Subject: "fc-matrix", GivenName: "Prisca", FamilyName: "INSCRITE-MATRICE",
		BirthDate: "1990-01-01", Gender: "female"}, ProfessionCode: "92", Department: e.departmentOf(e.regionA), Email: "prisca.matrice@example.org",
		Diploma: erpps.Diploma{Title: "Certificat de capacité d'orthoptiste", Institution: "Université", Date: "2015-06-30"}}
	if err := e.store.CreateRegistration(context.Background(), reg); err != nil {
		t.Fatal(err)
	}
	e.srv.cfg.Primo = &primo.Service{Store: e.store, Catalog: e.cat, Now: time.Now}
	ids := matrixIDs{rpps: e.a.RPPS, draft: draft.Request.ID, sent: sent.Request.ID, mandate: mandate.ID, registration: reg.ID,
		draftRevision: draft.Request.Revision, sentRevision: sent.Request.Revision}
	asked := e.do(call{method: "POST", path: "/api/v1/ecps/approvals", token: tokenA,
		body: map[string]any{"requestId": ids.draft, "revision": ids.draftRevision}})
	if asked.status != http.StatusCreated {
		t.Fatalf("A asks for an e-CPS approval: %d %s", asked.status, asked.body)
	}
	var approval struct{ ID string }
	asked.json(t, &approval)
	ids.ecpsApproval = approval.ID
	secrets := []string{e.a.RPPS, e.a.BirthName, e.a.ExerciseName, e.a.Contact.Email, ids.draft, ids.sent, "nouvelle.adresse@example.org", ids.ecpsApproval,
		reg.ID, reg.Identity.FamilyName, reg.Email}
	before := e.snapshot(e.a.RPPS)

	roles := []role{
		{"anonymous", ""},
		{"practitioner B", e.b.RPPS},
		{"secretary with a mandate", loginSecM},
		{"secretary without a mandate", loginSecN},
		{"agent of A's region", loginAgentA},
		{"agent of another region", loginAgentB},
	}
	tokens := map[string]string{}
	for _, r := range roles {
		if r.login != "" {
			tokens[r.name] = e.signIn(r.login)
		}
	}
	tokens["practitioner A"] = tokenA
	covered := 0
	for _, rt := range e.srv.routes() {
		key := rt.method + " " + rt.path
		if rt.access == public {
			continue
		}
		build, ok := matrixCalls[key]
		if !ok {
			t.Errorf("route %s has no entry in the authorization matrix", key)
			continue
		}
		covered++
		for _, r := range roles {
			if mayReach(r.name, key) {
				continue
			}
			c := build(ids)
			c.token = tokens[r.name]
			got := e.do(c)
			ok := got.status >= 400 && got.status < 500 || ownLists[key] && r.login != "" && got.status < 300
			if !ok {
				t.Errorf("%s → %s: %d %s", r.name, key, got.status, got.body)
				continue
			}
			if r.login == "" && got.status != http.StatusUnauthorized {
				t.Errorf("anonymous → %s: %d, want 401", key, got.status)
			}
			for _, s := range secrets {
				if s != "" && strings.Contains(string(got.body), s) {
					t.Errorf("%s → %s: the reply holds A's %q: %s", r.name, key, s, got.body)
				}
			}
		}
	}
	if covered == 0 {
		t.Fatal("no route covered")
	}
	if after := e.snapshot(e.a.RPPS); after != before {
		t.Fatalf("A's requests changed under others' calls:\nbefore %s\nafter  %s", before, after)
	}
	if got, err := e.store.FindRegistration(context.Background(), reg.ID); err != nil || got.Status != erpps.RegistrationSubmitted {
		t.Fatalf("the registration changed under others' calls: %+v, %v", got, err)
	}
	// Those who may reach A's data do, for reading.
	for _, rc := range []struct{ role, path string }{
		{"agent of A's region", "/api/v1/practitioners/" + ids.rpps},
		{"agent of A's region", "/api/v1/practitioners/" + ids.rpps + "/requests"},
		{"agent of A's region", "/api/v1/cases/" + ids.sent},
		{"agent of A's region", "/api/v1/registrations/" + ids.registration},
		{"secretary with a mandate", "/api/v1/practitioners/" + ids.rpps},
		{"secretary with a mandate", "/api/v1/requests/" + ids.draft},
		{"practitioner A", "/api/v1/requests/" + ids.draft},
	} {
		if r := e.do(call{method: "GET", path: rc.path, token: tokens[rc.role]}); r.status != http.StatusOK {
			t.Errorf("%s GET %s: %d %s", rc.role, rc.path, r.status, r.body)
		}
	}
	// The agent's list of A's requests leaves out A's draft.
	r := e.do(call{method: "GET", path: "/api/v1/practitioners/" + ids.rpps + "/requests", token: tokens["agent of A's region"]})
	if strings.Contains(string(r.body), ids.draft) {
		t.Errorf("the agent sees A's draft: %s", r.body)
	}

}

// snapshot is the state of rpps's requests, to compare.
func (e *env) snapshot(rpps string) string {
	e.t.Helper()
	list, err := e.store.ListRequests(context.Background(), erpps.RequestFilter{RPPS: rpps})
	if err != nil {
		e.t.Fatal(err)
	}
	var b strings.Builder
	for _, r := range list {
		b.WriteString(r.ID + ":" + string(r.Status) + ":" + string(r.Payload) + ":" + r.UpdatedAt.String() + ";")
	}
	return b.String()
}
