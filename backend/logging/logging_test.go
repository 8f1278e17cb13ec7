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

func TestLogFileIsPrivate(t *testing.T) {
	path := filepath.Join(t.TempDir(), "erpps.log")
	if err := os.WriteFile(path, []byte("older log\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	log, closeFn, err := New(Options{FilePath: path, Level: logrus.InfoLevel})
	if err != nil {
		t.Fatal(err)
	}
	log.Info("started")
	_ = closeFn()
	if info, err := os.Stat(path); err != nil || info.Mode().Perm() != 0o600 {
		t.Fatalf("erpps.log: %v, %v; want mode 600", info.Mode(), err)
	}
}

func TestLogRotates(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "erpps.log")
	log, closeFn, err := New(Options{FilePath: path, Level: logrus.InfoLevel, MaxBytes: 1000, Backups: 3})
	if err != nil {
		t.Fatal(err)
	}
	for i := range 200 {
		log.WithField("i", i).Info("a line of the log, about a hundred bytes long with its time and level")
	}
	if err := closeFn(); err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob(path + "*")
	if len(files) != 4 {
		t.Fatalf("files %v; want erpps.log and three older ones", files)
	}
	for _, f := range files {
		info, err := os.Stat(f)
		if err != nil {
			t.Fatal(err)
		}
		if info.Size() > 1000 || info.Mode().Perm() != 0o600 {
			t.Fatalf("%s: %d bytes, mode %o; want at most 1000, 600", f, info.Size(), info.Mode().Perm())
		}
	}
	last, _ := os.ReadFile(path)
	if !strings.Contains(string(last), `"i":199`) {
		t.Fatalf("the newest lines are not in erpps.log: %s", last)
	}
	older, _ := os.ReadFile(path + ".1")
	if strings.Contains(string(older), `"i":199`) || !strings.Contains(string(older), `"msg"`) {
		t.Fatalf("erpps.log.1: %s", older)
	}
}
