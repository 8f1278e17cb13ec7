package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"mime/quotedprintable"
	"net/http"
	"net/http/httptest"
	"net/mail"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"erpps/backend/demo"
	"erpps/backend/erpps"
	"erpps/backend/mail/mailtest"
)

// Helpers of the e-CPS connection's end-to-end test: the SMS gateway the
// server posts to, the codes read from what the SMTP server and the gateway
// received, and the switch between the desktop's tab and the phone's.

// smsGateway plays the HTTP SMS gateway of erpps-server's --sms-gateway-url
// (its default body: {"to": …, "text": …}) and keeps what it received.
type smsGateway struct {
	URL string

	mu   sync.Mutex
	sent []smsSent
}

type smsSent struct {
	To   string `json:"to"`
	Text string `json:"text"`
}

func startSMSGateway(t *testing.T) *smsGateway {
	t.Helper()
	g := &smsGateway{}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var m smsSent
		body, _ := io.ReadAll(r.Body)
		if r.Method != http.MethodPost || json.Unmarshal(body, &m) != nil || m.To == "" {
			http.Error(w, "bad message", http.StatusBadRequest)
			return
		}
		g.mu.Lock()
		g.sent = append(g.sent, m)
		g.mu.Unlock()
		w.WriteHeader(http.StatusAccepted)
	}))
	t.Cleanup(srv.Close)
	g.URL = srv.URL + "/send"
	return g
}

// wait returns the SMS once there are n at least.
func (g *smsGateway) wait(t *testing.T, n int) []smsSent {
	t.Helper()
	var out []smsSent
	waitUntil(t, 30*time.Second, fmt.Sprintf("%d SMS at the gateway", n), func() bool {
		g.mu.Lock()
		defer g.mu.Unlock()
		out = append([]smsSent(nil), g.sent...)
		return len(out) >= n
	})
	return out
}

var (
	smsCode  = regexp.MustCompile(`code d'activation est (\d{6})`)
	mailCode = regexp.MustCompile(`Votre code d'activation : (\d{6})`)
)

// codeOfSMS reads the activation code of an SMS sent to phone.
func codeOfSMS(t *testing.T, m smsSent, phone string) string {
	t.Helper()
	if m.To != phone {
		t.Fatalf("the SMS went to %q, want the practitioner's mobile %q", m.To, phone)
	}
	c := smsCode.FindStringSubmatch(m.Text)
	if c == nil {
		t.Fatalf("no activation code in the SMS %q", m.Text)
	}
	return c[1]
}

// codeOfMail reads the activation code of an e-mail (quoted-printable) and
// checks where it went and its headers.
func codeOfMail(t *testing.T, r mailtest.Received, to, idnps string) string {
	t.Helper()
	if len(r.To) != 1 || r.To[0] != to {
		t.Fatalf("the e-mail went to %v, want %s", r.To, to)
	}
	m, err := mail.ReadMessage(strings.NewReader(string(r.Data)))
	if err != nil {
		t.Fatalf("the e-mail received is not a message: %v", err)
	}
	if m.Header.Get("X-ERPPS-Kind") != "activation-code" || m.Header.Get("X-ERPPS-IDNPS") != idnps {
		t.Fatalf("the e-mail's headers: kind %q, IDNPS %q", m.Header.Get("X-ERPPS-Kind"), m.Header.Get("X-ERPPS-IDNPS"))
	}
	var body io.Reader = m.Body
	if strings.EqualFold(m.Header.Get("Content-Transfer-Encoding"), "quoted-printable") {
		body = quotedprintable.NewReader(m.Body)
	}
	text, err := io.ReadAll(body)
	if err != nil {
		t.Fatal(err)
	}
	c := mailCode.FindStringSubmatch(string(text))
	if c == nil {
		t.Fatalf("no activation code in the e-mail:\n%s", text)
	}
	return c[1]
}

// demoRecord is the demo record of an RPPS number (the contact details the
// server sends the codes to).
func demoRecord(t *testing.T, rpps string) *erpps.Practitioner {
	t.Helper()
	list, err := demo.Generate(demo.Count, demo.Seed)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range list {
		if p.RPPS == rpps {
			return p
		}
	}
	t.Fatalf("no demo record %s", rpps)
	return nil
}

// front brings a tab to the front, as a person switching from the computer
// to the phone does: the companion asks for its requests only when shown.
func front(t *testing.T, ctx context.Context) {
	t.Helper()
	if _, err := chromedp.Call(ctx, page.BringToFront, cdp.Empty{}); err != nil {
		t.Fatalf("bring the tab to the front: %v", err)
	}
}

// clickLink clicks the first link to href.
func clickLink(t *testing.T, ctx context.Context, href string) {
	t.Helper()
	sel := chromedp.JSPath(fmt.Sprintf(`document.querySelector('a[href=' + CSS.escape(%s) + ']')`, jsString(href)))
	step(t, ctx, "follow the link to "+href, chromedp.WaitVisible(sel), chromedp.Click(sel))
}
