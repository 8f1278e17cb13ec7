package main

import (
	"net/http"
	"path/filepath"
	"strings"
	"testing"

	"erpps/backend/internal/pgtest"
)

// Two erpps-server processes on one PostgreSQL database and one signing key
// serve the same register: a session opened on one is valid on the other, a
// decision taken on one is seen by the other, and both publish the same keys.
func TestTwoServersOnPostgres(t *testing.T) {
	url := pgtest.NewDatabase(t)
	key := filepath.Join(t.TempDir(), "authority-key.pem")
	env := []string{"ERPPS_SERVER_DATABASE=" + url, "ERPPS_SERVER_SIGNING_KEY_FILE=" + key}
	if _, stderr, code := command(t, env, "serve"); code != 1 || !strings.Contains(stderr, "keys rotate") {
		t.Fatalf("serve without a key on PostgreSQL: %d %s", code, stderr)
	}
	for _, args := range [][]string{{"keys", "rotate"}, {"migrate"}} {
		if out, stderr, code := command(t, env, args...); code != 0 {
			t.Fatalf("%v: %d %s %s", args, code, out, stderr)
		}
	}
	out, stderr, code := command(t, env, "seed-demo")
	if code != 0 {
		t.Fatalf("seed-demo: %d %s", code, stderr)
	}
	logins := parseSeed(t, out)
	a := startServer(t, env)
	b := startServer(t, env)

	agent := logins.busiest()
	token, status, err := signIn(t, a.URL, agent.login, agent.password)
	if err != nil || status != http.StatusCreated {
		t.Fatalf("sign-in on A: %d %v", status, err)
	}
	var qa, qb queueReply
	if status, _ := call(t, "GET", b.URL+"/api/v1/queue?pageSize=100", token, nil, &qb); status != http.StatusOK {
		t.Fatalf("A's session on B: %d", status)
	}
	call(t, "GET", a.URL+"/api/v1/queue?pageSize=100", token, nil, &qa)
	if qa.Total != agent.queue || qb.Total != qa.Total || len(qb.Items) == 0 {
		t.Fatalf("queues: A %d, B %d, seeded %d", qa.Total, qb.Total, agent.queue)
	}
	item := qa.Items[0]
	if status, err := call(t, "POST", a.URL+"/api/v1/requests/"+item.ID+"/decisions", token, map[string]any{"action": "take", "baseRevision": item.Revision}, nil); err != nil || status != http.StatusOK {
		t.Fatalf("take on A: %d %v", status, err)
	}
	// The same decision on B, planned on the same revision, is a conflict.
	if status, _ := call(t, "POST", b.URL+"/api/v1/requests/"+item.ID+"/decisions", token, map[string]any{"action": "take", "baseRevision": item.Revision}, nil); status != http.StatusConflict {
		t.Errorf("the same take on B: %d, want 409", status)
	}
	var cs struct {
		Request struct {
			Status string `json:"status"`
		} `json:"request"`
	}
	if status, _ := call(t, "GET", b.URL+"/api/v1/cases/"+item.ID, token, nil, &cs); status != http.StatusOK || cs.Request.Status != "under_review" {
		t.Errorf("B sees %d %q", status, cs.Request.Status)
	}
	_, keysA := get(t, a.URL+"/api/v1/keys")
	_, keysB := get(t, b.URL+"/api/v1/keys")
	if keysA != keysB || !strings.Contains(keysA, `"current":true`) {
		t.Errorf("keys differ:\nA %s\nB %s", keysA, keysB)
	}
	for _, resp := range []string{a.URL, b.URL} {
		if r, body := get(t, resp+"/readyz"); r.StatusCode != http.StatusOK {
			t.Errorf("%s/readyz: %d %s", resp, r.StatusCode, body)
		}
	}
	for _, s := range []*process{a, b} {
		if code := s.stop(t); code != 0 {
			t.Errorf("exit %d: %s", code, s.stderr)
		}
	}
}
