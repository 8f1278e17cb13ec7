package synctest

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"erpps/backend/erpps"
	"erpps/backend/internal/faultproxy"
	"erpps/backend/refdata"
	"erpps/backend/requests"
)

// childEnv carries, to the child process of TestKilledBetweenCommitAndAck,
// the JSON of its childJob.
const childEnv = "ERPPS_SYNCTEST_CHILD"

// childJob is what a child desktop does before it is killed.
type childJob struct {
	Dir     string      `json:"dir"`
	BaseURL string      `json:"baseUrl"`
	Token   string      `json:"token"`
	RPPS    string      `json:"rpps"`
	Actor   erpps.Actor `json:"actor"`
	Round   int         `json:"round"`
}

// killRounds is how many times the desktop is killed.
const killRounds = 4

// TestKilledBetweenCommitAndAck runs the desktop (its store and sync
// client) in a child process that edits, transmits and withdraws, then
// syncs; the proxy sees the server's answer to its push (the mutations are
// committed on the server) and kills the child with SIGKILL before the
// answer reaches it: the desktop never acknowledged. Again, four times,
// each child starting from the file the previous one left. Then a desktop
// on the same file syncs: the server answers the replayed mutations with
// their stored results, and every mutation is applied exactly once.
func TestKilledBetweenCommitAndAck(t *testing.T) {
	if raw := os.Getenv(childEnv); raw != "" {
		runChild(t, raw)
		return
	}
	f := theFixture(t)
	ctx := context.Background()
	dir := t.TempDir()
	path := filepath.Join(dir, "server.db")
	if err := copyFile(f.template, path); err != nil {
		t.Fatal(err)
	}
	srv := startServer(t, f.cat, path)

	var mu sync.Mutex
	var child *exec.Cmd
	killed := 0
	proxy, err := faultproxy.New(faultproxy.Config{Seed: 1, Targets: []string{srv.URL()}, OnAnswer: func(a faultproxy.Answer) {
		mu.Lock()
		defer mu.Unlock()
		if child != nil && a.Path == "/api/v1/sync/push" && a.Status == http.StatusOK {
			_ = child.Process.Signal(syscall.SIGKILL) // the server committed; the desktop has no answer yet
			child = nil
			killed++
		}
	}})
	if err != nil {
		t.Fatal(err)
	}
	defer proxy.Close()

	store, _ := srv.current()
	for round := range killRounds {
		job, _ := json.Marshal(childJob{Dir: dir, BaseURL: proxy.URL(), Token: f.token, RPPS: f.practitioner.RPPS, Actor: f.owner.Actor(), Round: round})
		cmd := exec.Command(os.Args[0], "-test.run=^TestKilledBetweenCommitAndAck$", "-test.v")
		cmd.Env = append(os.Environ(), childEnv+"="+string(job))
		stdout, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		stdin, err := cmd.StdinPipe()
		if err != nil {
			t.Fatal(err)
		}
		cmd.Stderr = os.Stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		// Armed once the child has made its changes: its first sync pulls
		// the record, unharmed.
		var lines []string
		scan := bufio.NewScanner(stdout)
		for scan.Scan() {
			lines = append(lines, scan.Text())
			if strings.HasPrefix(scan.Text(), "ready") {
				mu.Lock()
				child = cmd
				mu.Unlock()
				_, _ = io.WriteString(stdin, "go\n")
			}
		}
		err = cmd.Wait()
		ws, _ := cmd.ProcessState.Sys().(syscall.WaitStatus)
		if !ws.Signaled() || ws.Signal() != syscall.SIGKILL {
			t.Fatalf("round %d: the child was not killed (%v):\n%v", round, err, lines)
		}
		// The window was hit: the server holds results the desktop never
		// acknowledged.
		d := openDesktopT(t, ctx, dir, "", f, f.token)
		pending, err := d.db.ListPendingMutations(ctx, 0)
		if err != nil {
			t.Fatal(err)
		}
		sum, err := d.db.SyncSummary(ctx)
		if err != nil {
			t.Fatal(err)
		}
		unacked := 0
		for _, m := range pending {
			if _, err := store.FindMutationResult(ctx, sum.ClientID, m.Seq); err == nil {
				if m.Status != erpps.PendingSent {
					t.Fatalf("round %d: seq %d applied on the server but %s on the desktop", round, m.Seq, m.Status)
				}
				unacked++
			}
		}
		d.Close()
		if unacked == 0 {
			t.Fatalf("round %d: killed, but no mutation committed on the server is waiting for its ack (%d pending)", round, len(pending))
		}
		t.Logf("round %d: killed with %d mutations committed on the server and not acknowledged", round, unacked)
	}
	if killed != killRounds {
		t.Fatalf("%d kills, want %d", killed, killRounds)
	}
	// Restarted, over a quiet network: replays, acks, everything once.
	d := openDesktopT(t, ctx, dir, proxy.URL(), f, f.token)
	defer d.Close()
	if err := settle(ctx, []*desktop{d}); err != nil {
		t.Fatal(err)
	}
	run := &tally{faults: map[string]int64{}}
	// The recorder of this last desktop saw only what was still pending: the
	// earlier seqs were acknowledged by the children. Count them from the
	// server's side: seqs 1..last, each once, none after.
	sum, err := d.db.SyncSummary(ctx)
	if err != nil {
		t.Fatal(err)
	}
	last, err := store.BindSyncClient(ctx, sum.ClientID, f.owner.ID)
	if err != nil {
		t.Fatal(err)
	}
	maxSeq, ids, _, _, acks := d.rec.snapshot()
	if last != maxSeq {
		t.Fatalf("the server's last seq is %d, the desktop's %d", last, maxSeq)
	}
	for seq, id := range ids {
		res, err := store.FindMutationResult(ctx, sum.ClientID, seq)
		if err != nil || res.MutationID != id || len(acks[seq]) == 0 || acks[seq][0].Outcome != res.Outcome {
			t.Fatalf("seq %d: stored %+v (%v), acknowledged %+v", seq, res, err, acks[seq])
		}
	}
	for seq := int64(1); seq <= last; seq++ {
		if _, err := store.FindMutationResult(ctx, sum.ClientID, seq); err != nil {
			t.Fatalf("seq %d: %v", seq, err)
		}
		run.mutations++
	}
	server, err := store.ListRequests(ctx, erpps.RequestFilter{RPPS: f.practitioner.RPPS})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range server {
		steps := map[erpps.RequestStatus]int{}
		for _, e := range r.History {
			steps[e.To]++
		}
		if steps[erpps.StatusTransmitted] > 1 || steps[erpps.StatusWithdrawn] > 1 {
			t.Fatalf("request %s transmitted %d times, withdrawn %d times", r.ID, steps[erpps.StatusTransmitted], steps[erpps.StatusWithdrawn])
		}
	}
	if err := sameData(ctx, d, store, f, server); err != nil {
		t.Fatal(err)
	}
	t.Logf("%d kills between the server's commit and the ack; %d mutations, each applied once; %d requests equal on both sides", killed, run.mutations, len(server))
}

// openDesktopT opens the desktop of the kill test (no client when baseURL
// is empty).
func openDesktopT(t *testing.T, ctx context.Context, dir, baseURL string, f *fixture, token string) *desktop {
	t.Helper()
	if baseURL == "" {
		baseURL = "http://127.0.0.1:1"
	}
	d, err := openDesktop(ctx, desktopConfig{name: "desktop", dir: dir, cat: f.cat, baseURL: baseURL, token: token,
		actor: f.owner.Actor(), rpps: f.practitioner.RPPS, seed: 7})
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// runChild is the desktop of one round: it makes local changes, then syncs
// until it is killed.
func runChild(t *testing.T, raw string) {
	var job childJob
	if err := json.Unmarshal([]byte(raw), &job); err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	cat, err := refdata.Load()
	if err != nil {
		t.Fatal(err)
	}
	d, err := openDesktop(ctx, desktopConfig{name: "desktop", dir: job.Dir, cat: cat, baseURL: job.BaseURL, token: job.Token,
		actor: job.Actor, rpps: job.RPPS, seed: uint64(job.Round)})
	if err != nil {
		t.Fatal(err)
	}
	d.tag = 10 + job.Round
	if job.Round == 0 {
		// The record comes first.
		if err := d.syncOnce(ctx); err != nil {
			t.Fatal(err)
		}
	}
	// A few random changes, then at least one for sure.
	rng := rand.New(rand.NewPCG(uint64(job.Round), 5))
	for step := range 6 {
		if err := d.act(ctx, rng, step); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := d.svc.Start(ctx, requests.StartInput{RPPS: job.RPPS, Kind: erpps.KindContact}, d.actor); err != nil && erpps.ErrorCode(err) == erpps.EINTERNAL {
		t.Fatal(err)
	}
	if err := forceEdit(ctx, d, job.Round); err != nil {
		t.Fatal(err)
	}
	fmt.Println("ready " + strconv.Itoa(job.Round))
	if _, err := bufio.NewReader(os.Stdin).ReadString('\n'); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		_ = d.syncOnce(ctx) // killed during this, by the proxy
		time.Sleep(10 * time.Millisecond)
	}
	t.Fatal("the child was never killed")
}

// forceEdit saves a change to the practitioner's editable request (there
// is one: the contact draft just started or resumed), so that the round
// has something to push.
func forceEdit(ctx context.Context, d *desktop, round int) error {
	list, err := d.db.ListRequests(ctx, erpps.RequestFilter{RPPS: d.rpps, Statuses: []erpps.RequestStatus{erpps.StatusDraft}})
	if err != nil {
		return err
	}
	if len(list) == 0 {
		return fmt.Errorf("round %d: no draft to edit", round)
	}
	r := list[0]
	_, err = d.svc.SaveDraft(ctx, r.ID, r.Revision, edit(r, 1000+round), d.actor)
	return err
}
