package main

import (
	"net/http"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"erpps/backend/internal/pgtest"
)

// Two erpps-server processes on one PostgreSQL database and one signing key
// serve the same register: a session opened on one is valid on the other, a
// decision taken on one is seen by the other, and both publish the same keys.
func TestTwoServersOnPostgres(t *testing.T) {
	url := pgtest.NewDatabase(t)
	key := filepath.Join(t.TempDir(), "authority-key.pem")
	// Both processes share the signing key and the one-time codes' key, kept
	// in the test's folder (never in the working directory).
	env := []string{"ERPPS_SERVER_DATABASE=" + url, "ERPPS_SERVER_SIGNING_KEY_FILE=" + key,
		"ERPPS_SERVER_CODE_KEY_FILE=" + filepath.Join(filepath.Dir(key), "code-key")}
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

// PostgreSQL stopped under a running server: /readyz and the API answer 503
// unavailable (the error shape), nothing is done; once it is back, the same
// server serves again, without a restart.
func TestServerOutlivesAPostgresRestart(t *testing.T) {
	pg := pgtest.ServerFor(t)
	url := pg.NewDatabase(t)
	dir := t.TempDir()
	env := []string{"ERPPS_SERVER_DATABASE=" + url, "ERPPS_SERVER_SIGNING_KEY_FILE=" + filepath.Join(dir, "key.pem"),
		"ERPPS_SERVER_CODE_KEY_FILE=" + filepath.Join(dir, "code-key")}
	for _, args := range [][]string{{"keys", "rotate"}, {"seed-demo"}} {
		if _, stderr, code := command(t, env, args...); code != 0 {
			t.Fatalf("%v: %d %s", args, code, stderr)
		}
	}
	out, _, _ := command(t, env, "seed-demo")
	agent := parseSeed(t, out).busiest()
	s := startServer(t, env)
	token, _, err := signIn(t, s.URL, agent.login, agent.password)
	if err != nil || token == "" {
		t.Fatalf("sign-in: %v", err)
	}
	var q queueReply
	if status, _ := call(t, "GET", s.URL+"/api/v1/queue", token, nil, &q); status != http.StatusOK || len(q.Items) == 0 {
		t.Fatalf("queue: %d", status)
	}
	item := q.Items[0]

	if err := pg.Stop(); err != nil {
		t.Fatal(err)
	}
	restarted := false
	defer func() {
		if !restarted {
			_ = pg.Start()
		}
	}()
	if r, body := get(t, s.URL+"/readyz"); r.StatusCode != http.StatusServiceUnavailable {
		t.Errorf("/readyz with PostgreSQL stopped: %d %s", r.StatusCode, body)
	}
	if r, _ := get(t, s.URL+"/healthz"); r.StatusCode != http.StatusOK {
		t.Errorf("/healthz with PostgreSQL stopped: %d (the process is alive)", r.StatusCode)
	}
	var e struct {
		Code string `json:"code"`
	}
	req := map[string]any{"action": "take", "baseRevision": item.Revision}
	status, err := call(t, "POST", s.URL+"/api/v1/requests/"+item.ID+"/decisions", token, req, nil)
	if err != nil || status != http.StatusServiceUnavailable {
		t.Errorf("a decision with PostgreSQL stopped: %d %v", status, err)
	}
	if status, _ := callError(t, "GET", s.URL+"/api/v1/queue", token, &e); status != http.StatusServiceUnavailable || e.Code != "unavailable" {
		t.Errorf("the queue with PostgreSQL stopped: %d %q", status, e.Code)
	}

	if err := pg.Start(); err != nil {
		t.Fatal(err)
	}
	restarted = true
	deadline := time.Now().Add(30 * time.Second)
	for {
		r, _ := get(t, s.URL+"/readyz")
		if r.StatusCode == http.StatusOK {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("/readyz still %d 30 s after PostgreSQL is back", r.StatusCode)
		}
		time.Sleep(100 * time.Millisecond)
	}
	var again queueReply
	if status, _ := call(t, "GET", s.URL+"/api/v1/queue", token, nil, &again); status != http.StatusOK || again.Total != q.Total {
		t.Fatalf("queue after the restart: %d, %d requests (was %d)", status, again.Total, q.Total)
	}
	if again.Items[0].ID != item.ID || again.Items[0].Status != "transmitted" || again.Items[0].Revision != item.Revision {
		t.Errorf("the decision refused while PostgreSQL was stopped was done: %+v", again.Items[0])
	}
	if status, _ := call(t, "POST", s.URL+"/api/v1/requests/"+item.ID+"/decisions", token, req, nil); status != http.StatusOK {
		t.Errorf("a decision after the restart: %d", status)
	}
	if code := s.stop(t); code != 0 {
		t.Errorf("exit %d: %s", code, s.stderr)
	}
}
