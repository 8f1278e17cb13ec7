package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"erpps/backend/erpps"
	"erpps/backend/internal/crashtest"
)

// The replica's crash test: a child process in Replica mode creates, saves,
// transmits, withdraws and deletes drafts and marks mutations sent, in a
// loop, and is killed with SIGKILL at random moments. After each kill, no
// action is without its mutation nor a mutation without its action: every
// draft's last mutation is a save of its very payload, every transmitted or
// withdrawn request's last mutation is that action, a request gone locally
// left a delete_draft only if something of it was sent, and the seqs have
// no gap.
const (
	crashReplicaEnv   = "ERPPS_SQLITE_CRASH_REPLICA_DB"
	crashReplicaKills = 40
)

func TestCrashReplica(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "erpps.db")
	seed := uint64(time.Now().UnixNano())
	t.Logf("seed %d", seed)
	rng := rand.New(rand.NewPCG(seed, 2))

	db := NewDB(path)
	db.Replica = true
	if err := db.Open(ctx); err != nil {
		t.Fatal(err)
	}
	mustSavePractitioner(t, db, crashRPPS, "Testeur", "Alix")
	MustCloseDB(t, db)

	actions := 0
	for kill := range crashReplicaKills {
		cmd := exec.Command(os.Args[0], "-test.run=^TestCrashReplicaChild$", "-test.count=1")
		cmd.Env = append(os.Environ(), crashReplicaEnv+"="+path)
		cmd.Stderr = os.Stderr
		err := crashtest.RunAndKill(cmd, time.Duration(20+rng.IntN(80))*time.Millisecond, func(line string) {
			if strings.HasPrefix(line, "did ") {
				actions++
			}
		})
		if err != nil {
			t.Fatalf("kill %d: %v", kill, err)
		}
		db := NewDB(path)
		db.Replica = true
		if err := db.Open(ctx); err != nil {
			t.Fatalf("kill %d: reopen: %v", kill, err)
		}
		if err := db.IntegrityCheck(ctx); err != nil {
			t.Fatalf("kill %d: %v", kill, err)
		}
		if err := checkReplicaWhole(ctx, db); err != nil {
			t.Fatalf("kill %d: %v", kill, err)
		}
		MustCloseDB(t, db)
	}
	if actions == 0 {
		t.Fatal("the child never acted: the test proved nothing")
	}
	t.Logf("%d kills, %d actions acknowledged", crashReplicaKills, actions)
}

// checkReplicaWhole checks that the requests and the mutations of db tell
// the same story.
func checkReplicaWhole(ctx context.Context, db *DB) error {
	var last int64
	if err := db.read.QueryRowContext(ctx, `SELECT last_seq FROM replica_state`).Scan(&last); err != nil {
		return err
	}
	all, err := db.listMutations(ctx, "list", 0, erpps.PendingQueued, erpps.PendingSent)
	if err != nil {
		return err
	}
	if int64(len(all)) != last {
		return fmt.Errorf("%d mutations for last seq %d", len(all), last)
	}
	lastOf := map[string]erpps.PendingMutation{}
	sentOf := map[string]bool{}
	for i, m := range all {
		if m.Seq != int64(i+1) {
			return fmt.Errorf("seq %d at position %d: a gap", m.Seq, i)
		}
		lastOf[m.RequestID] = m
		if m.Status == erpps.PendingSent {
			sentOf[m.RequestID] = true
		}
	}
	requests, err := db.ListRequests(ctx, erpps.RequestFilter{RPPS: crashRPPS, WithoutHistory: true})
	if err != nil {
		return err
	}
	local := map[string]bool{}
	for _, r := range requests {
		local[r.ID] = true
		m, ok := lastOf[r.ID]
		want := map[erpps.RequestStatus]erpps.MutationKind{erpps.StatusDraft: erpps.MutationSaveDraft,
			erpps.StatusTransmitted: erpps.MutationTransmit, erpps.StatusWithdrawn: erpps.MutationWithdraw}[r.Status]
		switch {
		case !ok:
			return fmt.Errorf("request %s (%s) has no mutation", r.ID, r.Status)
		case m.Kind != want:
			return fmt.Errorf("request %s is %s but its last mutation is %s", r.ID, r.Status, m.Kind)
		case r.Status == erpps.StatusDraft && string(m.Payload) != string(r.Payload):
			return fmt.Errorf("draft %s holds a payload its mutation does not (%d vs %d bytes)", r.ID, len(r.Payload), len(m.Payload))
		}
	}
	for id, m := range lastOf {
		if local[id] {
			continue
		}
		if m.Kind != erpps.MutationDeleteDraft || !sentOf[id] {
			return fmt.Errorf("request %s is gone but its last mutation is %s %s", id, m.Kind, m.Status)
		}
	}
	return nil
}

// TestCrashReplicaChild is the acting child of TestCrashReplica; it does
// nothing in a normal run.
func TestCrashReplicaChild(t *testing.T) {
	path := os.Getenv(crashReplicaEnv)
	if path == "" {
		t.Skip("the child of TestCrashReplica")
	}
	fail := func(err error) {
		fmt.Printf("error %v\n", err)
		os.Exit(1)
	}
	ctx := erpps.WithActor(context.Background(), professional)
	db := NewDB(path)
	db.Replica = true
	if err := db.Open(ctx); err != nil {
		fail(err)
	}
	rng := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), uint64(os.Getpid())))
	payload := func() json.RawMessage {
		data, _ := json.Marshal(map[string]any{"n": rng.Int64(), "filler": strings.Repeat("x", rng.IntN(6000))})
		return data
	}
	pick := func(status erpps.RequestStatus) *erpps.Request {
		list, err := db.ListRequests(ctx, erpps.RequestFilter{RPPS: crashRPPS, Statuses: []erpps.RequestStatus{status}, WithoutHistory: true})
		if err != nil {
			fail(err)
		}
		if len(list) == 0 {
			return nil
		}
		return list[rng.IntN(len(list))]
	}
	fmt.Println("ready")
	for {
		var err error
		what := ""
		switch n := rng.IntN(100); {
		case n < 50:
			if r := pick(erpps.StatusDraft); r != nil {
				_, err = db.SaveDraft(ctx, r.ID, r.Revision, payload(), professional)
				what = "save"
			}
		case n < 62:
			r := &erpps.Request{RPPS: crashRPPS, Kind: erpps.KindCeaseActivity, TargetID: "ACT-" + strconv.Itoa(rng.IntN(1e9)), Payload: payload()}
			err, what = db.CreateRequest(ctx, r, professional), "create"
		case n < 72:
			if r := pick(erpps.StatusDraft); r != nil {
				err, what = db.DeleteDraft(ctx, r.ID), "delete"
			}
		case n < 82:
			if r := pick(erpps.StatusDraft); r != nil {
				_, err = db.CommitTransmit(ctx, erpps.TransmitPlan{RequestID: r.ID, BaseRevision: r.Revision,
					Payload: r.Payload, Department: "75", Actor: professional, Principal: crashRPPS})
				what = "transmit"
			}
		case n < 88:
			if r := pick(erpps.StatusTransmitted); r != nil {
				_, err = db.CommitWithdraw(ctx, erpps.WithdrawPlan{RequestID: r.ID, BaseRevision: r.Revision,
					Actor: professional, Principal: crashRPPS})
				what = "withdraw"
			}
		default:
			var last sql.NullInt64
			if err = db.read.QueryRowContext(ctx, `SELECT max(seq) FROM replica_mutations`).Scan(&last); err == nil && last.Valid {
				err, what = db.MarkMutationsSent(ctx, last.Int64), "mark"
			}
		}
		if err != nil {
			fail(err)
		}
		if what != "" {
			fmt.Printf("did %s\n", what)
		}
	}
}
