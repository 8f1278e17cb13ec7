package synctest

import (
	"context"
	"flag"
	"fmt"
	"testing"
	"time"

	"erpps/backend/internal/pgtest"
	"erpps/backend/postgres"
)

var flagPGSeeds = flag.Int("pgseeds", 3, "TestTwoServersOnPostgres runs the seeds 1..N")

// TestTwoServersOnPostgres runs the fault scenarios against two server
// processes (each its own pool, its own handler and sync service, as two
// erpps-server processes) on one PostgreSQL database, both behind the
// proxy: a desktop's retry, a duplicate or the next push may reach either.
func TestTwoServersOnPostgres(t *testing.T) {
	f := theFixture(t)
	pgtest.ServerFor(t)
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
				if err := runScenario(t, f, seed, tot, postgresCluster(f)); err != nil {
					t.Fatalf("seed %d: %v\nreproduce: go test ./backend/synctest -run 'TestTwoServersOnPostgres' -seed %d -v", seed, err, seed)
				}
			})
		}
	})
	if !t.Failed() {
		t.Logf("two servers on PostgreSQL, %d runs: %s", len(seeds), tot)
	}
}

// postgresCluster is two servers on a new PostgreSQL database seeded with
// the fixture.
func postgresCluster(f *fixture) func(t *testing.T) (*cluster, error) {
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
		open := func() (serverStore, error) { return postgres.Open(context.Background(), url) }
		first := startServerOn(t, f.cat, open)
		return &cluster{servers: []node{first, startServerOn(t, f.cat, open)}, direct: first, token: token}, nil
	}
}
