package main

import (
	"context"
	"io"
	"log/slog"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"
	"time"

	"erpps/backend/auth"
	"erpps/backend/mail/mailtest"
	"erpps/backend/refdata"
	"erpps/backend/serverdemo"
	"erpps/backend/signing"
)

const smtpPassword = "smtp-Secret-Pa55"

// newSMTPApp is the server's app on a SQLite data folder, seeded with the
// demo data, that sends its e-mails through a real SMTP server (STARTTLS
// with the CA given by --smtp-ca-file, AUTH PLAIN, the password from the
// environment), logging everything at debug level into the returned buffer.
// The caller closes the app.
func newSMTPApp(t *testing.T) (*app, *mailtest.Server, *lockedBuffer, *serverdemo.Result) {
	t.Helper()
	ctx := context.Background()
	smtpSrv := mailtest.Start(t, mailtest.Options{Security: "starttls", Username: "erpps", Password: smtpPassword})
	data := t.TempDir()
	ca := filepath.Join(data, "smtp-ca.pem")
	if err := os.WriteFile(ca, smtpSrv.CertPEM, 0o600); err != nil {
		t.Fatal(err)
	}
	c := &config{Data: data, SigningKeyFile: filepath.Join(data, signing.AuthorityFileName), SessionTTL: time.Hour}
	fs := newFlagSet("serve", func(string) string { return "" }, io.Discard)
	fs.storeFlags(c)
	fs.deliveryFlags(c)
	if err := fs.parse([]string{"--data", data, "--smtp-addr", smtpSrv.Addr, "--smtp-security", "starttls",
		"--smtp-user", "erpps", "--smtp-ca-file", ca, "--mail-from", "eRPPS <no-reply@ars.example.invalid>"}, c); err != nil {
		t.Fatal(err)
	}
	env := map[string]string{envSMTPPassword: smtpPassword}
	if err := parseDelivery(c, func(k string) string { return env[k] }); err != nil {
		t.Fatal(err)
	}
	c.SessionTTL = time.Hour
	logged := &lockedBuffer{}
	a, err := newApp(ctx, c, slog.New(slog.NewTextHandler(logged, &slog.HandlerOptions{Level: slog.LevelDebug})))
	if err != nil {
		t.Fatal(err)
	}
	res := seedApp(t, a, time.Now)
	return a, smtpSrv, logged, res
}

// seedApp seeds the demo data into the app's store.
func seedApp(t *testing.T, a *app, now func() time.Time) *serverdemo.Result {
	t.Helper()
	cat, err := refdata.Load()
	if err != nil {
		t.Fatal(err)
	}
	res, err := (&serverdemo.Seeder{Store: a.store, Catalog: cat, Hash: auth.HashPassword, Now: now}).Seed(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// busiestAgentQueue signs in the agent whose ARS has the longest queue and
// returns the session's token and the queue, which is not empty.
func busiestAgentQueue(t *testing.T, srv *httptest.Server, res *serverdemo.Result) (string, queueReply) {
	t.Helper()
	agent := res.Agents[0]
	for _, l := range res.Agents {
		if res.Queues[l.Region] > res.Queues[agent.Region] {
			agent = l
		}
	}
	token, _, err := signIn(t, srv.URL, agent.Login, agent.Password)
	if err != nil || token == "" {
		t.Fatal(err)
	}
	var q queueReply
	call(t, "GET", srv.URL+"/api/v1/queue", token, nil, &q)
	if len(q.Items) == 0 {
		t.Fatal("empty queue")
	}
	return token, q
}
