package app

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/unicode/norm"

	"erpps/backend/attestation"
	"erpps/backend/erpps"
)

// firstNumber is the number the first attestation of this year takes.
func firstNumber() string {
	paris, _ := time.LoadLocation("Europe/Paris")
	return fmt.Sprintf("ATT-%04d-000001", time.Now().In(paris).Year())
}

// serverOf serves a over HTTP as browser mode does.
func serverOf(t *testing.T, a *App) *httptest.Server {
	t.Helper()
	return withSession(t, serveApp(t, a))
}

// wantNotTaken fails when number was recorded as issued.
func wantNotTaken(t *testing.T, a *App, number, after string) {
	t.Helper()
	if rec, err := a.deps.Attestations.Registry.FindAttestation(context.Background(), number); erpps.ErrorCode(err) != erpps.ENOTFOUND {
		t.Fatalf("after %s, %s was taken: %+v, %v", after, number, rec, err)
	}
}

// Serving an attestation that does not reach the user takes no number: a HEAD
// request, a canceled save, a failed save.
func TestAttestationNumberTakenOnlyWhenDelivered(t *testing.T) {
	rpps := firstDemoRPPS(t)
	first := firstNumber()
	t.Run("HEAD", func(t *testing.T) {
		a := mustOpenApp(t)
		srv := serverOf(t, a)
		res, err := srv.Client().Head(srv.URL + "/api/attestation/" + rpps + ".pdf")
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if res.StatusCode != http.StatusOK || res.Header.Get("Content-Type") != "application/pdf" {
			t.Fatalf("HEAD: %d %s", res.StatusCode, res.Header.Get("Content-Type"))
		}
		wantNotTaken(t, a, first, "HEAD")
	})
	t.Run("CanceledSave", func(t *testing.T) {
		a := mustOpenApp(t)
		a.deps.Dialogs = pathDialogs{}
		if saved, err := a.SaveAttestation(rpps); err != nil || !saved.Canceled {
			t.Fatalf("canceled save: %+v, %v", saved, err)
		}
		wantNotTaken(t, a, first, "a canceled save")
	})
	t.Run("FailedSave", func(t *testing.T) {
		a := mustOpenApp(t)
		a.deps.Dialogs = pathDialogs{path: filepath.Join(t.TempDir(), "no-such-folder", "attestation.pdf")}
		if _, err := a.SaveAttestation(rpps); erpps.ErrorCode(err) != erpps.EINVALID {
			t.Fatalf("save into a missing folder: %v, want EINVALID", err)
		}
		wantNotTaken(t, a, first, "a failed save")
	})
	// Delivered attestations take the numbers in turn.
	t.Run("Delivered", func(t *testing.T) {
		a := mustOpenApp(t)
		srv := serverOf(t, a)
		res, err := srv.Client().Get(srv.URL + "/api/attestation/" + rpps + ".pdf")
		if err != nil {
			t.Fatal(err)
		}
		pdf, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if res.StatusCode != http.StatusOK || !strings.HasPrefix(string(pdf), "%PDF-") {
			t.Fatalf("GET: %d", res.StatusCode)
		}
		rec, err := a.deps.Attestations.Registry.FindAttestation(context.Background(), first)
		if err != nil || rec.RPPS != rpps {
			t.Fatalf("the downloaded attestation is not %s: %+v, %v", first, rec, err)
		}
		a.deps.Dialogs = pathDialogs{path: filepath.Join(t.TempDir(), "attestation.pdf")}
		if _, err := a.SaveAttestation(rpps); err != nil {
			t.Fatal(err)
		}
		second := strings.Replace(first, "000001", "000002", 1)
		if _, err := a.deps.Attestations.Registry.FindAttestation(context.Background(), second); err != nil {
			t.Fatalf("the saved attestation is not %s: %v", second, err)
		}
	})
}

// verifyOverHTTP posts payload to VerifyAttestation and returns the status
// and the decoded answer (a Verified or an error).
func verifyOverHTTP(t *testing.T, srv *httptest.Server, payload string) (int, map[string]any) {
	t.Helper()
	arg, _ := json.Marshal([]string{payload})
	res, body := post(t, srv, "VerifyAttestation", string(arg), nil)
	var out map[string]any
	if err := json.Unmarshal(body, &out); err != nil {
		t.Fatalf("answer %s: %v", body, err)
	}
	return res.StatusCode, out
}

// The verification refuses a genuine signature on a number never issued,
// shows every signed field (professions included) and says the key is this
// computer's, and takes a payload pasted in another Unicode normalisation.
func TestVerifyAttestationAgainstTheRegister(t *testing.T) {
	a := mustOpenApp(t)
	srv := serverOf(t, a)
	rpps := firstDemoRPPS(t)
	var payload string
	iss := a.deps.Attestations
	target := filepath.Join(t.TempDir(), "a.pdf")
	a.deps.Dialogs = pathDialogs{path: target}
	if _, err := a.SaveAttestation(rpps); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(target); err != nil {
		t.Fatal(err)
	}
	payload = readQR(t, target)

	status, got := verifyOverHTTP(t, srv, payload)
	if status != http.StatusOK || got["valid"] != true {
		t.Fatalf("genuine: %d %v", status, got)
	}
	p, err := a.deps.Practitioners.FindPractitionerByRPPS(context.Background(), rpps)
	if err != nil {
		t.Fatal(err)
	}
	profession := iss.Catalog.ProfessionLabel(p.Professions[0].Code)
	if s, _ := got["professions"].(string); !strings.Contains(s, profession) {
		t.Errorf("the verdict does not show the signed profession %q: %v", profession, got)
	}
	if got["localKey"] != true || got["demo"] != true {
		t.Errorf("the verdict does not say local key / demo: %v", got)
	}

	// Pasted in NFD (as some systems copy text), it is the same payload.
	if nfd := norm.NFD.String(payload); nfd != payload {
		if status, got := verifyOverHTTP(t, srv, nfd); status != http.StatusOK || got["valid"] != true {
			t.Errorf("NFD payload: %d %v", status, got)
		}
	} else {
		t.Log("payload is ASCII; NFC is checked in the attestation package")
	}

	// A number never issued, though signed with the right key, is refused.
	d := attestation.Data{DocumentNumber: "ATT-2026-999999", IssuedAt: time.Now(), Issuer: "ARS Occitanie",
		ExerciseName: p.DisplayName(), FirstName: p.FirstName, RPPS: rpps, Professions: []string{"Médecin"}}
	forged, err := attestation.Payload(d, iss.Signer)
	if err != nil {
		t.Fatal(err)
	}
	status, got = verifyOverHTTP(t, srv, forged)
	if status != http.StatusBadRequest || got["valid"] == true {
		t.Fatalf("a number never issued was accepted: %d %v", status, got)
	}
}

// readQR reads the QR code of the PDF's first page, as a phone would.
func readQR(t *testing.T, pdf string) string {
	t.Helper()
	for _, tool := range []string{"pdftoppm", "zbarimg"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s is not installed", tool)
		}
	}
	dir := t.TempDir()
	if out, err := exec.Command("pdftoppm", "-png", "-r", "100", "-f", "1", "-l", "1", "-singlefile", pdf, filepath.Join(dir, "page")).CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm: %v\n%s", err, out)
	}
	out, err := exec.Command("zbarimg", "--raw", "-q", filepath.Join(dir, "page.png")).Output()
	if err != nil {
		t.Fatalf("zbarimg: %v", err)
	}
	return strings.TrimSpace(string(out))
}

// The attestation of a demo record, signed by this computer's key, says both
// on the page: « DÉMO » and « aperçu hors ligne ».
func TestAttestationPDFMarksDemoAndPreview(t *testing.T) {
	a := mustOpenApp(t)
	rpps := firstDemoRPPS(t)
	target := filepath.Join(t.TempDir(), "a.pdf")
	a.deps.Dialogs = pathDialogs{path: target}
	if _, err := a.SaveAttestation(rpps); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", target, "-").Output()
	if err != nil {
		t.Skipf("pdftotext: %v", err)
	}
	text := strings.ToUpper(string(out))
	for _, want := range []string{"DÉMO — DOSSIER FICTIF", "APERÇU HORS LIGNE", "SANS VALEUR OFFICIELLE"} {
		if !strings.Contains(text, want) {
			t.Errorf("the PDF of a demo record signed locally lacks %q", want)
		}
	}
}
