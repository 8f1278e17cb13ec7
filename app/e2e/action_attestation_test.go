package e2e

import (
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// tamper changes one character of the payload's name field (a signed field).
func tamper(payload string) string {
	fields := strings.Split(payload, "|")
	if len(fields) < 4 || fields[3] == "" {
		return payload + "x"
	}
	name := []rune(fields[3])
	if name[0] == 'X' {
		name[0] = 'Y'
	} else {
		name[0] = 'X'
	}
	fields[3] = string(name)
	return strings.Join(fields, "|")
}

// TestActionAttestation: the attestations page offers the PDF; the PDF's QR
// code, read back from the rendered page, is recognised as genuine by
// "Vérifier une attestation", and rejected once one character is changed.
func TestActionAttestation(t *testing.T) {
	need(t, "pdftoppm", "zbarimg")
	ctx := newBrowser(t)
	srv := startServer(t, t.TempDir())
	rpps := demoRPPS(t)

	step(t, ctx, "open the attestations page", chromedp.Navigate(srv.URL+"/#/pro/"+rpps+"/attestations"))
	h1Is(t, ctx, "Télécharger mes attestations")
	waitText(t, ctx, "Pour télécharger l'attestation d'enregistrement au RPPS")
	waitText(t, ctx, "8"+rpps) // the IDNPS, among what the attestation states
	waitJS(t, ctx, "the button btn-attestation", `!!document.getElementById("btn-attestation")`)
	href := jsValue(t, ctx, `document.getElementById("btn-attestation").getAttribute("href") || ""`)
	if want := "/api/attestation/" + rpps + ".pdf"; href != want {
		t.Fatalf("btn-attestation points to %q, want %q", href, want)
	}
	if dl := jsValue(t, ctx, `String(document.getElementById("btn-attestation").hasAttribute("download"))`); dl != "true" {
		t.Error("btn-attestation is not a download link")
	}
	look(t, ctx, "40-attestations")

	// Download the PDF as the browser would.
	resp, err := http.Get(srv.URL + href)
	if err != nil {
		t.Fatal(err)
	}
	pdf, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	if err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != http.StatusOK || resp.Header.Get("Content-Type") != "application/pdf" || !strings.HasPrefix(string(pdf), "%PDF-") {
		t.Fatalf("GET %s: HTTP %d, %s, %d bytes", href, resp.StatusCode, resp.Header.Get("Content-Type"), len(pdf))
	}
	if cd := resp.Header.Get("Content-Disposition"); !strings.HasPrefix(cd, "attachment") || !strings.Contains(cd, rpps) {
		t.Errorf("Content-Disposition %q", cd)
	}

	// Render page 1 and read its QR code.
	dir := t.TempDir()
	pdfPath := filepath.Join(dir, "attestation.pdf")
	if err := os.WriteFile(pdfPath, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command("pdftoppm", "-png", "-r", "100", "-f", "1", "-l", "1", pdfPath, filepath.Join(dir, "page")).CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm: %v\n%s", err, out)
	}
	pngs, _ := filepath.Glob(filepath.Join(dir, "page*.png"))
	if len(pngs) != 1 {
		t.Fatalf("pdftoppm made %v", pngs)
	}
	out, err := exec.Command("zbarimg", "--raw", "-q", pngs[0]).Output()
	if err != nil {
		t.Fatalf("zbarimg found no QR code on page 1: %v", err)
	}
	payload := strings.TrimSpace(string(out))
	if !strings.HasPrefix(payload, "ERPPS2|") || !strings.Contains(payload, "|"+rpps+"|") {
		t.Fatalf("the QR code reads %q", payload)
	}
	if art := os.Getenv("ERPPS_ARTIFACTS"); art != "" {
		png, err := os.ReadFile(pngs[0])
		if err != nil {
			t.Fatal(err)
		}
		if err := os.MkdirAll(art, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(art, "attestation-from-e2e.png"), png, 0o644); err != nil {
			t.Fatal(err)
		}
	}

	// Verify it through the link of the attestations page.
	step(t, ctx, "follow Vérifier une attestation", chromedp.Click(chromedp.ID("link-verify")))
	h1Is(t, ctx, "Vérifier une attestation")
	typeInto(t, ctx, "verify-payload", payload)
	step(t, ctx, "click Vérifier", chromedp.Click(chromedp.ID("btn-verify")))
	waitJS(t, ctx, "the genuine verdict", fmt.Sprintf(`(() => { const r = document.getElementById("verify-result");
		return !!r && r.innerText.includes("Code QR authentique") && r.innerText.includes(%s) && !!r.querySelector(".fr-alert--success") })()`, jsString(rpps)))
	result := jsValue(t, ctx, `document.getElementById("verify-result").innerText`)
	// Every signed field is shown, professions included, with what the check proves.
	fields := strings.Split(payload, "|")
	for _, want := range []string{fields[1], fields[3], fields[4], fields[6], "Délivrée le", "Comparez chaque information", "Aperçu hors ligne", "DÉMO"} {
		if !strings.Contains(result, want) {
			t.Errorf("the verdict lacks %q:\n%s", want, result)
		}
	}
	look(t, ctx, "41-verify-genuine")

	forged := tamper(payload)
	if forged == payload {
		t.Fatal("tamper changed nothing")
	}
	typeInto(t, ctx, "verify-payload", forged)
	waitJS(t, ctx, "the verdict cleared after editing", `!document.getElementById("verify-result").innerText.includes("Code QR authentique")`)
	step(t, ctx, "click Vérifier the forged payload", chromedp.Click(chromedp.ID("btn-verify")))
	waitJS(t, ctx, "the forged verdict", `(() => { const r = document.getElementById("verify-result");
		return !!r && !!r.querySelector(".fr-alert--error") && r.innerText.includes("Signature invalide") && !r.innerText.includes("Code QR authentique") })()`)
	look(t, ctx, "42-verify-forged")
}
