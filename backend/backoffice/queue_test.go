package backoffice_test

import (
	"context"
	"encoding/json"
	"fmt"
	"testing"
	"time"

	"erpps/backend/backoffice"
	"erpps/backend/erpps"
)

// receive stores a request transmitted days ago in a département, as a
// desktop's sync would.
func (e *env) receive(t testing.TB, id, rpps, dept string, kind erpps.RequestKind, status erpps.RequestStatus, daysAgo int) {
	t.Helper()
	at := start.AddDate(0, 0, -daysAgo).Add(-time.Hour) // clear of the day boundaries
	payload, _ := json.Marshal(contactWith("x@example.org"))
	r := &erpps.Request{ID: id, RPPS: rpps, Kind: kind, Status: status, Department: dept, Payload: payload, Revision: 2,
		CreatedAt: at.Add(-time.Hour), UpdatedAt: at, TransmittedAt: &at, UpdatedBy: me,
		History: []erpps.RequestEvent{{From: erpps.StatusDraft, To: erpps.StatusTransmitted, At: at, Actor: me, Principal: rpps}}}
	if err := e.db.ReceiveRequest(context.Background(), r); err != nil {
		t.Fatal(err)
	}
}

// queueEnv holds requests in Paris (75), Essonne (91) and Hérault (34, Occitanie).
func queueEnv(t *testing.T) *env {
	t.Helper()
	e := newEnv(t)
	for i := range 25 {
		e.receive(t, fmt.Sprintf("p75-%02d", i), rpps, "75", erpps.KindContact, erpps.StatusTransmitted, 40-i)
	}
	e.receive(t, "p91-a", rpps, "91", erpps.KindExerciseName, erpps.StatusUnderReview, 10)
	e.receive(t, "p91-b", rpps, "91", erpps.KindExerciseName, erpps.StatusAccepted, 50)
	e.receive(t, "p34-a", rpps, "34", erpps.KindContact, erpps.StatusTransmitted, 60)
	return e
}

func TestQueue(t *testing.T) {
	ctx := context.Background()
	e := queueEnv(t)
	ids := func(p *erpps.QueuePage) []string {
		var out []string
		for _, it := range p.Items {
			out = append(out, it.ID)
		}
		return out
	}
	for _, tc := range []struct {
		name      string
		agent     *erpps.Account
		q         backoffice.QueueQuery
		total     int
		first     string
		pageItems int
	}{
		{"the region, first page", agentIDF, backoffice.QueueQuery{}, 26, "p75-00", 20},
		{"the region, second page", agentIDF, backoffice.QueueQuery{Page: 2}, 26, "p75-20", 6},
		{"small pages", agentIDF, backoffice.QueueQuery{Page: 3, PageSize: 5}, 26, "p75-10", 5},
		{"one département", agentIDF, backoffice.QueueQuery{Department: "91"}, 1, "p91-a", 1},
		{"by status", agentIDF, backoffice.QueueQuery{Status: erpps.StatusAccepted}, 1, "p91-b", 1},
		{"by kind", agentIDF, backoffice.QueueQuery{Kind: erpps.KindExerciseName}, 1, "p91-a", 1},
		{"waiting more than 30 days", agentIDF, backoffice.QueueQuery{MinAgeDays: 30}, 11, "p75-00", 11},
		{"another region", agentOcc, backoffice.QueueQuery{}, 1, "p34-a", 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p, err := e.bo.Queue(ctx, tc.agent, tc.q)
			if err != nil {
				t.Fatal(err)
			}
			if p.Total != tc.total || len(p.Items) != tc.pageItems || p.Items[0].ID != tc.first {
				t.Fatalf("total %d, items %v; want total %d, %d items from %s", p.Total, ids(p), tc.total, tc.pageItems, tc.first)
			}
			for _, it := range p.Items {
				if (tc.agent == agentIDF) == (it.Department == "34") {
					t.Fatalf("%s sees %s of département %s", tc.agent.Name, it.ID, it.Department)
				}
			}
		})
	}
}

func TestQueueRefusesBadFilters(t *testing.T) {
	ctx := context.Background()
	e := queueEnv(t)
	for _, tc := range []struct {
		name  string
		q     backoffice.QueueQuery
		field string
	}{
		{"a département of another region", backoffice.QueueQuery{Department: "34"}, "department"},
		{"an unknown département", backoffice.QueueQuery{Department: "99"}, "department"},
		{"drafts", backoffice.QueueQuery{Status: erpps.StatusDraft}, "status"},
		{"an unknown status", backoffice.QueueQuery{Status: "lost"}, "status"},
		{"an unknown kind", backoffice.QueueQuery{Kind: "teleport"}, "kind"},
		{"a negative age", backoffice.QueueQuery{MinAgeDays: -1}, "minAgeDays"},
		{"page 0 given as -1", backoffice.QueueQuery{Page: -1}, "page"},
		{"pages too large", backoffice.QueueQuery{PageSize: 101}, "pageSize"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p, err := e.bo.Queue(ctx, agentIDF, tc.q)
			var ee *erpps.Error
			if p != nil || !errorAs(err, &ee) || ee.Code != erpps.EINVALID || !hasField(ee.Fields, tc.field) {
				t.Fatalf("Queue = %v, %v; want invalid on %s", p, err, tc.field)
			}
		})
	}
}

// An agent of another region reaches nothing of a request: the same « not
// found » as a request that does not exist, for reading and deciding, and
// nothing is written. Other roles are refused.
func TestOtherRegionSeesNothing(t *testing.T) {
	ctx := context.Background()
	e := queueEnv(t)
	r := e.transmit(t, erpps.KindContact, contactWith("c.martin@example.org"))
	_, missing := e.bo.Case(ctx, agentOcc, "no-such-request")
	for name, call := range map[string]func() (*backoffice.Case, error){
		"Case": func() (*backoffice.Case, error) { return e.bo.Case(ctx, agentOcc, r.ID) },
		"Decide": func() (*backoffice.Case, error) {
			return e.bo.Decide(ctx, agentOcc, r.ID, backoffice.DecisionInput{Action: erpps.DecisionTake, BaseRevision: r.Revision})
		},
	} {
		c, err := call()
		if c != nil || erpps.ErrorCode(err) != erpps.ENOTFOUND || err.Error() != missing.Error() {
			t.Fatalf("%s by another region: %v, %v; want the not-found of a missing request (%v)", name, c, err, missing)
		}
	}
	c, err := e.bo.Case(ctx, agentIDF, r.ID)
	if err != nil || c.Request.Status != erpps.StatusTransmitted || len(c.Decisions) != 0 {
		t.Fatalf("after the other region's attempt: %+v, %v", c, err)
	}
	// A draft is nobody's case.
	d, err := e.req.Start(ctx, requestsStart(erpps.KindExerciseName), me)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := e.bo.Case(ctx, agentIDF, d.Request.ID); erpps.ErrorCode(err) != erpps.ENOTFOUND {
		t.Fatalf("a draft: %v, want not found", err)
	}
	for _, tc := range []struct {
		name    string
		account *erpps.Account
		code    string
	}{
		{"nobody", nil, erpps.EUNAUTHORIZED},
		{"a disabled agent", &erpps.Account{ID: "x", Role: erpps.RoleARSAgent, Region: "11", Disabled: true}, erpps.EUNAUTHORIZED},
		{"a practitioner", &erpps.Account{ID: "rpps:" + rpps, Role: erpps.RoleProfessional, RPPS: rpps}, erpps.EFORBIDDEN},
		{"a secretary", &erpps.Account{ID: "sec", Role: erpps.RoleSecretary}, erpps.EFORBIDDEN},
		{"an agent of no region", &erpps.Account{ID: "y", Role: erpps.RoleARSAgent, Region: "99"}, erpps.EFORBIDDEN},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := e.bo.Queue(ctx, tc.account, backoffice.QueueQuery{}); erpps.ErrorCode(err) != tc.code {
				t.Errorf("Queue: %v, want %s", err, tc.code)
			}
			if _, err := e.bo.Case(ctx, tc.account, r.ID); erpps.ErrorCode(err) != tc.code {
				t.Errorf("Case: %v, want %s", err, tc.code)
			}
			if _, err := e.bo.Decide(ctx, tc.account, r.ID, backoffice.DecisionInput{Action: erpps.DecisionTake, BaseRevision: r.Revision}); erpps.ErrorCode(err) != tc.code {
				t.Errorf("Decide: %v, want %s", err, tc.code)
			}
		})
	}
}

// An agent reads the records their region concerns, and no other.
func TestRecord(t *testing.T) {
	ctx := context.Background()
	e := newEnv(t)
	if p, err := e.bo.Record(ctx, agentIDF, rpps); err != nil || p.RPPS != rpps {
		t.Fatalf("a record with a place in the region: %v, %v", p, err)
	}
	_, missing := e.bo.Record(ctx, agentIDF, "10000000008")
	if erpps.ErrorCode(missing) != erpps.ENOTFOUND {
		t.Fatalf("an unknown record: %v", missing)
	}
	if p, err := e.bo.Record(ctx, agentOcc, rpps); p != nil || err == nil || err.Error() != missing.Error() {
		t.Fatalf("another region: %v, %v; want the not-found of an unknown record", p, err)
	}
	// A request examined in Occitanie opens the record to its agents.
	e.receive(t, "p34-x", rpps, "34", erpps.KindContact, erpps.StatusTransmitted, 1)
	if p, err := e.bo.Record(ctx, agentOcc, rpps); err != nil || p.RPPS != rpps {
		t.Fatalf("with a request in the region: %v, %v", p, err)
	}
}
