package postgres

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"sync"
	"testing"
	"time"

	"erpps/backend/erpps"
	"erpps/backend/internal/pgtest"
)

// Two erpps-server processes on one database are two independent pools: the
// tests below run the same concurrent work through one pool and through two,
// and check that the database, not the process, keeps numbers unique and
// ordered, one draft per object, and one decision per request.

// pools opens n independent stores on one fresh database.
func pools(t *testing.T, n int) []*DB {
	url := pgtest.NewDatabase(t)
	out := make([]*DB, n)
	for i := range out {
		out[i] = mustOpenURL(t, url)
		out[i].Now = time.Now
	}
	return out
}

// spread runs work(i) for i in 0..n-1 on goroutines released together,
// alternating the stores.
func spread(dbs []*DB, n int, work func(db *DB, i int)) {
	var wg sync.WaitGroup
	start := make(chan struct{})
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			work(dbs[i%len(dbs)], i)
		}()
	}
	close(start)
	wg.Wait()
}

// drawAttestations takes n attestation numbers of 2026 on goroutines spread
// over dbs, each drawing again after a conflict, and returns them sorted.
func drawAttestations(t *testing.T, dbs []*DB, n int) []string {
	ctx := context.Background()
	var mu sync.Mutex
	var got []string
	spread(dbs, n, func(db *DB, i int) {
		for attempt := 0; attempt < 1000; attempt++ {
			number, err := db.PeekAttestationNumber(ctx, 2026)
			if err != nil {
				t.Errorf("peek: %v", err)
				return
			}
			err = db.RecordAttestation(ctx, erpps.IssuedAttestation{Number: number, RPPS: fmt.Sprint(i), PayloadHash: "h"})
			if erpps.ErrorCode(err) == erpps.ECONFLICT {
				continue
			}
			if err != nil {
				t.Errorf("record: %v", err)
				return
			}
			mu.Lock()
			got = append(got, number)
			mu.Unlock()
			return
		}
		t.Errorf("no number after 1000 attempts")
	})
	slices.Sort(got)
	return got
}

func TestConcurrentAttestationNumbers(t *testing.T) {
	const n = 40
	want := make([]string, n)
	for i := range want {
		want[i] = erpps.AttestationNumber(2026, int64(i+1))
	}
	for _, processes := range []int{1, 2} {
		t.Run(fmt.Sprintf("%d pools", processes), func(t *testing.T) {
			got := drawAttestations(t, pools(t, processes), n)
			if !slices.Equal(got, want) {
				t.Fatalf("numbers taken:\n%v\nwant\n%v", got, want)
			}
		})
	}
}

func TestConcurrentOneDraftPerObject(t *testing.T) {
	const tries = 16
	for _, processes := range []int{1, 2} {
		t.Run(fmt.Sprintf("%d pools", processes), func(t *testing.T) {
			dbs := pools(t, processes)
			rpps := seedPractitioners(t, dbs[0], 0, 1)[0]
			var mu sync.Mutex
			created, conflicts := 0, 0
			spread(dbs, tries, func(db *DB, i int) {
				r := &erpps.Request{RPPS: rpps, Kind: erpps.KindExerciseName, Payload: json.RawMessage(`{}`)}
				err := db.CreateRequest(context.Background(), r, professional)
				mu.Lock()
				defer mu.Unlock()
				switch erpps.ErrorCode(err) {
				case "":
					created++
				case erpps.ECONFLICT:
					conflicts++
				default:
					t.Errorf("create: %v", err)
				}
			})
			drafts, err := dbs[0].ListRequests(context.Background(), erpps.RequestFilter{RPPS: rpps})
			if created != 1 || conflicts != tries-1 || err != nil || len(drafts) != 1 {
				t.Fatalf("%d created, %d conflicts, %d stored (%v)", created, conflicts, len(drafts), err)
			}
		})
	}
}

func TestConcurrentDecisions(t *testing.T) {
	const requests, agents = 30, 4
	for _, processes := range []int{1, 2} {
		t.Run(fmt.Sprintf("%d pools", processes), func(t *testing.T) {
			ctx := context.Background()
			dbs := pools(t, processes)
			rpps := seedPractitioners(t, dbs[0], 0, requests)
			transmitted := make([]*erpps.Request, requests)
			for i, r := range rpps {
				transmitted[i] = mustTransmit(t, dbs[0], r, "14")
			}
			var mu sync.Mutex
			wins := map[string][]string{}
			spread(dbs, requests*agents, func(db *DB, i int) { // the agents of a request start together
				r := transmitted[i%requests]
				by := erpps.Actor{Role: erpps.RoleARSAgent, ID: fmt.Sprintf("agent-%d", i%agents), Name: "Agent"}
				_, err := db.CommitDecision(ctx, takePlan(r, by, time.Now()))
				if err != nil && erpps.ErrorCode(err) != erpps.ECONFLICT {
					t.Errorf("take: %v", err)
				}
				if err == nil {
					mu.Lock()
					wins[r.ID] = append(wins[r.ID], by.ID)
					mu.Unlock()
				}
			})
			page, err := dbs[len(dbs)-1].ListQueue(ctx, erpps.QueueFilter{Departments: []string{"14"}, Limit: 100})
			if err != nil || page.Total != requests {
				t.Fatalf("queue: %+v, %v", page, err)
			}
			for _, it := range page.Items {
				decisions, err := dbs[0].ListDecisions(ctx, it.ID)
				if err != nil {
					t.Fatal(err)
				}
				if w := wins[it.ID]; len(w) != 1 || len(decisions) != 1 || it.Status != erpps.StatusUnderReview ||
					it.AssignedTo == nil || it.AssignedTo.ID != w[0] || decisions[0].Actor.ID != w[0] {
					t.Errorf("request %s: winners %v, %d decisions, %s, assigned %+v", it.ID, w, len(decisions), it.Status, it.AssignedTo)
				}
			}
		})
	}
}

// TestConcurrentSaves checks that of saves racing on one revision, in any
// pool, exactly one wins and the revision moves once per winner.
func TestConcurrentSaves(t *testing.T) {
	const tries = 12
	for _, processes := range []int{1, 2} {
		t.Run(fmt.Sprintf("%d pools", processes), func(t *testing.T) {
			ctx := context.Background()
			dbs := pools(t, processes)
			rpps := seedPractitioners(t, dbs[0], 0, 1)[0]
			r := &erpps.Request{RPPS: rpps, Kind: erpps.KindContact}
			if err := dbs[0].CreateRequest(ctx, r, professional); err != nil {
				t.Fatal(err)
			}
			var mu sync.Mutex
			won := []int{}
			spread(dbs, tries, func(db *DB, i int) {
				_, err := db.SaveDraft(ctx, r.ID, 1, json.RawMessage(fmt.Sprintf(`{"n":%d}`, i)), professional)
				if err != nil && erpps.ErrorCode(err) != erpps.ECONFLICT {
					t.Errorf("save: %v", err)
				}
				if err == nil {
					mu.Lock()
					won = append(won, i)
					mu.Unlock()
				}
			})
			got, err := dbs[0].FindRequestByID(ctx, r.ID)
			if err != nil || len(won) != 1 || got.Revision != 2 || string(got.Payload) != fmt.Sprintf(`{"n":%d}`, won[0]) {
				t.Fatalf("winners %v, stored revision %d payload %s (%v)", won, got.Revision, got.Payload, err)
			}
		})
	}
}
