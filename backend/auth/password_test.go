package auth

import (
	"strings"
	"testing"
)

func TestHashPasswordVerifies(t *testing.T) {
	h, err := HashPassword("correct horse")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(h, "$argon2id$v=19$m=19456,t=2,p=1$") {
		t.Fatalf("hash %q is not an argon2id PHC string with our parameters", h)
	}
	h2, err := HashPassword("correct horse")
	if err != nil {
		t.Fatal(err)
	}
	if h == h2 {
		t.Fatal("two hashes of one password are equal: the salt is not random")
	}
	for _, tc := range []struct {
		pw   string
		want bool
	}{{"correct horse", true}, {"correct hors", false}, {"Correct horse", false}, {"", false}, {strings.Repeat("x", 2000), false}} {
		got, err := VerifyPassword(h, tc.pw)
		if err != nil || got != tc.want {
			t.Errorf("VerifyPassword(%q) = %v, %v; want %v", tc.pw, got, err, tc.want)
		}
	}
}

func TestHashPasswordRefusesEmptyAndHuge(t *testing.T) {
	for _, pw := range []string{"", strings.Repeat("a", 1025)} {
		if _, err := HashPassword(pw); err == nil {
			t.Errorf("HashPassword(%d bytes) succeeded", len(pw))
		}
	}
}

func TestVerifyPasswordMalformedHash(t *testing.T) {
	for _, h := range []string{
		"", "plain", "$argon2i$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA",
		"$argon2id$v=18$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA",
		"$argon2id$v=19$m=99999999,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA",
		"$argon2id$v=19$m=19456,t=2,p=1$!!$aGFzaGhhc2hoYXNoaGFzaA",
		"$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$c2hvcnQ",
	} {
		if ok, err := VerifyPassword(h, "x"); err == nil || ok {
			t.Errorf("VerifyPassword(%q) = %v, %v; want an error", h, ok, err)
		}
	}
}

func TestDummyHashIsWellFormed(t *testing.T) {
	p, err := parsePHC(dummyHash)
	if err != nil {
		t.Fatal(err)
	}
	if p.memory != argonMemoryKiB || p.time != argonTime || p.threads != argonThreads {
		t.Fatalf("dummy hash parameters %+v differ from new hashes': unknown logins would answer faster", p)
	}
}
