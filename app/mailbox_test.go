package app

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	goqr "github.com/piglig/go-qr"

	"erpps/backend/erpps"
	"erpps/backend/mailbox"
	"erpps/backend/mailbox/mailboxtest"
	"erpps/backend/secretstore"
	"erpps/backend/sqlite"
)

const mailboxRPPS = "10001234565"

func activationMail(idnps, code string) []byte {
	return []byte("From: eRPPS <no-reply@erpps.example>\r\nSubject: Votre code d'activation e-CPS\r\n" +
		"Date: " + time.Now().UTC().Format(time.RFC1123Z) + "\r\nX-ERPPS-Kind: activation-code\r\nX-ERPPS-IDNPS: " + idnps +
		"\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nBonjour Marie Curie,\r\n\r\nVotre code d'activation : " + code + "\r\n")
}

// The secretary connects the cabinet's mailbox on the desktop: the account
// is checked, kept without its password in the store, followed; a code
// arriving is listed against its practitioner and handed to the phone by a
// QR code; disconnecting forgets the account and the password.
func TestMailboxPickupFromTheApp(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	dir := t.TempDir()
	db := sqlite.NewDB(filepath.Join(dir, "erpps.db"))
	if err := db.Open(ctx); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = db.Close() })
	if err := db.SavePractitioner(ctx, &erpps.Practitioner{RPPS: mailboxRPPS, Civility: "MME", BirthName: "Curie",
		ExerciseName: "Curie", FirstName: "Marie"}); err != nil {
		t.Fatal(err)
	}
	srv := mailboxtest.NewServer(t, true)
	events := &fakeEmitter{}
	a := New(ctx, Deps{Events: events, Mailbox: &MailboxDeps{
		Store: db, Records: db, Secrets: &secretstore.Sealed{KeyPath: filepath.Join(dir, "secrets.key"), Settings: db},
		ServerURL: func(context.Context) string { return "https://erpps.ars.example" },
		TLS:       srv.TLS(), MinBackoff: 20 * time.Millisecond, MaxBackoff: 100 * time.Millisecond,
	}})
	defer a.stop()

	st, err := a.MailboxStatus()
	if err != nil || !st.Available || st.Account != nil || st.SecretsWhere != "file" {
		t.Fatalf("before: %+v %v", st, err)
	}
	in := MailboxSignIn{Host: "127.0.0.1", Port: srv.Addr.Port, Username: mailboxtest.User, Password: "faux"}
	if _, err := a.ConnectMailbox(in); erpps.AsError(err).Message != "Le serveur de messagerie a refusé l'identifiant ou le mot de passe." {
		t.Fatalf("wrong password: %v", err)
	}
	if st, _ := a.MailboxStatus(); st.Account != nil {
		t.Fatal("an account that did not work was kept")
	}
	if _, err := a.ConnectMailbox(MailboxSignIn{}); len(erpps.AsError(err).Fields) != 3 {
		t.Errorf("empty form: %v", err)
	}
	in.Password = mailboxtest.Password
	st, err = a.ConnectMailbox(in)
	if err != nil || st.Account == nil || st.Account.Folder != "INBOX" {
		t.Fatalf("connect: %+v %v", st, err)
	}
	waitMailbox(t, func() bool { s, _ := a.MailboxStatus(); return s.Status.State == mailbox.StateIdle })

	srv.Deliver(t, activationMail("8"+mailboxRPPS, "482913"))
	var found []MailFindingView
	waitMailbox(t, func() bool { found, _ = a.ListMailFindings(erpps.MailFindingFilter{}); return len(found) == 1 })
	f := found[0]
	if f.RPPS != mailboxRPPS || f.Code != "482913" || f.PractitionerName != "Marie CURIE" || f.Expired || f.ExpiresAt == nil {
		t.Errorf("finding %+v", f)
	}
	got := false
	for _, e := range events.take() {
		got = got || e.name == EventMailboxChanged
	}
	if !got {
		t.Error("the UI was not told")
	}
	link, err := a.CompanionLinkFor(f.ID)
	if err != nil || link.URL != "https://erpps.ars.example/mobile#identifiant=810001234565&code=482913" {
		t.Fatalf("link %+v %v", link, err)
	}
	raw, _ := base64.StdEncoding.DecodeString(link.QRCodePNG)
	img, err := png.Decode(bytes.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	if text, err := goqr.Decode(img); err != nil || text != link.URL {
		t.Errorf("QR code reads %q, %v", text, err)
	}
	if _, err := a.CompanionLinkFor("nope"); erpps.ErrorCode(err) != erpps.ENOTFOUND {
		t.Errorf("unknown finding: %v", err)
	}

	// The password is nowhere in plain text beside the store.
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		b, _ := os.ReadFile(filepath.Join(dir, e.Name()))
		if e.Name() != "secrets.key" && bytes.Contains(b, []byte(mailboxtest.Password)) {
			t.Errorf("%s holds the mailbox password", e.Name())
		}
	}
	// Nor in what the UI receives.
	body, _ := json.Marshal(st)
	if strings.Contains(string(body), mailboxtest.Password) {
		t.Errorf("the state shows the password: %s", body)
	}

	st, err = a.DisconnectMailbox()
	if err != nil || st.Account != nil || st.Status.State != mailbox.StateStopped {
		t.Fatalf("disconnect: %+v %v", st, err)
	}
	if _, err := db.GetSetting(ctx, "secret."+secretMailbox); erpps.ErrorCode(err) != erpps.ENOTFOUND {
		t.Errorf("the sealed password stays: %v", err)
	}
	if found, _ := a.ListMailFindings(erpps.MailFindingFilter{RPPS: mailboxRPPS}); len(found) != 1 {
		t.Errorf("the findings were lost: %d", len(found))
	}
}

// A desktop restarted follows the mailbox it had, with the kept password.
func TestMailboxRestartsWithTheKeptAccount(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	dir := t.TempDir()
	db := sqlite.NewDB(filepath.Join(dir, "erpps.db"))
	if err := db.Open(ctx); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = db.Close() })
	srv := mailboxtest.NewServer(t, false)
	deps := func() *MailboxDeps {
		return &MailboxDeps{Store: db, Records: db, Secrets: &secretstore.Sealed{KeyPath: filepath.Join(dir, "secrets.key"), Settings: db}, TLS: srv.TLS()}
	}
	first := New(ctx, Deps{Mailbox: deps()})
	if _, err := first.ConnectMailbox(MailboxSignIn{Host: "127.0.0.1", Port: srv.Addr.Port, Username: mailboxtest.User, Password: mailboxtest.Password}); err != nil {
		t.Fatal(err)
	}
	first.stop()
	second := New(ctx, Deps{Mailbox: deps()})
	defer second.stop()
	if err := second.mailbox.start(ctx); err != nil {
		t.Fatal(err)
	}
	waitMailbox(t, func() bool { s, _ := second.MailboxStatus(); return s.Status.State == mailbox.StatePolling })
}

// The kiosk has no mailbox.
func TestMailboxUnavailableWithoutDeps(t *testing.T) {
	a := New(context.Background(), Deps{})
	st, err := a.MailboxStatus()
	if err != nil || st.Available {
		t.Errorf("%+v %v", st, err)
	}
	if _, err := a.ConnectMailbox(MailboxSignIn{}); erpps.ErrorCode(err) != erpps.EUNAVAILABLE {
		t.Errorf("connect: %v", err)
	}
}

func waitMailbox(t *testing.T, ok func() bool) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for !ok() {
		if time.Now().After(deadline) {
			t.Fatal("timed out")
		}
		time.Sleep(10 * time.Millisecond)
	}
}
