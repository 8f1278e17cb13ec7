package otp_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"erpps/backend/erpps"
	"erpps/backend/otp"
)

func TestRateLimits(t *testing.T) {
	ctx := context.Background()
	t.Run("PerRecipient", func(t *testing.T) {
		f := newFixture(t)
		for i := 0; i < 5; i++ {
			// The same address however it is written; from changing addresses.
			r := req(erpps.ChannelEmail, []string{"alix@example.invalid", "ALIX@Example.invalid "}[i%2])
			r.ClientAddr = "198.51.100." + string(rune('1'+i)) + ":1"
			f.issue(t, r)
		}
		r := req(erpps.ChannelEmail, "alix@example.invalid")
		r.ClientAddr = "203.0.113.1:1"
		_, err := f.issuer.Issue(ctx, r)
		wantCode(t, err, erpps.ETOOMANY)
		if erpps.HTTPStatus(erpps.ErrorCode(err)) != 429 {
			t.Fatalf("status %d", erpps.HTTPStatus(erpps.ErrorCode(err)))
		}
		if f.out.count() != 5 {
			t.Fatalf("%d messages sent, want 5", f.out.count())
		}
		// The SMS to the same person is another recipient.
		f.issue(t, req(erpps.ChannelSMS, "06 12 34 56 42"))
		// An hour after the first send, one more is allowed.
		f.clock.Add(time.Hour)
		f.issue(t, r)
	})
	t.Run("PhoneWrittenDifferently", func(t *testing.T) {
		f := newFixture(t)
		f.issuer.PerRecipient = 2
		f.issue(t, req(erpps.ChannelSMS, "06 12 34 56 42"))
		f.issue(t, req(erpps.ChannelSMS, "06.12.34.56.42"))
		_, err := f.issuer.Issue(ctx, req(erpps.ChannelSMS, "0612345642"))
		wantCode(t, err, erpps.ETOOMANY)
	})
	t.Run("PerClientAddress", func(t *testing.T) {
		f := newFixture(t)
		f.issuer.PerClient = 3
		for i := 0; i < 3; i++ {
			r := req(erpps.ChannelEmail, "person"+string(rune('a'+i))+"@example.invalid")
			r.ClientAddr = "192.0.2.10:" + string(rune('1'+i)) // other ports, same host
			r.Subject = "81000000000" + string(rune('1'+i))
			f.issue(t, r)
		}
		r := req(erpps.ChannelEmail, "persond@example.invalid")
		_, err := f.issuer.Issue(ctx, r)
		wantCode(t, err, erpps.ETOOMANY)
		r.ClientAddr = "192.0.2.11:1"
		f.issue(t, r)
	})
	t.Run("RefusedSendKeepsTheLiveCode", func(t *testing.T) {
		f := newFixture(t)
		f.issuer.PerRecipient = 1
		code := f.issue(t, req(erpps.ChannelSMS, "0612345642"))
		_, err := f.issuer.Issue(ctx, req(erpps.ChannelSMS, "0612345642"))
		wantCode(t, err, erpps.ETOOMANY)
		if err := f.issuer.Verify(ctx, otp.PurposeActivation, idnps, code); err != nil {
			t.Fatalf("the refused send revoked the live code: %v", err)
		}
	})
}

// TestDecoy: an unknown identifier answers like a known one — the same
// validity, ETOOMANY after the same number of asks — and nothing is sent.
func TestDecoy(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	unknown := otp.Request{Purpose: otp.PurposeActivation, Subject: "899999999999", Channel: erpps.ChannelSMS, ClientAddr: "192.0.2.50:1"}
	known := req(erpps.ChannelSMS, "0612345642")
	for n := 0; n < 5; n++ {
		kv, kerr := f.issuer.Issue(ctx, known)
		uv, uerr := f.issuer.IssueDecoy(ctx, unknown)
		if kerr != nil || uerr != nil || kv != uv {
			t.Fatalf("ask %d: known %v %v, unknown %v %v", n+1, kv, kerr, uv, uerr)
		}
	}
	_, kerr := f.issuer.Issue(ctx, known)
	_, uerr := f.issuer.IssueDecoy(ctx, unknown)
	wantCode(t, kerr, erpps.ETOOMANY)
	wantCode(t, uerr, erpps.ETOOMANY)
	if erpps.ErrorMessage(kerr) != erpps.ErrorMessage(uerr) {
		t.Fatalf("messages differ: %q / %q", erpps.ErrorMessage(kerr), erpps.ErrorMessage(uerr))
	}
	if f.out.count() != 5 {
		t.Fatalf("%d messages sent, want the 5 of the known identifier", f.out.count())
	}
	// The e-mail channel is counted apart, as a known identifier's address is.
	unknown.Channel = erpps.ChannelEmail
	if v, err := f.issuer.IssueDecoy(ctx, unknown); err != nil || v != 30*time.Minute {
		t.Fatalf("%v %v", v, err)
	}
	wantCode(t, f.issuer.Verify(ctx, otp.PurposeActivation, "899999999999", "000000"), erpps.EUNAUTHORIZED)
}

// TestBackground: Issue returns once the code is kept; the message goes out
// afterwards; a failed delivery is logged without personal data and the
// code stays live.
func TestBackground(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	f.issuer.Background = true
	gate := make(chan struct{})
	slow := &gatedSender{gate: gate, next: f.out}
	f.issuer.Sender = slow
	if v, err := f.issuer.Issue(ctx, req(erpps.ChannelSMS, "0612345642")); err != nil || v != 10*time.Minute {
		t.Fatalf("%v %v", v, err)
	}
	if f.out.count() != 0 {
		t.Fatal("sent before Issue returned")
	}
	close(gate)
	f.issuer.Wait()
	code := f.out.lastCode(t)
	if err := f.issuer.Verify(ctx, otp.PurposeActivation, idnps, code); err != nil {
		t.Fatal(err)
	}
	f.out.fail = true
	if _, err := f.issuer.Issue(ctx, req(erpps.ChannelEmail, "alix@example.invalid")); err != nil {
		t.Fatalf("a background failure reached the caller: %v", err)
	}
	f.issuer.Wait()
	logged := f.log.String()
	if !strings.Contains(logged, "one-time code not delivered") {
		t.Fatalf("log: %s", logged)
	}
	for _, secret := range []string{code, "alix@example.invalid", "0612345642", idnps} {
		if strings.Contains(logged, secret) {
			t.Fatalf("log holds %q: %s", secret, logged)
		}
	}
}

// gatedSender passes messages on once gate is closed.
type gatedSender struct {
	gate chan struct{}
	next erpps.Sender
}

func (g *gatedSender) Send(ctx context.Context, m erpps.Message) error {
	<-g.gate
	return g.next.Send(ctx, m)
}
