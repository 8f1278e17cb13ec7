package e2e

import (
	"context"
	"fmt"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"erpps/backend/browsertest"
)

// repoRoot is the module's root, two folders up from app/e2e.
func repoRoot(t testing.TB) string {
	t.Helper()
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	return root
}

// need skips a test when a tool is missing on a developer's machine, and
// fails it in CI, where .ci/deps.sh installs everything.
func need(t testing.TB, paths ...string) {
	t.Helper()
	browsertest.Need(t, paths...)
}

var buildOnce = struct {
	sync.Once
	path string
	err  error
}{}

// webBinary builds the erpps binary once (browser mode needs no cgo).
func webBinary(t testing.TB) string {
	t.Helper()
	root := repoRoot(t)
	if _, err := os.Stat(filepath.Join(root, "frontend", "dist", "index.html")); err != nil {
		t.Fatal("the front end is not built: run `make frontend` (make test does)")
	}
	buildOnce.Do(func() {
		dir, err := os.MkdirTemp("", "erpps-e2e-bin-")
		if err != nil {
			buildOnce.err = err
			return
		}
		buildOnce.path = filepath.Join(dir, "erpps")
		cmd := exec.Command("go", "build", "-o", buildOnce.path, ".")
		cmd.Dir = root
		cmd.Env = append(os.Environ(), "CGO_ENABLED=0")
		if out, err := cmd.CombinedOutput(); err != nil {
			buildOnce.err = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if buildOnce.err != nil {
		t.Fatal(buildOnce.err)
	}
	return buildOnce.path
}

// server is a running "erpps web" process.
type server struct {
	// URL is the server's root without the per-run token
	// (http://127.0.0.1:PORT): the harness has already exchanged the token
	// for the session cookie in http.DefaultClient and in every browser of
	// the test, so srv.URL+"/#/..." and callAPI(srv.URL, ...) just work.
	URL string
	// OpenURL is the address erpps web printed, token included.
	OpenURL string
	// Token is the per-run secret of OpenURL.
	Token   string
	proc    *browsertest.Process
	stopped bool
}

// startServer starts "erpps web" on a free loopback port with dataDir (and
// the flags given) and returns when it listens.
func startServer(t *testing.T, dataDir string, flags ...string) *server {
	t.Helper()
	bin := webBinary(t)
	cmd := exec.Command(bin, append([]string{"web", "--addr", "127.0.0.1:0", "--data", dataDir}, flags...)...)
	proc, rest, err := browsertest.StartProcess(cmd, "erpps web: http://", 20*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	s := &server{proc: proc, OpenURL: "http://" + rest}
	t.Cleanup(func() { s.stop(t) })
	u, err := url.Parse(s.OpenURL)
	if err != nil {
		t.Fatalf("erpps web printed a bad address %q: %v", s.OpenURL, err)
	}
	s.URL, s.Token = u.Scheme+"://"+u.Host, u.Query().Get("token")
	if s.Token != "" {
		signInDefaultClient(t, s)
	}
	live.addServer(t, s)
	return s
}

// live pairs the running servers with the test's browsers, so that each
// browser holds the session cookie of each server, as a user who opened the
// printed address would.
var live liveSet

type liveSet struct {
	mu       sync.Mutex
	servers  []*server
	browsers []context.Context
}

// addServer signs every open browser in to s.
func (l *liveSet) addServer(t *testing.T, s *server) {
	t.Helper()
	l.mu.Lock()
	l.servers = append(l.servers, s)
	browsers := append([]context.Context(nil), l.browsers...)
	l.mu.Unlock()
	t.Cleanup(func() { l.remove(s, nil) })
	for _, ctx := range browsers {
		signInBrowser(t, ctx, s)
	}
}

// addBrowser signs ctx in to every running server.
func (l *liveSet) addBrowser(t *testing.T, ctx context.Context) {
	t.Helper()
	l.mu.Lock()
	l.browsers = append(l.browsers, ctx)
	servers := append([]*server(nil), l.servers...)
	l.mu.Unlock()
	t.Cleanup(func() { l.remove(nil, ctx) })
	for _, s := range servers {
		if !s.stopped {
			signInBrowser(t, ctx, s)
		}
	}
}

func (l *liveSet) remove(s *server, ctx context.Context) {
	l.mu.Lock()
	defer l.mu.Unlock()
	for i, x := range l.servers {
		if x == s {
			l.servers = append(l.servers[:i], l.servers[i+1:]...)
			break
		}
	}
	for i, x := range l.browsers {
		if x == ctx {
			l.browsers = append(l.browsers[:i], l.browsers[i+1:]...)
			break
		}
	}
}

// signInBrowser opens the printed address in the browser: the server
// exchanges the token for its cookie and redirects to the address without it.
func signInBrowser(t *testing.T, ctx context.Context, s *server) {
	t.Helper()
	if s.Token == "" {
		return
	}
	step(t, ctx, "open the address erpps web printed", chromedp.Navigate(s.OpenURL))
	loc, err := chromedp.Run(ctx, chromedp.Location())
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(loc, s.Token) {
		t.Fatalf("the token stayed in the address bar: %s", loc)
	}
}

// signInDefaultClient gives http.DefaultClient (used by http.Get, http.Post,
// callAPI) a cookie jar and the server's cookie, by the same exchange.
func signInDefaultClient(t *testing.T, s *server) {
	t.Helper()
	defaultJar.Do(func() {
		jar, err := cookiejar.New(nil)
		if err != nil {
			panic(err)
		}
		http.DefaultClient.Jar = jar
	})
	res, err := http.Get(s.OpenURL)
	if err != nil {
		t.Fatalf("open %s: %v", s.URL, err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusOK || strings.Contains(res.Request.URL.String(), s.Token) {
		t.Fatalf("the token exchange ended on %s with HTTP %d", res.Request.URL.Redacted(), res.StatusCode)
	}
}

var defaultJar sync.Once

// stop ends the server with SIGTERM and checks it exits cleanly.
func (s *server) stop(t *testing.T) {
	s.stopped = true
	if err := s.proc.Stop(10 * time.Second); err != nil {
		t.Error(err)
	}
}

// kill ends the server abruptly, as a crash or a power cut would.
func (s *server) kill() {
	s.stopped = true
	s.proc.Kill()
}

// newBrowser starts Debian's Chromium, headless, with a fresh profile and no
// background networking.
func newBrowser(t *testing.T) context.Context {
	t.Helper()
	ctx := browsertest.NewBrowser(t)
	live.addBrowser(t, ctx)
	return ctx
}

// step runs actions with a time limit, failing the test with what was being
// done.
func step(t *testing.T, ctx context.Context, what string, actions ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	stepWithin(t, ctx, 15*time.Second, what, actions...)
}

// stepWithin is step with its own time limit (a long text typed key by key
// on a loaded machine).
func stepWithin(t *testing.T, ctx context.Context, limit time.Duration, what string, actions ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	sctx, cancel := context.WithTimeout(ctx, limit)
	defer cancel()
	if err := chromedp.Do(sctx, actions...); err != nil {
		t.Fatalf("%s: %v", what, err)
	}
}

// waitText waits until the page's text contains s.
func waitText(t *testing.T, ctx context.Context, s string) {
	t.Helper()
	expr := fmt.Sprintf("document.body && document.body.innerText.includes(%q)", s)
	sctx, cancel := context.WithTimeout(ctx, 15*time.Second)
	defer cancel()
	if _, err := chromedp.Run(sctx, chromedp.Poll[bool](expr)); err != nil {
		body, _ := chromedp.Run(ctx, chromedp.Evaluate[string]("document.body ? document.body.innerText.slice(0, 1500) : ''"))
		t.Fatalf("text %q never appeared: %v\npage text: %s", s, err, body)
	}
}

// screenshot saves the full page as $ERPPS_ARTIFACTS/screenshots/name.png.
func screenshot(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	browsertest.Screenshot(t, ctx, name)
}
