package storetest

import (
	"context"
	"encoding/json"
	"reflect"
	"testing"

	"erpps/backend/erpps"
)

// testSyncHandBack: a receipt's Result receives the result the write
// committed (the one FindMutationResult reads, without reading it again),
// and stays untouched when the write was refused.
func testSyncHandBack(t *testing.T, open func(t *testing.T) erpps.ServerStore) {
	const rpps = "10000000001"
	me := professional(rpps)
	s := open(t)
	mustSave(t, s, practitioner(rpps, "Testeur", "Alix", "75"))
	bind(t, s, clientA, accountA)
	r := mustCreate(t, s, rpps, erpps.KindContact, "", `{}`)
	handed := func(seq int64) (context.Context, *erpps.MutationResult) {
		out := &erpps.MutationResult{}
		rc, _ := erpps.ReceiptFrom(receipt(clientA, seq, r.ID))
		rc.Result = out
		return erpps.WithReceipt(context.Background(), rc), out
	}

	ctx, out := handed(1)
	_, err := s.SaveDraft(ctx, r.ID, 7, json.RawMessage(`{"email":"x@example.invalid"}`), me)
	wantCode(t, err, erpps.ECONFLICT) // stale revision: nothing committed
	if !reflect.DeepEqual(*out, erpps.MutationResult{}) {
		t.Fatalf("a refused write handed back %+v", out)
	}
	ctx, out = handed(2)
	_, err = s.SaveDraft(ctx, r.ID, 1, json.RawMessage(`{"email":"x@example.invalid"}`), me)
	wantCode(t, err, erpps.ECONFLICT) // past a gap: nothing committed
	if !reflect.DeepEqual(*out, erpps.MutationResult{}) {
		t.Fatalf("a write past a gap handed back %+v", out)
	}

	ctx, out = handed(1)
	if _, err := s.SaveDraft(ctx, r.ID, 1, json.RawMessage(`{"email":"x@example.invalid"}`), me); err != nil {
		t.Fatal(err)
	}
	stored := result(t, s, clientA, 1)
	if out.Seq != 1 || out.Outcome != erpps.OutcomeApplied || out.Version != 2 || out.Request == nil ||
		string(out.Request.Payload) != `{"email":"x@example.invalid"}` {
		t.Fatalf("handed back %+v", out)
	}
	// The same as stored, once through JSON as the client receives both.
	a, _ := json.Marshal(out)
	b, _ := json.Marshal(stored)
	if string(a) != string(b) {
		t.Fatalf("handed back %s, stored %s", a, b)
	}
}
