package requests

import (
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"erpps/backend/erpps"
	"erpps/backend/internal/crashtest"
	"erpps/backend/refdata"
	"erpps/backend/sqlite"
)

// The pair crash test: a child process transmits and withdraws moved
// cabinets (a new activity and its linked cessation) in a loop and is killed
// with SIGKILL at random moments; after each kill the two requests of every
// pair have the same status, no move has two cessations, and the file passes
// integrity_check.
const (
	pairEnvPath = "ERPPS_REQUESTS_PAIR_CHILD_DB"
	pairKills   = 100
)

func TestCrashTransmitWithdrawPairs(t *testing.T) {
	if testing.Short() {
		t.Skip("kills a child process 100 times")
	}
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "erpps.db")
	seed := uint64(time.Now().UnixNano())
	t.Logf("seed %d", seed)
	rng := rand.New(rand.NewPCG(seed, 2))
	db := openPairStore(t, path)
	if err := db.SavePractitioner(ctx, fixture(t)); err != nil {
		t.Fatal(err)
	}
	_ = db.Close()

	acks := map[string]int{}
	begin := time.Now()
	for kill := range pairKills {
		got, err := runAndKillPairChild(path, time.Duration(rng.IntN(25))*time.Millisecond)
		if err != nil {
			t.Fatalf("kill %d: %v", kill, err)
		}
		for k, n := range got {
			acks[k] += n
		}
		db := openPairStore(t, path)
		if err := db.IntegrityCheck(ctx); err != nil {
			t.Fatalf("kill %d: %v", kill, err)
		}
		all, err := db.ListRequests(ctx, erpps.RequestFilter{RPPS: rpps, WithoutHistory: true})
		if err != nil {
			t.Fatal(err)
		}
		if err := checkPairs(all); err != nil {
			t.Fatalf("kill %d: %v", kill, err)
		}
		_ = db.Close()
	}
	if acks["transmit"] == 0 || acks["withdraw"] == 0 {
		t.Fatalf("the child acknowledged %v: the test proved nothing", acks)
	}
	t.Logf("%d kills in %v; acknowledged %v", pairKills, time.Since(begin).Round(time.Millisecond), acks)
}

func openPairStore(tb testing.TB, path string) *sqlite.DB {
	tb.Helper()
	db := sqlite.NewDB(path)
	db.Now = time.Now
	if err := db.Open(context.Background()); err != nil {
		tb.Fatal(err)
	}
	return db
}

// checkPairs says what is wrong with the moved cabinets among all.
func checkPairs(all []*erpps.Request) error {
	byID := map[string]*erpps.Request{}
	linked := map[string][]*erpps.Request{}
	openCessations := map[string]int{}
	for _, r := range all {
		byID[r.ID] = r
		if r.Kind == erpps.KindCeaseActivity {
			linked[r.LinkedRequestID] = append(linked[r.LinkedRequestID], r)
			if r.Status.Open() {
				openCessations[r.TargetID]++
			}
		}
	}
	for target, n := range openCessations {
		if n > 1 {
			return fmt.Errorf("%d open cessations of activity %s", n, target)
		}
	}
	for _, r := range all {
		switch r.Kind {
		case erpps.KindCeaseActivity:
			if na := byID[r.LinkedRequestID]; na == nil {
				return fmt.Errorf("cessation %s (%s) linked to no new activity", r.ID, r.Status)
			}
		case erpps.KindNewActivity:
			ceases := linked[r.ID]
			switch {
			case r.Status == erpps.StatusDraft && len(ceases) != 0:
				return fmt.Errorf("draft new activity %s has %d cessations (%s)", r.ID, len(ceases), ceases[0].Status)
			case r.Status != erpps.StatusDraft && len(ceases) != 1:
				return fmt.Errorf("%s new activity %s has %d cessations", r.Status, r.ID, len(ceases))
			case r.Status != erpps.StatusDraft && ceases[0].Status != r.Status:
				return fmt.Errorf("new activity %s is %s, its cessation %s", r.ID, r.Status, ceases[0].Status)
			}
		}
	}
	return nil
}

// runAndKillPairChild starts the child, kills it with SIGKILL after delay
// once it is ready, and counts what it acknowledged.
func runAndKillPairChild(path string, delay time.Duration) (map[string]int, error) {
	cmd := exec.Command(os.Args[0], "-test.run=^TestCrashPairChild$", "-test.count=1")
	cmd.Env = append(os.Environ(), pairEnvPath+"="+path)
	cmd.Stderr = os.Stderr
	acks := map[string]int{}
	err := crashtest.RunAndKill(cmd, delay, func(line string) {
		if id, ok := strings.CutPrefix(line, "ack "); ok {
			acks[id]++
		}
	})
	if err != nil {
		return nil, err
	}
	return acks, nil
}

// TestCrashPairChild is the child of TestCrashTransmitWithdrawPairs; it does
// nothing in a normal run.
func TestCrashPairChild(t *testing.T) {
	path := os.Getenv(pairEnvPath)
	if path == "" {
		t.Skip("the child of TestCrashTransmitWithdrawPairs")
	}
	fail := func(err error) {
		fmt.Printf("error %v\n", err)
		os.Exit(1)
	}
	ctx := context.Background()
	db := sqlite.NewDB(path)
	db.Now = time.Now
	if err := db.Open(ctx); err != nil {
		fail(err)
	}
	cat, err := refdata.Load()
	if err != nil {
		fail(err)
	}
	s := &Service{Practitioners: db, Requests: db, Structures: db, Catalog: cat, Now: func() time.Time { return now }}
	// A move transmitted before the last kill is withdrawn first, as its
	// user would before moving again.
	open, err := db.ListRequests(ctx, erpps.RequestFilter{RPPS: rpps, Kind: erpps.KindNewActivity,
		Statuses: []erpps.RequestStatus{erpps.StatusTransmitted}})
	if err != nil {
		fail(err)
	}
	for _, r := range open {
		if _, err := withdraw(ctx, s, r.ID, "reprise"); err != nil {
			fail(err)
		}
	}
	moved := lyonActivity(t)
	moved.ReplacesActivityID = "act-1"
	fmt.Println("ready")
	for {
		v, err := s.Start(ctx, StartInput{RPPS: rpps, Kind: erpps.KindNewActivity}, me)
		if err != nil {
			fail(err)
		}
		raw, _ := json.Marshal(moved)
		if _, err := saveAt(ctx, s, v.Request.ID, v.Request.Revision, raw); err != nil {
			fail(err)
		}
		if _, err := s.Transmit(ctx, v.Request.ID, me); err != nil {
			fail(err)
		}
		fmt.Println("ack transmit")
		if _, err := withdraw(ctx, s, v.Request.ID, "essai"); err != nil {
			fail(err)
		}
		fmt.Println("ack withdraw")
	}
}
