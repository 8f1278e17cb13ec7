package e2e

import (
	"context"
	"testing"

	"github.com/chromedp/chromedp"

	"erpps/backend/demo"
)

// TestTwoTabsOneRecord: two tabs on the same draft see each other's saves
// (request:changed over server-sent events) and save in turn without a
// conflict; opening another record in one tab closes the first record in
// the other (session:ended), whose writes are then refused until it is
// reopened.
func TestTwoTabsOneRecord(t *testing.T) {
	tabA := newBrowser(t)
	// Two windows on the same server: two browsers, as two tabs would be.
	tabB := newBrowser(t)
	srv := startServer(t, t.TempDir())
	list, err := demo.Generate(demo.Count, demo.Seed)
	if err != nil {
		t.Fatal(err)
	}
	p, other := list[0], list[1]
	page := srv.URL + "/#/pro/" + p.RPPS + "/nom-exercice"

	for name, tab := range map[string]context.Context{"A": tabA, "B": tabB} {
		step(t, tab, "open the exercise name in tab "+name, chromedp.Navigate(page))
		step(t, tab, "wait for the form in tab "+name, chromedp.WaitVisible(chromedp.ID("field-exerciseName")))
	}
	typeInto(t, tabA, "field-exerciseName", "LEBLANC")
	waitSaved(t, tabA)
	waitInputValue(t, tabB, "field-exerciseName", "LEBLANC")

	typeInto(t, tabB, "field-exerciseName", "LEBLANC-DURAND")
	waitSaved(t, tabB)
	waitInputValue(t, tabA, "field-exerciseName", "LEBLANC-DURAND")
	screenshot(t, tabA, "session-1-refreshed")

	step(t, tabB, "open another record in tab B", chromedp.Navigate(srv.URL+"/#/pro/"+other.RPPS))
	waitText(t, tabA, "Un autre dossier a été ouvert sur ce poste")
	screenshot(t, tabA, "session-2-closed")
	typeInto(t, tabA, "field-exerciseName", "DUPONT")
	waitText(t, tabA, "Cette action concerne un autre dossier que celui qui est ouvert")

	clickID(t, tabA, "btn-reopen-session")
	typeInto(t, tabA, "field-exerciseName", "DUPONT-LEBLANC")
	waitSaved(t, tabA)
	waitJS(t, tabA, "the notice gone", `!document.body.innerText.includes("Un autre dossier a été ouvert sur ce poste")`)
}
