package server

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"net/http"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"erpps/backend/ecps"
	"erpps/backend/erpps"
	"erpps/backend/identifiers"
)

// outbox records the messages the server sends.
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

var activationCode = regexp.MustCompile(`code d'activation (?:: |est )(\d{6})`)

// lastCode is the activation code of the last message sent to.
func (o *outbox) lastCode(t testing.TB, to string) string {
	t.Helper()
	o.mu.Lock()
	defer o.mu.Unlock()
	for i := len(o.sent) - 1; i >= 0; i-- {
		if o.sent[i].To == to {
			if m := activationCode.FindStringSubmatch(o.sent[i].Text); m != nil {
				return m[1]
			}
		}
	}
	t.Fatalf("no activation code sent to the practitioner (%d messages)", len(o.sent))
	return ""
}

// companion is a phone as the companion page drives it: a WebCrypto-like
// P-256 key and the device id it got.
type companion struct {
	e   *env
	key *ecdsa.PrivateKey
	id  string
}

func (c *companion) jwk() map[string]any {
	c.e.t.Helper()
	b, err := c.key.PublicKey.Bytes()
	if err != nil {
		c.e.t.Fatal(err)
	}
	return map[string]any{"kty": "EC", "crv": "P-256", "x": base64.RawURLEncoding.EncodeToString(b[1:33]),
		"y": base64.RawURLEncoding.EncodeToString(b[33:]), "ext": true, "key_ops": []string{"verify"}}
}

// sign is WebCrypto's ECDSA P-256 SHA-256 signature: raw r||s, base64url.
func (c *companion) sign(text string) string {
	c.e.t.Helper()
	h := sha256.Sum256([]byte(text))
	r, s, err := ecdsa.Sign(rand.Reader, c.key, h[:])
	if err != nil {
		c.e.t.Fatal(err)
	}
	raw := make([]byte, 64)
	r.FillBytes(raw[:32])
	s.FillBytes(raw[32:])
	return base64.RawURLEncoding.EncodeToString(raw)
}

func (c *companion) nonce() string {
	c.e.t.Helper()
	r := c.e.do(call{method: "POST", path: "/api/v1/ecps/device/challenge", body: map[string]any{"deviceId": c.id}})
	if r.status != http.StatusOK {
		c.e.t.Fatalf("challenge: %d %s", r.status, r.body)
	}
	var ch struct{ Nonce string }
	r.json(c.e.t, &ch)
	return ch.Nonce
}

type pendingItem struct {
	ID, Type, Label, BindingCode string
	Choices                      []string
}

func (c *companion) pending() []pendingItem {
	c.e.t.Helper()
	n := c.nonce()
	r := c.e.do(call{method: "POST", path: "/api/v1/ecps/device/pending",
		body: map[string]any{"deviceId": c.id, "nonce": n, "signature": c.sign("pending\n" + n)}})
	if r.status != http.StatusOK {
		c.e.t.Fatalf("pending: %d %s", r.status, r.body)
	}
	var p struct{ Pending []pendingItem }
	r.json(c.e.t, &p)
	return p.Pending
}

// answer answers transaction id with a choice ("" for an approval, then
// approve is sent).
func (c *companion) answer(id, password, choice string, approve bool) reply {
	c.e.t.Helper()
	n := c.nonce()
	body := map[string]any{"deviceId": c.id, "transactionId": id, "password": password, "nonce": n}
	value := choice
	if choice == "" {
		value = map[bool]string{true: "true", false: "false"}[approve]
		body["approve"] = approve
	} else {
		body["choice"] = choice
	}
	body["signature"] = c.sign("answer\n" + n + "\n" + id + "\n" + value)
	return c.e.do(call{method: "POST", path: "/api/v1/ecps/device/answer", body: body})
}

const ecpsPassword = "mot de passe e-CPS du test"

// activate activates e-CPS for p on a new companion, by channel.
func (e *env) activate(p *erpps.Practitioner, channel string) *companion {
	e.t.Helper()
	c := &companion{e: e}
	var err error
	if c.key, err = ecdsa.GenerateKey(elliptic.P256(), rand.Reader); err != nil {
		e.t.Fatal(err)
	}
	r := e.do(call{method: "POST", path: "/api/v1/ecps/activation/send", body: map[string]any{"identifier": p.RPPS, "channel": channel}})
	if r.status != http.StatusAccepted {
		e.t.Fatalf("send: %d %s", r.status, r.body)
	}
	to := p.Contact.Email
	if channel == "sms" {
		to = p.Contact.Phone
	}
	r = e.do(call{method: "POST", path: "/api/v1/ecps/activation/confirm", body: map[string]any{"identifier": "8" + p.RPPS,
		"channel": channel, "code": e.outbox.lastCode(e.t, to), "password": ecpsPassword,
		"device": map[string]any{"publicKey": c.jwk(), "name": "Téléphone"}}})
	if r.status != http.StatusCreated {
		e.t.Fatalf("confirm: %d %s", r.status, r.body)
	}
	var got struct{ DeviceID, Identifier string }
	r.json(e.t, &got)
	if got.Identifier != "8"+p.RPPS || got.DeviceID == "" {
		e.t.Fatalf("enrolled %+v", got)
	}
	c.id = got.DeviceID
	return c
}

func TestECPSTime(t *testing.T) {
	e := newEnv(t)
	r := e.do(call{method: "GET", path: "/api/v1/ecps/time"})
	var got struct{ Now time.Time }
	r.json(t, &got)
	if r.status != http.StatusOK || time.Since(got.Now).Abs() > time.Minute {
		t.Fatalf("time: %d %s", r.status, r.body)
	}
}

// The connection pages read the identifier being typed through the server
// (the rule is ecps.ReadIdentifier's alone), with or without its « 8 »; a
// wrong key is told, and a body that is not the input refused.
func TestECPSIdentifierReading(t *testing.T) {
	e := newEnv(t)
	for _, tt := range []struct {
		typed, idnps string
		ok           bool
	}{
		{e.a.RPPS, "8" + e.a.RPPS, true},
		{"8 " + e.a.RPPS, "8" + e.a.RPPS, true},
		{"810000000008", "", false},
		{"", "", false},
	} {
		r := e.do(call{method: "POST", path: "/api/v1/ecps/identifier", body: map[string]any{"identifier": tt.typed}})
		var got ecps.IdentifierReading
		r.json(t, &got)
		if r.status != http.StatusOK || got.OK != tt.ok || got.IDNPS != tt.idnps || got.Message == "" {
			t.Errorf("%q: %d %s", tt.typed, r.status, r.body)
		}
	}
	if r := e.do(call{method: "POST", path: "/api/v1/ecps/identifier", body: map[string]any{"identifier": 8}}); r.status != http.StatusBadRequest {
		t.Errorf("a number instead of the text: %d %s", r.status, r.body)
	}
}

func TestECPSActivationThroughAPI(t *testing.T) {
	e := newEnv(t)
	r := e.do(call{method: "POST", path: "/api/v1/ecps/activation/lookup", body: map[string]any{"identifier": "8" + e.a.RPPS}})
	if r.status != http.StatusOK || strings.Contains(string(r.body), e.a.Contact.Email) {
		t.Fatalf("lookup: %d %s", r.status, r.body)
	}
	// An identifier nobody holds: the same shape (the schema is checked by do).
	unknown := "8" + unknownRPPS(t, e)
	u := e.do(call{method: "POST", path: "/api/v1/ecps/activation/lookup", body: map[string]any{"identifier": unknown}})
	if u.status != http.StatusOK || !strings.Contains(string(u.body), `"channel":"sms"`) {
		t.Fatalf("unknown lookup: %d %s", u.status, u.body)
	}
	if s := e.do(call{method: "POST", path: "/api/v1/ecps/activation/send", body: map[string]any{"identifier": unknown, "channel": "email"}}); s.status != http.StatusAccepted {
		t.Fatalf("unknown send: %d %s", s.status, s.body)
	}
	if bad := e.do(call{method: "POST", path: "/api/v1/ecps/activation/lookup", body: map[string]any{"identifier": "8123"}}); bad.status != http.StatusBadRequest {
		t.Fatalf("malformed lookup: %d %s", bad.status, bad.body)
	}
	// A wrong code, then too many sends.
	if s := e.do(call{method: "POST", path: "/api/v1/ecps/activation/send", body: map[string]any{"identifier": e.a.RPPS, "channel": "email"}}); s.status != http.StatusAccepted {
		t.Fatalf("send: %d %s", s.status, s.body)
	}
	code := e.outbox.lastCode(t, e.a.Contact.Email)
	wrong := "000000"
	if code == wrong {
		wrong = "111111"
	}
	w := e.do(call{method: "POST", path: "/api/v1/ecps/activation/confirm", body: map[string]any{"identifier": e.a.RPPS, "channel": "email",
		"code": wrong, "password": ecpsPassword, "device": map[string]any{"publicKey": map[string]any{"kty": "EC", "crv": "P-256",
			"x": "f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU", "y": "x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0"}}}})
	if w.status != http.StatusUnauthorized || !strings.Contains(string(w.body), "Code incorrect ou expiré.") {
		t.Fatalf("wrong code: %d %s", w.status, w.body)
	}
	for range ecps.SendsPerHour - 1 {
		e.do(call{method: "POST", path: "/api/v1/ecps/activation/send", body: map[string]any{"identifier": e.a.RPPS, "channel": "sms"}})
	}
	tooMany := e.do(call{method: "POST", path: "/api/v1/ecps/activation/send", body: map[string]any{"identifier": e.a.RPPS, "channel": "sms"}})
	if tooMany.status != http.StatusTooManyRequests || tooMany.errorCode(t) != erpps.ETOOMANY {
		t.Fatalf("sixth send: %d %s", tooMany.status, tooMany.body)
	}
	// Activation by SMS with the last code sent.
	ph := &companion{e: e}
	var err error
	if ph.key, err = ecdsa.GenerateKey(elliptic.P256(), rand.Reader); err != nil {
		t.Fatal(err)
	}
	ok := e.do(call{method: "POST", path: "/api/v1/ecps/activation/confirm", body: map[string]any{"identifier": e.a.RPPS, "channel": "sms",
		"code": e.outbox.lastCode(t, e.a.Contact.Phone), "password": ecpsPassword, "device": map[string]any{"publicKey": ph.jwk(), "name": "Mobile"}}})
	if ok.status != http.StatusCreated {
		t.Fatalf("confirm: %d %s", ok.status, ok.body)
	}
}

// unknownRPPS is a valid RPPS number nobody holds.
func unknownRPPS(t *testing.T, e *env) string {
	t.Helper()
	for _, first10 := range []string{"1999999999", "1999999998", "1999999997"} {
		n, err := identifiers.CompleteRPPS(first10)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := e.store.FindPractitionerByRPPS(context.Background(), n); erpps.ErrorCode(err) == erpps.ENOTFOUND {
			if r := e.do(call{method: "POST", path: "/api/v1/ecps/activation/lookup", body: map[string]any{"identifier": n}}); r.status == http.StatusOK {
				return n
			}
		}
	}
	t.Fatal("no unknown valid RPPS")
	return ""
}

func TestECPSLoginThroughAPI(t *testing.T) {
	e := newEnv(t)
	ph := e.activate(e.a, "email")
	r := e.do(call{method: "POST", path: "/api/v1/ecps/login", body: map[string]any{"authRequestId": "ar-1", "identifier": e.a.RPPS}})
	if r.status != http.StatusCreated {
		t.Fatalf("login: %d %s", r.status, r.body)
	}
	var login struct {
		ID, Code string
		Seconds  int
	}
	r.json(t, &login)
	items := ph.pending()
	if len(items) != 1 || items[0].ID != login.ID || !slices.Contains(items[0].Choices, login.Code) {
		t.Fatalf("pending %+v for %+v", items, login)
	}
	// Refused calls: a bad signature, a reused nonce, a device not enrolled.
	stranger := &companion{e: e, id: ph.id}
	stranger.key, _ = ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if a := stranger.answer(login.ID, ecpsPassword, login.Code, false); a.status != http.StatusUnauthorized {
		t.Fatalf("bad signature: %d %s", a.status, a.body)
	}
	n := ph.nonce()
	body := map[string]any{"deviceId": ph.id, "nonce": n, "signature": ph.sign("pending\n" + n)}
	if p := e.do(call{method: "POST", path: "/api/v1/ecps/device/pending", body: body}); p.status != http.StatusOK {
		t.Fatalf("pending: %d %s", p.status, p.body)
	}
	if p := e.do(call{method: "POST", path: "/api/v1/ecps/device/pending", body: body}); p.status != http.StatusUnauthorized {
		t.Fatalf("reused nonce: %d %s", p.status, p.body)
	}
	if c := e.do(call{method: "POST", path: "/api/v1/ecps/device/challenge", body: map[string]any{"deviceId": "not-enrolled"}}); c.status != http.StatusUnauthorized {
		t.Fatalf("device not enrolled: %d %s", c.status, c.body)
	}

	if a := ph.answer(login.ID, ecpsPassword, login.Code, false); a.status != http.StatusOK || !strings.Contains(string(a.body), `"approved"`) {
		t.Fatalf("answer: %d %s", a.status, a.body)
	}
	s := e.do(call{method: "GET", path: "/api/v1/ecps/login/" + login.ID})
	var st struct{ Status, Continue string }
	s.json(t, &st)
	if st.Status != "approved" || st.Continue != "/oidc/login/complete?authRequest=ar-1&transaction="+login.ID {
		t.Fatalf("status: %s", s.body)
	}
	// Replay of the approved answer.
	if a := ph.answer(login.ID, ecpsPassword, login.Code, false); a.status != http.StatusConflict {
		t.Fatalf("replay: %d %s", a.status, a.body)
	}
	acct, err := e.srv.cfg.ECPS.CompleteLogin(context.Background(), login.ID, "ar-1")
	if err != nil || acct.RPPS != e.a.RPPS {
		t.Fatalf("complete: %+v, %v", acct, err)
	}
	if _, err := e.srv.cfg.ECPS.CompleteLogin(context.Background(), login.ID, "ar-1"); erpps.ErrorCode(err) != erpps.EUNAUTHORIZED {
		t.Fatalf("second completion: %v", err)
	}

	// Cancelled from the computer; a wrong password fails another.
	r = e.do(call{method: "POST", path: "/api/v1/ecps/login", body: map[string]any{"authRequestId": "ar-2", "identifier": e.a.RPPS}})
	r.json(t, &login)
	if d := e.do(call{method: "DELETE", path: "/api/v1/ecps/login/" + login.ID}); d.status != http.StatusNoContent {
		t.Fatalf("cancel: %d %s", d.status, d.body)
	}
	if s := e.do(call{method: "GET", path: "/api/v1/ecps/login/" + login.ID}); !strings.Contains(string(s.body), `"cancelled"`) {
		t.Fatalf("cancelled status: %s", s.body)
	}
	r = e.do(call{method: "POST", path: "/api/v1/ecps/login", body: map[string]any{"authRequestId": "ar-3", "identifier": e.a.RPPS}})
	r.json(t, &login)
	if a := ph.answer(login.ID, "pas le bon", login.Code, false); a.status != http.StatusOK || !strings.Contains(string(a.body), `"refused"`) {
		t.Fatalf("wrong password: %d %s", a.status, a.body)
	}
	if s := e.do(call{method: "GET", path: "/api/v1/ecps/login/" + login.ID}); !strings.Contains(string(s.body), `"refused"`) {
		t.Fatalf("refused status: %s", s.body)
	}
	if g := e.do(call{method: "GET", path: "/api/v1/ecps/login/unknown"}); g.status != http.StatusNotFound {
		t.Fatalf("unknown login: %d %s", g.status, g.body)
	}
}

// TestECPSApproveOwnTransmission: the practitioner asks their phone to
// approve their own transmission, approves it there, and transmits with
// that approval, once.
func TestECPSApproveOwnTransmission(t *testing.T) { eachStore(t, testECPSApproveOwnTransmission) }

func testECPSApproveOwnTransmission(t *testing.T, e *env) {
	ph := e.activate(e.a, "sms")
	token := e.signIn(e.a.RPPS)
	draft := e.startContact(token, e.a.RPPS)
	r := e.do(call{method: "POST", path: "/api/v1/ecps/approvals", token: token,
		body: map[string]any{"requestId": draft.Request.ID, "revision": draft.Request.Revision}})
	if r.status != http.StatusCreated {
		t.Fatalf("ask: %d %s", r.status, r.body)
	}
	var asked struct{ ID, BindingCode, Label string }
	r.json(t, &asked)
	items := ph.pending()
	if len(items) != 1 || items[0].Type != "approval" || items[0].BindingCode != asked.BindingCode || items[0].Label != asked.Label {
		t.Fatalf("pending %+v for %+v", items, asked)
	}
	// Others do not see it.
	tokenB := e.signIn(e.b.RPPS)
	if s := e.do(call{method: "GET", path: "/api/v1/ecps/approvals/" + asked.ID, token: tokenB}); s.status != http.StatusNotFound {
		t.Fatalf("B sees A's approval: %d %s", s.status, s.body)
	}
	if a := ph.answer(asked.ID, ecpsPassword, "", true); a.status != http.StatusOK || !strings.Contains(string(a.body), `"approved"`) {
		t.Fatalf("approve: %d %s", a.status, a.body)
	}
	s := e.do(call{method: "GET", path: "/api/v1/ecps/approvals/" + asked.ID, token: token})
	var st struct{ Status, ApprovalID string }
	s.json(t, &st)
	if st.Status != "approved" || st.ApprovalID == "" {
		t.Fatalf("status %s", s.body)
	}
	if a := ph.answer(asked.ID, ecpsPassword, "", true); a.status != http.StatusConflict {
		t.Fatalf("replay of the approved challenge: %d %s", a.status, a.body)
	}
	tr := e.do(call{method: "POST", path: "/api/v1/requests/" + draft.Request.ID + "/transmit", token: token,
		body: map[string]any{"approvalId": st.ApprovalID}})
	if tr.status != http.StatusOK || !strings.Contains(string(tr.body), string(erpps.StatusTransmitted)) {
		t.Fatalf("transmit: %d %s", tr.status, tr.body)
	}
	a, err := e.store.FindApprovalByID(context.Background(), st.ApprovalID)
	if err != nil || a.UsedAt == nil || a.ApprovedBy.ID != e.a.RPPS || a.RequestID != draft.Request.ID {
		t.Fatalf("approval after the transmission: %+v, %v", a, err)
	}
}

// TestECPSApprovalUsedOnce: an approval from the phone opens one
// transmission only; one for another version is refused.
func TestECPSApprovalUsedOnce(t *testing.T) {
	e := newEnv(t)
	ph := e.activate(e.a, "email")
	token := e.signIn(e.a.RPPS)
	draft := e.startContact(token, e.a.RPPS)
	ask := func(rev int64) (string, string) {
		r := e.do(call{method: "POST", path: "/api/v1/ecps/approvals", token: token, body: map[string]any{"requestId": draft.Request.ID, "revision": rev}})
		if r.status != http.StatusCreated {
			t.Fatalf("ask: %d %s", r.status, r.body)
		}
		var asked struct{ ID string }
		r.json(t, &asked)
		if a := ph.answer(asked.ID, ecpsPassword, "", true); a.status != http.StatusOK {
			t.Fatalf("approve: %d %s", a.status, a.body)
		}
		var st struct{ ApprovalID string }
		e.do(call{method: "GET", path: "/api/v1/ecps/approvals/" + asked.ID, token: token}).json(t, &st)
		return asked.ID, st.ApprovalID
	}
	_, old := ask(draft.Request.Revision)
	// The draft changes after the approval: the approval no longer opens it.
	var payload map[string]any
	if err := json.Unmarshal(draft.Request.Payload, &payload); err != nil {
		t.Fatal(err)
	}
	payload["email"] = "encore.autre@example.org"
	p := e.do(call{method: "PUT", path: "/api/v1/requests/" + draft.Request.ID + "/draft", token: token,
		body: map[string]any{"baseRevision": draft.Request.Revision, "payload": payload}})
	if p.status != http.StatusOK {
		t.Fatalf("save: %d %s", p.status, p.body)
	}
	if tr := e.do(call{method: "POST", path: "/api/v1/requests/" + draft.Request.ID + "/transmit", token: token,
		body: map[string]any{"approvalId": old}}); tr.status != http.StatusForbidden {
		t.Fatalf("transmit with an approval of another version: %d %s", tr.status, tr.body)
	}
	if a, err := e.store.FindApprovalByID(context.Background(), old); err != nil || a.UsedAt != nil {
		t.Fatalf("old approval: %+v, %v", a, err)
	}
}
