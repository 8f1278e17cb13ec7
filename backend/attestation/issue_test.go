package attestation

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"erpps/backend/demo"
	"erpps/backend/erpps"
	"erpps/backend/refdata"
	"erpps/backend/signing"
	"erpps/backend/sqlite"
)

// mustIssuer opens a store in t.TempDir() with the demo records.
func mustIssuer(t *testing.T) (*Issuer, *sqlite.DB, string) {
	t.Helper()
	ctx := context.Background()
	db := sqlite.NewDB(filepath.Join(t.TempDir(), "erpps.db"))
	if err := db.Open(ctx); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = db.Close() })
	list, err := demo.Generate(3, demo.Seed)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range list {
		if err := db.SavePractitioner(ctx, p); err != nil {
			t.Fatal(err)
		}
	}
	cat, err := refdata.Load()
	if err != nil {
		t.Fatal(err)
	}
	signer, err := signing.LoadOrCreateKeyFile(ctx, filepath.Join(t.TempDir(), signing.KeyFileName), db)
	if err != nil {
		t.Fatal(err)
	}
	r, err := NewRenderer()
	if err != nil {
		t.Fatal(err)
	}
	now := time.Date(2026, 11, 27, 23, 30, 0, 0, time.UTC) // already the 28th in Paris
	return &Issuer{Practitioners: db, Registry: db, Catalog: cat, Signer: signer,
		Verifier: signing.NewKeyRing(signer.PublicKey()), Renderer: r, Now: func() time.Time { return now }}, db, list[0].RPPS
}

func TestIssueFromTheRegister(t *testing.T) {
	ctx := context.Background()
	iss, db, rpps := mustIssuer(t)
	keep := func(*Issued) error { return nil }
	first, err := iss.Issue(ctx, rpps, keep)
	if err != nil {
		t.Fatal(err)
	}
	if first.Number != "ATT-2026-000001" || !strings.HasPrefix(string(first.PDF), "%PDF-") {
		t.Fatalf("issued %s, pdf %.8q", first.Number, first.PDF)
	}
	if want := "attestation-rpps-" + rpps + "-2026-11-28.pdf"; first.FileName != want {
		t.Fatalf("file name %s, want %s (Paris date)", first.FileName, want)
	}
	second, err := iss.Issue(ctx, rpps, keep)
	if err != nil {
		t.Fatal(err)
	}
	if second.Number != "ATT-2026-000002" {
		t.Fatalf("second number %s", second.Number)
	}
	rec, err := db.FindAttestation(ctx, first.Number)
	if err != nil || rec.RPPS != rpps || rec.PayloadHash == "" {
		t.Fatalf("record %+v, %v", rec, err)
	}
	v, err := iss.Verify(ctx, first.Payload)
	if err != nil || !v.Valid || v.RPPS != rpps || v.DocumentNumber != first.Number {
		t.Fatalf("verify: %+v, %v", v, err)
	}
	if _, err := iss.Issue(ctx, "10000000008", keep); err == nil {
		t.Fatal("an unknown practitioner got an attestation")
	}
	path := filepath.Join(t.TempDir(), first.FileName)
	if err := os.WriteFile(path, first.PDF, 0o600); err != nil {
		t.Fatal(err)
	}
	out := run(t, "pdftotext", "-enc", "UTF-8", path, "-")
	p, err := db.FindPractitionerByRPPS(ctx, rpps)
	if err != nil {
		t.Fatal(err)
	}
	text := string(out)
	for _, want := range []string{rpps, "8" + rpps, p.DisplayName(), first.Number, "28 novembre 2026", p.Activities[0].Structure.CompanyName} {
		if !strings.Contains(text, want) {
			t.Fatalf("the PDF text lacks %q:\n%s", want, text)
		}
	}
}

// A document that does not reach the user gives its number back; numbers
// taken at the same time are distinct and follow each other.
func TestIssueTakesTheNumberOnDelivery(t *testing.T) {
	ctx := context.Background()
	iss, db, rpps := mustIssuer(t)
	failed := errors.New("disk full")
	if _, err := iss.Issue(ctx, rpps, func(*Issued) error { return failed }); !errors.Is(err, failed) {
		t.Fatalf("Issue = %v, want the delivery's error", err)
	}
	if _, err := db.FindAttestation(ctx, "ATT-2026-000001"); erpps.ErrorCode(err) != erpps.ENOTFOUND {
		t.Fatalf("the undelivered attestation kept its number: %v", err)
	}
	const n = 6
	numbers := make(chan string, n)
	var wg sync.WaitGroup
	for range n {
		wg.Go(func() {
			issued, err := iss.Issue(ctx, rpps, func(*Issued) error { return nil })
			if err != nil {
				t.Error(err)
				return
			}
			numbers <- issued.Number
		})
	}
	wg.Wait()
	close(numbers)
	seen := map[string]bool{}
	for num := range numbers {
		seen[num] = true
	}
	for i := 1; i <= n; i++ {
		if num := fmt.Sprintf("ATT-2026-%06d", i); !seen[num] {
			t.Errorf("%s was not issued (issued: %v)", num, seen)
		}
	}
}
