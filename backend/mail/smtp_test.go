package mail_test

import (
	"bytes"
	"context"
	"crypto/tls"
	"io"
	"mime"
	"net/mail"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"erpps/backend/erpps"
	erppsmail "erpps/backend/mail"
	"erpps/backend/mail/mailtest"
	"erpps/backend/messages"
)

const (
	user     = "erpps@ars.example.invalid"
	password = "s3cret-Smtp-pa55"
	from     = "eRPPS <no-reply@ars.example.invalid>"
	to       = "alix.testeur@example.invalid"
	idnps    = "810000000001"
)

func activation(t *testing.T) erpps.Message {
	t.Helper()
	m, err := messages.Activation(erpps.ChannelEmail, to, idnps, "Dr Alix Testeur", "123456", 30*time.Minute)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// parse reads a received message and its decoded text.
func parse(t *testing.T, data []byte) (*mail.Message, string) {
	t.Helper()
	m, err := mail.ReadMessage(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("not an RFC 5322 message: %v\n%s", err, data)
	}
	if m.Header.Get("Content-Transfer-Encoding") != "quoted-printable" {
		t.Fatalf("encoding %q", m.Header.Get("Content-Transfer-Encoding"))
	}
	// net/mail does not decode the body; mime/quotedprintable does.
	text, err := io.ReadAll(qpReader(m.Body))
	if err != nil {
		t.Fatal(err)
	}
	return m, string(text)
}

func subject(t *testing.T, m *mail.Message) string {
	t.Helper()
	s, err := new(mime.WordDecoder).DecodeHeader(m.Header.Get("Subject"))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestSMTP(t *testing.T) {
	for _, tt := range []struct {
		name     string
		security string
		auth     bool
		wantTLS  bool
	}{
		{"StartTLSAuth", erppsmail.SecurityStartTLS, true, true},
		{"ImplicitTLSAuth", erppsmail.SecurityTLS, true, true},
		{"PlainLoopbackAuth", erppsmail.SecurityNone, true, false},
		{"PlainNoAuth", erppsmail.SecurityNone, false, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			opts := mailtest.Options{Security: tt.security}
			if tt.auth {
				opts.Username, opts.Password = user, password
			}
			srv := mailtest.Start(t, opts)
			s := &erppsmail.SMTP{Addr: srv.Addr, Security: tt.security, From: from,
				TLSConfig: &tls.Config{RootCAs: srv.RootCAs}}
			if tt.auth {
				s.Username, s.Password = user, password
			}
			if err := s.Send(context.Background(), activation(t)); err != nil {
				t.Fatal(err)
			}
			got := srv.Wait(t, 1, 5*time.Second)[0]
			if got.TLS != tt.wantTLS {
				t.Fatalf("TLS %v, want %v", got.TLS, tt.wantTLS)
			}
			if tt.auth && got.User != user {
				t.Fatalf("authenticated as %q", got.User)
			}
			if got.From != "no-reply@ars.example.invalid" || len(got.To) != 1 || got.To[0] != to {
				t.Fatalf("envelope %q → %q", got.From, got.To)
			}
			m, text := parse(t, got.Data)
			if s := subject(t, m); s != "Votre code d'activation e-CPS" {
				t.Fatalf("subject %q", s)
			}
			if m.Header.Get("X-ERPPS-Kind") != "activation-code" || m.Header.Get("X-ERPPS-IDNPS") != idnps {
				t.Fatalf("headers %v", m.Header)
			}
			for _, want := range []string{"Votre code d'activation : 123456", "Dr Alix Testeur", "30 minutes", "« Demande d'activation e-CPS »"} {
				if !strings.Contains(text, want) {
					t.Fatalf("text lacks %q:\n%s", want, text)
				}
			}
			if m.Header.Get("Message-ID") == "" || m.Header.Get("Date") == "" || m.Header.Get("To") != to {
				t.Fatalf("headers %v", m.Header)
			}
		})
	}
}

func TestSMTPRefusals(t *testing.T) {
	ctx := context.Background()
	t.Run("WrongPassword", func(t *testing.T) {
		srv := mailtest.Start(t, mailtest.Options{Security: "starttls", Username: user, Password: password})
		s := &erppsmail.SMTP{Addr: srv.Addr, Security: erppsmail.SecurityStartTLS, From: from, Username: user,
			Password: "wrong-Pa55word", TLSConfig: &tls.Config{RootCAs: srv.RootCAs}}
		err := s.Send(ctx, activation(t))
		if err == nil || !strings.Contains(err.Error(), "AUTH") || !strings.Contains(err.Error(), "535") {
			t.Fatalf("err = %v", err)
		}
		if strings.Contains(err.Error(), "wrong-Pa55word") {
			t.Fatalf("the error tells the password: %v", err)
		}
		if len(srv.Messages()) != 0 {
			t.Fatal("delivered")
		}
	})
	t.Run("UntrustedCertificate", func(t *testing.T) {
		for _, security := range []string{erppsmail.SecurityStartTLS, erppsmail.SecurityTLS} {
			srv := mailtest.Start(t, mailtest.Options{Security: security})
			s := &erppsmail.SMTP{Addr: srv.Addr, Security: security, From: from}
			if err := s.Send(ctx, activation(t)); err == nil {
				t.Fatalf("%s: sent to a server with an untrusted certificate", security)
			}
			if len(srv.Messages()) != 0 {
				t.Fatal("delivered")
			}
		}
	})
	t.Run("NoStartTLSOffered", func(t *testing.T) {
		srv := mailtest.Start(t, mailtest.Options{Security: "none"})
		s := &erppsmail.SMTP{Addr: srv.Addr, Security: erppsmail.SecurityStartTLS, From: from,
			TLSConfig: &tls.Config{RootCAs: srv.RootCAs}}
		if err := s.Send(ctx, activation(t)); err == nil || !strings.Contains(err.Error(), "STARTTLS") {
			t.Fatalf("err = %v", err)
		}
		if len(srv.Messages()) != 0 {
			t.Fatal("sent in plain text though STARTTLS was required")
		}
	})
	t.Run("RecipientRefused", func(t *testing.T) {
		srv := mailtest.Start(t, mailtest.Options{Security: "starttls"})
		srv.RejectRecipients(true)
		s := &erppsmail.SMTP{Addr: srv.Addr, Security: erppsmail.SecurityStartTLS, From: from,
			TLSConfig: &tls.Config{RootCAs: srv.RootCAs}}
		err := s.Send(ctx, activation(t))
		if err == nil || !strings.Contains(err.Error(), "RCPT") || !strings.Contains(err.Error(), "550") {
			t.Fatalf("err = %v", err)
		}
		if strings.Contains(err.Error(), to) || strings.Contains(err.Error(), "No such user") {
			t.Fatalf("the error quotes the server's reply: %v", err)
		}
	})
	t.Run("Configuration", func(t *testing.T) {
		for _, s := range []*erppsmail.SMTP{
			{Addr: "smtp.example.invalid:25", Security: erppsmail.SecurityNone, From: from, Username: user, Password: password},
			{Addr: "smtp.example.invalid:25", Security: "ssl", From: from},
			{Addr: "smtp.example.invalid", Security: erppsmail.SecurityTLS, From: from},
			{Addr: "smtp.example.invalid:465", Security: erppsmail.SecurityTLS, From: "not an address"},
		} {
			if err := s.Check(); err == nil {
				t.Fatalf("%+v accepted", s)
			}
			if err := s.Send(ctx, activation(t)); err == nil {
				t.Fatalf("%+v sent", s)
			}
		}
		ok := &erppsmail.SMTP{Addr: "127.0.0.1:25", Security: erppsmail.SecurityNone, From: from, Username: user}
		if err := ok.Check(); err != nil {
			t.Fatalf("loopback plain auth refused: %v", err)
		}
	})
	t.Run("HeaderInjection", func(t *testing.T) {
		m := activation(t)
		m.Headers["X-ERPPS-Request"] = "r1\r\nBcc: someone@example.invalid"
		if _, err := erppsmail.Compose(from, m, time.Now()); err == nil {
			t.Fatal("a header with a line break was written")
		}
		m = activation(t)
		m.To = "a@example.invalid\r\nBcc: b@example.invalid"
		if _, err := erppsmail.Compose(from, m, time.Now()); err == nil {
			t.Fatal("a recipient with a line break was written")
		}
	})
}

func TestFolder(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "outbox", "mail")
	f := &erppsmail.Folder{Dir: dir, From: from}
	for i := 0; i < 2; i++ {
		if err := f.Send(context.Background(), activation(t)); err != nil {
			t.Fatal(err)
		}
	}
	files, err := filepath.Glob(filepath.Join(dir, "*.eml"))
	if err != nil || len(files) != 2 {
		t.Fatalf("files %v, %v", files, err)
	}
	for _, name := range files {
		info, err := os.Stat(name)
		if err != nil {
			t.Fatal(err)
		}
		if info.Mode().Perm() != 0o600 {
			t.Fatalf("%s mode %v", name, info.Mode().Perm())
		}
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		m, text := parse(t, data)
		if m.Header.Get("X-ERPPS-Kind") != "activation-code" || !strings.Contains(text, "Votre code d'activation : 123456") {
			t.Fatalf("%s: %s", name, data)
		}
	}
	if info, err := os.Stat(dir); err != nil || info.Mode().Perm() != 0o700 {
		t.Fatalf("folder %v %v", info, err)
	}
	if err := f.Send(context.Background(), erpps.Message{Channel: erpps.ChannelSMS, To: "0612345642", Text: "x"}); err == nil {
		t.Fatal("an SMS written as an e-mail")
	}
}
