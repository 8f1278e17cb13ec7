package storetest

import (
	"context"
	"fmt"
	"reflect"
	"testing"
	"time"

	"erpps/backend/erpps"
)

// queueIDs lists the ids of a page.
func queueIDs(p *erpps.QueuePage) []string {
	out := []string{}
	for _, it := range p.Items {
		out = append(out, it.ID)
	}
	return out
}

func testQueue(t *testing.T, open func(t *testing.T) erpps.ServerStore) {
	ctx := context.Background()
	s := open(t)
	mustSave(t, s, practitioner("10000000001", "Testeur", "Alix", "75"))
	p2 := practitioner("10000000002", "", "Basile", "92")
	p2.BirthName = "NAISSANCE"
	mustSave(t, s, p2)
	mustSave(t, s, practitioner("10000000003", "Lyonnais", "Chloé", "69"))

	// Île-de-France (75, 92) gets Q-01..Q-25, transmitted a minute apart but
	// Q-25, transmitted with Q-23 (the same instant: ordered by id).
	var idf []string
	for i := 1; i <= 25; i++ {
		id := fmt.Sprintf("Q-%02d", i)
		rpps, dept := "10000000001", "75"
		if i%2 == 0 {
			rpps, dept = "10000000002", "92"
		}
		sent := at(i)
		if i == 25 {
			sent = at(23)
		}
		status := erpps.StatusTransmitted
		switch i % 5 {
		case 3:
			status = erpps.StatusUnderReview
		case 4:
			status = erpps.StatusComplementRequested
		}
		r := received(id, rpps, status, dept, sent)
		if i%3 == 0 {
			r.Kind = erpps.KindExerciseName
		}
		if status == erpps.StatusComplementRequested {
			r.Deadline = "2026-04-30"
		}
		receive(t, s, r)
		idf = append(idf, id)
	}
	idf[23], idf[24] = "Q-25", "Q-24"
	// Decided, elsewhere, or never transmitted: never in the default queue.
	receive(t, s, received("X-accepted", "10000000001", erpps.StatusAccepted, "75", at(0)))
	receive(t, s, received("X-withdrawn", "10000000001", erpps.StatusWithdrawn, "75", at(0)))
	receive(t, s, received("X-lyon", "10000000003", erpps.StatusTransmitted, "69", at(0)))
	draft := mustCreate(t, s, "10000000001", erpps.KindNewProfession, "", `{}`)

	region := []string{"75", "77", "78", "91", "92", "93", "94", "95"}
	list := func(t *testing.T, f erpps.QueueFilter) *erpps.QueuePage {
		t.Helper()
		p, err := s.ListQueue(ctx, f)
		if err != nil {
			t.Fatal(err)
		}
		return p
	}

	t.Run("FirstPage", func(t *testing.T) {
		p := list(t, erpps.QueueFilter{Departments: region})
		if p.Total != 25 || p.Offset != 0 || p.Limit != 20 {
			t.Fatalf("total %d offset %d limit %d", p.Total, p.Offset, p.Limit)
		}
		if got := queueIDs(p); !reflect.DeepEqual(got, idf[:20]) {
			t.Fatalf("got %v, want %v", got, idf[:20])
		}
		first := p.Items[0]
		want := erpps.QueueItem{ID: "Q-01", RPPS: "10000000001", PractitionerName: "Testeur Alix", Kind: erpps.KindContact,
			Status: erpps.StatusTransmitted, Department: "75", Revision: 2, TransmittedAt: at(1), UpdatedAt: at(1)}
		first.TransmittedAt, first.UpdatedAt = utc(first.TransmittedAt), utc(first.UpdatedAt)
		if !reflect.DeepEqual(first, want) {
			t.Fatalf("item:\n got %+v\nwant %+v", first, want)
		}
		if name := p.Items[1].PractitionerName; name != "NAISSANCE Basile" {
			t.Fatalf("a practitioner without exercise name is listed as %q", name)
		}
		if d := p.Items[3].Deadline; p.Items[3].Status != erpps.StatusComplementRequested || d != "2026-04-30" {
			t.Fatalf("complement item %+v", p.Items[3])
		}
	})

	t.Run("NextPage", func(t *testing.T) {
		p := list(t, erpps.QueueFilter{Departments: region, Offset: 20, Limit: 10})
		if got := queueIDs(p); p.Total != 25 || !reflect.DeepEqual(got, idf[20:]) {
			t.Fatalf("total %d, got %v, want %v", p.Total, got, idf[20:])
		}
		p = list(t, erpps.QueueFilter{Departments: region, Offset: 100})
		if p.Total != 25 || len(p.Items) != 0 || p.Items == nil {
			t.Fatalf("past the end: %+v", p)
		}
	})

	t.Run("LimitBounds", func(t *testing.T) {
		if p := list(t, erpps.QueueFilter{Departments: region, Limit: 1000}); p.Limit != 100 || len(p.Items) != 25 {
			t.Fatalf("limit %d, %d items", p.Limit, len(p.Items))
		}
		if p := list(t, erpps.QueueFilter{Departments: region, Limit: 3, Offset: -5}); p.Offset != 0 ||
			!reflect.DeepEqual(queueIDs(p), idf[:3]) {
			t.Fatalf("negative offset: %+v", p)
		}
	})

	t.Run("DepartmentScope", func(t *testing.T) {
		p := list(t, erpps.QueueFilter{Departments: []string{"92"}, Limit: 100})
		if p.Total != 12 {
			t.Fatalf("92 has %d requests, want 12", p.Total)
		}
		for _, it := range p.Items {
			if it.Department != "92" {
				t.Fatalf("a request of %s listed for 92", it.Department)
			}
		}
		if p := list(t, erpps.QueueFilter{Departments: []string{"69"}}); !reflect.DeepEqual(queueIDs(p), []string{"X-lyon"}) {
			t.Fatalf("69: %v", queueIDs(p))
		}
		_, err := s.ListQueue(ctx, erpps.QueueFilter{})
		wantCode(t, err, erpps.EINVALID)
	})

	t.Run("Statuses", func(t *testing.T) {
		p := list(t, erpps.QueueFilter{Departments: region, Statuses: []erpps.RequestStatus{erpps.StatusUnderReview}, Limit: 100})
		if got := queueIDs(p); !reflect.DeepEqual(got, []string{"Q-03", "Q-08", "Q-13", "Q-18", "Q-23"}) || p.Total != 5 {
			t.Fatalf("under review: %v (%d)", got, p.Total)
		}
		p = list(t, erpps.QueueFilter{Departments: region, Statuses: []erpps.RequestStatus{erpps.StatusAccepted, erpps.StatusWithdrawn}})
		if got := queueIDs(p); !reflect.DeepEqual(got, []string{"X-accepted", "X-withdrawn"}) {
			t.Fatalf("decided: %v", got)
		}
		p = list(t, erpps.QueueFilter{Departments: region, Statuses: []erpps.RequestStatus{erpps.StatusDraft}})
		if p.Total != 0 || len(p.Items) != 0 {
			t.Fatalf("a draft (%s) is listed: %+v", draft.ID, p)
		}
		_, err := s.ListQueue(ctx, erpps.QueueFilter{Departments: region, Statuses: []erpps.RequestStatus{"lost"}})
		wantCode(t, err, erpps.EINVALID)
	})

	t.Run("Kind", func(t *testing.T) {
		p := list(t, erpps.QueueFilter{Departments: region, Kind: erpps.KindExerciseName, Limit: 100})
		want := []string{"Q-03", "Q-06", "Q-09", "Q-12", "Q-15", "Q-18", "Q-21", "Q-24"}
		if got := queueIDs(p); !reflect.DeepEqual(got, want) || p.Total != len(want) {
			t.Fatalf("got %v (%d), want %v", got, p.Total, want)
		}
		_, err := s.ListQueue(ctx, erpps.QueueFilter{Departments: region, Kind: "teleport"})
		wantCode(t, err, erpps.EINVALID)
	})

	t.Run("Age", func(t *testing.T) {
		before := at(4)
		p := list(t, erpps.QueueFilter{Departments: region, TransmittedBefore: &before})
		if got := queueIDs(p); !reflect.DeepEqual(got, []string{"Q-01", "Q-02", "Q-03"}) || p.Total != 3 {
			t.Fatalf("waiting since before %v: %v (%d)", before, got, p.Total)
		}
		old := t0.Add(-24 * time.Hour)
		if p := list(t, erpps.QueueFilter{Departments: region, TransmittedBefore: &old}); p.Total != 0 {
			t.Fatalf("nothing is that old: %+v", p)
		}
	})

	t.Run("AssignedTo", func(t *testing.T) {
		decide(t, s, mustFind(t, s, "Q-01"), erpps.DecisionTake, agent, nil)
		p := list(t, erpps.QueueFilter{Departments: region, Limit: 1})
		it := p.Items[0]
		if it.ID != "Q-01" || it.Status != erpps.StatusUnderReview || it.AssignedTo == nil || *it.AssignedTo != agent {
			t.Fatalf("taken item %+v", it)
		}
		if p.Items[0].UpdatedAt.Equal(at(1)) {
			t.Fatalf("taking did not update the item: %+v", it)
		}
	})
}
