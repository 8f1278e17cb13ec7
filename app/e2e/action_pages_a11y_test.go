package e2e

import (
	"testing"

	"github.com/chromedp/chromedp"
)

// TestActionAccessibilityPages runs axe-core on the pages no form test goes
// through: the entry page (and its search), the portal home, the record, the
// activities, the requests list, the attestations, the help, the
// accessibility statement (the help's identifier helper typed), and the
// verification page (empty, then with a text that is no attestation). The forms' steps and errors are checked by
// the action tests themselves (look).
func TestActionAccessibilityPages(t *testing.T) {
	ctx := newBrowser(t)
	srv := startServer(t, t.TempDir())
	p := demoPractitioner(t)
	pages := []struct{ name, route, title string }{
		{"a11y-entry", "/", ""},
		{"a11y-portal", "/#/pro/" + p.RPPS, ""},
		{"a11y-record", "/#/pro/" + p.RPPS + "/dossier", ""},
		{"a11y-activities", "/#/pro/" + p.RPPS + "/activites", ""},
		{"a11y-requests-empty", "/#/pro/" + p.RPPS + "/demandes", "Consulter ma demande en cours"},
		{"a11y-attestations", "/#/pro/" + p.RPPS + "/attestations", ""},
		{"a11y-help", "/#/aide", ""},
		{"a11y-accessibility", "/#/accessibilite", ""},
		{"a11y-verify", "/#/verifier", "Vérifier une attestation"},
	}
	for _, pg := range pages {
		step(t, ctx, "open "+pg.route, chromedp.Navigate(srv.URL+pg.route))
		if pg.title != "" {
			pageTitleIs(t, ctx, pg.title)
		} else {
			waitJS(t, ctx, pg.route+" rendered", `!!document.querySelector("main h1")`)
		}
		look(t, ctx, pg.name)
	}

	// The help page's identifier helper, typed with spaces as on a card.
	step(t, ctx, "open the help", chromedp.Navigate(srv.URL+"/#/aide"))
	spaced := p.RPPS[:1] + " " + p.RPPS[1:5] + " " + p.RPPS[5:]
	typeInto(t, ctx, "aide-rpps", spaced)
	waitText(t, ctx, "Identifiant à saisir sur Pro Santé Connect")
	waitText(t, ctx, "8"+p.RPPS) // computed by Go (ConnectionIdentifier)
	look(t, ctx, "a11y-help-identifier")

	// The verification page with an error shown.
	step(t, ctx, "open the verification", chromedp.Navigate(srv.URL+"/#/verifier"))
	pageTitleIs(t, ctx, "Vérifier une attestation")
	typeInto(t, ctx, "verify-payload", "pas une attestation")
	step(t, ctx, "click Vérifier", chromedp.Click(chromedp.ID("btn-verify")))
	waitJS(t, ctx, "a verdict", `(() => { const r = document.getElementById("verify-result"); return !!r && r.innerText.trim() !== "" })()`)
	look(t, ctx, "a11y-verify-error")

	// The entry page's search, typed.
	step(t, ctx, "back to the entry page", chromedp.Navigate(srv.URL+"/"))
	waitJS(t, ctx, "the entry page", `!!document.querySelector("main h1")`)
	if present(t, ctx, "recherche-dossiers") {
		typeInto(t, ctx, "recherche-dossiers", p.ExerciseName)
		look(t, ctx, "a11y-entry-search")
	}
}
