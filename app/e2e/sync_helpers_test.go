package e2e

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"erpps/backend/attestation"
	"erpps/backend/erpps"
	"erpps/backend/signing"
)

// Helpers of the synchronisation's end-to-end test: what the desktops, the
// back office and the attestation check need beyond the single-desktop tests.

// syncWait bounds what waits on the network between a desktop and the
// server: a sync resumes by itself after a back-off of up to a minute.
const syncWait = 90 * time.Second

// waitLong waits up to limit until a JavaScript expression is true.
func waitLong(t *testing.T, ctx context.Context, limit time.Duration, what, expr string) {
	t.Helper()
	sctx, cancel := context.WithTimeout(ctx, limit)
	defer cancel()
	if _, err := chromedp.Run(sctx, chromedp.Poll[bool](expr, chromedp.WithPollingInterval(250*time.Millisecond))); err != nil {
		body, _ := chromedp.Run(ctx, chromedp.Evaluate[string]("document.body ? document.body.innerText.slice(0, 2000) : ''"))
		t.Fatalf("%s never happened within %s: %v\npage text: %s", what, limit, err, body)
	}
}

// waitUntil polls cond every 250 ms up to limit.
func waitUntil(t *testing.T, limit time.Duration, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(limit)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("%s never happened within %s", what, limit)
		}
		time.Sleep(250 * time.Millisecond)
	}
}

// newTab opens another tab in browser's Chromium: it shares the profile,
// hence the desktops' session cookies (one per port).
func newTab(t *testing.T, browser context.Context) context.Context {
	t.Helper()
	ctx, cancel := chromedp.NewContext(browser)
	t.Cleanup(cancel)
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("a new tab: %v", err)
	}
	return ctx
}

// pressKey sends one key (kb.Enter, kb.Space...) to the focused element.
func pressKey(t *testing.T, ctx context.Context, what, key string) {
	t.Helper()
	step(t, ctx, what, chromedp.KeyEvent(key))
}

// checkRadio focuses the radio of a group with that value and presses
// Space, as a keyboard user does.
func checkRadio(t *testing.T, ctx context.Context, name, value string) {
	t.Helper()
	waitJS(t, ctx, fmt.Sprintf("the radio %s = %s focused", name, value), fmt.Sprintf(`(() => {
		const el = document.querySelector('input[name=' + CSS.escape(%s) + '][value=' + CSS.escape(%s) + ']');
		if (!el) return false;
		el.focus();
		return document.activeElement === el;
	})()`, jsString(name), jsString(value)))
	pressKey(t, ctx, "press Space on "+name+" = "+value, " ")
	waitRadioChecked(t, ctx, name, value)
}

// acceptInBackOffice signs in to the back office as the agent, key by key,
// opens the request, takes it and accepts it.
func acceptInBackOffice(t *testing.T, ctx context.Context, serverURL string, agent demoAccount, requestID string, shot func(string)) {
	t.Helper()
	step(t, ctx, "open the back office", chromedp.Navigate(serverURL+"/"))
	pageTitleIs(t, ctx, "Connexion à l'espace ARS")
	typeInto(t, ctx, "login", agent.login)
	typeInto(t, ctx, "password", agent.password)
	pressKey(t, ctx, "press Enter to sign in", kb.Enter)
	pageTitleIs(t, ctx, "Demandes à instruire")
	waitJS(t, ctx, "the queue lists the request", fmt.Sprintf(`!!document.getElementById(%s)`, jsString("open-"+requestID)))
	shot("file")
	step(t, ctx, "open the request", chromedp.Navigate(serverURL+"/#/demandes/"+requestID))
	waitJS(t, ctx, "the button "+erpps.DecisionTake.Label(), fmt.Sprintf(`(() => { const b = document.getElementById("btn-take"); return !!b && b.innerText.trim() === %s })()`, jsString(erpps.DecisionTake.Label())))
	shot("demande")
	clickID(t, ctx, "btn-take")
	waitServerStatus(t, ctx, erpps.StatusUnderReview.ServerLabel())
	clickID(t, ctx, "btn-accept")
	waitJS(t, ctx, "the dialog dialog-accept opened", `(() => { const d = document.getElementById("dialog-accept"); return !!d && d.classList.contains("fr-modal--opened") })()`)
	waitFocusable(t, ctx, "dialog-accept-confirm")
	clickID(t, ctx, "dialog-accept-confirm")
	waitServerStatus(t, ctx, erpps.StatusAccepted.ServerLabel())
	shot("acceptee")
}

// waitServerStatus waits until the back office's status badge says label.
func waitServerStatus(t *testing.T, ctx context.Context, label string) {
	t.Helper()
	waitJS(t, ctx, "the status "+label, fmt.Sprintf(`(() => { const el = document.getElementById("request-status"); return !!el && el.textContent.trim() === %s })()`, jsString(label)))
}

// downloadAttestation downloads the practitioner's attestation from a
// desktop in browser mode (its link, its session cookie) and returns its
// text and the content of its QR code, read from the rendered first page.
func downloadAttestation(t *testing.T, desk *server, rpps, name string) (text, payload string) {
	t.Helper()
	res, err := http.Get(desk.URL + "/api/attestation/" + rpps + ".pdf")
	if err != nil {
		t.Fatal(err)
	}
	pdf, err := io.ReadAll(res.Body)
	res.Body.Close()
	if err != nil || res.StatusCode != http.StatusOK || !strings.HasPrefix(string(pdf), "%PDF-") {
		t.Fatalf("the attestation from the desktop: HTTP %d, %v, %.40q", res.StatusCode, err, pdf)
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "attestation.pdf")
	if err := os.WriteFile(path, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	if out, err := exec.Command("pdftoppm", "-png", "-r", "150", "-f", "1", "-l", "1", path, filepath.Join(dir, "page")).CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm: %v\n%s", err, out)
	}
	pages, _ := filepath.Glob(filepath.Join(dir, "page*.png"))
	if len(pages) != 1 {
		t.Fatalf("pdftoppm made %v", pages)
	}
	qr, err := exec.Command("zbarimg", "--raw", "-q", pages[0]).Output()
	if err != nil {
		t.Fatalf("zbarimg found no QR code on page 1: %v", err)
	}
	if art := os.Getenv("ERPPS_ARTIFACTS"); art != "" {
		if png, err := os.ReadFile(pages[0]); err == nil && os.MkdirAll(filepath.Join(art, "screenshots"), 0o755) == nil {
			_ = os.WriteFile(filepath.Join(art, "screenshots", name+".png"), png, 0o644)
		}
	}
	return string(out), strings.TrimSpace(string(qr))
}

// verifyWithServerKeys verifies an attestation's QR content against the
// keys the server publishes and returns what it states; the key must be the
// server's current one.
func verifyWithServerKeys(t *testing.T, serverURL, payload string) attestation.Verified {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	keys, err := signing.FetchAuthorityKeys(ctx, &http.Client{}, serverURL)
	if err != nil {
		t.Fatalf("the server's keys: %v", err)
	}
	ring := signing.NewKeyRing()
	current := ""
	for _, k := range keys {
		if err := ring.Add(k.PublicKey); err != nil {
			t.Fatal(err)
		}
		if k.Current {
			current = k.KeyID
		}
	}
	v, err := attestation.Verify(payload, ring)
	if err != nil {
		t.Fatalf("the attestation does not verify with the server's keys: %v\n%s", err, payload)
	}
	if v.KeyID != current {
		t.Fatalf("the attestation is signed by %s, the server's current key is %s", v.KeyID, current)
	}
	return v
}
