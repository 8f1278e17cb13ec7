package storetest

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"erpps/backend/erpps"
)

const purpose = "ecps-activation"

// liveCode is a code for subject issued at n minutes, valid ten minutes.
func liveCode(subject string, n int, hash string) *erpps.OneTimeCode {
	return &erpps.OneTimeCode{Purpose: purpose, Subject: subject, Channel: erpps.ChannelSMS, Hash: hash,
		CreatedAt: at(n), ExpiresAt: at(n + 10)}
}

// sendAt is a send to recipient from client at n minutes.
func sendAt(recipient, client string, n int) erpps.CodeSend {
	return erpps.CodeSend{RecipientKey: recipient, ClientKey: client, At: at(n)}
}

// hourBefore are the limits of an hour before n minutes: 5 per recipient, 8 per client.
func hourBefore(n int) erpps.CodeLimits {
	return erpps.CodeLimits{Since: at(n - 60), PerRecipient: 5, PerClient: 8}
}

func mustIssue(t *testing.T, s erpps.ServerStore, c *erpps.OneTimeCode, send erpps.CodeSend, limits erpps.CodeLimits) {
	t.Helper()
	if err := s.IssueOneTimeCode(context.Background(), c, send, limits); err != nil {
		t.Fatalf("issue: %v", err)
	}
}

func testOneTimeCodes(t *testing.T, open func(t *testing.T) erpps.ServerStore) {
	ctx := context.Background()

	t.Run("IssueTryUse", func(t *testing.T) {
		s := open(t)
		c := liveCode("810000000001", 0, "aa01")
		mustIssue(t, s, c, sendAt("r1", "c1", 0), hourBefore(0))
		if c.ID == "" {
			t.Fatal("no id drawn")
		}
		got, err := s.TryOneTimeCode(ctx, purpose, "810000000001", at(1), 5)
		if err != nil {
			t.Fatal(err)
		}
		if got.ID != c.ID || got.Hash != "aa01" || got.Channel != erpps.ChannelSMS || got.Tries != 1 || got.UsedAt != nil {
			t.Fatalf("got %+v", got)
		}
		sameTime(t, "created", got.CreatedAt, at(0))
		sameTime(t, "expires", got.ExpiresAt, at(10))
		if err := s.UseOneTimeCode(ctx, c.ID, at(2)); err != nil {
			t.Fatal(err)
		}
		wantCode(t, s.UseOneTimeCode(ctx, c.ID, at(3)), erpps.ENOTFOUND)
		_, err = s.TryOneTimeCode(ctx, purpose, "810000000001", at(3), 5)
		wantCode(t, err, erpps.ENOTFOUND)
		_, err = s.TryOneTimeCode(ctx, purpose, "810000000002", at(1), 5)
		wantCode(t, err, erpps.ENOTFOUND)
		_, err = s.TryOneTimeCode(ctx, "other", "810000000001", at(1), 5)
		wantCode(t, err, erpps.ENOTFOUND)
		wantCode(t, s.UseOneTimeCode(ctx, "nope", at(3)), erpps.ENOTFOUND)
	})

	t.Run("Expiry", func(t *testing.T) {
		s := open(t)
		mustIssue(t, s, liveCode("810000000001", 0, "aa01"), sendAt("r1", "c1", 0), hourBefore(0))
		if _, err := s.TryOneTimeCode(ctx, purpose, "810000000001", at(10).Add(-time.Microsecond), 5); err != nil {
			t.Fatalf("a microsecond before expiry: %v", err)
		}
		_, err := s.TryOneTimeCode(ctx, purpose, "810000000001", at(10), 5)
		wantCode(t, err, erpps.ENOTFOUND)
	})

	t.Run("Tries", func(t *testing.T) {
		s := open(t)
		c := liveCode("810000000001", 0, "aa01")
		mustIssue(t, s, c, sendAt("r1", "c1", 0), hourBefore(0))
		for i := 1; i <= 3; i++ {
			got, err := s.TryOneTimeCode(ctx, purpose, "810000000001", at(1), 3)
			if err != nil {
				t.Fatal(err)
			}
			if got.Tries != i {
				t.Fatalf("try %d counted as %d", i, got.Tries)
			}
		}
		_, err := s.TryOneTimeCode(ctx, purpose, "810000000001", at(1), 3)
		wantCode(t, err, erpps.ENOTFOUND)
		// Out of tries, the code is still not used; only a new one is live.
		c2 := liveCode("810000000001", 2, "bb02")
		mustIssue(t, s, c2, sendAt("r1", "c1", 2), hourBefore(2))
		got, err := s.TryOneTimeCode(ctx, purpose, "810000000001", at(3), 3)
		if err != nil {
			t.Fatal(err)
		}
		if got.ID != c2.ID || got.Hash != "bb02" || got.Tries != 1 {
			t.Fatalf("got %+v", got)
		}
	})

	t.Run("NewRevokesOld", func(t *testing.T) {
		s := open(t)
		old := liveCode("810000000001", 0, "aa01")
		mustIssue(t, s, old, sendAt("r1", "c1", 0), hourBefore(0))
		if err := s.UseOneTimeCode(ctx, old.ID, at(1)); err != nil {
			t.Fatal(err)
		}
		fresh := liveCode("810000000001", 2, "bb02")
		fresh.Channel = erpps.ChannelEmail
		mustIssue(t, s, fresh, sendAt("r2", "c1", 2), hourBefore(2))
		wantCode(t, s.UseOneTimeCode(ctx, old.ID, at(3)), erpps.ENOTFOUND)
		got, err := s.TryOneTimeCode(ctx, purpose, "810000000001", at(3), 5)
		if err != nil {
			t.Fatal(err)
		}
		if got.ID != fresh.ID || got.Hash != "bb02" || got.Channel != erpps.ChannelEmail || got.Tries != 1 || got.UsedAt != nil {
			t.Fatalf("got %+v", got)
		}
		// An unused old code is revoked too.
		third := liveCode("810000000001", 4, "cc03")
		mustIssue(t, s, third, sendAt("r2", "c1", 4), hourBefore(4))
		wantCode(t, s.UseOneTimeCode(ctx, fresh.ID, at(5)), erpps.ENOTFOUND)
		if err := s.UseOneTimeCode(ctx, third.ID, at(5)); err != nil {
			t.Fatal(err)
		}
	})

	t.Run("RateLimits", func(t *testing.T) {
		s := open(t)
		for i := 0; i < 5; i++ {
			mustIssue(t, s, liveCode(fmt.Sprintf("81000000000%d", i), i, "aa"), sendAt("r1", fmt.Sprintf("c%d", i), i), hourBefore(i))
		}
		refused := liveCode("810000000009", 5, "ff")
		err := s.IssueOneTimeCode(ctx, refused, sendAt("r1", "c9", 5), hourBefore(5))
		wantCode(t, err, erpps.ETOOMANY)
		_, err = s.TryOneTimeCode(ctx, purpose, "810000000009", at(6), 5)
		wantCode(t, err, erpps.ENOTFOUND) // nothing written
		// The window is (Since, now]: the first send (at 0) leaves it at 60.
		err = s.IssueOneTimeCode(ctx, liveCode("810000000009", 59, "ff"), sendAt("r1", "c9", 59), hourBefore(59))
		wantCode(t, err, erpps.ETOOMANY)
		mustIssue(t, s, liveCode("810000000009", 60, "ff"), sendAt("r1", "c9", 60), hourBefore(60))
		// Per client: 8 sends from c-shared to distinct recipients.
		for i := 0; i < 8; i++ {
			mustIssue(t, s, liveCode(fmt.Sprintf("8200000000%02d", i), 100, "aa"), sendAt(fmt.Sprintf("rr%d", i), "c-shared", 100), hourBefore(100))
		}
		err = s.IssueOneTimeCode(ctx, liveCode("820000000099", 100, "aa"), sendAt("rr99", "c-shared", 100), hourBefore(100))
		wantCode(t, err, erpps.ETOOMANY)
		mustIssue(t, s, liveCode("820000000099", 100, "aa"), sendAt("rr99", "c-other", 100), hourBefore(100))
	})

	t.Run("Decoys", func(t *testing.T) {
		s := open(t)
		// A decoy is counted like a send and keeps no code.
		for i := 0; i < 5; i++ {
			mustIssue(t, s, nil, sendAt("decoy-r", "c1", i), hourBefore(i))
		}
		wantCode(t, s.IssueOneTimeCode(ctx, nil, sendAt("decoy-r", "c2", 5), hourBefore(5)), erpps.ETOOMANY)
		wantCode(t, s.IssueOneTimeCode(ctx, liveCode("810000000001", 5, "aa"), sendAt("decoy-r", "c2", 5), hourBefore(5)), erpps.ETOOMANY)
		_, err := s.TryOneTimeCode(ctx, purpose, "810000000001", at(6), 5)
		wantCode(t, err, erpps.ENOTFOUND)
		// Decoys count against the client address too.
		lim := erpps.CodeLimits{Since: at(-60), PerRecipient: 5, PerClient: 5}
		wantCode(t, s.IssueOneTimeCode(ctx, liveCode("810000000001", 5, "aa"), sendAt("other-r", "c1", 5), lim), erpps.ETOOMANY)
		// A decoy leaves a live code alone.
		c := liveCode("810000000002", 5, "bb")
		mustIssue(t, s, c, sendAt("r9", "c9", 5), hourBefore(5))
		mustIssue(t, s, nil, sendAt("r9", "c9", 6), hourBefore(6))
		if err := s.UseOneTimeCode(ctx, c.ID, at(7)); err != nil {
			t.Fatal(err)
		}
		wantCode(t, s.IssueOneTimeCode(ctx, nil, sendAt("", "c9", 6), hourBefore(6)), erpps.EINVALID)
	})

	t.Run("Invalid", func(t *testing.T) {
		s := open(t)
		bad := []*erpps.OneTimeCode{
			{Purpose: "", Subject: "s", Channel: erpps.ChannelSMS, Hash: "aa", CreatedAt: at(0), ExpiresAt: at(10)},
			{Purpose: purpose, Subject: "", Channel: erpps.ChannelSMS, Hash: "aa", CreatedAt: at(0), ExpiresAt: at(10)},
			{Purpose: purpose, Subject: "s", Channel: "fax", Hash: "aa", CreatedAt: at(0), ExpiresAt: at(10)},
			{Purpose: purpose, Subject: "s", Channel: erpps.ChannelSMS, Hash: "", CreatedAt: at(0), ExpiresAt: at(10)},
			{Purpose: purpose, Subject: "s", Channel: erpps.ChannelSMS, Hash: "aa", CreatedAt: at(10), ExpiresAt: at(10)},
		}
		for _, c := range bad {
			wantCode(t, s.IssueOneTimeCode(ctx, c, sendAt("r", "c", 0), hourBefore(0)), erpps.EINVALID)
		}
		wantCode(t, s.IssueOneTimeCode(ctx, liveCode("s", 0, "aa"), sendAt("", "c", 0), hourBefore(0)), erpps.EINVALID)
		wantCode(t, s.IssueOneTimeCode(ctx, liveCode("s", 0, "aa"), sendAt("r", "c", 0), erpps.CodeLimits{Since: at(-60)}), erpps.EINVALID)
	})

	t.Run("ConcurrentTries", func(t *testing.T) {
		s := open(t)
		c := liveCode("810000000001", 0, "aa01")
		mustIssue(t, s, c, sendAt("r1", "c1", 0), hourBefore(0))
		var wg sync.WaitGroup
		var mu sync.Mutex
		counted := map[int]bool{}
		for i := 0; i < 16; i++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				got, err := s.TryOneTimeCode(ctx, purpose, "810000000001", at(1), 5)
				if err != nil {
					if erpps.ErrorCode(err) != erpps.ENOTFOUND {
						t.Error(err)
					}
					return
				}
				mu.Lock()
				defer mu.Unlock()
				if counted[got.Tries] {
					t.Errorf("try %d counted twice", got.Tries)
				}
				counted[got.Tries] = true
			}()
		}
		wg.Wait()
		if len(counted) != 5 {
			t.Fatalf("%d tries granted of 16, want 5", len(counted))
		}
	})

	t.Run("ConcurrentIssues", func(t *testing.T) {
		s := open(t)
		var wg sync.WaitGroup
		var mu sync.Mutex
		ok := 0
		start := make(chan struct{})
		for i := 0; i < 32; i++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				<-start
				err := s.IssueOneTimeCode(ctx, liveCode(fmt.Sprintf("8300000000%02d", i), 0, "aa"), sendAt("same", fmt.Sprintf("c%d", i), 0), hourBefore(0))
				if err == nil {
					mu.Lock()
					ok++
					mu.Unlock()
				} else if erpps.ErrorCode(err) != erpps.ETOOMANY {
					t.Error(err)
				}
			}()
		}
		close(start)
		wg.Wait()
		if ok != 5 {
			t.Fatalf("%d concurrent sends to one recipient accepted, want 5", ok)
		}
	})
}
