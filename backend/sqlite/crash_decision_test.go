package sqlite

import (
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"erpps/backend/erpps"
	"erpps/backend/internal/crashtest"
)

// The decisions' crash test: a child process receives requests, takes and
// accepts them (each acceptance adds an activity to the record) in a loop
// and is killed with SIGKILL at random moments; after each kill a request is
// accepted exactly when the record holds its activity and an acceptance is
// recorded, every acknowledged acceptance is there, and the queue's counts
// match the requests.
const (
	crashDecisionEnv   = "ERPPS_SQLITE_CRASH_DECISION_DB"
	crashDecisionKills = 20
)

func TestCrashDecisions(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "erpps.db")
	rng := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 2))
	db := NewDB(path)
	if err := db.Open(ctx); err != nil {
		t.Fatal(err)
	}
	mustSavePractitioner(t, db, crashRPPS, "Testeur", "Alix")
	MustCloseDB(t, db)

	acked := map[string]bool{}
	for kill := range crashDecisionKills {
		cmd := exec.Command(os.Args[0], "-test.run=^TestCrashDecisionChild$", "-test.count=1")
		cmd.Env = append(os.Environ(), crashDecisionEnv+"="+path)
		cmd.Stderr = os.Stderr
		err := crashtest.RunAndKill(cmd, time.Duration(rng.IntN(80))*time.Millisecond, func(line string) {
			if id, ok := strings.CutPrefix(line, "ack "); ok {
				acked[id] = true
			}
		})
		if err != nil {
			t.Fatalf("kill %d: %v", kill, err)
		}
		checkDecisionsWhole(t, path, acked, kill)
	}
	if len(acked) == 0 {
		t.Fatal("the child never acknowledged an acceptance: the test proved nothing")
	}
	t.Logf("%d kills, %d acceptances acknowledged", crashDecisionKills, len(acked))
}

// checkDecisionsWhole reopens the store after a kill and checks that every
// decision is whole.
func checkDecisionsWhole(t *testing.T, path string, acked map[string]bool, kill int) {
	t.Helper()
	ctx := context.Background()
	db := NewDB(path)
	if err := db.Open(ctx); err != nil {
		t.Fatalf("kill %d: reopen: %v", kill, err)
	}
	defer MustCloseDB(t, db)
	if err := db.IntegrityCheck(ctx); err != nil {
		t.Fatalf("kill %d: %v", kill, err)
	}
	p, err := db.FindPractitionerByRPPS(ctx, crashRPPS)
	if err != nil {
		t.Fatal(err)
	}
	list, err := db.ListRequests(ctx, erpps.RequestFilter{RPPS: crashRPPS})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range list {
		_, activityErr := p.ActivityByID("ACT-" + r.ID)
		var actions []erpps.DecisionAction
		decisions, err := db.ListDecisions(ctx, r.ID)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range decisions {
			actions = append(actions, d.Action)
		}
		var want []erpps.DecisionAction
		switch r.Status {
		case erpps.StatusUnderReview:
			want = []erpps.DecisionAction{erpps.DecisionTake}
		case erpps.StatusAccepted:
			want = []erpps.DecisionAction{erpps.DecisionTake, erpps.DecisionAccept}
		}
		if (r.Status == erpps.StatusAccepted) != (activityErr == nil) || !reflect.DeepEqual(actions, want) ||
			len(r.History) != 2+len(want) {
			t.Fatalf("kill %d: request %s %s, its activity in the record: %v, decisions %v, %d steps",
				kill, r.ID, r.Status, activityErr == nil, actions, len(r.History))
		}
		delete(acked, r.ID)
		if r.Status == erpps.StatusAccepted {
			acked[r.ID] = true
		}
	}
	for id := range acked {
		if _, err := p.ActivityByID("ACT-" + id); err != nil {
			t.Fatalf("kill %d: the acknowledged acceptance of %s is lost", kill, id)
		}
	}
	var counted, transmitted int
	if err := db.read.QueryRowContext(ctx, `SELECT coalesce(sum(n), 0) FROM queue_counts`).Scan(&counted); err != nil {
		t.Fatal(err)
	}
	if err := db.read.QueryRowContext(ctx, `SELECT count(*) FROM requests WHERE transmitted_at IS NOT NULL`).Scan(&transmitted); err != nil {
		t.Fatal(err)
	}
	if counted != transmitted {
		t.Fatalf("kill %d: queue_counts %d, transmitted requests %d", kill, counted, transmitted)
	}
}

// TestCrashDecisionChild is the deciding child of TestCrashDecisions; it
// does nothing in a normal run.
func TestCrashDecisionChild(t *testing.T) {
	path := os.Getenv(crashDecisionEnv)
	if path == "" {
		t.Skip("the child of TestCrashDecisions")
	}
	fail := func(err error) {
		fmt.Printf("error %v\n", err)
		os.Exit(1)
	}
	ctx := context.Background()
	db := NewDB(path)
	if err := db.Open(ctx); err != nil {
		fail(err)
	}
	list, err := db.ListRequests(ctx, erpps.RequestFilter{RPPS: crashRPPS, WithoutHistory: true})
	if err != nil {
		fail(err)
	}
	slices.SortFunc(list, func(a, b *erpps.Request) int { return strings.Compare(a.ID, b.ID) })
	next := len(list)
	fmt.Println("ready")
	for i := 0; ; i++ {
		var r *erpps.Request
		if i < len(list) {
			if r = list[i]; r.Status == erpps.StatusAccepted {
				continue
			}
		} else {
			sent := time.Now().UTC()
			r = &erpps.Request{ID: fmt.Sprintf("d-%06d", next), RPPS: crashRPPS, Kind: erpps.KindNewActivity,
				Status: erpps.StatusTransmitted, Department: "75", Payload: json.RawMessage(`{}`), Revision: 2,
				CreatedAt: sent, UpdatedAt: sent, TransmittedAt: &sent, UpdatedBy: professional,
				History: []erpps.RequestEvent{{To: erpps.StatusDraft, At: sent, Actor: professional, Principal: crashRPPS},
					{From: erpps.StatusDraft, To: erpps.StatusTransmitted, At: sent, Actor: professional, Principal: crashRPPS}}}
			next++
			if err := db.ReceiveRequest(ctx, r); err != nil {
				fail(err)
			}
		}
		if err := acceptForCrash(ctx, db, r); err != nil {
			fail(err)
		}
		fmt.Printf("ack %s\n", r.ID) // only once committed
	}
}

// acceptForCrash takes r (unless it is under review already) and accepts
// it, adding its activity to the record.
func acceptForCrash(ctx context.Context, db *DB, r *erpps.Request) error {
	plan := erpps.DecisionPlan{Actor: agent, Principal: r.RPPS}
	if r.Status == erpps.StatusTransmitted {
		plan.Action, plan.At = erpps.DecisionTake, time.Now()
		plan.Step = erpps.RequestStep{RequestID: r.ID, BaseRevision: r.Revision, From: r.Status, To: erpps.StatusUnderReview}
		if _, err := db.CommitDecision(ctx, plan); err != nil {
			return err
		}
	}
	p, err := db.FindPractitionerByRPPS(ctx, r.RPPS)
	if err != nil {
		return err
	}
	record := *p
	record.Activities = append(slices.Clone(p.Activities), erpps.Activity{ID: "ACT-" + r.ID, ProfessionCode: "10",
		StartDate: "2026-04-01", Structure: erpps.Structure{CompanyName: "Cabinet " + r.ID, Department: "75"}})
	plan.Action, plan.At, plan.Record, plan.RecordUpdatedAt = erpps.DecisionAccept, time.Now(), &record, p.UpdatedAt
	plan.Step = erpps.RequestStep{RequestID: r.ID, BaseRevision: r.Revision, From: erpps.StatusUnderReview, To: erpps.StatusAccepted}
	_, err = db.CommitDecision(ctx, plan)
	return err
}
