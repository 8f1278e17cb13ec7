package syncclient

import (
	"context"
	"errors"
	"net/url"
	"strconv"
	"time"

	"erpps/backend/erpps"
)

// SyncOnce pushes every pending mutation, then pulls every change; it
// returns the first error (the pull is skipped when the server cannot be
// reached or refuses the token). It waits for a sync already running.
func (c *Client) SyncOnce(ctx context.Context) error {
	err := c.syncTurn(ctx)
	if err == nil {
		select {
		case c.synced <- struct{}{}:
		default:
		}
	}
	return err
}

// syncTurn runs one sync once no other is running.
func (c *Client) syncTurn(ctx context.Context) error {
	select {
	case c.turn <- struct{}{}:
	case <-ctx.Done():
		return ctx.Err()
	}
	defer func() { <-c.turn }()
	return c.sync(ctx)
}

func (c *Client) sync(ctx context.Context) error {
	// A retry after a failure keeps showing the failure until it succeeds
	// (no flicker between « Hors ligne » and « Synchronisation… »).
	if st := c.Status(); st.Error == "" {
		c.setStatus(ctx, StateSyncing, "")
	}
	sum, err := c.cfg.Store.SyncSummary(ctx)
	if err != nil {
		c.setStatus(ctx, StateOffline, messageOf(err))
		return err
	}
	echoes := map[string]int64{}
	changed, restored, pushErr := c.push(ctx, sum.ClientID, echoes)
	var pullErr error
	if pushErr == nil || !stopsPull(pushErr) {
		var ids []string
		ids, _, pullErr = c.pull(ctx, sum.Cursor, echoes, restored)
		changed = append(changed, ids...)
	}
	c.changed(changed)
	if err := firstOf(pushErr, pullErr); err != nil {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		c.setStatus(ctx, stateOf(err), messageOf(err))
		return err
	}
	c.setStatus(ctx, StateOnline, "")
	return nil
}

// stopsPull tells whether a push's failure makes a pull pointless: the
// server cannot be reached or refuses the caller.
func stopsPull(err error) bool {
	var ne *netError
	if errors.As(err, &ne) {
		return true
	}
	switch erpps.ErrorCode(err) {
	case erpps.EUNAUTHORIZED, erpps.EFORBIDDEN, erpps.EUNAVAILABLE:
		return true
	}
	return false
}

func firstOf(errs ...error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// Run synchronises until ctx ends: a sync at once, then a long-poll that
// tells of new changes on the server, a push soon after every Notify, and,
// on failure, retries after a growing random delay (Backoff), resuming by
// itself when the server is back. It returns ctx's error.
func (c *Client) Run(ctx context.Context) error {
	failures, waitFailures := 0, 0
	var seen int64 // the newest change sequence the server told of and a sync followed
	for {
		if err := c.syncTurn(ctx); err != nil {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			failures++
			if !c.pause(ctx, c.Backoff(failures)) {
				return ctx.Err()
			}
			continue
		}
		failures = 0
		next, err := c.idle(ctx, seen, &waitFailures)
		if ctx.Err() != nil {
			return ctx.Err()
		}
		seen = max(seen, next)
		if err != nil {
			// The long-poll failed: the server is down, or does not offer
			// it (then this is polling with backoff).
			waitFailures++
			if !c.pause(ctx, c.Backoff(waitFailures)) {
				return ctx.Err()
			}
		}
	}
}

// idle waits for a reason to sync: new changes on the server (with the
// change sequence it told of), local changes (Notify, after Debounce) or a
// failed long-poll (err); a long-poll answered resets waitFailures.
func (c *Client) idle(ctx context.Context, seen int64, waitFailures *int) (int64, error) {
	var debounce <-chan time.Time
	for {
		sum, err := c.cfg.Store.SyncSummary(ctx)
		if err != nil {
			return seen, err
		}
		after := max(seen, sum.Cursor)
		started := time.Now()
		wctx, cancel := context.WithCancel(ctx)
		done := make(chan waitReply, 1)
		go func() { done <- c.wait(wctx, after) }()
		stop := func() { cancel(); <-done }
	listen:
		for {
			select {
			case <-ctx.Done():
				stop()
				return seen, ctx.Err()
			case <-c.notify:
				c.refreshCounts(ctx)
				if debounce == nil {
					debounce = time.After(c.cfg.Debounce)
				}
			case <-debounce:
				stop()
				return seen, nil
			case <-c.synced:
				// Someone else synced (SyncNow): the cursor moved on.
				stop()
				break listen
			case r := <-done:
				cancel()
				if r.err != nil {
					return seen, r.err
				}
				*waitFailures = 0
				if r.seq > after {
					return r.seq, nil
				}
				// Nothing new before the timeout: wait again (not in a
				// tight loop should the server answer at once).
				if time.Since(started) < c.cfg.MinBackoff {
					debounce = time.After(c.cfg.MinBackoff) // a sync then, soon
				}
				break listen
			}
		}
	}
}

// waitReply is the long-poll's answer.
type waitReply struct {
	seq int64
	err error
}

// wait long-polls the server until its change sequence passes after (or
// its timeout) and returns the sequence.
func (c *Client) wait(ctx context.Context, after int64) waitReply {
	var r struct {
		ChangeSeq int64 `json:"changeSeq"`
	}
	q := url.Values{"cursor": {strconv.FormatInt(after, 10)}}
	err := c.call(ctx, "GET", pathWait+"?"+q.Encode(), c.cfg.WaitTimeout, nil, &r)
	return waitReply{seq: r.ChangeSeq, err: err}
}

// refreshCounts shows the new count of changes waiting, keeping the state.
func (c *Client) refreshCounts(ctx context.Context) {
	st := c.Status()
	c.setStatus(ctx, st.State, st.Error)
}

// pause waits for d; a sync that succeeded meanwhile (SyncNow) cuts it
// short. It returns false when ctx ended.
func (c *Client) pause(ctx context.Context, d time.Duration) bool {
	t := time.NewTimer(d)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return false
		case <-t.C:
			return true
		case <-c.synced:
			return true
		case <-c.notify:
			// Local changes wait for the retry; their count shows now.
			c.refreshCounts(ctx)
		}
	}
}

// Backoff is the delay before retry number attempt (1, 2...): exponential
// with full jitter, uniform between MinBackoff and a ceiling that doubles
// from 2×MinBackoff at each failure up to MaxBackoff.
func (c *Client) Backoff(attempt int) time.Duration {
	lo, hi := c.cfg.MinBackoff, c.cfg.MaxBackoff
	ceil := lo
	for i := 0; i < attempt && ceil < hi; i++ {
		ceil *= 2
	}
	ceil = min(ceil, hi)
	c.mu.Lock()
	d := lo + time.Duration(c.rng.Int64N(int64(ceil-lo)+1))
	c.mu.Unlock()
	return d
}
