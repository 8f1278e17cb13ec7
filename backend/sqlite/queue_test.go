package sqlite

import (
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"erpps/backend/erpps"
)

// seedQueue fills db through its methods with n received requests spread
// over departments and statuses (ties in transmission time included), then
// decides, transmits and withdraws some, so that queue_counts went through
// its triggers' every path.
func seedQueue(t *testing.T, db *DB, n int, rng *rand.Rand) {
	t.Helper()
	ctx := context.Background()
	for i := range 5 {
		mustSavePractitioner(t, db, fmt.Sprintf("1000000000%d", i), fmt.Sprintf("Nom%d", i), "Prénom")
	}
	depts := []string{"75", "92", "93", "69"}
	statuses := []erpps.RequestStatus{erpps.StatusTransmitted, erpps.StatusUnderReview, erpps.StatusComplementRequested,
		erpps.StatusAccepted, erpps.StatusWithdrawn}
	base := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range n {
		// Over three months, with many ties.
		sent := base.AddDate(0, -rng.IntN(3), 0).Add(time.Duration(rng.IntN(n/20)) * time.Minute)
		rpps := fmt.Sprintf("1000000000%d", rng.IntN(5))
		r := &erpps.Request{ID: fmt.Sprintf("r-%04d", i), RPPS: rpps, Kind: erpps.AllRequestKinds[rng.IntN(5)].Value,
			Status: statuses[rng.IntN(len(statuses))], Department: depts[rng.IntN(len(depts))], Payload: json.RawMessage(`{}`),
			Revision: 2, CreatedAt: sent, UpdatedAt: sent, TransmittedAt: &sent, UpdatedBy: professional}
		if err := db.ReceiveRequest(ctx, r); err != nil {
			t.Fatal(err)
		}
	}
	list, err := db.ListRequests(ctx, erpps.RequestFilter{WithoutHistory: true})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range list {
		step := erpps.RequestStep{RequestID: r.ID, BaseRevision: r.Revision, From: r.Status}
		plan := erpps.DecisionPlan{Actor: agent, Principal: r.RPPS, Step: step, At: base}
		switch {
		case r.Status == erpps.StatusTransmitted && rng.IntN(3) == 0:
			plan.Action, plan.Step.To = erpps.DecisionTake, erpps.StatusUnderReview
		case r.Status == erpps.StatusUnderReview && rng.IntN(3) == 0:
			plan.Action, plan.Step.To, plan.Reason = erpps.DecisionRefuse, erpps.StatusRefused, "Non"
		case r.Status == erpps.StatusComplementRequested && rng.IntN(3) == 0:
			if _, err := db.CommitTransmit(ctx, erpps.TransmitPlan{RequestID: r.ID, BaseRevision: r.Revision, Payload: r.Payload,
				Department: depts[rng.IntN(len(depts))], Actor: professional, Principal: r.RPPS}); err != nil {
				t.Fatal(err)
			}
			continue
		case r.Status == erpps.StatusTransmitted && rng.IntN(5) == 0:
			if _, err := db.CommitWithdraw(ctx, erpps.WithdrawPlan{RequestID: r.ID, BaseRevision: r.Revision,
				Actor: professional, Principal: r.RPPS}); err != nil {
				t.Fatal(err)
			}
			continue
		default:
			continue
		}
		if _, err := db.CommitDecision(ctx, plan); err != nil {
			t.Fatal(err)
		}
	}
	// Two drafts, not counted until sent: one transmitted, one deleted.
	sent := mustCreateDraft(t, db, "10000000000", `{}`)
	if _, err := db.CommitTransmit(ctx, erpps.TransmitPlan{RequestID: sent.ID, BaseRevision: 1, Payload: sent.Payload,
		Department: "75", Actor: professional, Principal: sent.RPPS}); err != nil {
		t.Fatal(err)
	}
	if err := db.DeleteDraft(ctx, mustCreateDraft(t, db, "10000000000", `{}`).ID); err != nil {
		t.Fatal(err)
	}
}

// wantQueue computes the page of f from every request, in Go.
func wantQueue(t *testing.T, db *DB, f erpps.QueueFilter) (ids []string, total int) {
	t.Helper()
	all, err := db.ListRequests(context.Background(), erpps.RequestFilter{WithoutHistory: true})
	if err != nil {
		t.Fatal(err)
	}
	statuses := f.Statuses
	if len(statuses) == 0 {
		statuses = defaultQueueStatuses
	}
	var match []*erpps.Request
	for _, r := range all {
		if r.TransmittedAt == nil || r.Status == erpps.StatusDraft || !slices.Contains(f.Departments, r.Department) ||
			!slices.Contains(statuses, r.Status) || (f.Kind != "" && r.Kind != f.Kind) ||
			(f.TransmittedBefore != nil && !r.TransmittedAt.Before(*f.TransmittedBefore)) {
			continue
		}
		match = append(match, r)
	}
	slices.SortFunc(match, func(a, b *erpps.Request) int {
		if c := a.TransmittedAt.Compare(*b.TransmittedAt); c != 0 {
			return c
		}
		return strings.Compare(a.ID, b.ID)
	})
	limit := f.Limit
	if limit == 0 {
		limit = defaultQueueLimit
	}
	ids = []string{}
	for i := f.Offset; i < len(match) && i < f.Offset+limit; i++ {
		ids = append(ids, match[i].ID)
	}
	return ids, len(match)
}

// TestQueuePlans: every way of reading the queue (sorting the matches,
// walking in order; counting from queue_counts or from the index) gives the
// page computed in Go from every request.
func TestQueuePlans(t *testing.T) {
	ctx := context.Background()
	db := MustOpenDB(t)
	rng := rand.New(rand.NewPCG(7, 7))
	seedQueue(t, db, 600, rng)
	before := time.Date(2026, 1, 1, 0, 15, 0, 0, time.UTC)
	earlyDecember := time.Date(2025, 12, 1, 0, 15, 0, 0, time.UTC)
	filters := []erpps.QueueFilter{
		{Departments: []string{"75", "92", "93"}},
		{Departments: []string{"75", "92", "93"}, Offset: 40, Limit: 30},
		{Departments: []string{"69"}, Limit: 100},
		{Departments: []string{"75"}, Kind: erpps.KindContact},
		{Departments: []string{"75", "92"}, TransmittedBefore: &before, Limit: 50},
		{Departments: []string{"75", "93"}, TransmittedBefore: &earlyDecember, Limit: 100},
		{Departments: []string{"92"}, Kind: erpps.KindNewActivity, TransmittedBefore: &before},
		{Departments: []string{"92", "69"}, Statuses: []erpps.RequestStatus{erpps.StatusRefused, erpps.StatusWithdrawn}, Offset: 10},
		{Departments: []string{"75", "92", "93", "69"}, Offset: 590},
	}
	plans := []queuePlan{{read: queueReadSort}, {read: queueReadWalk}, {read: queueReadWalk, useCounts: true}, {useCounts: true}}
	for i, f := range filters {
		wantIDs, wantTotal := wantQueue(t, db, f)
		if wantTotal == 0 {
			t.Fatalf("filter %d matches nothing: a useless case", i)
		}
		for _, plan := range plans {
			page, err := db.listQueue(ctx, f, plan)
			if err != nil {
				t.Fatal(err)
			}
			got := []string{}
			for _, it := range page.Items {
				got = append(got, it.ID)
			}
			if page.Total != wantTotal || !reflect.DeepEqual(got, wantIDs) {
				t.Errorf("filter %d, plan %+v: total %d, %v\nwant total %d, %v", i, plan, page.Total, got, wantTotal, wantIDs)
			}
		}
	}
}

// TestQueueCounts: the counts kept by triggers are the counts of the
// requests, after every kind of write.
func TestQueueCounts(t *testing.T) {
	db := MustOpenDB(t)
	seedQueue(t, db, 300, rand.New(rand.NewPCG(1, 2)))
	read := func(query string) map[string]int {
		t.Helper()
		rows, err := db.read.Query(query)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		out := map[string]int{}
		for rows.Next() {
			var d, s, k string
			var n int
			if err := rows.Scan(&d, &s, &k, &n); err != nil {
				t.Fatal(err)
			}
			out[d+"/"+s+"/"+k] = n
		}
		return out
	}
	kept := read(`SELECT department, status, kind || ' ' || month, n FROM queue_counts WHERE n <> 0`)
	want := read(`SELECT department, status, kind || ' ' || substr(transmitted_at, 1, 7), count(*) FROM requests
		WHERE transmitted_at IS NOT NULL GROUP BY 1, 2, 3`)
	if len(want) < 10 || !reflect.DeepEqual(kept, want) {
		t.Fatalf("queue_counts:\n%v\nrequests:\n%v", kept, want)
	}
}
