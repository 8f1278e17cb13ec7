package e2e

import (
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"erpps/backend/erpps"
	"erpps/backend/identifiers"
)

// TestActionNewActivitySecondLookup looks up the SIRET of a structure where
// the practitioner already works (found, with the « activité déjà en cours »
// error), then a SIRET the register does not know: the second lookup starts
// from a clean structure, with no trace of the first (name, address, error).
func TestActionNewActivitySecondLookup(t *testing.T) {
	ctx := newBrowser(t)
	srv := startServer(t, t.TempDir())
	day := time.Now().Format("2006-01-02")
	p := demoPractitioner(t)
	var known erpps.Structure
	for _, a := range p.OpenActivities(day) {
		if a.Structure.SIRET != "" {
			known = a.Structure
			break
		}
	}
	if known.SIRET == "" {
		t.Fatalf("demo practitioner %s has no activity in progress at a structure with a SIRET", p.RPPS)
	}
	unknown := unknownSIRET(t, srv.URL)

	step(t, ctx, "open the new activity", chromedp.Navigate(srv.URL+"/#/pro/"+p.RPPS+"/nouvelle-activite"))
	pageTitleIs(t, ctx, "Déclarer une nouvelle activité")
	typeInto(t, ctx, "field-structure.siret", known.SIRET)
	clickID(t, ctx, "btn-lookup")
	waitJS(t, ctx, "the known structure found", fmt.Sprintf(`(document.getElementById("structure-recap") || {innerText: ""}).innerText.includes(%s)`, jsString(known.CompanyName)))
	waitFieldError(t, ctx, "structure", "Vous avez déjà une activité en cours dans cette structure")
	look(t, ctx, "action-nouvelle-activite-lookup-1-known")

	typeInto(t, ctx, "field-structure.siret", unknown)
	clickID(t, ctx, "btn-lookup")
	waitJS(t, ctx, "the unknown SIRET not found", `!!document.getElementById("lookup-not-found")`)
	waitInputValue(t, ctx, "field-structure.companyName", "")
	for _, id := range []string{"field-structure.tradeName", "field-structure.address.number", "field-structure.address.street", "field-structure.address.complement", "field-structure.address.postalCode", "field-structure.address.city"} {
		waitInputValue(t, ctx, id, "")
	}
	waitNoFieldError(t, ctx, "structure")
	waitSaved(t, ctx)
	body := jsValue(t, ctx, `document.querySelector("main").innerText`)
	for _, trace := range []string{known.CompanyName, known.Address.Street, "déjà une activité en cours"} {
		if trace != "" && strings.Contains(body, trace) {
			t.Fatalf("the page still shows %q of the first structure after looking up an unknown SIRET:\n%s", trace, body)
		}
	}
	waitSavedAsTyped(t, srv.URL, p.RPPS, erpps.KindNewActivity, map[string]string{
		"structure.siret":              unknown,
		"structure.companyName":        "",
		"structure.address.street":     "",
		"structure.address.postalCode": "",
	})
	waitInputValue(t, ctx, "field-structure.siret", unknown)
	look(t, ctx, "action-nouvelle-activite-lookup-2-unknown")

	// The structure the register does not know, typed key by key.
	typed := map[string]string{
		"structure.companyName":        "Cabinet d'orthophonie de l'Étang",
		"structure.tradeName":          "Les Mots Dits",
		"structure.address.number":     "12 bis",
		"structure.address.street":     "rue de la Paix",
		"structure.address.complement": "Bâtiment A - 1er étage",
		"structure.address.postalCode": known.Address.PostalCode,
		"structure.address.city":       known.Address.City,
	}
	for _, path := range []string{"structure.companyName", "structure.tradeName", "structure.address.number", "structure.address.street", "structure.address.complement", "structure.address.postalCode", "structure.address.city"} {
		typeInto(t, ctx, "field-"+path, typed[path])
	}
	waitSaved(t, ctx)
	typed["structure.siret"] = unknown
	waitSavedAsTyped(t, srv.URL, p.RPPS, erpps.KindNewActivity, typed)
	look(t, ctx, "action-nouvelle-activite-lookup-3-typed")

	// A FINESS instead: its field is typed too.
	pickRadio(t, ctx, "lookupBy", "finess")
	typeInto(t, ctx, "field-structure.finess", "750712184")
	waitSavedAsTyped(t, srv.URL, p.RPPS, erpps.KindNewActivity, map[string]string{"lookupBy": "finess", "structure.finess": "750712184"})
}

// unknownSIRET is a well-formed SIRET (right Luhn key) the demo register does
// not hold (LookupStructure does not find it).
func unknownSIRET(t *testing.T, baseURL string) string {
	t.Helper()
	for n := 1; n < 100; n++ {
		body := fmt.Sprintf("4242424%06d", n)
		key, err := identifiers.LuhnCheckDigit(body)
		if err != nil {
			t.Fatal(err)
		}
		siret := body + string(key)
		if _, err := identifiers.ParseSIRET(siret); err != nil {
			continue
		}
		if status, _ := postAPI(t, baseURL, "LookupStructure", "siret", siret); status != http.StatusOK {
			return siret
		}
	}
	t.Fatal("no unknown SIRET found")
	return ""
}
