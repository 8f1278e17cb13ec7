package backoffice_test

import (
	"bytes"
	"context"
	"crypto/tls"
	"io"
	"log/slog"
	"mime"
	"mime/quotedprintable"
	"net/mail"
	"strings"
	"sync"
	"testing"
	"time"

	"erpps/backend/backoffice"
	"erpps/backend/erpps"
	erppsmail "erpps/backend/mail"
	"erpps/backend/mail/mailtest"
	"erpps/backend/notify"
)

// syncBuffer is a log sink safe for the notifier's goroutine.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}
func (s *syncBuffer) String() string { s.mu.Lock(); defer s.mu.Unlock(); return s.b.String() }

// withMail gives e's back office a decision notifier sending through a real
// SMTP server (STARTTLS, AUTH) on loopback.
func withMail(t *testing.T, e *env) (*mailtest.Server, *notify.Decisions, *syncBuffer) {
	t.Helper()
	srv := mailtest.Start(t, mailtest.Options{Security: "starttls", Username: "erpps", Password: "smtp-Pa55word"})
	log := &syncBuffer{}
	n := &notify.Decisions{
		Sender: &erppsmail.SMTP{Addr: srv.Addr, Security: erppsmail.SecurityStartTLS, Username: "erpps",
			Password: "smtp-Pa55word", From: "eRPPS <no-reply@ars.example.invalid>",
			TLSConfig: &tls.Config{RootCAs: srv.RootCAs}},
		Log: slog.New(slog.NewTextHandler(log, &slog.HandlerOptions{Level: slog.LevelDebug})),
	}
	e.bo.Notifier = n
	return srv, n, log
}

func readMail(t *testing.T, data []byte) (*mail.Message, string) {
	t.Helper()
	m, err := mail.ReadMessage(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	text, err := io.ReadAll(quotedprintable.NewReader(m.Body))
	if err != nil {
		t.Fatal(err)
	}
	return m, string(text)
}

// noPersonalData fails when the log holds the practitioner's address, name,
// RPPS or the SMTP password.
func noPersonalData(t *testing.T, logged string) {
	t.Helper()
	for _, secret := range []string{"claire.martin@example.com", "c.martin@example.org", "MARTIN", "Claire", rpps, "smtp-Pa55word"} {
		if strings.Contains(logged, secret) {
			t.Fatalf("the log holds %q:\n%s", secret, logged)
		}
	}
}

// TestDecisionEmails: accepting, refusing and asking for a complement each
// e-mail the practitioner at the address on file, with the headers the
// desktop's mailbox pickup files them by; taking a request writes nothing.
func TestDecisionEmails(t *testing.T) {
	for _, tt := range []struct {
		name  string
		last  backoffice.DecisionInput
		value string
		want  string
	}{
		{"Accept", backoffice.DecisionInput{Action: erpps.DecisionAccept}, "accepted", "demande acceptée"},
		{"Refuse", backoffice.DecisionInput{Action: erpps.DecisionRefuse, Reason: "Justificatif de domicile illisible."}, "refused", "Justificatif de domicile illisible."},
		{"Complement", backoffice.DecisionInput{Action: erpps.DecisionComplement, Reason: "Joignez un justificatif récent.", Deadline: "2026-12-15"}, "info_requested", "avant le 15 décembre 2026"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			e := newEnv(t)
			srv, n, log := withMail(t, e)
			r := e.transmit(t, erpps.KindContact, contactWith("c.martin@example.org"))
			e.decide(t, agentIDF, r.ID, backoffice.DecisionInput{Action: erpps.DecisionTake})
			n.Wait()
			if got := len(srv.Messages()); got != 0 {
				t.Fatalf("taking the request sent %d e-mails", got)
			}
			e.decide(t, agentIDF, r.ID, tt.last)
			n.Wait()
			got := srv.Wait(t, 1, 5*time.Second)
			if len(got) != 1 || len(got[0].To) != 1 || got[0].To[0] != "claire.martin@example.com" || !got[0].TLS {
				t.Fatalf("sent %+v", got)
			}
			m, text := readMail(t, got[0].Data)
			subject, _ := new(mime.WordDecoder).DecodeHeader(m.Header.Get("Subject"))
			if subject != "Décision de l'ARS sur votre demande" || m.Header.Get("X-ERPPS-Kind") != "decision" ||
				m.Header.Get("X-ERPPS-Request") != r.ID || m.Header.Get("X-ERPPS-Decision") != tt.value {
				t.Fatalf("headers %v (subject %q)", m.Header, subject)
			}
			for _, want := range []string{tt.want, "Bonjour Claire MARTIN,", "« Coordonnées de contact »", "ARS Île-de-France"} {
				if !strings.Contains(text, want) {
					t.Fatalf("text lacks %q:\n%s", want, text)
				}
			}
			logged := log.String()
			if !strings.Contains(logged, "decision e-mail sent") || !strings.Contains(logged, r.ID) {
				t.Fatalf("log: %s", logged)
			}
			noPersonalData(t, logged)
		})
	}
}

// TestDecisionEmailFailure: an SMTP server refusing the e-mail leaves the
// decision committed; the failure is logged without personal data.
func TestDecisionEmailFailure(t *testing.T) {
	ctx := context.Background()
	e := newEnv(t)
	srv, n, log := withMail(t, e)
	srv.RejectRecipients(true)
	r := e.transmit(t, erpps.KindContact, contactWith("c.martin@example.org"))
	e.decide(t, agentIDF, r.ID, backoffice.DecisionInput{Action: erpps.DecisionTake})
	done := e.decide(t, agentIDF, r.ID, backoffice.DecisionInput{Action: erpps.DecisionAccept})
	n.Wait()
	if done.Request.Status != erpps.StatusAccepted {
		t.Fatalf("status %s", done.Request.Status)
	}
	stored, err := e.db.FindRequestByID(ctx, r.ID)
	if err != nil || stored.Status != erpps.StatusAccepted {
		t.Fatalf("stored %+v %v", stored, err)
	}
	if len(srv.Messages()) != 0 {
		t.Fatal("delivered though refused")
	}
	logged := log.String()
	if !strings.Contains(logged, "decision e-mail not delivered") || !strings.Contains(logged, "550") {
		t.Fatalf("log: %s", logged)
	}
	noPersonalData(t, logged)

	// A server that cannot be reached at all: the same.
	e2 := newEnv(t)
	_, n2, log2 := withMail(t, e2)
	n2.Sender.(*erppsmail.SMTP).Addr = "127.0.0.1:1"
	r2 := e2.transmit(t, erpps.KindContact, contactWith("c.martin@example.org"))
	e2.decide(t, agentIDF, r2.ID, backoffice.DecisionInput{Action: erpps.DecisionTake})
	e2.decide(t, agentIDF, r2.ID, backoffice.DecisionInput{Action: erpps.DecisionRefuse, Reason: "Motif."})
	n2.Wait()
	if !strings.Contains(log2.String(), "decision e-mail not delivered") {
		t.Fatalf("log: %s", log2.String())
	}
	noPersonalData(t, log2.String())
}
