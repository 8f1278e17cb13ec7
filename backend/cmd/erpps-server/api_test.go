package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// call sends a JSON request with a bearer token ("" for none) and decodes
// the reply into out (nil to skip); it returns the status.
func call(t *testing.T, method, url, token string, in, out any) (int, error) {
	t.Helper()
	return callCtx(t, context.Background(), method, url, token, in, out)
}

// callCtx is call with a context (a client trace); each call has a
// connection of its own.
func callCtx(t *testing.T, ctx context.Context, method, url, token string, in, out any) (int, error) {
	t.Helper()
	var body io.Reader
	if in != nil {
		b, err := json.Marshal(in)
		if err != nil {
			t.Fatal(err)
		}
		body = bytes.NewReader(b)
	}
	req, err := http.NewRequestWithContext(ctx, method, url, body)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	client := &http.Client{Transport: &http.Transport{DisableKeepAlives: true}}
	resp, err := client.Do(req)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(resp.Body)
	if err != nil {
		return resp.StatusCode, err
	}
	if out != nil && resp.StatusCode < 300 {
		if err := json.Unmarshal(raw, out); err != nil {
			t.Errorf("%s %s: %v in %s", method, url, err, raw)
		}
	}
	return resp.StatusCode, nil
}

// signIn opens a session and returns its token.
func signIn(t *testing.T, baseURL, login, password string) (string, int, error) {
	t.Helper()
	var reply struct {
		Token string `json:"token"`
	}
	status, err := call(t, "POST", baseURL+"/api/v1/session", "", map[string]any{"login": login, "password": password, "bearer": true}, &reply)
	return reply.Token, status, err
}

// seeded is what `seed-demo` printed: the demo logins.
type seeded struct {
	agents        []seededLogin // with the size of their queue
	professionals []seededLogin
}

type seededLogin struct {
	login, password string
	queue           int
}

var (
	agentLine        = regexp.MustCompile(`^  (agent\.\S+)\s+(\S+)\s+[^—]*(?:— (\d+) demande)?`)
	professionalLine = regexp.MustCompile(`^  (\d{11})\s+(\S+)\s`)
)

// parseSeed reads seed-demo's output.
func parseSeed(t *testing.T, out string) seeded {
	t.Helper()
	var s seeded
	for _, line := range strings.Split(out, "\n") {
		if m := agentLine.FindStringSubmatch(line); m != nil {
			n, _ := strconv.Atoi(m[3])
			s.agents = append(s.agents, seededLogin{m[1], m[2], n})
		} else if m := professionalLine.FindStringSubmatch(line); m != nil {
			s.professionals = append(s.professionals, seededLogin{m[1], m[2], 0})
		}
	}
	if len(s.agents) == 0 || len(s.professionals) == 0 {
		t.Fatalf("seed-demo printed no logins:\n%s", out)
	}
	return s
}

// busiest is the agent with the longest queue.
func (s seeded) busiest() seededLogin {
	best := s.agents[0]
	for _, a := range s.agents {
		if a.queue > best.queue {
			best = a
		}
	}
	return best
}
