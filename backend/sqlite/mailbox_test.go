package sqlite

import (
	"context"
	"testing"
	"time"

	"erpps/backend/erpps"
)

func TestMailboxAccount(t *testing.T) {
	ctx := context.Background()
	db := MustOpenDB(t)
	defer MustCloseDB(t, db)
	wantCode(t, func() error { _, err := db.MailboxAccount(ctx); return err }(), erpps.ENOTFOUND)
	at := time.Date(2026, 12, 1, 22, 0, 0, 0, time.UTC)
	for _, a := range []erpps.MailboxAccount{
		{Host: "imap.example.org", Port: 993, Username: "cabinet", UpdatedAt: at},
		{Host: "imap.other.example", Port: 1993, Username: "secretariat", Folder: "ERPPS", UpdatedAt: at.Add(time.Hour)},
	} {
		if err := db.SaveMailboxAccount(ctx, &a); err != nil {
			t.Fatal(err)
		}
		got, err := db.MailboxAccount(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if a.Folder == "" {
			a.Folder = "INBOX"
		}
		if *got != a {
			t.Errorf("got %+v, want %+v", *got, a)
		}
	}
	if err := db.SaveMailboxAccount(ctx, &erpps.MailboxAccount{Host: "x", Port: 0, Username: "u"}); err == nil {
		t.Error("port 0 accepted")
	}
	if err := db.DeleteMailboxAccount(ctx); err != nil {
		t.Fatal(err)
	}
	wantCode(t, func() error { _, err := db.MailboxAccount(ctx); return err }(), erpps.ENOTFOUND)
}

func TestMailFindings(t *testing.T) {
	ctx := context.Background()
	db := MustOpenDB(t)
	defer MustCloseDB(t, db)
	at := time.Date(2026, 12, 1, 22, 0, 0, 0, time.UTC)
	code := erpps.MailFinding{MessageKey: "a/1/1", Kind: erpps.MailActivationCode, ByHeaders: true, Subject: "Votre code d'activation e-CPS",
		ReceivedAt: at, FoundAt: at.Add(time.Minute), RPPS: "10001234565", Code: "482913"}
	decision := erpps.MailFinding{MessageKey: "a/1/2", Kind: erpps.MailDecision, Subject: "Décision de l'ARS sur votre demande",
		ReceivedAt: at, FoundAt: at.Add(2 * time.Minute), RPPS: "10001234565", RequestID: "0f8c3a2e-5b1d-4c7e-9a60-3e2d1c0b9a87", Decision: "refused"}
	other := erpps.MailFinding{MessageKey: "a/1/3", Kind: erpps.MailActivationCode, Subject: "s",
		ReceivedAt: at, FoundAt: at.Add(3 * time.Minute), RPPS: "10007654329", Code: "111111"}
	for _, f := range []*erpps.MailFinding{&code, &decision, &other} {
		added, err := db.SaveMailFinding(ctx, f)
		if err != nil || !added || f.ID == "" {
			t.Fatalf("SaveMailFinding = %v, %v (id %q)", added, err, f.ID)
		}
	}
	again := code
	again.ID = ""
	if added, err := db.SaveMailFinding(ctx, &again); err != nil || added {
		t.Errorf("the same e-mail filed twice: %v %v", added, err)
	}
	bad := code
	bad.ID, bad.MessageKey, bad.Code = "", "a/1/9", ""
	if _, err := db.SaveMailFinding(ctx, &bad); err == nil {
		t.Error("an activation without a code was filed")
	}
	all, err := db.ListMailFindings(ctx, erpps.MailFindingFilter{})
	if err != nil || len(all) != 3 || all[0].ID != other.ID || all[2].ID != code.ID {
		t.Fatalf("all = %+v, %v", all, err)
	}
	if all[2].IDNPS != "810001234565" || all[2].Code != "482913" || !all[2].ByHeaders || !all[2].ReceivedAt.Equal(at) {
		t.Errorf("code finding read back as %+v", all[2])
	}
	byRPPS, _ := db.ListMailFindings(ctx, erpps.MailFindingFilter{RPPS: "10001234565"})
	byRequest, _ := db.ListMailFindings(ctx, erpps.MailFindingFilter{RequestID: decision.RequestID})
	if len(byRPPS) != 2 || len(byRequest) != 1 || byRequest[0].Decision != "refused" || byRequest[0].Code != "" {
		t.Errorf("by RPPS %+v, by request %+v", byRPPS, byRequest)
	}
}

// Activation codes e-mailed before a time are dropped; decisions are kept
// whatever their age.
func TestPurgeMailActivationCodes(t *testing.T) {
	ctx := context.Background()
	db := MustOpenDB(t)
	defer MustCloseDB(t, db)
	at := time.Date(2026, 12, 1, 22, 0, 0, 0, time.UTC)
	old := erpps.MailFinding{MessageKey: "a/1/1", Kind: erpps.MailActivationCode, Subject: "s", ReceivedAt: at, FoundAt: at, RPPS: "10001234565", Code: "482913"}
	fresh := erpps.MailFinding{MessageKey: "a/1/2", Kind: erpps.MailActivationCode, Subject: "s", ReceivedAt: at.Add(time.Hour), FoundAt: at.Add(time.Hour),
		RPPS: "10001234565", Code: "111111"}
	decision := erpps.MailFinding{MessageKey: "a/1/3", Kind: erpps.MailDecision, Subject: "s", ReceivedAt: at, FoundAt: at, RPPS: "10001234565",
		RequestID: "0f8c3a2e-5b1d-4c7e-9a60-3e2d1c0b9a87", Decision: "accepted"}
	for _, f := range []*erpps.MailFinding{&old, &fresh, &decision} {
		if _, err := db.SaveMailFinding(ctx, f); err != nil {
			t.Fatal(err)
		}
	}
	n, err := db.PurgeMailActivationCodes(ctx, at.Add(time.Minute))
	if err != nil || n != 1 {
		t.Fatalf("purged %d, %v; want 1", n, err)
	}
	all, err := db.ListMailFindings(ctx, erpps.MailFindingFilter{})
	if err != nil || len(all) != 2 {
		t.Fatalf("left = %+v, %v", all, err)
	}
	for _, f := range all {
		if f.ID == old.ID {
			t.Fatalf("the expired code is still filed: %+v", all)
		}
	}
	if n, err := db.PurgeMailActivationCodes(ctx, at.Add(time.Minute)); err != nil || n != 0 {
		t.Fatalf("second purge: %d, %v", n, err)
	}
}
