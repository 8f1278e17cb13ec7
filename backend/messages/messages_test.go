package messages_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"erpps/backend/erpps"
	"erpps/backend/messages"
)

func TestActivation(t *testing.T) {
	m, err := messages.Activation(erpps.ChannelEmail, "alix@example.invalid", "810000000001", "Dr Alix Testeur", "042917", 30*time.Minute)
	if err != nil {
		t.Fatal(err)
	}
	if m.Subject != "Votre code d'activation e-CPS" || m.Headers["X-ERPPS-Kind"] != "activation-code" ||
		m.Headers["X-ERPPS-IDNPS"] != "810000000001" || m.To != "alix@example.invalid" {
		t.Fatalf("%+v", m)
	}
	for _, want := range []string{"Bonjour Dr Alix Testeur,", "Votre code d'activation : 042917", "valable 30 minutes", "8" + "10000000001"} {
		if !strings.Contains(m.Text, want) {
			t.Fatalf("text lacks %q:\n%s", want, m.Text)
		}
	}
	s, err := messages.Activation(erpps.ChannelSMS, "+33612345642", "810000000001", "Dr Alix Testeur", "042917", 10*time.Minute)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(s.Text, "042917") || !strings.Contains(s.Text, "10 minutes") || len([]rune(s.Text)) > 160 ||
		s.Subject != "" || len(s.Headers) != 0 || strings.Contains(s.Text, "Testeur") {
		t.Fatalf("SMS %+v (%d characters)", s, len([]rune(s.Text)))
	}
	if _, err := messages.Activation("fax", "x", "810000000001", "n", "042917", time.Minute); err == nil {
		t.Fatal("unknown channel accepted")
	}
}

func TestDecision(t *testing.T) {
	p := &erpps.Practitioner{RPPS: "10000000001", FirstName: "Alix", ExerciseName: "TESTEUR"}
	r := &erpps.Request{ID: "req-42", Kind: erpps.KindContact}
	at := time.Date(2026, 3, 1, 10, 0, 0, 0, time.UTC)
	for _, tt := range []struct {
		plan  erpps.DecisionPlan
		value string
		wants []string
	}{
		{erpps.DecisionPlan{Action: erpps.DecisionAccept, At: at}, "accepted",
			[]string{"Bonjour Alix TESTEUR,", "« Coordonnées de contact » (référence req-42)", "1er mars 2026", "demande acceptée"}},
		{erpps.DecisionPlan{Action: erpps.DecisionRefuse, Reason: "Justificatif illisible.", At: at}, "refused",
			[]string{"demande refusée", "Motif :\nJustificatif illisible."}},
		{erpps.DecisionPlan{Action: erpps.DecisionComplement, Reason: "Joignez le diplôme.", Deadline: "2026-04-15", At: at}, "info_requested",
			[]string{"complément d'information", "Joignez le diplôme.", "avant le 15 avril 2026"}},
	} {
		t.Run(tt.value, func(t *testing.T) {
			m, err := messages.Decision("alix@example.invalid", p, r, tt.plan, "ARS Normandie")
			if err != nil {
				t.Fatal(err)
			}
			if m.Channel != erpps.ChannelEmail || m.Subject != "Décision de l'ARS sur votre demande" ||
				m.Headers["X-ERPPS-Kind"] != "decision" || m.Headers["X-ERPPS-Request"] != "req-42" ||
				m.Headers["X-ERPPS-Decision"] != tt.value {
				t.Fatalf("%+v", m)
			}
			for _, want := range append(tt.wants, "ARS Normandie") {
				if !strings.Contains(m.Text, want) {
					t.Fatalf("text lacks %q:\n%s", want, m.Text)
				}
			}
		})
	}
	for _, a := range []erpps.DecisionAction{erpps.DecisionTake, erpps.DecisionClose} {
		if _, err := messages.Decision("a@example.invalid", p, r, erpps.DecisionPlan{Action: a, At: at}, ""); err == nil {
			t.Fatalf("an e-mail for %q", a)
		}
	}
}

type recorder struct {
	got []erpps.Message
	err error
}

func (r *recorder) Send(_ context.Context, m erpps.Message) error {
	r.got = append(r.got, m)
	return r.err
}

func TestRouter(t *testing.T) {
	email, sms := &recorder{}, &recorder{err: errors.New("down")}
	r := messages.Router{Email: email, SMS: sms}
	if err := r.Send(context.Background(), erpps.Message{Channel: erpps.ChannelEmail, To: "a"}); err != nil {
		t.Fatal(err)
	}
	if err := r.Send(context.Background(), erpps.Message{Channel: erpps.ChannelSMS, To: "b"}); err == nil {
		t.Fatal("the SMS sender's error was lost")
	}
	if len(email.got) != 1 || email.got[0].To != "a" || len(sms.got) != 1 || sms.got[0].To != "b" {
		t.Fatalf("email %v sms %v", email.got, sms.got)
	}
	if err := (messages.Router{Email: email}).Send(context.Background(), erpps.Message{Channel: erpps.ChannelSMS}); err == nil {
		t.Fatal("no SMS sender, yet sent")
	}
}

func TestWriteOutboxFile(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "a", "b")
	at := time.Date(2026, 3, 1, 10, 0, 0, 0, time.UTC)
	for i := 0; i < 2; i++ { // same instant: distinct files
		if err := messages.WriteOutboxFile(dir, at, ".txt", []byte("x")); err != nil {
			t.Fatal(err)
		}
	}
	files, _ := filepath.Glob(filepath.Join(dir, "20260301T100000.000000000Z-*.txt"))
	if len(files) != 2 {
		t.Fatalf("files %v", files)
	}
	info, _ := os.Stat(files[0])
	if info.Mode().Perm() != 0o600 {
		t.Fatalf("mode %v", info.Mode().Perm())
	}
}
