package postgres

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"erpps/backend/erpps"
	"erpps/backend/internal/pgtest"
)

// helperEnv, in the environment of a test process, holds the work given to
// it by TestTwoProcesses (JSON), which makes it a helper.
const helperEnv = "ERPPS_PG_HELPER"

// work is what each process does at the same time on one database.
type work struct {
	URL          string           `json:"url"`
	Attestations int              `json:"attestations"` // numbers to draw
	Take         []*erpps.Request `json:"take"`         // transmitted requests to try to take, as read before

	DraftOf string `json:"draftOf"` // a practitioner whose exercise-name draft to try to create
	Tries   int    `json:"tries"`   // concurrent tries of that draft
	Agent   string `json:"agent"`
}

// outcome is what a process got.
type outcome struct {
	Numbers []string `json:"numbers"`
	Taken   []string `json:"taken"`
	Drafts  int      `json:"drafts"`
	Errors  []string `json:"errors"`
}

// do runs w on db, concurrently.
func (w work) do(db *DB) outcome {
	ctx := context.Background()
	var mu sync.Mutex
	var out outcome
	fail := func(err error) {
		mu.Lock()
		out.Errors = append(out.Errors, err.Error())
		mu.Unlock()
	}
	var wg sync.WaitGroup
	for range w.Attestations {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				number, err := db.PeekAttestationNumber(ctx, 2026)
				if err != nil {
					fail(err)
					return
				}
				err = db.RecordAttestation(ctx, erpps.IssuedAttestation{Number: number, RPPS: w.Agent, PayloadHash: "h"})
				if erpps.ErrorCode(err) == erpps.ECONFLICT {
					continue
				}
				if err != nil {
					fail(err)
					return
				}
				mu.Lock()
				out.Numbers = append(out.Numbers, number)
				mu.Unlock()
				return
			}
		}()
	}
	for _, r := range w.Take {
		wg.Add(1)
		go func() {
			defer wg.Done()
			by := erpps.Actor{Role: erpps.RoleARSAgent, ID: w.Agent, Name: w.Agent}
			_, err := db.CommitDecision(ctx, takePlan(r, by, time.Now()))
			switch erpps.ErrorCode(err) {
			case "":
				mu.Lock()
				out.Taken = append(out.Taken, r.ID)
				mu.Unlock()
			case erpps.ECONFLICT:
			default:
				fail(err)
			}
		}()
	}
	for range w.Tries {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r := &erpps.Request{RPPS: w.DraftOf, Kind: erpps.KindExerciseName, Payload: json.RawMessage(`{}`)}
			err := db.CreateRequest(ctx, r, erpps.Actor{Role: erpps.RoleProfessional, ID: w.DraftOf})
			switch erpps.ErrorCode(err) {
			case "":
				mu.Lock()
				out.Drafts++
				mu.Unlock()
			case erpps.ECONFLICT:
			default:
				fail(err)
			}
		}()
	}
	wg.Wait()
	return out
}

// TestHelperProcess is the second process of TestTwoProcesses; it does
// nothing in a normal run.
func TestHelperProcess(t *testing.T) {
	spec := os.Getenv(helperEnv)
	if spec == "" {
		return
	}
	var w work
	if err := json.Unmarshal([]byte(spec), &w); err != nil {
		t.Fatal(err)
	}
	db, err := Open(context.Background(), w.URL)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	fmt.Println("ready")
	if _, err := bufio.NewReader(os.Stdin).ReadString('\n'); err != nil { // go
		t.Fatal(err)
	}
	out, _ := json.Marshal(w.do(db))
	fmt.Printf("outcome %s\n", out)
}

// TestTwoProcesses runs the same concurrent work in two processes on one
// database — attestation numbers, taking the same requests, the same draft —
// and checks that together they get what one process gets alone: numbers
// 1..n once each, each request taken once, one draft.
func TestTwoProcesses(t *testing.T) {
	ctx := context.Background()
	url := pgtest.NewDatabase(t)
	db := mustOpenURL(t, url)
	rpps := seedPractitioners(t, db, 0, 20)
	var ids []string
	var sent []*erpps.Request
	for _, r := range rpps[1:] {
		req := mustTransmit(t, db, r, "14")
		req.History = nil
		ids, sent = append(ids, req.ID), append(sent, req)
	}
	w := work{URL: url, Attestations: 15, Take: sent, DraftOf: rpps[0], Tries: 8}

	child := w
	child.Agent = "agent-child"
	spec, _ := json.Marshal(child)
	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperProcess$", "-test.count=1")
	cmd.Env = append(os.Environ(), helperEnv+"="+string(spec))
	cmd.Stderr = os.Stderr
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	lines := bufio.NewScanner(stdout)
	if !lines.Scan() || lines.Text() != "ready" {
		t.Fatalf("helper: %q %v", lines.Text(), lines.Err())
	}
	parent := w
	parent.Agent = "agent-parent"
	fmt.Fprintln(stdin, "go")
	mine := parent.do(db)
	var theirs outcome
	for lines.Scan() {
		if rest, ok := strings.CutPrefix(lines.Text(), "outcome "); ok {
			if err := json.Unmarshal([]byte(rest), &theirs); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := cmd.Wait(); err != nil {
		t.Fatalf("helper process: %v", err)
	}

	if errs := append(mine.Errors, theirs.Errors...); len(errs) > 0 {
		t.Fatalf("errors: %v", errs)
	}
	numbers := append(mine.Numbers, theirs.Numbers...)
	slices.Sort(numbers)
	for i, n := range numbers {
		if want := erpps.AttestationNumber(2026, int64(i+1)); n != want {
			t.Fatalf("numbers taken by the two processes: %v", numbers)
		}
	}
	if len(numbers) != 2*w.Attestations {
		t.Fatalf("%d numbers, want %d", len(numbers), 2*w.Attestations)
	}
	taken := append(mine.Taken, theirs.Taken...)
	slices.Sort(taken)
	want := slices.Clone(ids)
	slices.Sort(want)
	if !slices.Equal(taken, want) {
		t.Fatalf("taken: %v\nwant each once: %v", taken, want)
	}
	for _, id := range ids {
		if d, err := db.ListDecisions(ctx, id); err != nil || len(d) != 1 {
			t.Fatalf("request %s: %d decisions (%v)", id, len(d), err)
		}
	}
	if mine.Drafts+theirs.Drafts != 1 {
		t.Fatalf("%d + %d drafts created, want one", mine.Drafts, theirs.Drafts)
	}
	t.Logf("parent took %d, child %d; numbers %d + %d", len(mine.Taken), len(theirs.Taken), len(mine.Numbers), len(theirs.Numbers))
}
