package e2e

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"os/exec"
	"regexp"
	"strings"
	"testing"
	"time"

	"erpps/backend/browsertest"
)

// The eRPPS server of the synchronisation's end-to-end test: erpps-server
// built and run as a real process on a SQLite file, seeded with the demo
// data, on a port of its own kept across a stop and a start (the desktops
// keep its address while it is down).

// erppsServerBinary builds erpps-server once (pure Go, the built front end
// embedded for the back office).
func erppsServerBinary(t *testing.T) string {
	t.Helper()
	return browsertest.ServerBinary(t, repoRoot(t))
}

// erppsServerEnv is the environment without ERPPS_SERVER_* variables: the
// flags alone say which store.
func erppsServerEnv() []string { return browsertest.ServerEnv() }

// demoAccount is an account seed-demo printed.
type demoAccount struct {
	login, password string
	label           string // the agent's ARS, the professional's name, the secretary's name
}

// seededServer is what seed-demo said.
type seededServer struct {
	agents        []demoAccount
	professionals []demoAccount // login = RPPS number
	secretaries   []demoAccount
	output        string
}

var (
	seedAgentLine = regexp.MustCompile(`^\s+(\S+@\S+)\s+(\S+)\s+(ARS [^—]+?)(?:\s+—.*)?$`)
	seedProLine   = regexp.MustCompile(`^\s+(\d{11})\s+(\S+)\s+(.+?)\s*$`)
	seedOtherLine = regexp.MustCompile(`^\s+(\S+@\S+)\s+(\S+)\s+(.+?)\s*$`)
)

// parseSeed reads seed-demo's accounts: the agents, the professionals and
// the secretaries, each under its heading.
func parseSeed(out string) seededServer {
	s := seededServer{output: out}
	section := ""
	for _, line := range strings.Split(out, "\n") {
		switch {
		case strings.HasPrefix(line, "Agents ARS"):
			section = "agents"
			continue
		case strings.HasPrefix(line, "Professionnels"):
			section = "professionals"
			continue
		case strings.HasPrefix(strings.ToLower(line), "secr"):
			section = "secretaries"
			continue
		case line != "" && !strings.HasPrefix(line, " "):
			section = ""
			continue
		}
		switch section {
		case "agents":
			if m := seedAgentLine.FindStringSubmatch(line); m != nil {
				s.agents = append(s.agents, demoAccount{login: m[1], password: m[2], label: strings.TrimSpace(m[3])})
			}
		case "professionals":
			if m := seedProLine.FindStringSubmatch(line); m != nil {
				s.professionals = append(s.professionals, demoAccount{login: m[1], password: m[2], label: m[3]})
			}
		case "secretaries":
			if m := seedOtherLine.FindStringSubmatch(line); m != nil {
				s.secretaries = append(s.secretaries, demoAccount{login: m[1], password: m[2], label: m[3]})
			}
		}
	}
	return s
}

// agentOf returns the agent of an ARS (by its name).
func (s seededServer) agentOf(t *testing.T, ars string) demoAccount {
	t.Helper()
	for _, a := range s.agents {
		if a.label == ars {
			return a
		}
	}
	t.Fatalf("seed-demo printed no agent of the %s:\n%s", ars, s.output)
	return demoAccount{}
}

// professional returns the account of a practitioner (by RPPS number).
func (s seededServer) professional(t *testing.T, rpps string) demoAccount {
	t.Helper()
	for _, p := range s.professionals {
		if p.login == rpps {
			return p
		}
	}
	t.Fatalf("seed-demo printed no account for %s:\n%s", rpps, s.output)
	return demoAccount{}
}

// erppsServer is `erpps-server serve` on a SQLite data folder and a fixed
// loopback port, stopped and started again by the test.
type erppsServer struct {
	URL  string // http://127.0.0.1:PORT
	addr string
	data string
	// flags are added to serve's (delivery, for example).
	flags []string

	proc *browsertest.Process
}

// newERPPSServer makes a data folder, seeds the demo data into it and picks
// a free port; the server is not started.
func newERPPSServer(t *testing.T) (*erppsServer, seededServer) {
	t.Helper()
	data := t.TempDir()
	out, err := runERPPSServer(t, "seed-demo", "--data", data)
	if err != nil {
		t.Fatalf("erpps-server seed-demo: %v\n%s", err, out)
	}
	s := &erppsServer{addr: freeLoopbackAddr(t), data: data}
	s.URL = "http://" + s.addr
	t.Cleanup(func() { s.stop(t) })
	return s, parseSeed(out)
}

// runERPPSServer runs an erpps-server command to its end.
func runERPPSServer(t *testing.T, args ...string) (string, error) {
	t.Helper()
	cmd := exec.Command(erppsServerBinary(t), args...)
	cmd.Env = erppsServerEnv()
	out, err := cmd.CombinedOutput()
	return string(out), err
}

// freeLoopbackAddr returns a loopback address with a port free now.
func freeLoopbackAddr(t *testing.T) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	if err := l.Close(); err != nil {
		t.Fatal(err)
	}
	return addr
}

// start runs the server and returns once it listens.
func (s *erppsServer) start(t *testing.T) {
	t.Helper()
	if s.proc != nil {
		t.Fatal("erpps-server is already running")
	}
	cmd := exec.Command(erppsServerBinary(t), append([]string{"serve", "--addr", s.addr, "--data", s.data}, s.flags...)...)
	cmd.Env = erppsServerEnv()
	proc, _, err := browsertest.StartProcess(cmd, browsertest.ServerListening, 30*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	s.proc = proc
}

// stop ends the server with SIGTERM and checks it exits cleanly; the port
// then refuses connections.
func (s *erppsServer) stop(t *testing.T) {
	t.Helper()
	if s.proc == nil {
		return
	}
	proc := s.proc
	s.proc = nil
	if err := proc.Stop(20 * time.Second); err != nil {
		t.Error(err)
	}
	if c, err := net.DialTimeout("tcp", s.addr, time.Second); err == nil {
		c.Close()
		t.Fatalf("%s still accepts connections after the server stopped", s.addr)
	}
}

// serverAPI is a client of the server's API signed in with a bearer token,
// for what the test checks beside the browsers.
type serverAPI struct {
	t     *testing.T
	base  string
	token string
}

// signInAPI signs in to the server's API and keeps the bearer token.
func signInAPI(t *testing.T, base string, acct demoAccount) *serverAPI {
	t.Helper()
	c := &serverAPI{t: t, base: base}
	status, body := c.do("POST", "/api/v1/session", map[string]any{"login": acct.login, "password": acct.password, "bearer": true})
	var reply struct {
		Token string `json:"token"`
	}
	if status != http.StatusCreated || json.Unmarshal(body, &reply) != nil || reply.Token == "" {
		t.Fatalf("sign in %s to the server: HTTP %d %s", acct.login, status, body)
	}
	c.token = reply.Token
	return c
}

func (c *serverAPI) do(method, path string, in any) (int, []byte) {
	c.t.Helper()
	var body io.Reader
	if in != nil {
		b, err := json.Marshal(in)
		if err != nil {
			c.t.Fatal(err)
		}
		body = bytes.NewReader(b)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, method, c.base+path, body)
	if err != nil {
		c.t.Fatal(err)
	}
	if in != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if c.token != "" {
		req.Header.Set("Authorization", "Bearer "+c.token)
	}
	// Its own client: http.DefaultClient holds the desktops' cookies.
	res, err := (&http.Client{}).Do(req)
	if err != nil {
		c.t.Fatalf("%s %s: %v", method, path, err)
	}
	defer res.Body.Close()
	out, err := io.ReadAll(res.Body)
	if err != nil {
		c.t.Fatal(err)
	}
	return res.StatusCode, out
}

// get decodes a 200 reply of GET path into out.
func (c *serverAPI) get(path string, out any) {
	c.t.Helper()
	status, body := c.do("GET", path, nil)
	if status != http.StatusOK {
		c.t.Fatalf("GET %s: HTTP %d %s", path, status, body)
	}
	if err := json.Unmarshal(body, out); err != nil {
		c.t.Fatalf("GET %s: %v", path, err)
	}
}
