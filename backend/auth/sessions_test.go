package auth

import (
	"bytes"
	"context"
	"crypto/sha256"
	"testing"
	"time"

	"erpps/backend/erpps"
)

func TestSessionsOpenCheckClose(t *testing.T) {
	m := newMemStore()
	now := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
	s := &Sessions{Store: m, Now: func() time.Time { return now }, TTL: time.Hour}
	ctx := context.Background()
	acct := &erpps.Account{ID: "agent:1", Login: "a", Role: erpps.RoleARSAgent}
	token, sess, err := s.Open(ctx, acct)
	if err != nil {
		t.Fatal(err)
	}
	if len(token) != 43 || !sess.ExpiresAt.Equal(now.Add(time.Hour)) || sess.Account.ID != "agent:1" {
		t.Fatalf("Open = %q, %+v", token, sess)
	}
	for h := range m.sessions {
		sum := sha256.Sum256([]byte(token))
		if !bytes.Equal([]byte(h), sum[:]) {
			t.Fatal("the store keeps something else than the token's SHA-256")
		}
		if bytes.Contains([]byte(h), []byte(token)) {
			t.Fatal("the store keeps the token")
		}
	}
	got, err := s.Check(ctx, token)
	if err != nil || got.ID != sess.ID {
		t.Fatalf("Check = %+v, %v", got, err)
	}
	token2, _, err := s.Open(ctx, acct)
	if err != nil || token2 == token {
		t.Fatalf("second Open = %q, %v: tokens must differ", token2, err)
	}
	if err := s.Close(ctx, token); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Check(ctx, token); erpps.ErrorCode(err) != erpps.EUNAUTHORIZED {
		t.Fatalf("Check after Close = %v, want EUNAUTHORIZED", err)
	}
	if _, err := s.Check(ctx, token2); err != nil {
		t.Fatalf("closing one session closed another: %v", err)
	}
	now = now.Add(time.Hour)
	if _, err := s.Check(ctx, token2); erpps.ErrorCode(err) != erpps.EUNAUTHORIZED {
		t.Fatalf("Check of an expired session = %v, want EUNAUTHORIZED", err)
	}
}

func TestSessionsCheckMalformedCostsNoQuery(t *testing.T) {
	s := &Sessions{Store: failingSessions{}}
	for _, tok := range []string{"", "abc", "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!", string(make([]byte, 43))} {
		if _, err := s.Check(context.Background(), tok); erpps.ErrorCode(err) != erpps.EUNAUTHORIZED {
			t.Errorf("Check(%q) = %v, want EUNAUTHORIZED", tok, err)
		}
	}
}

func TestSessionsCheckDisabledAccount(t *testing.T) {
	m := newMemStore()
	s := &Sessions{Store: m}
	token, _, err := s.Open(context.Background(), &erpps.Account{ID: "x", Disabled: true})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Check(context.Background(), token); erpps.ErrorCode(err) != erpps.EUNAUTHORIZED {
		t.Fatalf("Check for a disabled account = %v, want EUNAUTHORIZED", err)
	}
}

// failingSessions fails the test's expectations by answering nothing usable.
type failingSessions struct{ erpps.SessionStore }

func (failingSessions) FindSessionByTokenHash(context.Context, []byte, time.Time) (*erpps.Session, error) {
	panic("a malformed token reached the store")
}

// A desktop's session lasts 90 days since its last use: used every 80 days
// it never expires; left 90 days it does. A browser's session does not slide.
func TestDeviceSessionSlides(t *testing.T) {
	m := newMemStore()
	now := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
	s := &Sessions{Store: m, Now: func() time.Time { return now }, TTL: 8 * time.Hour}
	ctx := context.Background()
	acct := &erpps.Account{ID: "sec:1", Login: "s", Role: erpps.RoleSecretary}
	token, sess, err := s.OpenDevice(ctx, acct)
	if err != nil {
		t.Fatal(err)
	}
	if !sess.Device || !sess.ExpiresAt.Equal(now.Add(DefaultDeviceTTL)) {
		t.Fatalf("OpenDevice = %+v", sess)
	}
	browser, _, err := s.Open(ctx, acct)
	if err != nil {
		t.Fatal(err)
	}
	if got, err := s.Check(ctx, browser); err != nil || got.Device {
		t.Fatalf("a browser's session: %+v, %v", got, err)
	}
	for range 4 {
		now = now.Add(80 * 24 * time.Hour)
		got, err := s.Check(ctx, token)
		if err != nil {
			t.Fatalf("a device session used after 80 days: %v", err)
		}
		if !got.Device || !got.ExpiresAt.Equal(now.Add(DefaultDeviceTTL)) {
			t.Fatalf("after a use, the session = %+v, want expiry %v", got, now.Add(DefaultDeviceTTL))
		}
	}
	if _, err := s.Check(ctx, browser); erpps.ErrorCode(err) != erpps.EUNAUTHORIZED {
		t.Fatalf("a browser's session after 320 days: %v", err)
	}
	now = now.Add(DefaultDeviceTTL)
	if _, err := s.Check(ctx, token); erpps.ErrorCode(err) != erpps.EUNAUTHORIZED {
		t.Fatalf("a device session left 90 days: %v, want EUNAUTHORIZED", err)
	}
}
