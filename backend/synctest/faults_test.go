package synctest

import (
	"context"
	"flag"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"erpps/backend/internal/faultproxy"
)

var (
	flagSeeds = flag.Int("seeds", 100, "TestFaults runs the seeds 1..N")
	flagSeed  = flag.Uint64("seed", 0, "TestFaults runs only this seed (to reproduce a failure)")
)

// yearAhead is the clock of the desktop whose clock is wrong.
const yearAhead = 365 * 24 * time.Hour

func TestFaults(t *testing.T) {
	f := theFixture(t)
	var seeds []uint64
	if *flagSeed != 0 {
		seeds = []uint64{*flagSeed}
	} else {
		for s := 1; s <= *flagSeeds; s++ {
			seeds = append(seeds, uint64(s))
		}
	}
	tot := &tally{faults: map[string]int64{}}
	start := time.Now()
	t.Run("seed", func(t *testing.T) {
		for _, seed := range seeds {
			t.Run(fmt.Sprint(seed), func(t *testing.T) {
				t.Parallel()
				if err := runScenario(t, f, seed, tot, sqliteCluster(f)); err != nil {
					t.Fatalf("seed %d: %v\nreproduce: go test ./backend/synctest -run 'TestFaults' -seed %d -v", seed, err, seed)
				}
			})
		}
	})
	if t.Failed() {
		return
	}
	t.Logf("%d runs in %v: %s", len(seeds), time.Since(start).Round(time.Millisecond), tot)
	// The harness must have exercised what it claims: over the seed list,
	// mutations of every outcome and the proxy's faults.
	if len(seeds) >= 50 {
		for name, n := range map[string]int64{
			"mutations": tot.mutations, "applied": tot.applied, "conflicts": tot.conflicts,
			"transmissions": tot.transmits, "decisions": tot.decisions, "restarts": tot.restarts,
			"drop-response": tot.faults["drop-response"], "duplicate": tot.faults["duplicate"],
			"drop-request": tot.faults["drop-request"], "cut-response": tot.faults["cut-response"],
			"cut-request": tot.faults["cut-request"], "reorder": tot.faults["reorder"],
		} {
			if n == 0 {
				t.Errorf("no %s over %d runs: the harness does not exercise it", name, len(seeds))
			}
		}
	}
}

// tally adds up the runs.
type tally struct {
	mu                                    sync.Mutex
	runs, mutations, applied, conflicts   int64
	rejected, acks, transmits, withdrawns int64
	decisions, restarts, downs            int64
	faults                                map[string]int64
}

func (t *tally) add(o *tally) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.runs++
	t.mutations += o.mutations
	t.applied += o.applied
	t.conflicts += o.conflicts
	t.rejected += o.rejected
	t.acks += o.acks
	t.transmits += o.transmits
	t.withdrawns += o.withdrawns
	t.decisions += o.decisions
	t.restarts += o.restarts
	t.downs += o.downs
	for k, v := range o.faults {
		t.faults[k] += v
	}
}

func (t *tally) String() string {
	t.mu.Lock()
	defer t.mu.Unlock()
	var fs []string
	for k, v := range t.faults {
		fs = append(fs, fmt.Sprintf("%s %d", k, v))
	}
	sort.Strings(fs)
	return fmt.Sprintf("%d mutations each applied exactly once, 0 lost (applied %d, conflict %d, rejected %d; %d acknowledgements received); "+
		"%d transmissions and %d withdrawals each once in their history; %d agent decisions; %d server restarts, %d network outages; proxy: %s",
		t.mutations, t.applied, t.conflicts, t.rejected, t.acks, t.transmits, t.withdrawns, t.decisions, t.restarts, t.downs, strings.Join(fs, ", "))
}

// cluster is the server side of a scenario: one or more server processes
// on one database (behind the proxy), the server the agent decides on and
// the counts are read from (direct: the first one when nil), and the
// owner's session token there.
type cluster struct {
	servers []node
	direct  *liveServer
	token   string
}

// node is a server behind the proxy.
type node interface {
	URL() string
	// restart stops the server and starts it again (a new port); it
	// returns the new URL.
	restart() (string, error)
}

func (c *cluster) urls() []string {
	var out []string
	for _, s := range c.servers {
		out = append(out, s.URL())
	}
	return out
}

// sqliteCluster is one server on a copy of the fixture's SQLite file.
func sqliteCluster(f *fixture) func(t *testing.T) (*cluster, error) {
	return func(t *testing.T) (*cluster, error) {
		path := filepath.Join(t.TempDir(), "server.db")
		if err := copyFile(f.template, path); err != nil {
			return nil, err
		}
		srv := startServer(t, f.cat, path)
		return &cluster{servers: []node{srv}, direct: srv, token: f.token}, nil
	}
}

// runScenario runs the scenario of one seed and checks the counts.
func runScenario(t *testing.T, f *fixture, seed uint64, tot *tally, newCluster func(t *testing.T) (*cluster, error)) error {
	ctx := context.Background()
	dir := t.TempDir()
	cl, err := newCluster(t)
	if err != nil {
		return err
	}
	srv := cl.direct // the agent's and the counts'
	rng := rand.New(rand.NewPCG(seed, 0))
	faults := faultproxy.Flaky
	faults.MaxDelay = time.Duration(1+rng.IntN(20)) * time.Millisecond
	proxy, err := faultproxy.New(faultproxy.Config{Seed: seed, Targets: cl.urls(), HoldMax: 20 * time.Millisecond})
	if err != nil {
		return err
	}
	defer proxy.Close()

	// Two or three desktops of the practitioner, one with its clock a year
	// ahead.
	var desktops []*desktop
	n := 2 + rng.IntN(2)
	wrongClock := rng.IntN(n)
	for i := range n {
		clock := time.Duration(0)
		if i == wrongClock {
			clock = yearAhead
		}
		d, err := openDesktop(ctx, desktopConfig{
			name: fmt.Sprintf("d%d", i+1), dir: dir, cat: f.cat, baseURL: proxy.URL(), token: cl.token,
			actor: f.owner.Actor(), rpps: f.practitioner.RPPS, clock: clock, seed: seed*10 + uint64(i), template: f.replica,
		})
		if err != nil {
			return err
		}
		d.tag = i + 1
		defer d.Close()
		desktops = append(desktops, d)
	}
	// Everyone gets the record over a clean network first.
	for _, d := range desktops {
		if err := d.syncOnce(ctx); err != nil {
			return fmt.Errorf("first sync of %s: %w", d.name, err)
		}
	}
	if err := proxy.SetFaults(faults); err != nil {
		return err
	}

	run := &tally{faults: map[string]int64{}}
	var wg sync.WaitGroup
	errs := make(chan error, n+1)
	done := make(chan struct{})
	for i, d := range desktops {
		wg.Go(func() {
			drng := rand.New(rand.NewPCG(seed, uint64(i+1)))
			steps := 8 + drng.IntN(10)
			for step := range steps {
				if err := d.act(ctx, drng, step); err != nil {
					errs <- err
					return
				}
				if drng.IntN(3) == 0 {
					_ = d.syncOnce(ctx) // the network may fail it: retried later
				}
			}
		})
	}
	agentDone := make(chan struct{})
	go func() {
		defer close(agentDone)
		arng := rand.New(rand.NewPCG(seed, 1000))
		for {
			select {
			case <-done:
				return
			case <-time.After(time.Duration(1+arng.IntN(10)) * time.Millisecond):
			}
			if decided, err := agentDecides(ctx, srv, f, arng); err != nil {
				errs <- err
				return
			} else if decided {
				run.decisions++
			}
		}
	}()
	// Meanwhile the server restarts and the network goes down.
	for range rng.IntN(3) {
		time.Sleep(time.Duration(rng.IntN(30)) * time.Millisecond)
		if rng.IntN(2) == 0 {
			if _, err := cl.servers[rng.IntN(len(cl.servers))].restart(); err != nil {
				return err
			}
			proxy.SetTargets(cl.urls()...)
			run.restarts++
		} else {
			proxy.SetDown(true)
			time.Sleep(time.Duration(rng.IntN(20)) * time.Millisecond)
			proxy.SetDown(false)
			run.downs++
		}
	}
	wg.Wait()
	close(done)
	<-agentDone
	select {
	case err := <-errs:
		return err
	default:
	}

	// The network heals: every desktop syncs until nothing is left.
	if err := proxy.SetFaults(faultproxy.Faults{}); err != nil {
		return err
	}
	proxy.SetDown(false)
	for k, v := range proxy.Counts() {
		run.faults[k] = v
	}
	if err := settle(ctx, desktops); err != nil {
		return err
	}
	// The conflicts and rejections set aside: the user takes the server's
	// version, and everyone syncs again.
	for _, d := range desktops {
		aside, err := d.db.ListSetAside(ctx)
		if err != nil {
			return err
		}
		resolved := map[string]bool{}
		for _, m := range aside {
			if resolved[m.RequestID] {
				continue // settled with the request's first one
			}
			resolved[m.RequestID] = true
			if err := d.db.ResolveConflict(ctx, m.RequestID, nil, d.actor); err != nil {
				return fmt.Errorf("%s: resolve %s: %w", d.name, m.RequestID, err)
			}
		}
	}
	if err := settle(ctx, desktops); err != nil {
		return err
	}
	store, _ := srv.current()
	if err := check(ctx, store, f, desktops, run); err != nil {
		return err
	}
	tot.add(run)
	return nil
}

// settle syncs every desktop, in turns, until each has nothing pending and
// has pulled what the others pushed.
func settle(ctx context.Context, desktops []*desktop) error {
	var last error
	for round := 0; round < 30; round++ {
		clean := true
		for _, d := range desktops {
			if err := d.syncOnce(ctx); err != nil {
				last, clean = fmt.Errorf("%s: %w", d.name, err), false
				continue
			}
			s, err := d.db.SyncSummary(ctx)
			if err != nil {
				return err
			}
			if s.Pending > 0 {
				clean = false
			}
		}
		if clean {
			// One more turn: the last pushes reach the others.
			for _, d := range desktops {
				if err := d.syncOnce(ctx); err != nil {
					return fmt.Errorf("%s after healing: %w", d.name, err)
				}
			}
			return nil
		}
	}
	return fmt.Errorf("still not settled after 30 rounds over a healed network: %v", last)
}
