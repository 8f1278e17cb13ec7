package main

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptrace"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"erpps/backend/serverdemo"
)

type queueReply struct {
	Items []struct {
		ID       string `json:"id"`
		Revision int64  `json:"revision"`
		Status   string `json:"status"`
	} `json:"items"`
	Total int `json:"total"`
}

// seed-demo fills an empty store once, prints the logins, and an agent signs
// in and finds their region's requests in the queue.
func TestSeedDemoThenSignIn(t *testing.T) {
	data := t.TempDir()
	out, stderr, code := command(t, nil, "seed-demo", "--data", data)
	if code != 0 {
		t.Fatalf("seed-demo: %d %s", code, stderr)
	}
	logins := parseSeed(t, out)
	if !strings.Contains(out, "  "+serverdemo.SecretaryLogin+" ") {
		t.Errorf("seed-demo does not print the demo secretary's login:\n%s", out)
	}
	if len(logins.agents) != 18 || len(logins.professionals) < 20 {
		t.Errorf("%d agents, %d professionals", len(logins.agents), len(logins.professionals))
	}
	again, _, code := command(t, nil, "seed-demo", "--data", data)
	if code != 0 || !strings.Contains(again, "déjà là") || len(parseSeed(t, again).agents) != 18 {
		t.Errorf("second seed-demo: %d\n%s", code, again)
	}

	out, _, code = command(t, nil, "seed-demo", "--json", "--data", data)
	var res serverdemo.Result
	if err := json.Unmarshal([]byte(out), &res); code != 0 || err != nil || len(res.Agents) != 18 || res.Agents[0].Password == "" {
		t.Errorf("seed-demo --json: %d %v\n%s", code, err, out)
	}

	if len(res.Secretaries) != 1 {
		t.Errorf("seed-demo --json gives no demo secretary:\n%s", out)
	}

	s := startServer(t, nil, "--data", data)
	// The demo secretary reads the record of the practitioner whose mandate
	// they hold.
	if len(res.Secretaries) == 1 {
		sec := res.Secretaries[0]
		token, status, err := signIn(t, s.URL, sec.Login, sec.Password)
		if err != nil || status != http.StatusCreated {
			t.Fatalf("secretary sign-in: %d %v", status, err)
		}
		if status, err := call(t, "GET", s.URL+"/api/v1/practitioners/"+sec.RPPS, token, nil, nil); err != nil || status != http.StatusOK {
			t.Errorf("the demo secretary reads their principal's record: %d %v", status, err)
		}
	}
	agent := logins.busiest()
	token, status, err := signIn(t, s.URL, agent.login, agent.password)
	if err != nil || status != http.StatusCreated || token == "" {
		t.Fatalf("agent sign-in: %d %v", status, err)
	}
	var q queueReply
	if status, err := call(t, "GET", s.URL+"/api/v1/queue?pageSize=100", token, nil, &q); err != nil || status != 200 {
		t.Fatalf("queue: %d %v", status, err)
	}
	if q.Total != agent.queue || agent.queue == 0 {
		t.Errorf("%s's queue holds %d requests, seed-demo said %d", agent.login, q.Total, agent.queue)
	}
	p := logins.professionals[0]
	if _, status, _ := signIn(t, s.URL, p.login, p.password); status != http.StatusCreated {
		t.Errorf("practitioner sign-in: %d", status)
	}
	if _, status, _ := signIn(t, s.URL, p.login, "wrong"); status != http.StatusUnauthorized {
		t.Errorf("wrong password: %d", status)
	}
	if code := s.stop(t); code != 0 {
		t.Fatal(s.stderr)
	}
}

// SIGTERM while requests are in flight: the server stops accepting, the
// requests it received complete, it exits 0, and everything it acknowledged
// is in the store at the next start. A request the server never accepted
// (still in the kernel's backlog when the listener closed) fails on the
// client's side and is not done: nothing is done without a reply.
func TestSIGTERMFinishesRequestsInFlight(t *testing.T) {
	data := t.TempDir()
	out, stderr, code := command(t, nil, "seed-demo", "--data", data)
	if code != 0 {
		t.Fatalf("seed-demo: %d %s", code, stderr)
	}
	logins := parseSeed(t, out)
	signers := logins.professionals[:8]
	s := startServer(t, nil, "--data", data)
	agent := logins.busiest()
	agentToken, _, err := signIn(t, s.URL, agent.login, agent.password)
	if err != nil {
		t.Fatal(err)
	}
	var q queueReply
	if status, err := call(t, "GET", s.URL+"/api/v1/queue?pageSize=100", agentToken, nil, &q); err != nil || status != 200 || len(q.Items) == 0 {
		t.Fatalf("queue: %d %v %d items", status, err, len(q.Items))
	}
	// Not the moved cabinets: taking one takes its pair.
	alone := q.Items[:0]
	for _, item := range q.Items {
		var cs struct {
			Linked *struct{} `json:"linked"`
		}
		call(t, "GET", s.URL+"/api/v1/cases/"+item.ID, agentToken, nil, &cs)
		if cs.Linked == nil {
			alone = append(alone, item)
		}
	}
	q.Items = alone

	// In flight: practitioners sign in (argon2id: slow writes) and the agent
	// takes every request of the queue, all at once, each on a connection of
	// its own.
	type result struct {
		what   string
		status int
		err    error
		token  string
		at     time.Time
	}
	nSign := len(signers) - 1 // the last one signs in slowly, apart
	results := make([]result, nSign+len(q.Items))
	var wg sync.WaitGroup
	var written atomic.Int32
	trace := &httptrace.ClientTrace{WroteRequest: func(httptrace.WroteRequestInfo) { written.Add(1) }}
	ctx := httptrace.WithClientTrace(context.Background(), trace)
	for i, p := range signers[:nSign] {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var reply struct {
				Token string `json:"token"`
			}
			status, err := callCtx(t, ctx, "POST", s.URL+"/api/v1/session", "", map[string]any{"login": p.login, "password": p.password, "bearer": true}, &reply)
			results[i] = result{"sign-in " + p.login, status, err, reply.Token, time.Now()}
		}()
	}
	for j, item := range q.Items {
		wg.Add(1)
		go func() {
			defer wg.Done()
			status, err := callCtx(t, ctx, "POST", s.URL+"/api/v1/requests/"+item.ID+"/decisions", agentToken,
				map[string]any{"action": "take", "baseRevision": item.Revision}, nil)
			results[nSign+j] = result{"take " + item.ID, status, err, "", time.Now()}
		}()
	}
	// And one sign-in surely in flight: its headers sent before SIGTERM, the
	// end of its body only once the server said it is stopping.
	slow := signers[len(signers)-1]
	body, rest := io.Pipe()
	var slowReply struct {
		Token string `json:"token"`
	}
	slowStatus := make(chan int, 1)
	go func() {
		req, _ := http.NewRequestWithContext(ctx, "POST", s.URL+"/api/v1/session", body)
		req.Header.Set("Content-Type", "application/json")
		resp, err := (&http.Client{Transport: &http.Transport{DisableKeepAlives: true}}).Do(req)
		if err != nil {
			t.Errorf("the sign-in in flight: %v", err)
			slowStatus <- 0
			return
		}
		defer resp.Body.Close()
		_ = json.NewDecoder(resp.Body).Decode(&slowReply)
		slowStatus <- resp.StatusCode
	}()
	if _, err := io.WriteString(rest, `{"login": "`+slow.login+`", `); err != nil {
		t.Fatal(err)
	}
	for deadline := time.Now().Add(30 * time.Second); written.Load() < int32(len(results)) && time.Now().Before(deadline); {
		time.Sleep(time.Millisecond)
	}
	time.Sleep(200 * time.Millisecond) // read by the server
	signalled := time.Now()
	if err := s.cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	for deadline := time.Now().Add(30 * time.Second); !strings.Contains(s.stderr.String(), "arrêt demandé") && time.Now().Before(deadline); {
		time.Sleep(time.Millisecond)
	}
	if _, err := io.WriteString(rest, `"password": "`+slow.password+`", "bearer": true}`); err != nil {
		t.Fatalf("the server no longer reads the request in flight: %v", err)
	}
	_ = rest.Close()
	if status := <-slowStatus; status != http.StatusCreated || slowReply.Token == "" {
		t.Errorf("the sign-in in flight: %d", status)
	}
	slowAt := time.Now()
	wg.Wait()
	results = append(results, result{"slow sign-in " + slow.login, http.StatusCreated, nil, slowReply.Token, slowAt})
	select {
	case <-s.done:
	case <-time.After(time.Minute):
		t.Fatal("still running a minute after SIGTERM")
	}
	if code := s.cmd.ProcessState.ExitCode(); code != 0 {
		t.Fatalf("exit code %d: %s", code, s.stderr)
	}
	m := regexp.MustCompile(`arrêt demandé.* en_cours=(\d+)`).FindStringSubmatch(s.stderr.String())
	if m == nil {
		t.Fatalf("the shutdown does not say how many requests were in flight: %s", s.stderr)
	}
	active, _ := strconv.Atoi(m[1])
	inFlight, refused := 0, 0
	for _, r := range results {
		switch {
		case r.err != nil:
			refused++
		case r.status < 200 || r.status > 299:
			t.Errorf("%s: %d", r.what, r.status)
		case r.at.After(signalled):
			inFlight++
		}
	}
	if active == 0 {
		t.Fatal("no request was in flight when SIGTERM came: the test proves nothing")
	}
	// Requests the server was serving when SIGTERM came were answered after
	// it (the slow sign-in surely, checked above). The server counts its active
	// connections when it handles the signal, and a connection leaves that
	// count only after its reply is written, so a reply read by the client
	// just before the signal may still be counted:
	// the count bounds the answers from above, not from below.
	if inFlight == 0 {
		t.Errorf("%d requests in flight at SIGTERM, none answered after it", active)
	}
	t.Logf("%d requests: %d in flight at SIGTERM, %d answered after it, %d never accepted", len(results), active, inFlight, refused)

	// What was acknowledged is stored; what was not is not done.
	s = startServer(t, nil, "--data", data)
	defer s.stop(t)
	for _, r := range append(results[:nSign:nSign], results[len(results)-1]) {
		if r.err != nil {
			continue
		}
		if status, err := call(t, "GET", s.URL+"/api/v1/session", r.token, nil, nil); err != nil || status != http.StatusOK {
			t.Errorf("%s: the session acknowledged is lost: %d %v", r.what, status, err)
		}
	}
	for j, item := range q.Items {
		var cs struct {
			Request struct {
				Status string `json:"status"`
			} `json:"request"`
		}
		status, err := call(t, "GET", s.URL+"/api/v1/cases/"+item.ID, agentToken, nil, &cs)
		if err != nil || status != http.StatusOK {
			t.Fatalf("%s: %d %v", item.ID, status, err)
		}
		acknowledged := results[nSign+j].err == nil
		if taken := cs.Request.Status == "under_review"; taken != acknowledged {
			t.Errorf("%s: acknowledged %v but status %q", item.ID, acknowledged, cs.Request.Status)
		}
	}
}
