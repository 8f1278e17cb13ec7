package app

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"erpps/backend/erpps"
	"erpps/backend/secretstore"
	"erpps/backend/sqlite"
)

// The cabinet's mailbox is the secretary's tool: its methods are refused
// to a practitioner signed in (Pro Santé Connect, or their account's
// password), kept for a secretary signed in and for a desktop with nobody
// signed in (the cabinet's local use).
func TestMailboxRefusedToAPractitionerSignedIn(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	dir := t.TempDir()
	db := sqlite.NewDB(filepath.Join(dir, "erpps.db"))
	if err := db.Open(ctx); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = db.Close() })
	a := New(ctx, Deps{Events: &fakeEmitter{}, Mailbox: &MailboxDeps{
		Store: db, Records: db, Secrets: &secretstore.Sealed{KeyPath: filepath.Join(dir, "secrets.key"), Settings: db},
		ServerURL: func(context.Context) string { return "https://erpps.ars.example" },
	}})
	defer a.stop()

	methods := map[string]func() error{
		"MailboxStatus":     func() error { _, err := a.MailboxStatus(); return err },
		"ConnectMailbox":    func() error { _, err := a.ConnectMailbox(MailboxSignIn{}); return err },
		"DisconnectMailbox": func() error { _, err := a.DisconnectMailbox(); return err },
		"ListMailFindings":  func() error { _, err := a.ListMailFindings(erpps.MailFindingFilter{Limit: 10}); return err },
		"CompanionLinkFor":  func() error { _, err := a.CompanionLinkFor("unknown"); return err },
	}
	now := time.Now().UTC()
	for _, tc := range []struct {
		name    string
		server  storedServer
		refused bool
	}{
		{"NobodySignedIn", storedServer{URL: "https://erpps.ars.example"}, false},
		{"Secretary", storedServer{URL: "https://erpps.ars.example", Method: methodPassword, SignedInAt: &now,
			Account: &erpps.Account{ID: "s1", Login: "secretariat", Role: erpps.RoleSecretary, Name: "Secrétariat"}}, false},
		{"PractitionerWithProSantéConnect", storedServer{URL: "https://erpps.ars.example", Method: methodPSC, SignedInAt: &now,
			Account: &erpps.Account{ID: mailboxRPPS, Login: mailboxRPPS, Role: erpps.RoleProfessional, Name: "Marie Curie", RPPS: mailboxRPPS}}, true},
		{"PractitionerWithPassword", storedServer{URL: "https://erpps.ars.example", Method: methodPassword, SignedInAt: &now,
			Account: &erpps.Account{ID: mailboxRPPS, Login: mailboxRPPS, Role: erpps.RoleProfessional, Name: "Marie Curie", RPPS: mailboxRPPS}}, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a.sync.keep(tc.server)
			for name, call := range methods {
				err := call()
				forbidden := erpps.ErrorCode(err) == erpps.EFORBIDDEN
				if forbidden != tc.refused {
					t.Errorf("%s: %v (refused: %v, want %v)", name, err, forbidden, tc.refused)
				}
				if forbidden && erpps.ErrorMessage(err) != msgMailboxSecretaryOnly {
					t.Errorf("%s: message %q", name, erpps.ErrorMessage(err))
				}
			}
		})
	}
}

// Listing the e-mails filed drops the activation codes past their validity
// (30 minutes after the e-mail's date) from the store; decisions are kept.
func TestListMailFindingsPurgesExpiredCodes(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	dir := t.TempDir()
	db := sqlite.NewDB(filepath.Join(dir, "erpps.db"))
	if err := db.Open(ctx); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = db.Close() })
	now := time.Date(2026, 12, 1, 23, 0, 0, 0, time.UTC)
	a := New(ctx, Deps{Events: &fakeEmitter{}, Mailbox: &MailboxDeps{
		Store: db, Records: db, Secrets: &secretstore.Sealed{KeyPath: filepath.Join(dir, "secrets.key"), Settings: db},
		ServerURL: func(context.Context) string { return "https://erpps.ars.example" },
		Now:       func() time.Time { return now },
	}})
	defer a.stop()
	old := erpps.MailFinding{MessageKey: "a/1/1", Kind: erpps.MailActivationCode, Subject: "s", ReceivedAt: now.Add(-31 * time.Minute),
		FoundAt: now.Add(-31 * time.Minute), RPPS: mailboxRPPS, Code: "482913"}
	live := erpps.MailFinding{MessageKey: "a/1/2", Kind: erpps.MailActivationCode, Subject: "s", ReceivedAt: now.Add(-29 * time.Minute),
		FoundAt: now.Add(-29 * time.Minute), RPPS: mailboxRPPS, Code: "111111"}
	decision := erpps.MailFinding{MessageKey: "a/1/3", Kind: erpps.MailDecision, Subject: "s", ReceivedAt: now.Add(-48 * time.Hour),
		FoundAt: now.Add(-48 * time.Hour), RPPS: mailboxRPPS, RequestID: "0f8c3a2e-5b1d-4c7e-9a60-3e2d1c0b9a87", Decision: "accepted"}
	for _, f := range []*erpps.MailFinding{&old, &live, &decision} {
		if _, err := db.SaveMailFinding(ctx, f); err != nil {
			t.Fatal(err)
		}
	}
	// « Transmettre au téléphone » on the expired code: it is gone.
	if _, err := a.CompanionLinkFor(old.ID); erpps.ErrorCode(err) != erpps.ENOTFOUND {
		t.Fatalf("companion link for an expired code: %v", err)
	}
	if _, err := a.CompanionLinkFor(live.ID); err != nil {
		t.Fatalf("companion link for a live code: %v", err)
	}
	list, err := a.ListMailFindings(erpps.MailFindingFilter{})
	if err != nil || len(list) != 2 || list[0].ID != live.ID || list[0].Expired || list[1].ID != decision.ID {
		t.Fatalf("listed %+v, %v", list, err)
	}
	stored, err := db.ListMailFindings(ctx, erpps.MailFindingFilter{})
	if err != nil || len(stored) != 2 {
		t.Fatalf("the expired code is still in the store: %+v, %v", stored, err)
	}
}
