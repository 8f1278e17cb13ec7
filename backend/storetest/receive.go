package storetest

import (
	"context"
	"encoding/json"
	"reflect"
	"testing"
	"time"

	"erpps/backend/erpps"
)

// received returns a contact request as a desktop transmitted it at sent,
// in status, routed to dept, with its history.
func received(id, rpps string, status erpps.RequestStatus, dept string, sent time.Time) *erpps.Request {
	me := professional(rpps)
	created := sent.Add(-time.Hour)
	r := &erpps.Request{ID: id, RPPS: rpps, Kind: erpps.KindContact, Status: status, Department: dept,
		Payload: json.RawMessage(`{"email":"` + id + `@example.invalid"}`), Revision: 2,
		CreatedAt: created, UpdatedAt: sent, TransmittedAt: &sent, UpdatedBy: me,
		History: []erpps.RequestEvent{
			{To: erpps.StatusDraft, At: created, Actor: me, Principal: rpps},
			{From: erpps.StatusDraft, To: erpps.StatusTransmitted, At: sent, Actor: me, Principal: rpps},
		}}
	if status != erpps.StatusTransmitted {
		r.History = append(r.History, erpps.RequestEvent{From: erpps.StatusTransmitted, To: status, At: sent, Actor: agent, Principal: rpps})
	}
	return r
}

// receive stores r as received.
func receive(t *testing.T, s erpps.ServerStore, r *erpps.Request) *erpps.Request {
	t.Helper()
	if err := s.ReceiveRequest(context.Background(), r); err != nil {
		t.Fatalf("receive %s: %v", r.ID, err)
	}
	return r
}

func testReceive(t *testing.T, open func(t *testing.T) erpps.ServerStore) {
	ctx := context.Background()
	const rpps = "10000000001"
	s := open(t)
	mustSave(t, s, practitioner(rpps, "Testeur", "Alix", "69"))

	receive(t, s, received("R-0", rpps, erpps.StatusTransmitted, "75", at(2)))
	r := received("R-1", rpps, erpps.StatusComplementRequested, "75", at(3))
	r.Kind, r.TargetID, r.LinkedRequestID = erpps.KindCeaseActivity, "ACT-"+rpps+"-1", "R-0"
	r.Reason, r.Deadline = "Joindre un justificatif", "2026-04-30"
	receive(t, s, r)
	got := mustFind(t, s, "R-1")
	if !reflect.DeepEqual(normTimes(got), normTimes(r)) {
		t.Fatalf("stored:\n got %+v\nwant %+v", got, r)
	}

	again := received("R-1", rpps, erpps.StatusTransmitted, "75", at(4))
	wantCode(t, s.ReceiveRequest(ctx, again), erpps.ECONFLICT)
	if got := mustFind(t, s, "R-1"); !got.TransmittedAt.Equal(at(3)) || len(got.History) != 3 {
		t.Fatalf("a refused reception wrote: %+v", got)
	}
	wantCode(t, s.ReceiveRequest(ctx, received("R-2", "19999999999", erpps.StatusTransmitted, "75", at(3))), erpps.ENOTFOUND)
	bad := received("R-3", rpps, "teleported", "75", at(3))
	wantCode(t, s.ReceiveRequest(ctx, bad), erpps.EINVALID)
	wantCode(t, s.ReceiveRequest(ctx, nil), erpps.EINVALID)
	for _, id := range []string{"R-2", "R-3"} {
		_, err := s.FindRequestByID(ctx, id)
		wantCode(t, err, erpps.ENOTFOUND)
	}
}
