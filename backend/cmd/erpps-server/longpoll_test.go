package main

import (
	"encoding/json"
	"net/http"
	"syscall"
	"testing"
	"time"
)

// A desktop's long poll (GET /api/v1/sync/wait, up to 25 s) does not hold
// the server's stop: at SIGTERM it is answered at once with the current
// change sequence, and the server exits cleanly within seconds.
func TestSIGTERMEndsTheLongPolls(t *testing.T) {
	data := t.TempDir()
	out, stderr, code := command(t, nil, "seed-demo", "--data", data)
	if code != 0 {
		t.Fatalf("seed-demo: %d %s", code, stderr)
	}
	p := parseSeed(t, out).professionals[0]
	s := startServer(t, nil, "--data", data)
	token, status, err := signIn(t, s.URL, p.login, p.password)
	if err != nil || status != http.StatusCreated {
		t.Fatalf("sign in: %d %v", status, err)
	}
	type answer struct {
		status int
		seq    int64
		err    error
	}
	answered := make(chan answer, 1)
	go func() {
		req, _ := http.NewRequest("GET", s.URL+"/api/v1/sync/wait?cursor=1000000", nil)
		req.Header.Set("Authorization", "Bearer "+token)
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			answered <- answer{err: err}
			return
		}
		defer res.Body.Close()
		var reply struct {
			ChangeSeq int64 `json:"changeSeq"`
		}
		err = json.NewDecoder(res.Body).Decode(&reply)
		answered <- answer{status: res.StatusCode, seq: reply.ChangeSeq, err: err}
	}()
	time.Sleep(500 * time.Millisecond) // the poll is waiting
	start := time.Now()
	if err := s.cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	select {
	case <-s.done:
		if code := s.cmd.ProcessState.ExitCode(); code != 0 {
			t.Errorf("exit code %d after SIGTERM: %s", code, s.stderr)
		}
	case <-time.After(10 * time.Second):
		_ = s.cmd.Process.Kill()
		<-s.done
		t.Fatalf("the server still ran 10 s after SIGTERM with a long poll open: %s", s.stderr)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("the server took %s to stop with a long poll open", d)
	}
	a := <-answered
	if a.err != nil || a.status != http.StatusOK || a.seq <= 0 {
		t.Errorf("the long poll was answered %d, seq %d, %v; want 200 with the current sequence", a.status, a.seq, a.err)
	}
}
