package postgres

import (
	"context"
	"fmt"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"erpps/backend/erpps"
	"erpps/backend/internal/pgtest"
)

// TestRestartUnderLoad restarts PostgreSQL while workers create, transmit
// and take requests: during the outage every call fails with EUNAVAILABLE
// (never another code, never a hang), calls succeed again once it is back,
// and every request is whole — its status, history, outbox entries and
// decisions agree (nothing half-written).
func TestRestartUnderLoad(t *testing.T) {
	ctx := context.Background()
	srv := pgtest.ServerFor(t)
	db := mustOpen(t)
	db.Now = time.Now
	const workers = 4
	rpps := seedPractitioners(t, db, 0, workers)

	var ok, unavailable atomic.Int64
	var mu sync.Mutex
	var others []error
	stop := make(chan struct{})
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; ; i++ {
				select {
				case <-stop:
					return
				default:
				}
				callCtx, cancel := context.WithTimeout(ctx, 10*time.Second)
				err := oneRequest(callCtx, db, rpps[w], fmt.Sprintf("T-%d-%d", w, i))
				cancel()
				switch erpps.ErrorCode(err) {
				case "":
					ok.Add(1)
				case erpps.EUNAVAILABLE:
					unavailable.Add(1)
					time.Sleep(20 * time.Millisecond)
				default:
					mu.Lock()
					others = append(others, err)
					mu.Unlock()
				}
			}
		}()
	}
	waitFor(t, "calls before the restart", func() bool { return ok.Load() >= 20 })
	if err := srv.Stop(); err != nil {
		t.Fatal(err)
	}
	waitFor(t, "calls failing while the server is down", func() bool { return unavailable.Load() >= workers })
	if code := erpps.ErrorCode(db.Ready(ctx)); code != erpps.EUNAVAILABLE {
		t.Errorf("ready while down: %q", code)
	}
	if err := srv.Start(); err != nil {
		t.Fatal(err)
	}
	after := ok.Load()
	waitFor(t, "calls after the restart", func() bool { return ok.Load() >= after+20 })
	close(stop)
	wg.Wait()
	for _, err := range others {
		t.Errorf("a call failed with another code than %s: %v", erpps.EUNAVAILABLE, err)
	}
	if err := db.Ready(ctx); err != nil {
		t.Fatalf("ready after the restart: %v", err)
	}
	t.Logf("%d requests taken, %d calls refused as unavailable", ok.Load(), unavailable.Load())
	checkWhole(t, db)
}

// oneRequest creates a cessation request of rpps on target, transmits it
// and has an agent take it: three transactions.
func oneRequest(ctx context.Context, db *DB, rpps, target string) error {
	actor := erpps.Actor{Role: erpps.RoleProfessional, ID: rpps, Name: "Pro"}
	r := &erpps.Request{RPPS: rpps, Kind: erpps.KindCeaseActivity, TargetID: target, Payload: []byte(`{"endDate":"2026-06-30"}`)}
	if err := db.CreateRequest(ctx, r, actor); err != nil {
		return err
	}
	sent, err := db.CommitTransmit(ctx, erpps.TransmitPlan{RequestID: r.ID, BaseRevision: r.Revision,
		Payload: r.Payload, Department: "75", Actor: actor, Principal: rpps})
	if err != nil {
		return err
	}
	_, err = db.CommitDecision(ctx, takePlan(sent, agent, time.Now()))
	return err
}

// checkWhole checks that every request's status, history, outbox entries
// and decisions agree.
func checkWhole(t *testing.T, db *DB) {
	t.Helper()
	rows, err := db.pool.Query(context.Background(), `
		SELECT r.id, r.status, r.revision, r.transmitted_at IS NOT NULL, r.assigned_id,
		       (SELECT count(*) FROM request_events e WHERE e.request_id = r.id),
		       (SELECT count(*) FROM outbox o WHERE o.request_id = r.id),
		       (SELECT count(*) FROM decisions d WHERE d.request_id = r.id)
		FROM requests r`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	type shape struct {
		revision                   int64
		transmitted, assigned      bool
		events, outboxed, decision int64
	}
	want := map[string]shape{
		"draft":        {1, false, false, 1, 0, 0},
		"transmitted":  {2, true, false, 2, 1, 0},
		"under_review": {2, true, true, 3, 1, 1},
	}
	n := 0
	for rows.Next() {
		var id, status, assigned string
		var got shape
		if err := rows.Scan(&id, &status, &got.revision, &got.transmitted, &assigned, &got.events, &got.outboxed, &got.decision); err != nil {
			t.Fatal(err)
		}
		got.assigned = assigned != ""
		if w, known := want[status]; !known || got != w {
			t.Errorf("request %s %s is not whole: %+v, want %+v", id, status, got, w)
		}
		n++
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	if n == 0 {
		t.Fatal("no request stored")
	}
}

// waitFor polls cond for up to 60 s.
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(10 * time.Millisecond)
	}
}
