package e2e

import (
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"erpps/backend/erpps"
	"erpps/backend/refdata"
)

// TestActionOrdreNotice: a practitioner whose record an Ordre keeps is told,
// on the portal home and instead of any request form, that their Ordre keeps
// it and how to reach it; the service starts no request for them, but a new
// profession the ARS registers.
func TestActionOrdreNotice(t *testing.T) {
	ctx := newBrowser(t)
	srv := startServer(t, t.TempDir())
	p := demoPractitionerKeptBy(t, refdata.AuthorityOrdre)
	cat, err := refdata.Load()
	if err != nil {
		t.Fatal(err)
	}
	ordre := cat.RecordAuthority(p, time.Now().Format(time.DateOnly))

	step(t, ctx, "open the portal home", chromedp.Navigate(srv.URL+"/#/pro/"+p.RPPS))
	h1Is(t, ctx, "Mon portail eRPPS")
	waitJS(t, ctx, "the Ordre's notice", fmt.Sprintf(`(() => { const n = document.getElementById("registration-notice");
		return !!n && n.textContent.includes(%s) && !!n.querySelector(%s) })()`, jsString(ordre.Label), jsString(`a[href="`+ordre.Contact+`"]`)))
	if present(t, ctx, "tile-nouvelle-activite") || strings.Contains(jsValue(t, ctx, `document.body.textContent`), "Que souhaitez-vous faire ?") {
		t.Fatal("the action tiles are offered to a practitioner the ARS does not register")
	}
	// A profession the ARS registers (ostéopathe, psychologue...) may still be declared.
	waitJS(t, ctx, "the new profession tile", `!!document.getElementById("tile-nouvelle-profession")`)
	screenshot(t, ctx, "action-ordre-notice")

	// Typed straight in the address bar, a request form shows the notice too.
	step(t, ctx, "open the new activity", chromedp.Navigate(srv.URL+"/#/pro/"+p.RPPS+"/nouvelle-activite"))
	pageTitleIs(t, ctx, "Déclarer une nouvelle activité")
	waitJS(t, ctx, "the notice instead of the form", `!!document.getElementById("registration-notice") && !document.getElementById("field-structure.siret")`)

	// And the service refuses, whatever the UI.
	status, body := postAPI(t, srv.URL, "StartRequest", map[string]string{"rpps": p.RPPS, "kind": string(erpps.KindContact)})
	if status != http.StatusForbidden || !strings.Contains(string(body), ordre.Label) {
		t.Fatalf("StartRequest for a record an Ordre keeps: HTTP %d %s", status, body)
	}
}
