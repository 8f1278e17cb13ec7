package e2e

import (
	"fmt"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"erpps/backend/demo"
	"erpps/backend/erpps"
)

// TestActionActivities: "Voir mes activités professionnelles" lists the
// current places of practice of a demo practitioner, each with a way to cease
// it, and shows the ended ones on demand.
func TestActionActivities(t *testing.T) {
	ctx := newBrowser(t)
	srv := startServer(t, t.TempDir())
	list, err := demo.Generate(demo.Count, demo.Seed)
	if err != nil {
		t.Fatal(err)
	}
	today := time.Now().Format(time.DateOnly)
	// The first demo practitioner with both current and ended activities.
	var p *erpps.Practitioner
	var current, ended []erpps.Activity
	for _, c := range list {
		current, ended = nil, nil
		for _, a := range c.Activities {
			if a.Open(today) {
				current = append(current, a)
			} else {
				ended = append(ended, a)
			}
		}
		if len(current) > 0 && len(ended) > 0 {
			p = c
			break
		}
	}
	if p == nil {
		t.Fatal("no demo practitioner has both current and ended activities")
	}

	step(t, ctx, "open the activities page", chromedp.Navigate(srv.URL+"/#/pro/"+p.RPPS+"/activites"))
	h1Is(t, ctx, "Voir mes activités professionnelles")
	waitText(t, ctx, fmt.Sprintf("Activités en cours (%d)", len(current)))
	for _, a := range current {
		waitText(t, ctx, a.Structure.CompanyName)
		card := jsValue(t, ctx, `(document.getElementById("activite-`+a.ID+`") || {textContent: ""}).textContent`)
		if !strings.Contains(card, a.Structure.CompanyName) || !strings.Contains(card, "En cours depuis le") {
			t.Errorf("the card of %s reads:\n%s", a.ID, card)
		}
		want := "#/pro/" + p.RPPS + "/cesser?activite=" + url.QueryEscape(a.ID)
		waitJS(t, ctx, "the link Cesser cette activité of "+a.ID, fmt.Sprintf(`(() => { const l = document.getElementById(%s);
			return !!l && l.innerText.includes("Cesser cette activité") && l.getAttribute("href").endsWith(%s) })()`, jsString("cease-"+a.ID), jsString(want)))
	}
	for _, a := range ended {
		if shown := jsValue(t, ctx, `String(!!document.getElementById("activite-`+a.ID+`"))`); shown != "false" {
			t.Errorf("the ended activity %s is shown before the toggle", a.ID)
		}
	}
	if href := jsValue(t, ctx, `document.getElementById("btn-new-activity").getAttribute("href")`); !strings.HasSuffix(href, "#/pro/"+p.RPPS+"/nouvelle-activite") {
		t.Errorf("Déclarer une nouvelle activité points to %q", href)
	}
	look(t, ctx, "20-activities")

	waitJS(t, ctx, "the toggle of ended activities", `(() => { const el = document.getElementById("toggle-terminees");
		const input = el && (el.tagName === "INPUT" ? el : el.querySelector("input"));
		if (!input) return false; input.click(); return true })()`)
	waitText(t, ctx, "Activités terminées")
	for _, a := range ended {
		waitJS(t, ctx, "the ended activity "+a.ID, fmt.Sprintf(`(() => { const c = document.getElementById(%s);
			return !!c && c.textContent.includes("Terminée le") && c.textContent.includes(%s) && !c.querySelector("[id^=cease-]") })()`, jsString("activite-"+a.ID), jsString(a.Structure.CompanyName)))
	}
	look(t, ctx, "21-activities-ended")

	a := current[0]
	step(t, ctx, "click Cesser cette activité", chromedp.Click(chromedp.ID("cease-"+a.ID)))
	waitJS(t, ctx, "the cessation form of the activity", fmt.Sprintf(`location.hash.endsWith(%s)`, jsString("/pro/"+p.RPPS+"/cesser?activite="+url.QueryEscape(a.ID))))
}
