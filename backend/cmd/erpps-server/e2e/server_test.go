package e2e

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/cookiejar"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"erpps/backend/browsertest"
)

// repoRoot is the module's root, three folders up.
func repoRoot(t testing.TB) string {
	t.Helper()
	root, err := filepath.Abs(filepath.Join("..", "..", "..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	return root
}

// serverBinary builds erpps-server once (pure Go), with the built front end
// embedded.
func serverBinary(t *testing.T) string {
	t.Helper()
	return browsertest.ServerBinary(t, repoRoot(t))
}

// serverEnv is the environment without ERPPS_SERVER_* variables: the
// flags alone say which store.
func serverEnv() []string { return browsertest.ServerEnv() }

// seed runs `erpps-server seed-demo` with the store flags and returns what it printed.
func seed(t *testing.T, store []string) string {
	t.Helper()
	return command(t, append([]string{"seed-demo"}, store...)...)
}

// command runs an erpps-server command to its end.
func command(t *testing.T, args ...string) string {
	t.Helper()
	cmd := exec.Command(serverBinary(t), args...)
	cmd.Env = serverEnv()
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("erpps-server %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return string(out)
}

// running is a started `erpps-server serve`.
type running struct {
	URL string
}

// serve starts `erpps-server serve` on a free loopback port with the store
// flags and returns once it listens; the test's end stops it with SIGTERM
// and checks it exits cleanly.
func serve(t *testing.T, store []string) *running {
	t.Helper()
	// The one-time codes' key in the test's folder: on PostgreSQL there is
	// no data folder, and its default would be the working directory.
	args := append([]string{"serve", "--addr", "127.0.0.1:0", "--code-key-file", filepath.Join(t.TempDir(), "code-key")}, store...)
	cmd := exec.Command(serverBinary(t), args...)
	cmd.Env = serverEnv()
	proc, rest, err := browsertest.StartProcess(cmd, browsertest.ServerListening, 30*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := proc.Stop(15 * time.Second); err != nil {
			t.Error(err)
		}
	})
	u, _, _ := strings.Cut(rest, " ")
	return &running{URL: strings.TrimSuffix(u, "/")}
}

// apiClient is a signed-in HTTP client of the API (its own session cookie),
// for what a test prepares or checks beside the browser.
type apiClient struct {
	t    *testing.T
	base string
	http *http.Client
}

func signedInClient(t *testing.T, base, login, password string) *apiClient {
	t.Helper()
	jar, err := cookiejar.New(nil)
	if err != nil {
		t.Fatal(err)
	}
	c := &apiClient{t: t, base: base, http: &http.Client{Jar: jar, Timeout: 20 * time.Second}}
	status, body := c.do("POST", "/api/v1/session", map[string]string{"login": login, "password": password})
	if status != http.StatusCreated {
		t.Fatalf("sign in %s: HTTP %d %s", login, status, body)
	}
	return c
}

func (c *apiClient) do(method, path string, in any) (int, []byte) {
	c.t.Helper()
	var body io.Reader
	if in != nil {
		b, err := json.Marshal(in)
		if err != nil {
			c.t.Fatal(err)
		}
		body = strings.NewReader(string(b))
	}
	req, err := http.NewRequestWithContext(context.Background(), method, c.base+path, body)
	if err != nil {
		c.t.Fatal(err)
	}
	if in != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	res, err := c.http.Do(req)
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
func (c *apiClient) get(path string, out any) {
	c.t.Helper()
	status, body := c.do("GET", path, nil)
	if status != http.StatusOK {
		c.t.Fatalf("GET %s: HTTP %d %s", path, status, body)
	}
	if err := json.Unmarshal(body, out); err != nil {
		c.t.Fatalf("GET %s: %v", path, err)
	}
}
