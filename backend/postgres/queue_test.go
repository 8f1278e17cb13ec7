package postgres

import (
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"reflect"
	"testing"
	"time"

	"erpps/backend/erpps"
)

// seedQueue fills db through its methods with n received requests spread
// over départements, kinds and statuses (many transmitted at the same
// instant), then decides, transmits again, withdraws and deletes some, so
// that queue_counts went through every path of its trigger.
func seedQueue(t *testing.T, db *DB, n int, rng *rand.Rand) {
	t.Helper()
	ctx := context.Background()
	rpps := seedPractitioners(t, db, 0, 5)
	depts := []string{"75", "92", "93", "69"}
	statuses := []erpps.RequestStatus{erpps.StatusTransmitted, erpps.StatusUnderReview, erpps.StatusComplementRequested,
		erpps.StatusAccepted, erpps.StatusWithdrawn, erpps.StatusDraft}
	base := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range n {
		sent := base.Add(time.Duration(rng.IntN(n/20)) * time.Minute) // many ties
		r := &erpps.Request{ID: fmt.Sprintf("r-%04d", i), RPPS: rpps[rng.IntN(len(rpps))],
			Kind: erpps.AllRequestKinds[rng.IntN(5)].Value, TargetID: fmt.Sprint(i),
			Status: statuses[rng.IntN(len(statuses))], Department: depts[rng.IntN(len(depts))], Payload: json.RawMessage(`{}`),
			Revision: 2, CreatedAt: sent, UpdatedAt: sent, TransmittedAt: &sent, UpdatedBy: professional}
		if r.Status == erpps.StatusDraft {
			r.TransmittedAt = nil
		}
		if err := db.ReceiveRequest(ctx, r); err != nil {
			t.Fatal(err)
		}
	}
	list, err := db.ListRequests(ctx, erpps.RequestFilter{WithoutHistory: true})
	if err != nil {
		t.Fatal(err)
	}
	applicant := func(rpps string) erpps.Actor {
		return erpps.Actor{Role: erpps.RoleProfessional, ID: rpps, Name: "Pro"}
	}
	for _, r := range list {
		step := erpps.RequestStep{RequestID: r.ID, BaseRevision: r.Revision, From: r.Status}
		plan := erpps.DecisionPlan{Actor: agent, Principal: r.RPPS, Step: step, At: base}
		switch {
		case r.Status == erpps.StatusTransmitted && rng.IntN(3) == 0:
			plan.Action, plan.Step.To = erpps.DecisionTake, erpps.StatusUnderReview
		case r.Status == erpps.StatusUnderReview && rng.IntN(3) == 0:
			plan.Action, plan.Step.To, plan.Reason = erpps.DecisionRefuse, erpps.StatusRefused, "Non"
		case (r.Status == erpps.StatusComplementRequested || r.Status == erpps.StatusDraft) && rng.IntN(2) == 0:
			if _, err := db.CommitTransmit(ctx, erpps.TransmitPlan{RequestID: r.ID, BaseRevision: r.Revision, Payload: r.Payload,
				Department: depts[rng.IntN(len(depts))], Actor: applicant(r.RPPS), Principal: r.RPPS}); err != nil {
				t.Fatal(err)
			}
			continue
		case r.Status == erpps.StatusTransmitted && rng.IntN(5) == 0:
			if _, err := db.CommitWithdraw(ctx, erpps.WithdrawPlan{RequestID: r.ID, BaseRevision: r.Revision,
				Actor: applicant(r.RPPS), Principal: r.RPPS}); err != nil {
				t.Fatal(err)
			}
			continue
		case r.Status == erpps.StatusDraft:
			if err := db.DeleteDraft(ctx, r.ID); err != nil {
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
}

// TestQueueAgainstRequests checks ListQueue (its page cut from an index,
// its total from queue_counts) against the same queue read plainly from the
// requests, for filters of every kind and pages ending inside ties.
func TestQueueAgainstRequests(t *testing.T) {
	ctx := context.Background()
	db := mustOpen(t)
	rng := rand.New(rand.NewPCG(7, 11))
	seedQueue(t, db, 400, rng)

	var counts, requests int64
	if err := db.pool.QueryRow(ctx, `SELECT (SELECT coalesce(sum(n), 0) FROM queue_counts),
		(SELECT count(*) FROM requests WHERE transmitted_at IS NOT NULL)`).Scan(&counts, &requests); err != nil {
		t.Fatal(err)
	}
	if counts != requests {
		t.Fatalf("queue_counts sums to %d, %d requests transmitted", counts, requests)
	}
	before := time.Date(2026, 1, 1, 5, 0, 0, 0, time.UTC)
	filters := []erpps.QueueFilter{
		{Departments: []string{"75", "92", "93"}},
		{Departments: []string{"75", "92", "93"}, Offset: 20},
		{Departments: []string{"93"}, Limit: 7, Offset: 14},
		{Departments: []string{"69", "75"}, Kind: erpps.KindContact, Limit: 100},
		{Departments: []string{"75", "92"}, TransmittedBefore: &before, Limit: 5, Offset: 5},
		{Departments: []string{"75", "92", "93", "69"}, Statuses: []erpps.RequestStatus{erpps.StatusRefused, erpps.StatusWithdrawn}, Limit: 50},
		{Departments: []string{"01"}},
		{Departments: []string{"75", "92"}, Offset: 10_000}, // past the end: the total alone
	}
	for i, f := range filters {
		t.Run(fmt.Sprint(i), func(t *testing.T) {
			page, err := db.ListQueue(ctx, f)
			if err != nil {
				t.Fatal(err)
			}
			wantIDs, wantTotal := plainQueue(t, db, f)
			gotIDs := []string{}
			for _, it := range page.Items {
				gotIDs = append(gotIDs, it.ID)
			}
			if !reflect.DeepEqual(gotIDs, wantIDs) || page.Total != wantTotal {
				t.Fatalf("%+v:\n got %v (%d)\nwant %v (%d)", f, gotIDs, page.Total, wantIDs, wantTotal)
			}
		})
	}
}

// plainQueue reads the page and the total of f straight from requests.
func plainQueue(t *testing.T, db *DB, f erpps.QueueFilter) ([]string, int) {
	t.Helper()
	statuses := strs(f.Statuses)
	if len(statuses) == 0 {
		statuses = strs(defaultQueueStatuses)
	}
	limit := f.Limit
	if limit == 0 {
		limit = defaultQueueLimit
	}
	before := time.Date(9999, 1, 1, 0, 0, 0, 0, time.UTC)
	if f.TransmittedBefore != nil {
		before = *f.TransmittedBefore
	}
	rows, err := db.pool.Query(context.Background(), `
		SELECT id, count(*) OVER () FROM requests
		WHERE transmitted_at IS NOT NULL AND transmitted_at < $1 AND department = ANY($2) AND status = ANY($3)
		  AND ($4 = '' OR kind = $4)
		ORDER BY transmitted_at, id`, before, f.Departments, statuses, string(f.Kind))
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	ids := []string{}
	total := 0
	for i := 0; rows.Next(); i++ {
		var id string
		var n int64
		if err := rows.Scan(&id, &n); err != nil {
			t.Fatal(err)
		}
		total = int(n)
		if i >= f.Offset && i < f.Offset+limit {
			ids = append(ids, id)
		}
	}
	return ids, total
}
