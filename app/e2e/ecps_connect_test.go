package e2e

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"erpps/backend/mail/mailtest"
)

// TestECPSFirstConnectionInBrowser is issue 9's « Done when »: new users,
// from the connection help, activate e-CPS on the phone companion (the
// server's /mobile, in a second tab) — one by e-mail, one by SMS, the codes
// read from what a real SMTP server and the SMS gateway received — then log
// in on the desktop (erpps web --server) with Pro Santé Connect against
// erpps-server's own provider: the identifier on /connexion, the code and
// the countdown on the computer, the e-CPS password and the right code among
// three on the phone, and the practitioner's portal home on the desktop.
// Refused through the browser: a wrong password, a wrong code, « Quitter
// l'authentification ». Everything typed key by key.
func TestECPSFirstConnectionInBrowser(t *testing.T) {
	need(t, "/usr/bin/chromium")
	smtpSrv := mailtest.Start(t, mailtest.Options{Security: "none"})
	gateway := startSMSGateway(t)
	srv, seeded := newERPPSServer(t)
	srv.flags = []string{"--smtp-addr", smtpSrv.Addr, "--smtp-security", "none", "--mail-from", "eRPPS <no-reply@ars.example>",
		"--sms-gateway-url", gateway.URL}
	srv.start(t)
	if len(seeded.professionals) < 2 {
		t.Fatalf("seed-demo printed fewer than two practitioners:\n%s", seeded.output)
	}
	byMail, bySMS := demoRecord(t, seeded.professionals[0].login), demoRecord(t, seeded.professionals[1].login)
	desk := startServer(t, t.TempDir(), "--no-demo", "--server", srv.URL)

	computer := newBrowser(t)
	phone := newTab(t, computer)
	step(t, phone, "a phone's screen", chromedp.EmulateViewport(412, 915, chromedp.EmulateMobile))

	// The desktop's entry page and its connection help.
	front(t, computer)
	step(t, computer, "open the desktop's entry page", chromedp.Navigate(desk.URL+"/"))
	waitText(t, computer, "Bienvenue sur le portail d'enregistrement eRPPS")
	look(t, computer, "ecps-01-bureau-accueil")
	clickID(t, computer, "lien-aide-connexion")
	waitText(t, computer, "Quel identifiant saisir ?")
	look(t, computer, "ecps-02-bureau-aide")

	// On the phone: the server's connection help, then its companion.
	front(t, phone)
	step(t, phone, "open the server's connection help", chromedp.Navigate(srv.URL+"/aide-connexion"))
	waitText(t, phone, "ENVOYER MA DEMANDE D'ACTIVATION")
	look(t, phone, "ecps-03-serveur-aide-connexion")
	clickLink(t, phone, "/mobile")
	waitTextAfterNavigation(t, phone, "Demande d'activation e-CPS")
	look(t, phone, "ecps-04-compagnon-identifiant")

	// First practitioner: activation by e-mail.
	idnps := "8" + byMail.RPPS
	activateOnPhone(t, phone, idnps, "email", maskedEmail(byMail.Contact.Email), "ecps-0")
	code := codeOfMail(t, smtpSrv.Wait(t, 1, 30*time.Second)[0], byMail.Contact.Email, idnps)
	finishActivation(t, phone, code, "phrase de passe du cabinet", "ecps-07")

	// The refusals, each from the desktop's « Pro Santé Connect ».
	front(t, computer)
	shown := startDesktopLogin(t, computer, desk, byMail.RPPS, true)
	answerOnPhone(t, phone, "mauvais mot de passe", shown, false, "")
	front(t, computer)
	waitText(t, computer, "Authentification refusée")
	waitText(t, computer, "Mot de passe e-CPS incorrect")
	look(t, computer, "ecps-10-connexion-refusee-mot-de-passe")

	shown = startDesktopLogin(t, computer, desk, byMail.RPPS, false)
	answerOnPhone(t, phone, "phrase de passe du cabinet", otherCode(t, phone, shown), false, "")
	front(t, computer)
	waitText(t, computer, "Authentification refusée")

	shown = startDesktopLogin(t, computer, desk, byMail.RPPS, false)
	clickID(t, computer, "btn-quit")
	waitText(t, computer, "Authentification quittée")
	look(t, computer, "ecps-11-authentification-quittee")
	front(t, phone)
	waitLong(t, phone, 20*time.Second, "the cancelled login gone from the phone", `document.body.innerText.includes("Aucune demande en attente.")`)

	// The login that succeeds.
	shown = startDesktopLogin(t, computer, desk, byMail.RPPS, false)
	answerOnPhone(t, phone, "phrase de passe du cabinet", shown, true, "ecps-09b-compagnon-trois-codes")
	landOnPortal(t, computer, desk, byMail.RPPS, "ecps-12-portail")

	// Second practitioner, on the same computer after « Se déconnecter » and
	// on a phone whose e-CPS is removed first: activation by SMS.
	step(t, computer, "« Se déconnecter » in the header",
		chromedp.WaitVisible(chromedp.JSPath(`document.querySelector('header [data-action="signout"]')`)),
		chromedp.Click(chromedp.JSPath(`document.querySelector('header [data-action="signout"]')`)))
	waitJS(t, computer, "signed out", `!!document.getElementById("btn-pro-sante-connect")`)
	front(t, phone)
	clickID(t, phone, "btn-forget")
	confirmDialog(t, phone, "forget-device")
	waitText(t, phone, "Demande d'activation e-CPS")
	activateOnPhone(t, phone, bySMS.RPPS, "sms", maskedPhone(bySMS.Contact.Phone), "ecps-sms-0")
	code = codeOfSMS(t, gateway.wait(t, 1)[0], bySMS.Contact.Phone)
	finishActivation(t, phone, code, "mon e-CPS par SMS", "ecps-sms-07")
	front(t, computer)
	shown = startDesktopLogin(t, computer, desk, bySMS.RPPS, false)
	answerOnPhone(t, phone, "mon e-CPS par SMS", shown, true, "ecps-sms-09b-compagnon-trois-codes")
	landOnPortal(t, computer, desk, bySMS.RPPS, "ecps-sms-12-portail")
	if got := len(smtpSrv.Messages()); got != 1 {
		t.Fatalf("%d e-mails sent, want 1 (the SMS activation sent none)", got)
	}
}

// activateOnPhone types the identifier on the companion, chooses where the
// code goes (the masked destination shown, the full one never) and sends
// the request.
func activateOnPhone(t *testing.T, phone context.Context, typed, channel, masked, shot string) {
	t.Helper()
	typeInto(t, phone, "act-identifiant", typed)
	waitText(t, phone, "Identifiant compris")
	clickID(t, phone, "btn-lookup")
	waitText(t, phone, "ENVOYER MA DEMANDE D'ACTIVATION")
	waitText(t, phone, masked)
	checkRadio(t, phone, "channel", channel)
	look(t, phone, shot+"5-compagnon-envoi")
	clickID(t, phone, "btn-send")
	waitText(t, phone, "Un code d'activation a été envoyé à "+masked)
}

// finishActivation types the code received and the new e-CPS password.
func finishActivation(t *testing.T, phone context.Context, code, password, shot string) {
	t.Helper()
	look(t, phone, strings.TrimSuffix(shot, "7")+"6-compagnon-code")
	typeInto(t, phone, "act-code", code)
	typeInto(t, phone, "act-password", password)
	typeInto(t, phone, "act-again", password)
	clickID(t, phone, "btn-activate")
	waitText(t, phone, "Votre e-CPS")
	waitText(t, phone, "Aucune demande en attente.")
	look(t, phone, shot+"-compagnon-active")
}

// startDesktopLogin starts « Pro Santé Connect » on the desktop, types the
// identifier on the server's /connexion, sends it and returns the code the
// two-step page shows with its countdown.
func startDesktopLogin(t *testing.T, computer context.Context, desk *server, rpps string, shots bool) string {
	t.Helper()
	front(t, computer)
	step(t, computer, "the desktop's entry page", chromedp.Navigate(desk.URL+"/"))
	clickID(t, computer, "btn-pro-sante-connect")
	waitTextAfterNavigation(t, computer, "SE CONNECTER AVEC E-CPS")
	if shots {
		look(t, computer, "ecps-08-connexion")
	}
	typeInto(t, computer, "identifiant", rpps)
	waitText(t, computer, "Identifiant compris")
	clickID(t, computer, "btn-ecps")
	waitText(t, computer, "Vérification de votre identité en 2 étapes")
	waitText(t, computer, "Il vous reste")
	code := strings.TrimSpace(elementText(t, computer, "login-code"))
	code = strings.Join(strings.Fields(code), "")
	if len(code) < 2 {
		t.Fatalf("the two-step page shows no code (%q)", code)
	}
	code = code[len(code)-2:]
	if shots {
		look(t, computer, "ecps-09-deux-etapes")
	}
	return code
}

// answerOnPhone answers the waiting login on the phone: the password, then
// one of the three codes; ok says whether the phone should accept (shot,
// when not "", names the look at the three codes).
func answerOnPhone(t *testing.T, phone context.Context, password, choice string, ok bool, shot string) {
	t.Helper()
	front(t, phone)
	waitLong(t, phone, 20*time.Second, "the login waiting on the phone", `!!document.getElementById("login-password")`)
	n, err := chromedp.Run(phone, chromedp.Evaluate[int](`document.querySelectorAll('input[name="choice"]').length`))
	if err != nil || n != 3 {
		t.Fatalf("the phone proposes %d codes (%v), want 3", n, err)
	}
	typeInto(t, phone, "login-password", password)
	checkRadio(t, phone, "choice", choice)
	if shot != "" {
		look(t, phone, shot)
	}
	clickID(t, phone, "btn-answer")
	if ok {
		waitText(t, phone, "Authentification validée")
	} else {
		waitText(t, phone, "Demande refusée")
	}
}

// otherCode is a code the phone proposes that is not the one shown.
func otherCode(t *testing.T, phone context.Context, shown string) string {
	t.Helper()
	front(t, phone)
	waitLong(t, phone, 20*time.Second, "the login waiting on the phone", `!!document.getElementById("login-password")`)
	other, err := chromedp.Run(phone, chromedp.Evaluate[string](`[...document.querySelectorAll('input[name="choice"]')].map(e => e.value).find(v => v !== `+jsString(shown)+`) || ""`))
	if err != nil || other == "" {
		t.Fatalf("no other code on the phone than %s (%v)", shown, err)
	}
	return other
}

// landOnPortal waits for the desktop to land on the practitioner's portal home.
func landOnPortal(t *testing.T, computer context.Context, desk *server, rpps, shot string) {
	t.Helper()
	front(t, computer)
	waitTextAfterNavigation(t, computer, "Que souhaitez-vous faire ?")
	waitText(t, computer, rpps)
	loc, err := chromedp.Run(computer, chromedp.Location())
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(loc, desk.URL) || !endsWith(loc, "#/pro/"+rpps) {
		t.Fatalf("landed on %s, want the portal home of %s on the desktop", loc, rpps)
	}
	look(t, computer, shot)
	// Signed in, the header holds the sync state, three links and « Se
	// déconnecter »: they wrap instead of widening the page past the window
	// or squeezing the République Française logo.
	fits, err := chromedp.Run(computer, chromedp.Evaluate[string](`(() => {
		const logo = document.querySelector("#header .fr-logo");
		if (document.documentElement.scrollWidth > window.innerWidth) return "the page is " + document.documentElement.scrollWidth + " px wide in a " + window.innerWidth + " px window";
		if (!logo || logo.scrollWidth > logo.clientWidth + 1) return "the logo is cut: " + (logo ? logo.scrollWidth + " px of text in " + logo.clientWidth + " px" : "absent");
		return "";
	})()`))
	if err != nil || fits != "" {
		t.Fatalf("the signed-in header does not fit: %s %v", fits, err)
	}
}

// maskedEmail is how the companion shows an address: « c…l@example.com ».
func maskedEmail(e string) string {
	local, domain, _ := strings.Cut(e, "@")
	r := []rune(local)
	return string(r[0]) + "…" + string(r[len(r)-1]) + "@" + domain
}

// maskedPhone is how the companion shows a French mobile: « 06 •• •• •• 42 ».
func maskedPhone(ph string) string {
	return "0" + ph[3:4] + " •• •• •• " + ph[len(ph)-2:]
}
