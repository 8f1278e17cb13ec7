package syncclient

import (
	"context"
	"fmt"
	"testing"
	"time"

	"erpps/backend/erpps"
	"erpps/backend/internal/faultproxy"
)

// TestRealRunThroughAFlakyNetwork: Run against the real server through a
// proxy that drops, duplicates, reorders and cuts requests and replies
// while the user types and transmits; once the network heals, everything
// reaches the server by itself, exactly once, with the last payload.
func TestRealRunThroughAFlakyNetwork(t *testing.T) {
	for _, seed := range []uint64{1, 2, 3} {
		t.Run(fmt.Sprint("seed ", seed), func(t *testing.T) {
			e := newRealEnv(t)
			ctx := context.Background()
			p, err := faultproxy.New(faultproxy.Config{Seed: seed, Faults: faultproxy.Flaky, Targets: []string{e.ts.URL}})
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { _ = p.Close() })
			d := e.newDesktop(e.signIn(e.a.RPPS), func(c *Config) {
				c.BaseURL = p.URL()
				c.RequestTimeout, c.WaitTimeout = 2*time.Second, 3*time.Second
			})
			runClient(t, d.client)
			eventually(t, 20*time.Second, "the record pulled through the flaky network", func() bool {
				_, err := d.db.FindPractitionerByRPPS(ctx, e.a.RPPS)
				return err == nil
			})
			draft := d.draftContact(t, e.a.RPPS, "0@example.org")
			d.client.Notify()
			last := ""
			for i := 1; i <= 15; i++ {
				last = string(rune('a'+i)) + "@example.org"
				d.save(t, draft.ID, last)
				d.client.Notify()
				time.Sleep(15 * time.Millisecond)
			}
			if _, err := d.svc.Transmit(ctx, draft.ID, d.actor); err != nil {
				t.Fatal(err)
			}
			d.client.Notify()
			time.Sleep(200 * time.Millisecond)
			if err := p.SetFaults(faultproxy.Faults{}); err != nil {
				t.Fatal(err)
			}
			eventually(t, 20*time.Second, "everything pushed once the network healed", func() bool {
				st := d.client.Status()
				return st.State == StateOnline && st.Pending == 0
			})
			onServer, err := e.store.FindRequestByID(ctx, draft.ID)
			if err != nil {
				t.Fatal(err)
			}
			transmissions := 0
			for _, h := range onServer.History {
				if h.To == erpps.StatusTransmitted {
					transmissions++
				}
			}
			if onServer.Status != erpps.StatusTransmitted || transmissions != 1 || !jsonHas(onServer.Payload, "email", last) {
				t.Fatalf("on the server: %s, transmitted %d times, payload %s", onServer.Status, transmissions, onServer.Payload)
			}
			if st := d.client.Status(); st.SetAside != 0 {
				t.Fatalf("status %+v", st)
			}
			t.Logf("faults: %v", p.Counts())
		})
	}
}
