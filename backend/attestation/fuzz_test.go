package attestation

import (
	"errors"
	"strings"
	"testing"

	"erpps/backend/erpps"
)

// FuzzVerify feeds Verify pasted text: it must never panic, and it must
// accept nothing but the genuine payload (spaces around it aside).
func FuzzVerify(f *testing.F) {
	genuine, ring := genuinePayload(f)
	for _, seed := range []string{
		genuine,
		" " + genuine + "\n",
		"",
		"ERPPS1",
		"ERPPS1|",
		strings.Repeat("|", 8),
		"ERPPS1|a|b|c|d|2026-02-30|AAAAAAAAAAAAAAAAAAAAAA|aaaaaaaaaaaaa|" + strings.Repeat("A", 86),
		"ERPPS9|x",
		replaceField(genuine, 3, "Ana\xffs"),
		genuine[:len(genuine)-1] + "B",
		strings.Repeat("é|", 300),
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, payload string) {
		v, err := Verify(payload, ring)
		if err != nil {
			var e *erpps.Error
			if !errors.As(err, &e) || e.Message == "" {
				t.Fatalf("error without a French message: %v", err)
			}
			if v != (Verified{}) {
				t.Fatalf("Verified = %+v with error %v", v, err)
			}
			return
		}
		if strings.TrimSpace(payload) != genuine {
			t.Fatalf("Verify accepted a forged payload %q", payload)
		}
		if !v.Valid {
			t.Fatal("no error but not Valid")
		}
	})
}
