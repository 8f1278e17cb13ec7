package syncserver

import (
	"context"
	"testing"
	"time"

	"erpps/backend/erpps"
)

// A pull brings the changes to the caller's records and their requests,
// page by page, and nothing of anyone else's; a snapshot the same state.
func TestPullAndSnapshot(t *testing.T) { eachStore(t, testPullAndSnapshot) }

func testPullAndSnapshot(t *testing.T, e *env) {
	ctx := context.Background()
	c := e.client(e.a)
	ids := []string{e.newID(), e.newID()}
	only(t, c.push(c.next(erpps.MutationSaveDraft, ids[0], 0)))
	m := c.next(erpps.MutationSaveDraft, ids[1], 0)
	m.RequestKind, m.Payload = erpps.KindExerciseName, nil
	only(t, c.push(m))

	seen := func(acct *erpps.Account, limit int) (map[string]erpps.Change, int) {
		t.Helper()
		got := map[string]erpps.Change{}
		pages := 0
		var cursor int64
		for {
			page, err := e.svc.Pull(ctx, acct, cursor, limit)
			if err != nil {
				t.Fatal(err)
			}
			pages++
			if page.Resync {
				t.Fatalf("resync from %d", cursor)
			}
			for _, ch := range page.Changes {
				got[string(ch.Kind)+":"+ch.ID] = ch
			}
			if page.Cursor < cursor || (page.More && page.Cursor != page.Changes[len(page.Changes)-1].Seq) {
				t.Fatalf("cursor %d → %d", cursor, page.Cursor)
			}
			cursor = page.Cursor
			if !page.More {
				return got, pages
			}
			if pages > 100 {
				t.Fatal("pull never ends")
			}
		}
	}
	forA, pages := seen(e.a, 1)
	if pages < 3 {
		t.Errorf("%d pages of 1 change, want 3 or more", pages)
	}
	for _, key := range []string{"practitioner:" + e.a.RPPS, "request:" + ids[0], "request:" + ids[1]} {
		ch, ok := forA[key]
		if !ok {
			t.Fatalf("A's pull lacks %s: %v", key, forA)
		}
		if ch.Kind == erpps.ChangeRequest && (ch.Request == nil || ch.Request.RPPS != e.a.RPPS) {
			t.Fatalf("change %s without its request: %+v", key, ch)
		}
	}
	for key, ch := range forA {
		if (ch.Kind == erpps.ChangePractitioner && ch.ID != e.a.RPPS) || (ch.Request != nil && ch.Request.RPPS != e.a.RPPS) {
			t.Fatalf("A's pull holds %s, not A's", key)
		}
	}
	bySec, _ := seen(e.sec, 0)
	if len(bySec) != len(forA) {
		t.Errorf("the secretary under A's mandate sees %d objects, A %d", len(bySec), len(forA))
	}
	if none, _ := seen(e.noMand, 0); len(none) != 0 {
		t.Errorf("a secretary without a mandate sees %v", none)
	}
	forB, _ := seen(e.b, 0)
	for key := range forB {
		if _, mine := forA[key]; mine {
			t.Errorf("B sees A's %s", key)
		}
	}
	snap, err := e.svc.Snapshot(ctx, e.a)
	if err != nil {
		t.Fatal(err)
	}
	if len(snap.Practitioners) != 1 || snap.Practitioners[0].RPPS != e.a.RPPS || len(snap.Requests) != 2 || snap.Cursor == 0 {
		t.Fatalf("A's snapshot: %d records, %d requests, cursor %d", len(snap.Practitioners), len(snap.Requests), snap.Cursor)
	}
	if empty, err := e.svc.Snapshot(ctx, e.noMand); err != nil || len(empty.Practitioners)+len(empty.Requests) != 0 {
		t.Fatalf("the snapshot of a secretary without a mandate: %+v %v", empty, err)
	}
	if _, err := e.svc.Pull(ctx, e.a, -1, 0); erpps.ErrorCode(err) != erpps.EINVALID {
		t.Fatalf("a negative cursor: %v", err)
	}
}

// Wait answers at once when the sequence already passed the cursor, as
// soon as a push lands (this process) or another write is seen (polling),
// and at its timeout otherwise.
func TestWait(t *testing.T) { eachStore(t, testWait) }

func testWait(t *testing.T, e *env) {
	ctx := context.Background()
	now, err := e.store.ChangeSeq(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if got, err := e.svc.Wait(ctx, now-1); err != nil || got != now {
		t.Fatalf("Wait(%d) = %d, %v; want %d at once", now-1, got, err, now)
	}
	type answer struct {
		seq int64
		err error
		in  time.Duration
	}
	wait := func(cursor int64) chan answer {
		ch := make(chan answer, 1)
		go func() {
			start := time.Now()
			seq, err := e.svc.Wait(ctx, cursor)
			ch <- answer{seq, err, time.Since(start)}
		}()
		return ch
	}
	// A push of this process.
	waiting := wait(now)
	time.Sleep(100 * time.Millisecond)
	c := e.client(e.a)
	res := only(t, c.push(c.next(erpps.MutationSaveDraft, e.newID(), 0)))
	got := <-waiting
	if got.err != nil || got.seq < res.ChangeSeq || got.in >= e.svc.WaitTimeout {
		t.Fatalf("after a push: %+v (pushed at %d)", got, res.ChangeSeq)
	}
	// A write that is not a push (another server process, a job): seen by
	// polling.
	now = got.seq
	waiting = wait(now)
	time.Sleep(100 * time.Millisecond)
	p, err := e.store.FindPractitionerByRPPS(ctx, e.b.RPPS)
	if err != nil {
		t.Fatal(err)
	}
	p.Contact.Email = "autre@example.org"
	if err := e.store.SavePractitioner(ctx, p); err != nil {
		t.Fatal(err)
	}
	got = <-waiting
	if got.err != nil || got.seq <= now || got.in >= e.svc.WaitTimeout {
		t.Fatalf("after another write: %+v", got)
	}
	// Nothing new: the timeout, with the current sequence.
	start := time.Now()
	seq, err := e.svc.Wait(ctx, got.seq)
	if err != nil || seq != got.seq || time.Since(start) < e.svc.WaitTimeout {
		t.Fatalf("Wait with nothing new = %d, %v after %v", seq, err, time.Since(start))
	}
	// A caller gone: Wait returns.
	cctx, cancel := context.WithTimeout(ctx, 50*time.Millisecond)
	defer cancel()
	start = time.Now()
	if _, err := e.svc.Wait(cctx, seq); err != nil || time.Since(start) >= e.svc.WaitTimeout {
		t.Fatalf("Wait for a caller gone: %v after %v", err, time.Since(start))
	}
}

// A desktop's cursor moves past the changes of records it does not see: a
// long poll from it then waits for a change instead of answering at once
// (a desktop would otherwise pull in a loop while others work).
func TestPullCursorPassesOthersChanges(t *testing.T) { eachStore(t, testPullCursorPassesOthers) }

func testPullCursorPassesOthers(t *testing.T, e *env) {
	ctx := context.Background()
	pullAll := func(acct *erpps.Account, cursor int64) int64 {
		t.Helper()
		for {
			page, err := e.svc.Pull(ctx, acct, cursor, 0)
			if err != nil || page.Resync {
				t.Fatalf("pull: %+v %v", page, err)
			}
			cursor = page.Cursor
			if !page.More {
				return cursor
			}
		}
	}
	cursorA, cursorN := pullAll(e.a, 0), pullAll(e.noMand, 0)
	// B's record changes: nothing for A nor for the secretary without a
	// mandate, but their cursors pass it.
	p, err := e.store.FindPractitionerByRPPS(ctx, e.b.RPPS)
	if err != nil {
		t.Fatal(err)
	}
	p.Contact.Email = "b.ailleurs@example.org"
	if err := e.store.SavePractitioner(ctx, p); err != nil {
		t.Fatal(err)
	}
	end, err := e.store.ChangeSeq(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, who := range []struct {
		acct   *erpps.Account
		cursor int64
	}{{e.a, cursorA}, {e.noMand, cursorN}} {
		page, err := e.svc.Pull(ctx, who.acct, who.cursor, 0)
		if err != nil || len(page.Changes) != 0 || page.Cursor != end || page.More {
			t.Fatalf("%s's pull after B's change: %+v %v (end %d)", who.acct.ID, page, err, end)
		}
		start := time.Now()
		short, cancel := context.WithTimeout(ctx, 300*time.Millisecond)
		seq, err := e.svc.Wait(short, page.Cursor)
		cancel()
		if err != nil || seq != end || time.Since(start) < 250*time.Millisecond {
			t.Fatalf("%s's wait from the new cursor answered %d, %v after %v: want it to wait", who.acct.ID, seq, err, time.Since(start))
		}
	}
	// A cursor past the log's end is another log's: resync.
	if page, err := e.svc.Pull(ctx, e.noMand, end+100, 0); err != nil || !page.Resync {
		t.Fatalf("a cursor past the end: %+v %v", page, err)
	}
}
