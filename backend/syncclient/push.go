package syncclient

import (
	"context"
	"errors"
	"fmt"

	"erpps/backend/erpps"
)

// Paths of the server's sync API.
const (
	pathPush     = "/api/v1/sync/push"
	pathPull     = "/api/v1/sync/pull"
	pathSnapshot = "/api/v1/sync/snapshot"
	pathWait     = "/api/v1/sync/wait"
)

// push sends every pending mutation, in seq order, batch by batch: the
// batch is frozen (MarkMutationsSent) before it goes out, so that an
// autosave meanwhile appends a new mutation instead of changing one the
// server may apply; every result is acknowledged. It returns the ids of the
// requests set aside (conflict or rejected); echoes gets the server version
// of each request an applied mutation wrote (its change, pulled after, is
// this desktop's own write coming back).
//
// restored says the server lost mutations it had answered (restored from a
// backup): the pending ones were numbered again from where it stands and the
// cursor reset (the pull takes a snapshot).
func (c *Client) push(ctx context.Context, clientID string, echoes map[string]int64) ([]string, bool, error) {
	var changed []string
	restored := false
	batch := c.cfg.PushBatch
	for {
		pending, err := c.cfg.Store.ListPendingMutations(ctx, batch)
		if err != nil {
			return changed, restored, fmt.Errorf("syncclient: unable to list the pending mutations: %w", err)
		}
		if len(pending) == 0 {
			return changed, restored, nil
		}
		first, last := pending[0].Seq, pending[len(pending)-1].Seq
		if err := c.cfg.Store.MarkMutationsSent(ctx, last); err != nil {
			return changed, restored, fmt.Errorf("syncclient: unable to mark the mutations sent: %w", err)
		}
		req := erpps.PushRequest{ClientID: clientID, Mutations: make([]erpps.Mutation, len(pending))}
		for i, p := range pending {
			m := p.Mutation
			if m.ClientID == "" {
				m.ClientID = clientID
			}
			req.Mutations[i] = m
		}
		var resp erpps.PushResponse
		if err := c.call(ctx, "POST", pathPush, c.cfg.RequestTimeout, req, &resp); err != nil {
			if undelivered(err) {
				// The server never saw the batch: what this round froze
				// goes back to the queue (later autosaves coalesce into it
				// again); what an earlier round sent stays frozen.
				if rerr := c.cfg.Store.RequeueMutations(ctx, frozenNow(pending)); rerr != nil {
					return changed, restored, errors.Join(err, fmt.Errorf("syncclient: unable to queue the mutations again: %w", rerr))
				}
			}
			if erpps.ErrorCode(err) == erpps.ETOOLARGE && batch > 1 {
				batch = max(1, len(pending)/2) // a smaller batch fits
				continue
			}
			return changed, restored, err
		}
		acked := 0
		for _, r := range resp.Results {
			if r.ClientID == "" {
				r.ClientID = clientID
			}
			if err := c.cfg.Store.AckMutation(ctx, r); err != nil {
				return changed, restored, fmt.Errorf("syncclient: unable to acknowledge mutation %d: %w", r.Seq, err)
			}
			if r.Seq >= first && r.Seq <= last {
				acked++
			}
			if r.Outcome != erpps.OutcomeApplied {
				changed = append(changed, requestIDOf(pending, r))
				continue
			}
			for _, req := range []*erpps.Request{r.Request, r.Linked} {
				if req != nil {
					echoes[req.ID] = req.Revision
				}
			}
		}
		if resp.Expected > 0 && resp.Expected < first {
			// The server lacks mutations it answered (it was restored from
			// a backup): the pending ones, which it never applied (it
			// expects an older seq), are numbered again from Expected.
			if restored {
				return changed, restored, erpps.Internal(fmt.Errorf("syncclient: the server expects seq %d, the oldest pending is %d", resp.Expected, first))
			}
			if err := c.cfg.Store.RenumberPending(ctx, resp.Expected); err != nil {
				return changed, restored, fmt.Errorf("syncclient: unable to number the pending mutations again: %w", err)
			}
			restored = true
			continue
		}
		if acked == 0 {
			// Sending the same batch again would loop for ever.
			return changed, restored, erpps.Internal(fmt.Errorf("syncclient: the server answered none of the mutations from seq %d (expected %d)", first, resp.Expected))
		}
		// A gap (Expected inside the batch) or a full batch: the next round
		// starts at what is still pending, i.e. at Expected.
	}
}

// frozenNow returns the seqs of the mutations the listing of this round
// froze (a store that does not freeze when it lists leaves them queued until
// MarkMutationsSent).
func frozenNow(pending []erpps.PendingMutation) []int64 {
	var seqs []int64
	for _, p := range pending {
		if p.FrozenNow || p.Status == erpps.PendingQueued {
			seqs = append(seqs, p.Seq)
		}
	}
	return seqs
}

// requestIDOf is the request a result is about.
func requestIDOf(pending []erpps.PendingMutation, r erpps.MutationResult) string {
	for _, p := range pending {
		if p.Seq == r.Seq {
			return p.RequestID
		}
	}
	if r.Request != nil {
		return r.Request.ID
	}
	return ""
}
