package synctest

import (
	"context"
	"fmt"
	"net"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"erpps/backend/browsertest"
	"erpps/backend/internal/pgtest"
	"erpps/backend/postgres"
)

// TestTwoServerProcessesOnPostgres runs the fault scenarios against two
// erpps-server PROCESSES (the real binary, `serve --database`) on one
// PostgreSQL database, both behind the proxy: a desktop's retry, a
// duplicate or the next push may reach either; a restart is the process
// stopped (SIGTERM) and started again. The agent decides and the counts are
// read through a third pool on the same database.
func TestTwoServerProcessesOnPostgres(t *testing.T) {
	f := theFixture(t)
	pgtest.ServerFor(t)
	bin := serverBinary(t)
	var seeds []uint64
	if *flagSeed != 0 {
		seeds = []uint64{*flagSeed}
	} else {
		for s := 1; s <= *flagPGSeeds; s++ {
			seeds = append(seeds, uint64(s))
		}
	}
	tot := &tally{faults: map[string]int64{}}
	t.Run("seed", func(t *testing.T) {
		for _, seed := range seeds {
			t.Run(fmt.Sprint(seed), func(t *testing.T) {
				if err := runScenario(t, f, seed, tot, processCluster(f, bin)); err != nil {
					t.Fatalf("seed %d: %v\nreproduce: go test ./backend/synctest -run 'TestTwoServerProcessesOnPostgres' -seed %d -v", seed, err, seed)
				}
			})
		}
	})
	if !t.Failed() {
		t.Logf("two erpps-server processes on PostgreSQL, %d runs: %s", len(seeds), tot)
	}
}

// serverBinary builds erpps-server once per test binary.
func serverBinary(t *testing.T) string {
	t.Helper()
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	return browsertest.ServerBinary(t, root)
}

// processCluster is two erpps-server processes on a new PostgreSQL
// database seeded with the fixture.
func processCluster(f *fixture, bin string) func(t *testing.T) (*cluster, error) {
	return func(t *testing.T) (*cluster, error) {
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		defer cancel()
		url := pgtest.NewDatabase(t)
		seeding, err := postgres.Open(ctx, url)
		if err != nil {
			return nil, err
		}
		token, err := f.seed(ctx, seeding)
		seeding.Close()
		if err != nil {
			return nil, err
		}
		data := t.TempDir() // the authority's key, shared
		keys := exec.Command(bin, "keys", "rotate", "--signing-key-file", filepath.Join(data, "authority-key.pem"))
		keys.Env = browsertest.ServerEnv()
		if out, err := keys.CombinedOutput(); err != nil {
			return nil, fmt.Errorf("erpps-server keys rotate: %v\n%s", err, out)
		}
		var servers []node
		for i := range 2 {
			p := &processServer{bin: bin, data: data, database: url, name: fmt.Sprintf("server %d", i+1)}
			if err := p.start(); err != nil {
				return nil, err
			}
			t.Cleanup(p.stop)
			servers = append(servers, p)
		}
		direct := startServerOn(t, f.cat, func() (serverStore, error) { return postgres.Open(context.Background(), url) })
		return &cluster{servers: servers, direct: direct, token: token}, nil
	}
}

// processServer is an erpps-server process on loopback.
type processServer struct {
	bin, data, database, name string

	mu   sync.Mutex
	proc *browsertest.Process
	url  string
}

func (p *processServer) start() error {
	addr, err := freeAddr()
	if err != nil {
		return err
	}
	cmd := exec.Command(p.bin, "serve", "--addr", addr, "--data", p.data, "--database", p.database)
	cmd.Env = browsertest.ServerEnv()
	proc, _, err := browsertest.StartProcess(cmd, browsertest.ServerListening, 60*time.Second)
	if err != nil {
		return fmt.Errorf("%s: %w", p.name, err)
	}
	p.mu.Lock()
	p.proc, p.url = proc, "http://"+addr
	p.mu.Unlock()
	return nil
}

// stop ends the process with SIGTERM (it finishes the requests in flight),
// killing it after 20 s.
func (p *processServer) stop() {
	p.mu.Lock()
	proc := p.proc
	p.proc = nil
	p.mu.Unlock()
	if proc != nil {
		_ = proc.Stop(20 * time.Second)
	}
}

func (p *processServer) restart() (string, error) {
	p.stop()
	if err := p.start(); err != nil {
		return "", err
	}
	return p.URL(), nil
}

func (p *processServer) URL() string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.url
}

// freeAddr returns a loopback address with a port free now.
func freeAddr() (string, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", err
	}
	addr := l.Addr().String()
	if err := l.Close(); err != nil {
		return "", err
	}
	return addr, nil
}
