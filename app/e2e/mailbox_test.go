package e2e

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"erpps/backend/demo"
	"erpps/backend/erpps"
	"erpps/backend/mailbox/mailboxtest"
)

// The secretary connects the cabinet's mailbox from « Boîte aux lettres du
// cabinet », typing key by key; an activation e-mail for one of the
// desktop's practitioners arrives while connected (IDLE) and shows against
// them, and « Transmettre au téléphone » draws the companion's QR code; an
// ARS decision e-mail shows on its request.
func TestMailboxPage(t *testing.T) {
	imap := mailboxtest.NewServer(t, true)
	certFile := filepath.Join(t.TempDir(), "imap.pem")
	if err := os.WriteFile(certFile, imap.CertPEM, 0o600); err != nil {
		t.Fatal(err)
	}
	// erpps web trusts the test server's certificate as a system one.
	t.Setenv("SSL_CERT_FILE", certFile)
	// The eRPPS server the companion is served by: only its address is used.
	erppsServer := httptest.NewServer(http.NotFoundHandler())
	defer erppsServer.Close()

	ctx := newBrowser(t)
	dataDir := t.TempDir()
	srv := startServer(t, dataDir, "--server", erppsServer.URL)
	t.Cleanup(func() {
		if t.Failed() {
			b, _ := os.ReadFile(filepath.Join(dataDir, "erpps.log"))
			t.Logf("erpps.log:\n%s", b)
		}
	})
	list, err := demo.Generate(demo.Count, demo.Seed)
	if err != nil {
		t.Fatal(err)
	}
	p := list[0]
	// A transmitted request of the practitioner's: the decision e-mail's.
	apiCall(t, srv, "OpenSession", p.RPPS)
	sent := decodeView(t, apiCall(t, srv, "StartRequest", map[string]string{"rpps": p.RPPS, "kind": "exercise_name"}))
	apiCall(t, srv, "SaveDraft", sent.ID, sent.Revision, map[string]any{"exerciseName": "MARTIN-DURAND", "useBirthName": false})
	if got := decodeView(t, apiCall(t, srv, "TransmitRequest", sent.ID)); got.Status != erpps.StatusTransmitted {
		t.Fatalf("TransmitRequest left the request %q", got.Status)
	}
	requestID := sent.ID

	step(t, ctx, "open the mailbox page", chromedp.Navigate(srv.URL+"/#/boite-aux-lettres"))
	waitText(t, ctx, "Aucun code d'activation reçu")
	typeInto(t, ctx, "mailbox-host", "127.0.0.1")
	typeInto(t, ctx, "mailbox-port", strconv.Itoa(imap.Addr.Port))
	typeInto(t, ctx, "mailbox-username", mailboxtest.User)
	typeInto(t, ctx, "mailbox-password", "pas-le-bon")
	clickID(t, ctx, "btn-mailbox-connect")
	waitText(t, ctx, "Le serveur de messagerie a refusé l'identifiant ou le mot de passe.")
	typeInto(t, ctx, "mailbox-password", mailboxtest.Password)
	clickID(t, ctx, "btn-mailbox-connect")
	waitText(t, ctx, "Le serveur signale chaque nouveau courriel dès son arrivée.")

	now := time.Now().UTC().Format(time.RFC1123Z)
	imap.Deliver(t, []byte("From: eRPPS <no-reply@erpps.example>\r\nSubject: Votre code d'activation e-CPS\r\nDate: "+now+
		"\r\nX-ERPPS-Kind: activation-code\r\nX-ERPPS-IDNPS: 8"+p.RPPS+"\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"+
		"Bonjour,\r\n\r\nVotre code d'activation : 482913\r\n"))
	imap.Deliver(t, []byte("From: ARS <no-reply@erpps.example>\r\nSubject: =?UTF-8?Q?D=C3=A9cision_de_l=27ARS_sur_votre_demande?=\r\nDate: "+now+
		"\r\nX-ERPPS-Kind: decision\r\nX-ERPPS-Request: "+requestID+"\r\nX-ERPPS-Decision: info_requested\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nUn complément est demandé.\r\n"))
	waitText(t, ctx, "482913")
	waitText(t, ctx, "Identifiant e-CPS : 8"+p.RPPS)
	waitText(t, ctx, "VALABLE ENCORE") // a badge: shown in capitals
	step(t, ctx, "hand the code to the phone", chromedp.Click(chromedp.JSPath(`document.querySelector("[id^=\"btn-phone-\"]")`)))
	waitText(t, ctx, "Scannez ce QR code")
	waitText(t, ctx, fmt.Sprintf("%s/mobile#identifiant=8%s&code=482913", erppsServer.URL, p.RPPS))
	waitText(t, ctx, "COMPLÉMENT DEMANDÉ") // a badge: shown in capitals
	look(t, ctx, "mailbox-1-code-and-qr")

	// The decision, on its request's card.
	step(t, ctx, "open the practitioner's requests", chromedp.Navigate(srv.URL+"/#/pro/"+p.RPPS+"/demandes"))
	waitText(t, ctx, "Courriel de l'ARS reçu le")
	step(t, ctx, "the decision is on the request's card", chromedp.WaitVisible(byID("mail-decisions-"+requestID)))
	look(t, ctx, "mailbox-2-decision-on-request")
}
