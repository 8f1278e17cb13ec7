package sqlite

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
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

// The crash test: a child process autosaves drafts in a loop and is killed
// with SIGKILL at random moments; after each kill every draft must hold its
// last acknowledged version or the one after it, complete, and the file must
// pass integrity_check.
const (
	crashEnvPath = "ERPPS_SQLITE_CRASH_CHILD_DB"
	crashEnvSync = "ERPPS_SQLITE_CRASH_CHILD_SYNC"
	crashRPPS    = "10000000001"
	crashDrafts  = 4
	crashKills   = 100
)

// crashPayload is a draft's content in the crash test: it carries its
// sequence number and a checksum of itself.
type crashPayload struct {
	Draft  string `json:"draft"`
	Seq    int    `json:"seq"`
	Filler string `json:"filler"`
	Sum    string `json:"sum"`
}

func crashSum(draft string, seq int, filler string) string {
	h := sha256.Sum256([]byte(draft + "|" + strconv.Itoa(seq) + "|" + filler))
	return hex.EncodeToString(h[:])
}

// newCrashPayload builds version seq of a draft, of a random size (up to
// about 30 KB, so that saves span several pages).
func newCrashPayload(draft string, seq int, rng *rand.Rand) json.RawMessage {
	filler := strings.Repeat(strconv.Itoa(seq%10), 10+rng.IntN(30000))
	data, _ := json.Marshal(crashPayload{Draft: draft, Seq: seq, Filler: filler, Sum: crashSum(draft, seq, filler)})
	return data
}

// checkCrashPayload reads a stored payload back; it fails on a payload that
// is not whole.
func checkCrashPayload(draft string, raw json.RawMessage) (int, error) {
	var p crashPayload
	if err := json.Unmarshal(raw, &p); err != nil {
		return 0, fmt.Errorf("payload is not complete JSON (%d bytes): %w", len(raw), err)
	}
	if p.Draft != draft || p.Sum != crashSum(p.Draft, p.Seq, p.Filler) {
		return 0, fmt.Errorf("payload checksum mismatch at seq %d", p.Seq)
	}
	return p.Seq, nil
}

func TestCrashAutosave(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "erpps.db")
	seed := uint64(time.Now().UnixNano())
	t.Logf("seed %d", seed)
	rng := rand.New(rand.NewPCG(seed, 1))

	// The drafts, at seq 0 and revision 1.
	db := NewDB(path)
	if err := db.Open(ctx); err != nil {
		t.Fatal(err)
	}
	mustSavePractitioner(t, db, crashRPPS, "Testeur", "Alix")
	last := map[string]int{}
	for range crashDrafts {
		r := mustCreateDraft(t, db, crashRPPS, `{}`)
		if _, err := db.SaveDraft(ctx, r.ID, 1, newCrashPayload(r.ID, 1, rng), professional); err != nil {
			t.Fatal(err)
		}
		last[r.ID] = 1
	}
	MustCloseDB(t, db)

	var acked, unacked, total int
	start := time.Now()
	for kill := range crashKills {
		syncMode := SyncNormal
		if kill%2 == 1 {
			syncMode = SyncFull
		}
		acks, err := runAndKillChild(t, path, syncMode, time.Duration(rng.IntN(60))*time.Millisecond)
		if err != nil {
			t.Fatalf("kill %d: %v", kill, err)
		}
		for id, seq := range acks {
			if seq < last[id] {
				t.Fatalf("kill %d: draft %s acknowledged seq %d after %d", kill, id, seq, last[id])
			}
			total += seq - last[id]
			last[id] = seq
		}

		db := NewDB(path)
		if err := db.Open(ctx); err != nil {
			t.Fatalf("kill %d: reopen: %v", kill, err)
		}
		if err := db.IntegrityCheck(ctx); err != nil {
			t.Fatalf("kill %d: %v", kill, err)
		}
		drafts, err := db.ListRequests(ctx, erpps.RequestFilter{RPPS: crashRPPS})
		if err != nil {
			t.Fatal(err)
		}
		if len(drafts) != crashDrafts {
			t.Fatalf("kill %d: %d drafts, want %d", kill, len(drafts), crashDrafts)
		}
		for _, r := range drafts {
			seq, err := checkCrashPayload(r.ID, r.Payload)
			if err != nil {
				t.Fatalf("kill %d: draft %s: %v", kill, r.ID, err)
			}
			switch {
			case seq == last[r.ID]:
				acked++
			case seq == last[r.ID]+1: // committed, killed before it said so
				unacked++
			default:
				t.Fatalf("kill %d: draft %s holds seq %d, last acknowledged %d", kill, r.ID, seq, last[r.ID])
			}
			if r.Revision != int64(seq)+1 {
				t.Fatalf("kill %d: draft %s: revision %d does not match seq %d", kill, r.ID, r.Revision, seq)
			}
			last[r.ID] = seq
		}
		MustCloseDB(t, db)
	}
	if total == 0 {
		t.Fatal("the child never acknowledged a save: the test proved nothing")
	}
	t.Logf("%d kills in %v; %d saves acknowledged; after the kills, drafts held their last acknowledged version %d times and a committed but unacknowledged one %d times",
		crashKills, time.Since(start).Round(time.Millisecond), total, acked, unacked)
}

// runAndKillChild starts the autosaving child, kills it with SIGKILL after
// delay once it is ready, and returns the last seq it acknowledged per draft.
func runAndKillChild(t *testing.T, path, syncMode string, delay time.Duration) (map[string]int, error) {
	cmd := exec.Command(os.Args[0], "-test.run=^TestCrashChild$", "-test.count=1")
	cmd.Env = append(os.Environ(), crashEnvPath+"="+path, crashEnvSync+"="+syncMode)
	cmd.Stderr = os.Stderr
	acks := map[string]int{}
	err := crashtest.RunAndKill(cmd, delay, func(line string) {
		fields := strings.Fields(line)
		if len(fields) == 3 && fields[0] == "ack" {
			if seq, err := strconv.Atoi(fields[2]); err == nil {
				acks[fields[1]] = seq
			}
		}
	})
	if err != nil {
		return nil, err
	}
	return acks, nil
}

// TestCrashChild is the autosaving child of TestCrashAutosave; it does
// nothing in a normal run.
func TestCrashChild(t *testing.T) {
	path := os.Getenv(crashEnvPath)
	if path == "" {
		t.Skip("the child of TestCrashAutosave")
	}
	fail := func(err error) {
		fmt.Printf("error %v\n", err)
		os.Exit(1)
	}
	ctx := context.Background()
	db := NewDB(path)
	db.Synchronous = os.Getenv(crashEnvSync)
	if err := db.Open(ctx); err != nil {
		fail(err)
	}
	drafts, err := db.ListRequests(ctx, erpps.RequestFilter{RPPS: crashRPPS})
	if err != nil {
		fail(err)
	}
	next := make([]int, len(drafts))
	for i, r := range drafts {
		seq, err := checkCrashPayload(r.ID, r.Payload)
		if err != nil {
			fail(err)
		}
		next[i] = seq + 1
	}
	rng := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), uint64(os.Getpid())))
	fmt.Println("ready")
	for {
		for i, r := range drafts {
			// Revision seq+1 holds seq: the save is based on the last one.
			if _, err := db.SaveDraft(ctx, r.ID, int64(next[i]), newCrashPayload(r.ID, next[i], rng), professional); err != nil {
				fail(err)
			}
			fmt.Printf("ack %s %d\n", r.ID, next[i]) // only once committed
			next[i]++
		}
	}
}
