package sms_test

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"erpps/backend/erpps"
	"erpps/backend/messages"
	"erpps/backend/sms"
)

// fakeGateway plays an SMS gateway: it checks the credentials and keeps
// each request it accepts.
type fakeGateway struct {
	mu       sync.Mutex
	requests []received
	status   int
}

type received struct {
	contentType string
	user        string
	secret      string
	bearer      string
	body        []byte
}

func (f *fakeGateway) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost {
		http.Error(w, "POST only", http.StatusMethodNotAllowed)
		return
	}
	body, _ := io.ReadAll(r.Body)
	got := received{contentType: r.Header.Get("Content-Type"), body: body}
	got.user, got.secret, _ = r.BasicAuth()
	got.bearer, _ = strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	f.mu.Lock()
	status := f.status
	if status == 0 || status/100 == 2 {
		f.requests = append(f.requests, got)
	}
	f.mu.Unlock()
	if status == 0 {
		status = http.StatusAccepted
	}
	w.WriteHeader(status)
	io.WriteString(w, `{"detail":"number +33612345642 unknown"}`)
}

func (f *fakeGateway) got() []received {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]received(nil), f.requests...)
}

func activation(t *testing.T) erpps.Message {
	t.Helper()
	m, err := messages.Activation(erpps.ChannelSMS, "+33612345642", "810000000001", "Dr Alix Testeur", "123456", 10*time.Minute)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func TestGatewayDefaultJSON(t *testing.T) {
	fake := &fakeGateway{}
	srv := httptest.NewServer(fake)
	defer srv.Close()
	g := &sms.Gateway{URL: srv.URL + "/send", Username: "erpps", Secret: "gw-Secret-42"}
	m := activation(t)
	m.Text += " \"quoted\" & <tag>\nline"
	if err := g.Send(context.Background(), m); err != nil {
		t.Fatal(err)
	}
	got := fake.got()
	if len(got) != 1 {
		t.Fatalf("%d requests", len(got))
	}
	if got[0].user != "erpps" || got[0].secret != "gw-Secret-42" || got[0].contentType != "application/json" {
		t.Fatalf("request %+v", got[0])
	}
	var body struct{ To, Text string }
	if err := json.Unmarshal(got[0].body, &body); err != nil {
		t.Fatalf("body %s: %v", got[0].body, err)
	}
	if body.To != "+33612345642" || body.Text != m.Text || !strings.Contains(body.Text, "code d'activation est 123456") ||
		!strings.Contains(body.Text, "10 minutes") {
		t.Fatalf("body %+v", body)
	}
}

func TestGatewayFormTemplateAndBearer(t *testing.T) {
	fake := &fakeGateway{}
	srv := httptest.NewServer(fake)
	defer srv.Close()
	g := &sms.Gateway{URL: srv.URL, Secret: "token-Abc", ContentType: "application/x-www-form-urlencoded",
		Template: `sender=ERPPS&to={{urlquery .To}}&message={{urlquery .Text}}`}
	if err := g.Send(context.Background(), activation(t)); err != nil {
		t.Fatal(err)
	}
	got := fake.got()[0]
	if got.bearer != "token-Abc" || got.user != "" {
		t.Fatalf("credentials %+v", got)
	}
	form, err := url.ParseQuery(string(got.body))
	if err != nil {
		t.Fatal(err)
	}
	if form.Get("to") != "+33612345642" || form.Get("sender") != "ERPPS" || form.Get("message") != activation(t).Text {
		t.Fatalf("form %v", form)
	}
}

func TestGatewayRefusals(t *testing.T) {
	ctx := context.Background()
	t.Run("HTTPError", func(t *testing.T) {
		fake := &fakeGateway{status: http.StatusUnauthorized}
		srv := httptest.NewServer(fake)
		defer srv.Close()
		g := &sms.Gateway{URL: srv.URL, Username: "erpps", Secret: "gw-Secret-42"}
		err := g.Send(ctx, activation(t))
		if err == nil || !strings.Contains(err.Error(), "401") {
			t.Fatalf("err = %v", err)
		}
		for _, secret := range []string{"gw-Secret-42", "+33612345642", "123456", "unknown"} {
			if strings.Contains(err.Error(), secret) {
				t.Fatalf("the error tells %q: %v", secret, err)
			}
		}
	})
	t.Run("Unreachable", func(t *testing.T) {
		srv := httptest.NewServer(&fakeGateway{})
		addr := srv.URL
		srv.Close()
		g := &sms.Gateway{URL: addr + "/send?key=url-Key-77"}
		err := g.Send(ctx, activation(t))
		if err == nil || strings.Contains(err.Error(), "url-Key-77") {
			t.Fatalf("err = %v", err)
		}
	})
	t.Run("Configuration", func(t *testing.T) {
		for _, g := range []*sms.Gateway{
			{URL: "ftp://gateway.example.invalid/"},
			{URL: "not a url"},
			{URL: "http://gateway.example.invalid/send", Secret: "s"},
			{URL: "https://gateway.example.invalid/send", Template: "{{.To"},
			{URL: "https://gateway.example.invalid/send", Template: "{{.Nope}}"},
		} {
			if err := g.Send(ctx, activation(t)); err == nil {
				t.Fatalf("%+v accepted", g)
			}
		}
		if err := (&sms.Gateway{URL: "http://127.0.0.1:8080/send", Secret: "s"}).Check(); err != nil {
			t.Fatalf("loopback http refused: %v", err)
		}
	})
	t.Run("NotAnSMS", func(t *testing.T) {
		g := &sms.Gateway{URL: "https://gateway.example.invalid/send"}
		if err := g.Send(ctx, erpps.Message{Channel: erpps.ChannelEmail, To: "a@example.invalid", Text: "x"}); err == nil {
			t.Fatal("an e-mail sent as an SMS")
		}
	})
}

func TestFolder(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "outbox", "sms")
	f := &sms.Folder{Dir: dir}
	for i := 0; i < 3; i++ {
		if err := f.Send(context.Background(), activation(t)); err != nil {
			t.Fatal(err)
		}
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	if len(files) != 3 {
		t.Fatalf("files %v", files)
	}
	for _, name := range files {
		info, err := os.Stat(name)
		if err != nil || info.Mode().Perm() != 0o600 {
			t.Fatalf("%s: %v %v", name, info, err)
		}
		data, _ := os.ReadFile(name)
		if !strings.HasPrefix(string(data), "To: +33612345642\n\n") || !strings.Contains(string(data), "123456") {
			t.Fatalf("%s: %q", name, data)
		}
	}
	if err := f.Send(context.Background(), erpps.Message{Channel: erpps.ChannelEmail, To: "a@example.invalid"}); err == nil {
		t.Fatal("an e-mail written as an SMS")
	}
}
