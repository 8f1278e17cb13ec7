// Package pgtest starts a throwaway PostgreSQL server for the tests of a
// package: one server per test binary (started by Main, from TestMain), a
// fresh database per test (NewDatabase).
//
// The server is Debian's PostgreSQL (15), run as root the way
// /work/shared/STACK.md says: initdb in a temporary folder as the `postgres`
// user, a loopback port, a socket in the same folder, fast stop when the
// tests end. Its durability settings are off (fsync, synchronous_commit):
// the data is thrown away, and a clean stop still keeps everything.
//
// When the tests do not run as root or PostgreSQL is not installed, the
// tests that ask for a database are skipped, unless ERPPS_REQUIRE_POSTGRES
// is set (CI sets it): then they fail.
//
//	func TestMain(m *testing.M) { os.Exit(pgtest.Main(m)) }
//
//	func TestX(t *testing.T) {
//		url := pgtest.NewDatabase(t)
//		...
//	}
package pgtest

import (
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// RequireEnv, when set (to anything), makes a test that cannot have a
// PostgreSQL server fail instead of skipping.
const RequireEnv = "ERPPS_REQUIRE_POSTGRES"

// BinEnv may name the folder of initdb, pg_ctl and postgres (default: the
// newest /usr/lib/postgresql/*/bin, 15 on Debian 12).
const BinEnv = "ERPPS_POSTGRES_BIN"

// Server is a running throwaway PostgreSQL server.
type Server struct {
	bin  string // folder of initdb, pg_ctl
	dir  string // temporary folder (mode 755) holding data/ (with the socket) and the log
	data string // data folder, owned by postgres, mode 700
	port int
	log  string

	mu      sync.Mutex
	running bool
	dbs     atomic.Int64
}

// The server of this test binary, set by Main; when there is none, why says
// why: a skip (or a failure when RequireEnv is set), or, with failed, a
// failure to start it.
var (
	current *Server
	why     string
	failed  bool
)

// Main starts the server, runs the tests and stops the server; it returns
// the exit code for os.Exit. A server that cannot be started is reported by
// every NewDatabase (a skip or a failure), not here.
func Main(m *testing.M) int {
	srv, reason, err := start()
	switch {
	case err != nil:
		why, failed = "pgtest: "+err.Error(), true
	case reason != "":
		why = reason
	default:
		current = srv
	}
	var watchdog *exec.Cmd
	if current != nil {
		watchdog = current.watch()
	}
	code := m.Run()
	if watchdog != nil {
		_ = watchdog.Process.Kill()
		_ = watchdog.Wait()
	}
	if current != nil {
		if err := current.Stop(); err != nil {
			fmt.Fprintln(os.Stderr, "pgtest:", err)
		}
		if err := os.RemoveAll(current.dir); err != nil {
			fmt.Fprintln(os.Stderr, "pgtest:", err)
		}
	}
	return code
}

// Required tells whether a missing PostgreSQL is a failure (CI).
func Required() bool { return os.Getenv(RequireEnv) != "" }

// ServerFor returns the server of this test binary, skipping (or failing,
// when RequireEnv is set) the test when there is none.
func ServerFor(tb testing.TB) *Server {
	tb.Helper()
	if current != nil {
		return current
	}
	if why == "" {
		tb.Fatal("pgtest: no server: call pgtest.Main from TestMain")
	}
	if mustFail(Required(), failed) {
		if !failed {
			tb.Fatal(RequireEnv + " is set and there is no PostgreSQL for the tests: " + why)
		}
		tb.Fatal(why)
	}
	tb.Skip(why)
	return nil
}

// mustFail tells whether a test without a server fails rather than skips:
// when a server is required (CI) or could not be started on a machine that
// has PostgreSQL and root.
func mustFail(required, startFailed bool) bool { return required || startFailed }

// NewDatabase creates an empty database for this test on the server of the
// test binary and returns its URL; the database is dropped when the test
// ends (after the cleanups registered later, such as closing a pool).
func NewDatabase(tb testing.TB) string {
	tb.Helper()
	return ServerFor(tb).NewDatabase(tb)
}

// NewDatabase creates an empty database and returns its URL; it is dropped
// when the test ends.
func (s *Server) NewDatabase(tb testing.TB) string {
	tb.Helper()
	name := fmt.Sprintf("t%d_%d", os.Getpid(), s.dbs.Add(1))
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if err := s.admin(ctx, "CREATE DATABASE "+name); err != nil {
		tb.Fatalf("pgtest: create database: %v", err)
	}
	tb.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		if err := s.admin(ctx, "DROP DATABASE IF EXISTS "+name+" WITH (FORCE)"); err != nil {
			tb.Logf("pgtest: drop database %s: %v", name, err)
		}
	})
	return s.URL(name)
}

// URL returns the connection URL of database name.
func (s *Server) URL(name string) string {
	return fmt.Sprintf("postgres://postgres@127.0.0.1:%d/%s?sslmode=disable", s.port, name)
}

// Port returns the loopback port of the server.
func (s *Server) Port() int { return s.port }

// admin runs one statement on the postgres database.
func (s *Server) admin(ctx context.Context, sql string) error {
	conn, err := pgx.Connect(ctx, s.URL("postgres"))
	if err != nil {
		return err
	}
	defer conn.Close(context.Background())
	_, err = conn.Exec(ctx, sql)
	return err
}

// start makes and starts a server; reason says why there is none when the
// machine cannot have one (not root, not installed).
func start() (srv *Server, reason string, err error) {
	if os.Geteuid() != 0 {
		return nil, "pgtest: PostgreSQL tests need root (to run initdb as postgres)", nil
	}
	bin, err := findBin()
	if err != nil {
		return nil, "pgtest: PostgreSQL is not installed (" + err.Error() + ")", nil
	}
	if _, err := user.Lookup("postgres"); err != nil {
		return nil, "pgtest: no postgres user: " + err.Error(), nil
	}
	dir, err := os.MkdirTemp("", "pgtest-")
	if err != nil {
		return nil, "", err
	}
	srv = &Server{bin: bin, dir: dir, data: filepath.Join(dir, "data"), log: filepath.Join(dir, "server.log")}
	if err := srv.init(); err != nil {
		os.RemoveAll(dir)
		return nil, "", err
	}
	// A port found free may be taken before the server binds it: try again.
	for attempt := 0; ; attempt++ {
		if srv.port, err = freePort(); err != nil {
			break
		}
		if err = srv.Start(); err == nil || attempt == 2 {
			break
		}
	}
	if err != nil {
		os.RemoveAll(dir)
		return nil, "", err
	}
	return srv, "", nil
}

// findBin returns the folder of PostgreSQL's programs.
func findBin() (string, error) {
	if dir := os.Getenv(BinEnv); dir != "" {
		return dir, nil
	}
	found, _ := filepath.Glob("/usr/lib/postgresql/*/bin/initdb")
	if len(found) == 0 {
		return "", errors.New("no /usr/lib/postgresql/*/bin/initdb")
	}
	sort.Slice(found, func(i, j int) bool { return version(found[i]) < version(found[j]) })
	return filepath.Dir(found[len(found)-1]), nil
}

// version reads the major version in /usr/lib/postgresql/N/bin/initdb.
func version(path string) int {
	n, _ := strconv.Atoi(filepath.Base(filepath.Dir(filepath.Dir(path))))
	return n
}

// init makes the data folder as the postgres user.
func (s *Server) init() error {
	if err := os.Chmod(s.dir, 0o755); err != nil {
		return err
	}
	if err := os.Mkdir(s.data, 0o700); err != nil {
		return err
	}
	if err := os.WriteFile(s.log, nil, 0o600); err != nil {
		return err
	}
	if out, err := exec.Command("chown", "postgres:postgres", s.data, s.log).CombinedOutput(); err != nil {
		return fmt.Errorf("chown the data folder: %v: %s", err, out)
	}
	out, err := s.asPostgres(filepath.Join(s.bin, "initdb"), "-D", s.data, "-A", "trust", "-U", "postgres",
		"-E", "UTF8", "--locale=C.UTF-8", "--no-sync").CombinedOutput()
	if err != nil {
		return fmt.Errorf("initdb: %v: %s", err, out)
	}
	return nil
}

// Start starts the server (again, after Stop) and waits until it accepts
// connections.
func (s *Server) Start() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.running {
		return nil
	}
	opts := fmt.Sprintf("-p %d -k %s -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off "+
		"-c full_page_writes=off -c max_connections=200", s.port, s.data)
	out, err := s.asPostgres(filepath.Join(s.bin, "pg_ctl"), "-D", s.data, "-l", s.log, "-o", opts, "-w", "-t", "60", "start").CombinedOutput()
	if err != nil {
		tail, _ := os.ReadFile(s.log)
		return fmt.Errorf("pg_ctl start: %v: %s\n%s", err, out, lastLines(string(tail), 20))
	}
	s.running = true
	return nil
}

// Stop stops the server (fast: open sessions are ended, what is committed
// stays).
func (s *Server) Stop() error { return s.stop("fast") }

// Crash stops the server the way a crash does (immediate: every process
// quits at once, no checkpoint); the next Start recovers from the WAL.
func (s *Server) Crash() error { return s.stop("immediate") }

func (s *Server) stop(mode string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.running {
		return nil
	}
	out, err := s.asPostgres(filepath.Join(s.bin, "pg_ctl"), "-D", s.data, "-m", mode, "-w", "-t", "60", "stop").CombinedOutput()
	if err != nil {
		return fmt.Errorf("pg_ctl stop: %v: %s", err, out)
	}
	s.running = false
	return nil
}

// Restart stops then starts the server.
func (s *Server) Restart() error {
	if err := s.Stop(); err != nil {
		return err
	}
	return s.Start()
}

// watch starts a process that stops the server and removes its folder when
// this test binary dies without cleaning up (a test timeout panics past
// every deferred call): no PostgreSQL is left running on a shared machine.
// It returns nil when it cannot start one.
func (s *Server) watch() *exec.Cmd {
	script := fmt.Sprintf(`while kill -0 %d 2>/dev/null; do sleep 1; done
runuser -u postgres -- %q -D %q -m immediate stop >/dev/null 2>&1
rm -rf %q`, os.Getpid(), filepath.Join(s.bin, "pg_ctl"), s.data, s.dir)
	cmd := exec.Command("sh", "-c", script)
	if err := cmd.Start(); err != nil {
		fmt.Fprintln(os.Stderr, "pgtest: no watchdog:", err)
		return nil
	}
	return cmd
}

// asPostgres prepares a command run as the postgres user.
func (s *Server) asPostgres(name string, args ...string) *exec.Cmd {
	cmd := exec.Command("runuser", append([]string{"-u", "postgres", "--", name}, args...)...)
	cmd.Dir = s.dir
	return cmd
}

// freePort returns a loopback TCP port nobody listens on now.
func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

func lastLines(s string, n int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}
