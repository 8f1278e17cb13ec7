package e2e

import (
	"fmt"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"erpps/backend/identifiers"
	"erpps/backend/primo/primotest"
	"erpps/backend/serverdemo"
)

// freePort returns a loopback port free now (the server's redirect URL at
// FranceConnect names it before the server starts).
func freePort(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}

// TestPrimoRegistration: a person with no RPPS number signs in with
// FranceConnect (mockoidc on loopback), fills the form key by key and
// submits it; the agent of Île-de-France accepts it in the back office; the
// person sees their new RPPS number.
func TestPrimoRegistration(t *testing.T) {
	need(t, "/usr/bin/chromium")
	fake := primotest.Start(t)
	addr := freePort(t)
	cfg := fake.Config("http://" + addr + "/api/v1/franceconnect/callback")
	secret := filepath.Join(t.TempDir(), "fc-secret")
	if err := os.WriteFile(secret, []byte(cfg.ClientSecret), 0o600); err != nil {
		t.Fatal(err)
	}
	flags := []string{"--data", t.TempDir()}
	seed(t, flags)
	srv := serve(t, append(flags, "--addr", addr, "--franceconnect-issuer", cfg.Issuer, "--franceconnect-client-id", cfg.ClientID,
		"--franceconnect-client-secret-file", secret, "--franceconnect-redirect-url", cfg.RedirectURL,
		"--franceconnect-scopes", strings.Join(cfg.Scopes, " ")))
	ctx := newBrowser(t)
	n := 0
	shot := func(what string) {
		n++
		look(t, ctx, fmt.Sprintf("primo-%02d-%s", n, what))
	}

	// The door: FranceConnect for those with no RPPS number only.
	step(t, ctx, "open /inscription", chromedp.Navigate(srv.URL+"/inscription"))
	waitText(t, ctx, "Vous avez déjà un numéro RPPS ?")
	shot("porte")
	fake.Queue(primotest.Angela())
	clickID(t, ctx, "btn-franceconnect")
	// To FranceConnect and back: the page is loaded again.
	step(t, ctx, "come back from FranceConnect", chromedp.WaitVisible(byID("identity")))
	waitText(t, ctx, "Votre identité (transmise par FranceConnect)")
	waitText(t, ctx, "Angela Claire Louise")

	// The form, key by key; empty first: every field says what it needs.
	clickID(t, ctx, "btn-submit-registration")
	waitText(t, ctx, "Choisissez votre profession.")
	waitText(t, ctx, "Cochez cette case")
	shot("formulaire-vide")
	selectOption(t, ctx, "profession", "92")
	typeInto(t, ctx, "diploma-title", "Certificat de capacité d'orthoptiste")
	typeInto(t, ctx, "diploma-institution", "Sorbonne Université, Paris")
	waitFocusable(t, ctx, "diploma-date")
	// A date field takes its digits in the browser's order (day first in
	// French, month first in the default en-US of a headless Chromium).
	keys := "30061986"
	if evalJS[string](t, ctx, `new Intl.DateTimeFormat(navigator.language).formatToParts(new Date(2000, 0, 2)).find(p => p.type !== "literal").type`) == "month" {
		keys = "06301986"
	}
	step(t, ctx, "type the diploma's date", chromedp.KeyEvent(keys))
	waitInputValue(t, ctx, "diploma-date", "1986-06-30")
	selectOption(t, ctx, "department", "75")
	typeInto(t, ctx, "phone", "06 12 34 56 78")
	step(t, ctx, "tick the declaration", chromedp.Focus(chromedp.JSPath(`document.querySelector('input[name="noRpps"]')`)),
		chromedp.KeyEvent(" "))
	waitJS(t, ctx, "the declaration ticked", `document.querySelector('input[name="noRpps"]').checked`)
	// Each field corrected has lost its message.
	waitJS(t, ctx, "no message left on the corrected fields", `document.querySelectorAll("[data-field-error]").length === 0 && !document.body.innerText.includes("Cochez cette case")`)
	shot("formulaire")
	clickID(t, ctx, "btn-submit-registration")
	waitText(t, ctx, "Votre demande a été transmise")
	shot("transmise")

	// The agent of the region accepts it.
	step(t, ctx, "open the back office", chromedp.Navigate(srv.URL+"/"))
	pageTitleIs(t, ctx, "Connexion à l'espace ARS")
	typeInto(t, ctx, "login", serverdemo.AgentLogin("11"))
	typeInto(t, ctx, "password", serverdemo.AgentPassword("11"))
	pressEnter(t, ctx)
	pageTitleIs(t, ctx, "Demandes à instruire")
	step(t, ctx, "open the primo-registrations", chromedp.Navigate(srv.URL+"/#/inscriptions"))
	pageTitleIs(t, ctx, "Primo-inscriptions")
	waitText(t, ctx, "DUBOIS Angela Claire Louise")
	shot("backoffice-liste")
	link := evalJS[string](t, ctx, `document.querySelector("#registrations-table a").id`)
	clickID(t, ctx, link)
	pageTitleIs(t, ctx, "Primo-inscription de Angela Claire Louise DUBOIS")
	shot("backoffice-dossier")
	clickID(t, ctx, "btn-refuse-registration")
	waitText(t, ctx, "Le motif du refus est obligatoire")
	clickID(t, ctx, "btn-accept-registration")
	waitText(t, ctx, "Numéro RPPS attribué")
	outcome := evalJS[string](t, ctx, `document.getElementById("registration-outcome").innerText`)
	rpps := ""
	for _, f := range strings.Fields(outcome) {
		if len(f) == identifiers.RPPSLength {
			rpps = f
		}
	}
	if _, err := identifiers.ParseRPPS(rpps); err != nil {
		t.Fatalf("the number shown (%q in %q): %v", rpps, outcome, err)
	}
	shot("backoffice-acceptee")

	// The person comes back and reads the number and the way to sign in.
	step(t, ctx, "back to /inscription", chromedp.Navigate(srv.URL+"/inscription"))
	waitText(t, ctx, "Vous êtes enregistré au RPPS")
	waitText(t, ctx, "8"+rpps)
	shot("numero")
}
