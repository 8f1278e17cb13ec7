package ecps

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"path/filepath"
	"regexp"
	"sync"
	"testing"
	"time"

	"erpps/backend/demo"
	"erpps/backend/erpps"
	"erpps/backend/otp"
	"erpps/backend/refdata"
	"erpps/backend/sqlite"
)

// outbox records the messages the real otp.Issuer sends.
type outbox struct {
	mu   sync.Mutex
	sent []erpps.Message
}

func (o *outbox) Send(_ context.Context, m erpps.Message) error {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.sent = append(o.sent, m)
	return nil
}

var codeInText = regexp.MustCompile(`code d'activation (?:: |est )(\d{6})`)

// last is the code of the last message sent.
func (o *outbox) last(t *testing.T) string {
	t.Helper()
	o.mu.Lock()
	defer o.mu.Unlock()
	if len(o.sent) == 0 {
		t.Fatal("no message sent")
	}
	m := codeInText.FindStringSubmatch(o.sent[len(o.sent)-1].Text)
	if m == nil {
		t.Fatalf("no code in %q", o.sent[len(o.sent)-1].Text)
	}
	return m[1]
}

func (o *outbox) count() int {
	o.mu.Lock()
	defer o.mu.Unlock()
	return len(o.sent)
}

// clock is a settable Now.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *clock) Add(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

// fixture is a service on a real SQLite file with one practitioner having
// an e-mail and a mobile number.
type fixture struct {
	t     *testing.T
	svc   *Service
	store erpps.ServerStore
	out   *outbox
	clock *clock
	cat   *refdata.Catalog
	p     *erpps.Practitioner
}

func newFixture(t *testing.T) *fixture {
	t.Helper()
	ctx := context.Background()
	store, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "server.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = store.Close() })
	cat, err := refdata.Load()
	if err != nil {
		t.Fatal(err)
	}
	ps, err := demo.Generate(20, demo.Seed)
	if err != nil {
		t.Fatal(err)
	}
	f := &fixture{t: t, store: store, out: &outbox{}, clock: &clock{t: time.Now().UTC().Truncate(time.Second)}, cat: cat}
	for _, p := range ps {
		if err := store.SavePractitioner(ctx, p); err != nil {
			t.Fatal(err)
		}
		if f.p == nil && p.Contact.Email != "" && p.Contact.Phone != "" && len(p.OpenActivities(f.clock.Now().Format("2006-01-02"))) > 0 {
			f.p = p
		}
	}
	if f.p == nil {
		t.Fatal("no demo practitioner with an e-mail, a phone and an open activity")
	}
	f.svc = f.newService()
	return f
}

func (f *fixture) newService() *Service {
	f.t.Helper()
	issuer := &otp.Issuer{Store: f.store, Key: []byte("a test key of at least thirty-two bytes"), Sender: f.out, Now: f.clock.Now}
	svc, err := New(context.Background(), Config{Store: f.store, Catalog: f.cat, Codes: OTPCodes{issuer}, Now: f.clock.Now})
	if err != nil {
		f.t.Fatal(err)
	}
	return svc
}

// phone is an enrolled device and its private key.
type phone struct {
	id  string
	key *ecdsa.PrivateKey
}

func newKey(t *testing.T) *ecdsa.PrivateKey {
	t.Helper()
	k, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	return k
}

// jwkOf exports k's public half as WebCrypto does.
func jwkOf(t *testing.T, k *ecdsa.PrivateKey) JWK {
	t.Helper()
	b, err := k.PublicKey.Bytes()
	if err != nil {
		t.Fatal(err)
	}
	return JWK{Kty: "EC", Crv: "P-256", X: base64.RawURLEncoding.EncodeToString(b[1:33]), Y: base64.RawURLEncoding.EncodeToString(b[33:])}
}

// sign signs msg as WebCrypto does: raw r||s, base64url.
func sign(t *testing.T, k *ecdsa.PrivateKey, msg string) string {
	t.Helper()
	h := sha256.Sum256([]byte(msg))
	r, s, err := ecdsa.Sign(rand.Reader, k, h[:])
	if err != nil {
		t.Fatal(err)
	}
	raw := make([]byte, 64)
	r.FillBytes(raw[:32])
	s.FillBytes(raw[32:])
	return base64.RawURLEncoding.EncodeToString(raw)
}

const phonePassword = "Mon mot de passe e-CPS"

// enrol activates e-CPS for the fixture's practitioner by e-mail.
func (f *fixture) enrol() *phone {
	f.t.Helper()
	ctx := context.Background()
	if _, err := f.svc.SendCode(ctx, f.p.RPPS, ChannelEmail, "192.0.2.1"); err != nil {
		f.t.Fatal(err)
	}
	k := newKey(f.t)
	got, err := f.svc.Confirm(ctx, Confirmation{Identifier: "8" + f.p.RPPS, Channel: ChannelEmail, Code: f.out.last(f.t),
		Password: phonePassword, Device: DeviceInput{PublicKey: jwkOf(f.t, k), Name: "Téléphone de test"}})
	if err != nil {
		f.t.Fatal(err)
	}
	return &phone{id: got.DeviceID, key: k}
}

// signed is a fresh challenge of ph signed over text(nonce).
func (f *fixture) signed(ph *phone, text func(nonce string) string) Signed {
	f.t.Helper()
	c, err := f.svc.Challenge(context.Background(), ph.id)
	if err != nil {
		f.t.Fatal(err)
	}
	return Signed{DeviceID: ph.id, Nonce: c.Nonce, Signature: sign(f.t, ph.key, text(c.Nonce))}
}

// pending lists ph's pending transactions.
func (f *fixture) pending(ph *phone) []PendingItem {
	f.t.Helper()
	got, err := f.svc.Pending(context.Background(), f.signed(ph, func(n string) string { return "pending\n" + n }))
	if err != nil {
		f.t.Fatal(err)
	}
	return got.Pending
}

// answer signs and sends an answer to transaction id.
func (f *fixture) answer(ph *phone, id, password, choice string, approve *bool) (*Answered, error) {
	f.t.Helper()
	value := choice
	if approve != nil {
		value = map[bool]string{true: "true", false: "false"}[*approve]
	}
	in := Answer{Signed: f.signed(ph, func(n string) string { return "answer\n" + n + "\n" + id + "\n" + value }),
		TransactionID: id, Password: password, Choice: choice, Approve: approve}
	return f.svc.Answer(context.Background(), in)
}

func wantCode(t *testing.T, err error, code string) {
	t.Helper()
	if erpps.ErrorCode(err) != code {
		t.Fatalf("error %v, want code %s", err, code)
	}
}

func jsonOf(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func ptr[T any](v T) *T { return &v }
