package e2e

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"erpps/backend/erpps"
	"erpps/backend/refdata"
)

// TestActionProfession adds a profession to the RPPS number: the professions
// already held are listed and not offered; a date of diploma in the future is
// reported beside the field and kept, then corrected; the draft survives a
// crash of the app; it is transmitted and listed on the requests page.
func TestActionProfession(t *testing.T) {
	ctx := newBrowser(t)
	dataDir := t.TempDir()
	srv := startServer(t, dataDir)
	p := demoPractitioner(t)
	if len(p.Professions) == 0 {
		t.Fatalf("demo practitioner %s holds no profession", p.RPPS)
	}
	page := "/#/pro/" + p.RPPS + "/nouvelle-profession"
	tomorrow := time.Now().AddDate(0, 0, 1).Format("2006-01-02")

	step(t, ctx, "open the new profession", chromedp.Navigate(srv.URL+page))
	pageTitleIs(t, ctx, "Déclarer une nouvelle profession")
	waitText(t, ctx, "Il est possible d'ajouter une nouvelle profession à son numéro RPPS (exemple : Opticien → Audioprothésiste).")
	waitText(t, ctx, "Ne pas confondre avec la déclaration d'un nouveau lieu d'exercice.")
	waitJS(t, ctx, "the link to a new activity", fmt.Sprintf(`(() => { const a = document.getElementById("link-new-activity"); return !!a && a.getAttribute("href").endsWith(%s) })()`, jsString("/pro/"+p.RPPS+"/nouvelle-activite")))
	step(t, ctx, "wait for the form", chromedp.WaitVisible(chromedp.ID("field-professionCode")))

	// The professions held are listed by label, and none of them is offered.
	cat, err := refdata.Load()
	if err != nil {
		t.Fatal(err)
	}
	if !present(t, ctx, "professions-held") {
		t.Fatal("no list of the professions held (#professions-held)")
	}
	heldText := elementText(t, ctx, "professions-held")
	held := map[string]bool{}
	for _, h := range p.Professions {
		held[h.Code] = true
		if label := cat.ProfessionLabel(h.Code); !strings.Contains(heldText, label) {
			t.Fatalf("the professions held %q do not name %q", heldText, label)
		}
		waitJS(t, ctx, "profession "+h.Code+" not offered", fmt.Sprintf(`![...document.getElementById("field-professionCode").options].some(o => o.value === %s)`, jsString(h.Code)))
	}
	choice := ""
	for _, code := range []string{"26", "71", "28"} {
		if !held[code] {
			choice = code
			break
		}
	}
	waitJS(t, ctx, "the profession "+choice+" offered", fmt.Sprintf(`[...document.getElementById("field-professionCode").options].some(o => o.value === %s)`, jsString(choice)))
	waitJS(t, ctx, "the category Civil chosen by default", `(() => { const el = document.querySelector('input[name="categoryCode"][value="C"]'); return !!el && el.checked })()`)
	look(t, ctx, "action-profession-1-form")

	// A date of diploma in the future: reported beside the field, kept.
	selectOption(t, ctx, "field-professionCode", choice)
	typeDate(t, ctx, "field-since", tomorrow)
	waitFieldError(t, ctx, "since", "La date d'obtention ne peut pas être dans le futur.")
	waitInvalid(t, ctx, "field-since")
	if got := inputValue(t, ctx, "field-since"); got != frenchDay(tomorrow) {
		t.Fatalf("the future date typed was not kept: %q", got)
	}
	waitSaved(t, ctx)
	look(t, ctx, "action-profession-2-error")

	// Corrected.
	typeDate(t, ctx, "field-since", "2015-06-30")
	typeInto(t, ctx, "field-diploma", "Diplôme d'État")
	waitNoFieldError(t, ctx, "since")
	waitNoFieldError(t, ctx, "professionCode")
	waitInputValue(t, ctx, "field-diploma", "Diplôme d'État")
	waitSaved(t, ctx)
	look(t, ctx, "action-profession-3-saved")

	// A crash, then the app again on the same data: the draft is resumed.
	srv.kill()
	srv = startServer(t, dataDir)
	step(t, ctx, "reopen the new profession", chromedp.Navigate(srv.URL+page))
	waitText(t, ctx, "Vous reprenez votre demande en cours, enregistrée le")
	waitInputValue(t, ctx, "field-professionCode", choice)
	waitInputValue(t, ctx, "field-since", "30/06/2015")
	waitInputValue(t, ctx, "field-diploma", "Diplôme d'État")
	waitJS(t, ctx, "the category Civil kept", `(() => { const el = document.querySelector('input[name="categoryCode"][value="C"]'); return !!el && el.checked })()`)
	look(t, ctx, "action-profession-4-resumed")

	// Transmitted: read-only, listed on the requests page.
	clickID(t, ctx, "btn-transmit")
	waitTransmitted(t, ctx, "field-professionCode", "field-since", "field-diploma", "field-categoryCode")
	waitText(t, ctx, "Historique de la demande")
	waitText(t, ctx, "30 juin 2015")
	look(t, ctx, "action-profession-5-transmitted")

	list := requestsOf(t, srv.URL, p.RPPS, erpps.KindNewProfession)
	if len(list) != 1 || list[0].Status != erpps.StatusTransmitted {
		t.Fatalf("requests of a new profession: %+v, want one transmitted", list)
	}
	waitListedAsTransmitted(t, ctx, srv.URL, p.RPPS, "Nouvelle profession")
	look(t, ctx, "action-profession-6-requests")
}
