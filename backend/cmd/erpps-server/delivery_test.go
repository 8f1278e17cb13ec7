package main

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"mime/quotedprintable"
	"net/http/httptest"
	"net/mail"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"erpps/backend/erpps"
	"erpps/backend/otp"
)

// An agent's acceptance, through the server's API, e-mails the practitioner
// through a real SMTP server (STARTTLS with the CA given by --smtp-ca-file,
// AUTH PLAIN); the log holds neither the address nor the password.
func TestServerSendsDecisionEmail(t *testing.T) {
	ctx := context.Background()
	a, smtpSrv, logged, res := newSMTPApp(t)
	closed := false
	defer func() {
		if !closed {
			a.close()
		}
	}()
	srv := httptest.NewServer(a.handler)
	defer srv.Close()
	token, q := busiestAgentQueue(t, srv, res)
	id := q.Items[0].ID
	var cs struct {
		Request struct {
			Status   string `json:"status"`
			Revision int64  `json:"revision"`
			RPPS     string `json:"rpps"`
		} `json:"request"`
	}
	cs.Request.Revision = q.Items[0].Revision
	for _, in := range []map[string]any{{"action": "take"}, {"action": "accept"}} {
		in["baseRevision"] = cs.Request.Revision
		if status, err := call(t, "POST", srv.URL+"/api/v1/requests/"+id+"/decisions", token, in, &cs); err != nil || status != 200 {
			t.Fatalf("%v: %d %v", in, status, err)
		}
	}
	if cs.Request.Status != "accepted" {
		t.Fatalf("status %s", cs.Request.Status)
	}
	got := smtpSrv.Wait(t, 1, 10*time.Second)
	if len(got) != 1 || got[0].User != "erpps" || !got[0].TLS {
		t.Fatalf("received %+v", got)
	}
	record, err := a.store.FindPractitionerByRPPS(ctx, cs.Request.RPPS)
	if err != nil {
		t.Fatal(err)
	}
	m, err := mail.ReadMessage(bytes.NewReader(got[0].Data))
	if err != nil {
		t.Fatal(err)
	}
	if m.Header.Get("X-ERPPS-Kind") != "decision" || m.Header.Get("X-ERPPS-Request") != id ||
		m.Header.Get("X-ERPPS-Decision") != "accepted" || len(got[0].To) != 1 {
		t.Fatalf("headers %v to %v", m.Header, got[0].To)
	}
	// An activation code through the server's issuer: in the background
	// (SMTP is slow; a decoy is not), to the same SMTP server.
	if !a.delivery.codes.Background {
		t.Fatal("codes sent synchronously over SMTP")
	}
	if _, err := a.delivery.codes.Issue(ctx, otp.Request{Purpose: otp.PurposeActivation, Subject: record.IDNPS(),
		Channel: erpps.ChannelEmail, Recipient: "alix@example.invalid", ClientAddr: "192.0.2.1:1", Name: "Dr Alix Testeur"}); err != nil {
		t.Fatal(err)
	}
	a.close() // waits for the e-mails under way
	closed = true
	got = smtpSrv.Wait(t, 2, 10*time.Second)
	act, err := mail.ReadMessage(bytes.NewReader(got[1].Data))
	if err != nil {
		t.Fatal(err)
	}
	if act.Header.Get("X-ERPPS-Kind") != "activation-code" || act.Header.Get("X-ERPPS-IDNPS") != record.IDNPS() ||
		got[1].To[0] != "alix@example.invalid" {
		t.Fatalf("activation e-mail %v to %v", act.Header, got[1].To)
	}
	actText, _ := io.ReadAll(quotedprintable.NewReader(act.Body))
	codeSent := regexp.MustCompile(`Votre code d'activation : (\d{6})`).FindStringSubmatch(string(actText))
	if codeSent == nil {
		t.Fatalf("no code in %s", actText)
	}
	text := logged.String()
	if !strings.Contains(text, "decision e-mail sent") {
		t.Fatalf("log: %s", text)
	}
	for _, secret := range []string{smtpPassword, got[0].To[0], record.Contact.Email, record.RPPS, codeSent[1], "alix@example.invalid"} {
		if secret != "" && strings.Contains(text, secret) {
			t.Fatalf("the log holds %q:\n%s", secret, text)
		}
	}
}

// With --outbox-dir, the codes the server issues are written to files
// (0600) and verify; the log holds neither the code nor the number.
func TestOutboxCodes(t *testing.T) {
	ctx := context.Background()
	data := t.TempDir()
	outbox := filepath.Join(data, "outbox")
	c := &config{Data: data, Delivery: deliveryConfig{OutboxDir: outbox, CodeKeyFile: filepath.Join(data, codeKeyFileName)}}
	st, err := openStore(ctx, c)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	logged := &lockedBuffer{}
	d, err := newDelivery(c, st, time.Now, slog.New(slog.NewTextHandler(logged, nil)))
	if err != nil {
		t.Fatal(err)
	}
	if d.codes.Background {
		t.Fatal("the outbox is written in the background: a test reading it after the reply would miss it")
	}
	for _, tt := range []struct{ channel, to, dir, ext string }{
		{erpps.ChannelSMS, "+33612345642", "sms", ".txt"},
		{erpps.ChannelEmail, "alix@example.invalid", "mail", ".eml"},
	} {
		if _, err := d.codes.Issue(ctx, otp.Request{Purpose: otp.PurposeActivation, Subject: "810000000001",
			Channel: tt.channel, Recipient: tt.to, ClientAddr: "192.0.2.1:1234", Name: "Dr Alix Testeur"}); err != nil {
			t.Fatal(err)
		}
		files, _ := filepath.Glob(filepath.Join(outbox, tt.dir, "*"+tt.ext))
		if len(files) != 1 {
			t.Fatalf("%s: files %v", tt.dir, files)
		}
		info, err := os.Stat(files[0])
		if err != nil || info.Mode().Perm() != 0o600 {
			t.Fatalf("%v %v", info, err)
		}
		raw, _ := os.ReadFile(files[0])
		text := string(raw)
		if tt.ext == ".eml" {
			b, _ := io.ReadAll(quotedprintable.NewReader(strings.NewReader(text)))
			text = string(b)
		}
		code := regexp.MustCompile(`\b(\d{6})\b`).FindStringSubmatch(text)
		if code == nil || !strings.Contains(text, tt.to) {
			t.Fatalf("%s: %q", files[0], text)
		}
		if err := d.codes.Verify(ctx, otp.PurposeActivation, "810000000001", code[1]); err != nil {
			t.Fatalf("%s: %v", tt.channel, err)
		}
		if strings.Contains(logged.String(), code[1]) || strings.Contains(logged.String(), tt.to) {
			t.Fatalf("the log holds the code or the recipient: %s", logged.String())
		}
	}
}

// The codes' key is made once (0600) and kept; the environment's wins; a
// short key or a file others may read is refused.
func TestCodeKey(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "keys", codeKeyFileName)
	first, err := loadCodeKey(deliveryConfig{CodeKeyFile: path})
	if err != nil {
		t.Fatal(err)
	}
	info, err := os.Stat(path)
	if err != nil || info.Mode().Perm() != 0o600 || len(first) != 32 {
		t.Fatalf("key file %v %v, %d bytes", info, err, len(first))
	}
	again, err := loadCodeKey(deliveryConfig{CodeKeyFile: path})
	if err != nil || !bytes.Equal(first, again) {
		t.Fatalf("key changed: %v", err)
	}
	fromEnv, err := loadCodeKey(deliveryConfig{CodeKeyFile: path, CodeKey: strings.Repeat("ab", 32)})
	if err != nil || fromEnv[0] != 0xab || len(fromEnv) != 32 {
		t.Fatalf("env key %x %v", fromEnv, err)
	}
	if _, err := loadCodeKey(deliveryConfig{CodeKey: "abcd"}); err == nil {
		t.Fatal("a short key accepted")
	}
	if err := os.Chmod(path, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := loadCodeKey(deliveryConfig{CodeKeyFile: path}); err == nil {
		t.Fatal("a key file others may read accepted")
	}
	short := filepath.Join(dir, "short")
	if err := os.WriteFile(short, []byte("abcd\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := loadCodeKey(deliveryConfig{CodeKeyFile: short}); err == nil {
		t.Fatal("a short key file accepted")
	}
}

func TestDeliveryFlags(t *testing.T) {
	dir := t.TempDir()
	pwFile := filepath.Join(dir, "smtp-password")
	if err := os.WriteFile(pwFile, []byte("from-File-pw\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	loose := filepath.Join(dir, "loose")
	if err := os.WriteFile(loose, []byte("pw"), 0o644); err != nil {
		t.Fatal(err)
	}
	parse := func(env map[string]string, args ...string) (*config, error) {
		c := &config{}
		getenv := func(k string) string { return env[k] }
		fs := newFlagSet("serve", getenv, io.Discard)
		fs.storeFlags(c)
		fs.deliveryFlags(c)
		if err := fs.parse(append([]string{"--data", dir}, args...), c); err != nil {
			return nil, err
		}
		return c, parseDelivery(c, getenv)
	}
	c, err := parse(map[string]string{envSMTPPassword: "from-Env-pw", envSMSGatewaySecret: "gw-secret"},
		"--smtp-addr", "smtp.example.invalid:587", "--smtp-user", "u", "--smtp-password-file", pwFile,
		"--mail-from", "a@example.invalid", "--sms-gateway-url", "https://sms.example.invalid/send")
	if err != nil {
		t.Fatal(err)
	}
	d := c.Delivery
	if d.SMTPPassword != "from-Env-pw" || d.SMSGatewaySecret != "gw-secret" || d.SMTPSecurity != "starttls" ||
		d.CodeKeyFile != filepath.Join(dir, codeKeyFileName) || d.SMSBodyTemplate == "" {
		t.Fatalf("%+v", d)
	}
	c, err = parse(nil, "--smtp-addr", "smtp.example.invalid:587", "--smtp-user", "u", "--smtp-password-file", pwFile, "--mail-from", "a@example.invalid")
	if err != nil || c.Delivery.SMTPPassword != "from-File-pw" {
		t.Fatalf("%+v %v", c, err)
	}
	c, err = parse(map[string]string{"ERPPS_SERVER_SMTP_ADDR": "smtp.example.invalid:465", "ERPPS_SERVER_SMTP_SECURITY": "tls",
		"ERPPS_SERVER_MAIL_FROM": "a@example.invalid"})
	if err != nil || c.Delivery.SMTPAddr != "smtp.example.invalid:465" || c.Delivery.SMTPSecurity != "tls" {
		t.Fatalf("%+v %v", c, err)
	}
	for _, args := range [][]string{
		{"--smtp-addr", "smtp.example.invalid:587", "--smtp-user", "u", "--mail-from", "a@example.invalid"}, // no password
		{"--smtp-addr", "smtp.example.invalid:587"},                                                         // no sender address
		{"--smtp-addr", "smtp.example.invalid:587", "--smtp-user", "u", "--smtp-password-file", loose, "--mail-from", "a@example.invalid"},
		{"--smtp-password", "on-the-command-line"},
	} {
		if _, err := parse(nil, args...); err == nil {
			t.Fatalf("%v accepted", args)
		}
	}
	// Checked when the server starts: a bad security or gateway URL.
	for _, d := range []deliveryConfig{
		{SMTPAddr: "smtp.example.invalid:25", SMTPSecurity: "ssl", MailFrom: "a@example.invalid"},
		{SMTPAddr: "smtp.example.invalid:25", SMTPSecurity: "none", SMTPUser: "u", SMTPPassword: "p", MailFrom: "a@example.invalid"},
		{SMSGatewayURL: "ftp://sms.example.invalid"},
		{SMSGatewayURL: "https://sms.example.invalid", SMSBodyTemplate: "{{"},
	} {
		d.CodeKeyFile = filepath.Join(dir, codeKeyFileName)
		if _, err := newDelivery(&config{Delivery: d}, nil, time.Now, slog.New(slog.DiscardHandler)); err == nil {
			t.Fatalf("%+v accepted", d)
		}
	}
}

// The real binary: the delivery flags and variables are read, the codes'
// key made 0600 in the data folder at first start, where messages go said
// at start; a user without a password stops it before it listens, and the
// password never appears in its output.
func TestServeDeliveryFlags(t *testing.T) {
	data := filepath.Join(t.TempDir(), "data")
	outbox := filepath.Join(t.TempDir(), "outbox")
	s := startServer(t, []string{"ERPPS_SERVER_OUTBOX_DIR=" + outbox}, "--data", data)
	if !s.waitOutput(t, "e-mails dans "+filepath.Join(outbox, "mail")) || !s.waitOutput(t, "SMS dans "+filepath.Join(outbox, "sms")) {
		t.Fatalf("stdout %q", s.stdout.String())
	}
	info, err := os.Stat(filepath.Join(data, codeKeyFileName))
	if err != nil || info.Mode().Perm() != 0o600 {
		t.Fatalf("code key %v %v", info, err)
	}
	if code := s.stop(t); code != 0 {
		t.Fatalf("exit %d: %s", code, s.stderr.String())
	}

	stdout, stderr, code := command(t, nil, "serve", "--addr", "127.0.0.1:0", "--data", data,
		"--smtp-addr", "127.0.0.1:25", "--smtp-user", "erpps", "--mail-from", "a@example.invalid")
	if code == 0 || !strings.Contains(stderr, envSMTPPassword) {
		t.Fatalf("exit %d\n%s\n%s", code, stdout, stderr)
	}
	stdout, stderr, code = command(t, []string{envSMTPPassword + "=Never-Logged-7"}, "serve", "--addr", "127.0.0.1:0",
		"--data", data, "--smtp-addr", "smtp.example.invalid:25", "--smtp-security", "none", "--smtp-user", "erpps",
		"--mail-from", "a@example.invalid")
	if code == 0 || !strings.Contains(stderr, "starttls") || strings.Contains(stdout+stderr, "Never-Logged-7") {
		t.Fatalf("exit %d\n%s\n%s", code, stdout, stderr)
	}
}
