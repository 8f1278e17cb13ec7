package otp_test

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"erpps/backend/erpps"
	"erpps/backend/otp"
	"erpps/backend/sqlite"
)

var t0 = time.Date(2026, 3, 14, 9, 0, 0, 0, time.UTC)

// clock is a settable test clock.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *clock) Add(d time.Duration) {
	c.mu.Lock()
	c.t = c.t.Add(d)
	c.mu.Unlock()
}

// outbox records what was sent; fail makes the next sends fail.
type outbox struct {
	mu   sync.Mutex
	sent []erpps.Message
	fail bool
}

func (o *outbox) Send(_ context.Context, m erpps.Message) error {
	o.mu.Lock()
	defer o.mu.Unlock()
	if o.fail {
		return errors.New("gateway down")
	}
	o.sent = append(o.sent, m)
	return nil
}

var sixDigits = regexp.MustCompile(`\b\d{6}\b`)

// lastCode is the code in the last message sent.
func (o *outbox) lastCode(t *testing.T) string {
	t.Helper()
	o.mu.Lock()
	defer o.mu.Unlock()
	if len(o.sent) == 0 {
		t.Fatal("nothing sent")
	}
	m := o.sent[len(o.sent)-1]
	code := regexp.MustCompile(`(?:code d'activation : |est )(\d{6})`).FindStringSubmatch(m.Text)
	if code == nil {
		t.Fatalf("no code in %q", m.Text)
	}
	return code[1]
}

func (o *outbox) count() int { o.mu.Lock(); defer o.mu.Unlock(); return len(o.sent) }

type fixture struct {
	issuer *otp.Issuer
	clock  *clock
	out    *outbox
	store  *sqlite.DB
	log    *bytes.Buffer
}

func newFixture(t *testing.T) *fixture {
	t.Helper()
	db, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "erpps.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	f := &fixture{clock: &clock{t: t0}, out: &outbox{}, store: db, log: &bytes.Buffer{}}
	f.issuer = &otp.Issuer{Store: db, Key: bytes.Repeat([]byte{7}, 32), Sender: f.out, Now: f.clock.Now,
		Log: slog.New(slog.NewTextHandler(f.log, &slog.HandlerOptions{Level: slog.LevelDebug}))}
	return f
}

const idnps = "810000000001"

func req(channel, to string) otp.Request {
	r := otp.Request{Purpose: otp.PurposeActivation, Subject: idnps, Channel: channel, Recipient: to,
		ClientAddr: "192.0.2.10:51234", Name: "Dr Alix Testeur"}
	return r
}

func wantCode(t *testing.T, err error, want string) {
	t.Helper()
	if got := erpps.ErrorCode(err); got != want {
		t.Fatalf("error code = %q (%v), want %q", got, err, want)
	}
	if want != "" && erpps.ErrorMessage(err) == "" {
		t.Fatalf("no message for the user in %v", err)
	}
}

func (f *fixture) issue(t *testing.T, r otp.Request) string {
	t.Helper()
	if _, err := f.issuer.Issue(context.Background(), r); err != nil {
		t.Fatal(err)
	}
	return f.out.lastCode(t)
}

func TestIssueAndVerify(t *testing.T) {
	ctx := context.Background()
	for _, tt := range []struct {
		channel, to string
		validity    time.Duration
	}{
		{erpps.ChannelEmail, "alix.testeur@example.invalid", 30 * time.Minute},
		{erpps.ChannelSMS, "+33612345642", 10 * time.Minute},
	} {
		t.Run(tt.channel, func(t *testing.T) {
			f := newFixture(t)
			validity, err := f.issuer.Issue(ctx, req(tt.channel, tt.to))
			if err != nil {
				t.Fatal(err)
			}
			if validity != tt.validity {
				t.Fatalf("validity %v, want %v", validity, tt.validity)
			}
			code := f.out.lastCode(t)
			if m := f.out.sent[0]; m.Channel != tt.channel || m.To != tt.to {
				t.Fatalf("sent %+v", m)
			}
			if err := f.issuer.Verify(ctx, otp.PurposeActivation, idnps, code); err != nil {
				t.Fatalf("right code refused: %v", err)
			}
			// Single use.
			wantCode(t, f.issuer.Verify(ctx, otp.PurposeActivation, idnps, code), erpps.EUNAUTHORIZED)
		})
	}
}

func TestExpiry(t *testing.T) {
	ctx := context.Background()
	for _, tt := range []struct {
		channel, to string
		validity    time.Duration
	}{
		{erpps.ChannelEmail, "alix@example.invalid", 30 * time.Minute},
		{erpps.ChannelSMS, "0612345642", 10 * time.Minute},
	} {
		t.Run(tt.channel+"/JustBefore", func(t *testing.T) {
			f := newFixture(t)
			code := f.issue(t, req(tt.channel, tt.to))
			f.clock.Add(tt.validity - time.Second)
			if err := f.issuer.Verify(ctx, otp.PurposeActivation, idnps, code); err != nil {
				t.Fatal(err)
			}
		})
		t.Run(tt.channel+"/AtExpiry", func(t *testing.T) {
			f := newFixture(t)
			code := f.issue(t, req(tt.channel, tt.to))
			f.clock.Add(tt.validity)
			err := f.issuer.Verify(ctx, otp.PurposeActivation, idnps, code)
			wantCode(t, err, erpps.EUNAUTHORIZED)
			if erpps.ErrorMessage(err) != "Code incorrect ou expiré." {
				t.Fatalf("message %q", erpps.ErrorMessage(err))
			}
		})
	}
}

func TestNewCodeRevokesOld(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	old := f.issue(t, req(erpps.ChannelSMS, "0612345642"))
	var fresh string
	for fresh = f.issue(t, req(erpps.ChannelEmail, "alix@example.invalid")); fresh == old; {
		fresh = f.issue(t, req(erpps.ChannelEmail, "alix@example.invalid")) // one chance in a million
	}
	wantCode(t, f.issuer.Verify(ctx, otp.PurposeActivation, idnps, old), erpps.EUNAUTHORIZED)
	if err := f.issuer.Verify(ctx, otp.PurposeActivation, idnps, fresh); err != nil {
		t.Fatal(err)
	}
}

// wrong returns a six-digit code other than code.
func wrong(code string) string {
	if code == "000000" {
		return "000001"
	}
	return "000000"
}

func TestTries(t *testing.T) {
	ctx := context.Background()
	t.Run("FourWrongThenRight", func(t *testing.T) {
		f := newFixture(t)
		code := f.issue(t, req(erpps.ChannelSMS, "0612345642"))
		for i := 0; i < 4; i++ {
			wantCode(t, f.issuer.Verify(ctx, otp.PurposeActivation, idnps, wrong(code)), erpps.EUNAUTHORIZED)
		}
		if err := f.issuer.Verify(ctx, otp.PurposeActivation, idnps, code); err != nil {
			t.Fatalf("fifth try, the right code, refused: %v", err)
		}
	})
	t.Run("FiveWrongInvalidate", func(t *testing.T) {
		f := newFixture(t)
		code := f.issue(t, req(erpps.ChannelSMS, "0612345642"))
		var err error
		for i := 0; i < 5; i++ {
			err = f.issuer.Verify(ctx, otp.PurposeActivation, idnps, wrong(code))
			wantCode(t, err, erpps.EUNAUTHORIZED)
		}
		if !strings.Contains(erpps.ErrorMessage(err), "Trop d'essais") {
			t.Fatalf("fifth wrong try says %q", erpps.ErrorMessage(err))
		}
		wantCode(t, f.issuer.Verify(ctx, otp.PurposeActivation, idnps, code), erpps.EUNAUTHORIZED)
		// A new code starts afresh.
		code = f.issue(t, req(erpps.ChannelSMS, "0612345642"))
		if err := f.issuer.Verify(ctx, otp.PurposeActivation, idnps, code); err != nil {
			t.Fatal(err)
		}
	})
	t.Run("MalformedCostsNoTry", func(t *testing.T) {
		f := newFixture(t)
		code := f.issue(t, req(erpps.ChannelSMS, "0612345642"))
		for _, bad := range []string{"", "12345", "1234567", "12a456", "１２３４５６"} {
			for i := 0; i < 5; i++ {
				wantCode(t, f.issuer.Verify(ctx, otp.PurposeActivation, idnps, bad), erpps.EUNAUTHORIZED)
			}
		}
		spaced := code[:3] + " " + code[3:]
		if err := f.issuer.Verify(ctx, otp.PurposeActivation, idnps, spaced); err != nil {
			t.Fatalf("right code with a space refused: %v", err)
		}
	})
	t.Run("OtherSubjectOrPurpose", func(t *testing.T) {
		f := newFixture(t)
		code := f.issue(t, req(erpps.ChannelSMS, "0612345642"))
		wantCode(t, f.issuer.Verify(ctx, otp.PurposeActivation, "810000000002", code), erpps.EUNAUTHORIZED)
		wantCode(t, f.issuer.Verify(ctx, "other", idnps, code), erpps.EUNAUTHORIZED)
		if err := f.issuer.Verify(ctx, otp.PurposeActivation, idnps, code); err != nil {
			t.Fatal(err)
		}
	})
}

// TestConcurrentGuesses: twenty guesses at once still count five tries at
// most, and the right code sent among them is used once at most.
func TestConcurrentGuesses(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	code := f.issue(t, req(erpps.ChannelSMS, "0612345642"))
	var wg sync.WaitGroup
	var mu sync.Mutex
	ok := 0
	for i := 0; i < 20; i++ {
		guess := wrong(code)
		if i%4 == 0 {
			guess = code
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			if f.issuer.Verify(ctx, otp.PurposeActivation, idnps, guess) == nil {
				mu.Lock()
				ok++
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	if ok > 1 {
		t.Fatalf("the code was accepted %d times", ok)
	}
}

func TestStoredAsKeyedHash(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	code := f.issue(t, req(erpps.ChannelEmail, "alix@example.invalid"))
	c, err := f.store.TryOneTimeCode(ctx, otp.PurposeActivation, idnps, t0, 5)
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Hash) != 64 || strings.Contains(c.Hash, code) {
		t.Fatalf("stored hash %q (code %s)", c.Hash, code)
	}
	// Another key does not verify the code.
	other := &otp.Issuer{Store: f.store, Key: bytes.Repeat([]byte{8}, 32), Sender: f.out, Now: f.clock.Now}
	wantCode(t, other.Verify(ctx, otp.PurposeActivation, idnps, code), erpps.EUNAUTHORIZED)
	if err := f.issuer.Verify(ctx, otp.PurposeActivation, idnps, code); err != nil {
		t.Fatal(err)
	}
}

func TestCodesAreRandomSixDigits(t *testing.T) {
	f := newFixture(t)
	f.issuer.PerRecipient, f.issuer.PerClient = 1000, 1000
	seen := map[string]bool{}
	firsts := map[byte]bool{}
	for i := 0; i < 200; i++ {
		code := f.issue(t, req(erpps.ChannelSMS, "0612345642"))
		if !sixDigits.MatchString(code) || len(code) != 6 {
			t.Fatalf("code %q", code)
		}
		seen[code] = true
		firsts[code[0]] = true
	}
	// 200 draws among a million: a repeat is unlikely (p ≈ 2 %), many are not.
	if len(seen) < 195 || len(firsts) < 8 {
		t.Fatalf("%d distinct codes, %d distinct first digits in 200 draws", len(seen), len(firsts))
	}
}

func TestRefusals(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	for _, r := range []otp.Request{
		{Purpose: otp.PurposeActivation, Subject: idnps, Channel: "pigeon", Recipient: "x"},
		{Purpose: otp.PurposeActivation, Subject: "", Channel: erpps.ChannelSMS, Recipient: "0612345642"},
		{Purpose: otp.PurposeActivation, Subject: idnps, Channel: erpps.ChannelSMS, Recipient: " "},
	} {
		_, err := f.issuer.Issue(ctx, r)
		wantCode(t, err, erpps.EINVALID)
	}
	weak := &otp.Issuer{Store: f.store, Key: []byte("short"), Sender: f.out, Now: f.clock.Now}
	_, err := weak.Issue(ctx, req(erpps.ChannelSMS, "0612345642"))
	wantCode(t, err, erpps.EINTERNAL)
	if f.out.count() != 0 {
		t.Fatal("a refused request sent a message")
	}
}

// TestNothingPersonalInLogs: the log names the purpose and channel of each
// send, never the code, the recipient, the subject or the name.
func TestNothingPersonalInLogs(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	code := f.issue(t, req(erpps.ChannelEmail, "alix@example.invalid"))
	f.out.fail = true
	_, err := f.issuer.Issue(ctx, req(erpps.ChannelSMS, "0612345642"))
	wantCode(t, err, erpps.EUNAVAILABLE)
	if err := f.issuer.Verify(ctx, otp.PurposeActivation, idnps, wrong(code)); err == nil {
		t.Fatal("wrong code accepted")
	}
	logged := f.log.String()
	if !strings.Contains(logged, "one-time code sent") || !strings.Contains(logged, "one-time code not delivered") {
		t.Fatalf("log lacks the sends: %s", logged)
	}
	for _, secret := range []string{code, "alix@example.invalid", "0612345642", idnps, "Testeur"} {
		if strings.Contains(logged, secret) {
			t.Fatalf("log contains %q: %s", secret, logged)
		}
	}
	if strings.Contains(erpps.ErrorMessage(err), "gateway") {
		t.Fatalf("the user's message tells the cause: %q", erpps.ErrorMessage(err))
	}
}

// TestVerifyChannel: a code confirms the contact detail it went to: the
// right code claimed for the other channel is refused, the try counted.
func TestVerifyChannel(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	code := f.issue(t, req(erpps.ChannelSMS, "0612345642"))
	for i := 0; i < 4; i++ {
		wantCode(t, f.issuer.VerifyChannel(ctx, otp.PurposeActivation, idnps, erpps.ChannelEmail, code), erpps.EUNAUTHORIZED)
	}
	wantCode(t, f.issuer.VerifyChannel(ctx, otp.PurposeActivation, idnps, "fax", code), erpps.EUNAUTHORIZED)
	if err := f.issuer.VerifyChannel(ctx, otp.PurposeActivation, idnps, erpps.ChannelSMS, code); err != nil {
		t.Fatalf("fifth try, right code and channel: %v", err)
	}
	code = f.issue(t, req(erpps.ChannelEmail, "alix@example.invalid"))
	for i := 0; i < 5; i++ {
		wantCode(t, f.issuer.VerifyChannel(ctx, otp.PurposeActivation, idnps, erpps.ChannelSMS, code), erpps.EUNAUTHORIZED)
	}
	wantCode(t, f.issuer.VerifyChannel(ctx, otp.PurposeActivation, idnps, erpps.ChannelEmail, code), erpps.EUNAUTHORIZED)
}
