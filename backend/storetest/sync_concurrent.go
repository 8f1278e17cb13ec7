package storetest

import (
	"context"
	"encoding/json"
	"fmt"
	"sync"
	"testing"

	"erpps/backend/erpps"
)

// testSyncConcurrentClients: many clients pushing at once (on the server's
// stores, their writes are committed in groups as they queue) each get every
// mutation applied once, in order, with its result; the same receipt again
// is refused and applies nothing.
func testSyncConcurrentClients(t *testing.T, open func(t *testing.T) erpps.ServerStore) {
	ctx := context.Background()
	const rpps = "10000000001"
	const clients, pushes = 16, 10
	me := professional(rpps)
	s := open(t)
	mustSave(t, s, practitioner(rpps, "Testeur", "Alix", "75"))
	drafts := make([]*erpps.Request, clients)
	for i := range drafts {
		drafts[i] = mustFind(t, s, mustCreate(t, s, rpps, erpps.KindCeaseActivity, fmt.Sprintf("ACT-%d", i), `{}`).ID)
		bind(t, s, fmt.Sprintf("client-%d", i), fmt.Sprintf("account-%d", i))
	}
	var wg sync.WaitGroup
	errs := make(chan error, clients*pushes)
	for i := range clients {
		wg.Go(func() {
			c, r := fmt.Sprintf("client-%d", i), drafts[i]
			for seq := int64(1); seq <= pushes; seq++ {
				res := &erpps.MutationResult{}
				rctx := erpps.WithReceipt(ctx, erpps.Receipt{ClientID: c, Seq: seq, MutationID: fmt.Sprintf("m-%s-%d", c, seq), RequestID: r.ID, Result: res})
				saved, err := s.SaveDraft(rctx, r.ID, r.Revision, json.RawMessage(fmt.Sprintf(`{"email":"%d@example.invalid"}`, seq)), me)
				if err != nil {
					errs <- fmt.Errorf("%s #%d: %w", c, seq, err)
					return
				}
				if res.Seq != seq || res.Version != saved.Revision {
					errs <- fmt.Errorf("%s #%d: result handed back %+v", c, seq, res)
					return
				}
				// The same receipt again: refused, nothing applied twice.
				_, err = s.SaveDraft(erpps.WithReceipt(ctx, erpps.Receipt{ClientID: c, Seq: seq, MutationID: "again", RequestID: r.ID}),
					r.ID, saved.Revision, json.RawMessage(`{"email":"twice@example.invalid"}`), me)
				if erpps.ErrorCode(err) != erpps.ECONFLICT {
					errs <- fmt.Errorf("%s #%d replayed: %v, want a conflict", c, seq, err)
					return
				}
				r = saved
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	for i := range clients {
		c := fmt.Sprintf("client-%d", i)
		if got := bind(t, s, c, fmt.Sprintf("account-%d", i)); got != pushes {
			t.Fatalf("%s's last seq = %d, want %d", c, got, pushes)
		}
		for seq := int64(1); seq <= pushes; seq++ {
			got := result(t, s, c, seq)
			if got.Version != drafts[i].Revision+seq || got.MutationID != fmt.Sprintf("m-%s-%d", c, seq) {
				t.Fatalf("%s #%d: version %d, want %d (%s)", c, seq, got.Version, drafts[i].Revision+seq, got.MutationID)
			}
		}
	}
}
