package logging

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sirupsen/logrus"
)

func TestRedact(t *testing.T) {
	tests := []struct{ name, in, mustNot string }{
		{"RPPS", "opening record 10101234567", "10101234567"},
		{"IDNPS", "login 810101234567", "810101234567"},
		{"Email", "sent to claire.martin@gmail.com", "claire.martin@gmail.com"},
		{"PhoneNational", "sms 06 12 34 56 78", "06 12 34 56 78"},
		{"PhoneE164", "sms +33612345678", "+33612345678"},
		{"SIRET", "structure 35600000000048", "35600000000048"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Redact(tt.in)
			if strings.Contains(got, tt.mustNot) {
				t.Fatalf("Redact(%q) = %q still holds %q", tt.in, got, tt.mustNot)
			}
		})
	}
	if got := Redact("store opened in 12ms, 3 migrations"); got != "store opened in 12ms, 3 migrations" {
		t.Fatalf("harmless text changed: %q", got)
	}
}

func TestNewWritesFileAndStderrWithoutPersonalData(t *testing.T) {
	path := filepath.Join(t.TempDir(), "erpps.log")
	var stderr bytes.Buffer
	log, closeFn, err := New(Options{FilePath: path, Stderr: &stderr, Level: logrus.InfoLevel})
	if err != nil {
		t.Fatal(err)
	}
	log.WithField("rpps", "10101234567").WithError(errors.New("mail to a.b@c.fr failed")).Info("request transmitted")
	if err := closeFn(); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, out := range []string{string(data), stderr.String()} {
		if !strings.Contains(out, "request transmitted") {
			t.Fatalf("log line missing: %q", out)
		}
		if strings.Contains(out, "10101234567") || strings.Contains(out, "a.b@c.fr") {
			t.Fatalf("personal data logged: %q", out)
		}
	}
}
