package storetest

import (
	"context"
	"encoding/json"
	"reflect"
	"testing"

	"erpps/backend/erpps"
)

func testExpiredComplements(t *testing.T, open func(t *testing.T) erpps.ServerStore) {
	ctx := context.Background()
	const rpps = "10000000001"
	s := open(t)
	mustSave(t, s, practitioner(rpps, "Testeur", "Alix", "75"))
	for _, c := range []struct{ id, deadline string }{
		{"C-late", "2026-03-01"}, {"C-later", "2026-02-01"}, {"C-today", "2026-03-14"}, {"C-future", "2026-04-30"},
	} {
		r := received(c.id, rpps, erpps.StatusComplementRequested, "75", at(1))
		r.Deadline = c.deadline
		receive(t, s, r)
	}
	refused := received("C-refused", rpps, erpps.StatusRefused, "75", at(1))
	refused.Deadline = "2026-01-01" // decided: not a complement waiting
	receive(t, s, refused)

	ids := func(limit int) []string {
		t.Helper()
		list, err := s.ListExpiredComplements(ctx, "2026-03-14", limit)
		if err != nil {
			t.Fatal(err)
		}
		out := []string{}
		for _, r := range list {
			out = append(out, r.ID)
			if len(r.History) == 0 || r.Payload == nil || !json.Valid(r.Payload) {
				t.Fatalf("incomplete request %+v", r)
			}
		}
		return out
	}
	if got := ids(0); !reflect.DeepEqual(got, []string{"C-later", "C-late"}) {
		t.Fatalf("expired: %v", got)
	}
	if got := ids(1); !reflect.DeepEqual(got, []string{"C-later"}) {
		t.Fatalf("expired, limit 1: %v", got)
	}
}
