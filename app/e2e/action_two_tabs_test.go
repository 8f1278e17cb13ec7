package e2e

import (
	"strings"
	"testing"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"erpps/backend/erpps"
)

// TestActionSameDraftTwoTabs opens the same draft in two tabs. The second
// tab hears nothing of the first (its event stream is blocked, as for a
// window that missed the change): a name typed in the first is saved; a
// first name typed in the second, whose copy is now stale, is refused as a
// conflict: the second tab says the draft changed elsewhere and shows both
// versions field by field; the person keeps the other tab's name and their
// own first name, and that choice is saved on top of the newer revision —
// nothing typed in either tab is lost. The first tab, which does hear the
// second, shows the chosen version by itself, and its next edit builds on it.
func TestActionSameDraftTwoTabs(t *testing.T) {
	first := newBrowser(t)
	srv := startServer(t, t.TempDir())
	p := demoPractitioner(t)
	page := srv.URL + "/#/pro/" + p.RPPS + "/nom-exercice"

	step(t, first, "open the exercise name in a first tab", chromedp.Navigate(page))
	pageTitleIs(t, first, "Modifier le nom d'exercice")
	step(t, first, "wait for the form", chromedp.WaitVisible(chromedp.ID("field-exerciseName")))

	second, cancel := chromedp.NewContext(first)
	t.Cleanup(cancel)
	// The tab opens with its own context: opened under a step's time limit, it would close with it.
	if err := chromedp.Do(second); err != nil {
		t.Fatalf("a second tab: %v", err)
	}
	if _, err := chromedp.Call(second, network.SetBlockedURLs, network.SetBlockedURLsParams{URLPatterns: []*network.BlockPattern{{URLPattern: srv.URL + "/api/events", Block: true}}}); err != nil {
		t.Fatalf("block the second tab's event stream: %v", err)
	}
	step(t, second, "open the same draft in a second tab", chromedp.Navigate(page))
	pageTitleIs(t, second, "Modifier le nom d'exercice")
	step(t, second, "wait for the form", chromedp.WaitVisible(chromedp.ID("field-exerciseName")))

	// The first tab saves a new name.
	typeInto(t, first, "field-exerciseName", "MARTIN-DURAND")
	waitSaved(t, first)
	waitSavedAsTyped(t, srv.URL, p.RPPS, erpps.KindExerciseName, map[string]string{"exerciseName": "MARTIN-DURAND"})

	// The second tab, still on the older copy, types a first name: conflict.
	typeInto(t, second, "field-exerciseFirstName", "Anne-Sophie")
	waitJS(t, second, "the conflict shown", `!!document.getElementById("draft-conflict")`)
	waitText(t, second, "Ce brouillon a été modifié dans un autre onglet ou une autre fenêtre.")
	rowDiffers := func(path string) string {
		return `(() => { const r = document.querySelector('#conflict-compare tr[data-path=` + jsString(path) + `]'); return !!r && r.dataset.differs === "true" })()`
	}
	waitJS(t, second, "the name row differs", rowDiffers("exerciseName"))
	waitJS(t, second, "the first name row differs", rowDiffers("exerciseFirstName"))
	compare := elementText(t, second, "conflict-compare")
	for _, want := range []string{"Nom d'exercice", "Prénom d'exercice", "MARTIN-DURAND", "Anne-Sophie", "Ma version", "L'autre version", "Garder ma version", "Garder l'autre version"} {
		if !strings.Contains(compare, want) {
			t.Fatalf("the comparison lacks %q:\n%s", want, compare)
		}
	}
	evalTrue(t, second, "no saving before a version is chosen for every field that differs", `document.getElementById("btn-conflict-save").disabled`)
	// Saving the same content again would fail the same way: the autosave
	// line says to choose, and offers no retry.
	waitJS(t, second, "the autosave line says to choose a version", `(() => { const el = document.getElementById("autosave-status"); return !!el && el.innerText.includes("Choisissez la version à garder") })()`)
	evalTrue(t, second, "no retry offered during a conflict", `![...document.querySelectorAll("button")].some(b => b.innerText.includes("Réessayer l'enregistrement"))`)
	look(t, second, "action-deux-onglets-1-conflict")

	// Keep the other tab's name and this tab's first name.
	clickID(t, second, "conflict-compare-exerciseName-1")
	clickID(t, second, "conflict-compare-exerciseFirstName-0")
	look(t, second, "action-deux-onglets-2-chosen")
	clickID(t, second, "btn-conflict-save")
	waitJS(t, second, "the conflict settled", `!document.getElementById("draft-conflict")`)
	waitSaved(t, second)
	waitInputValue(t, second, "field-exerciseName", "MARTIN-DURAND")
	waitInputValue(t, second, "field-exerciseFirstName", "Anne-Sophie")
	waitSavedAsTyped(t, srv.URL, p.RPPS, erpps.KindExerciseName, map[string]string{"exerciseName": "MARTIN-DURAND", "exerciseFirstName": "Anne-Sophie"})
	look(t, second, "action-deux-onglets-3-saved")

	// The first tab heard the second one's save: it shows the chosen
	// version by itself, and its next edit builds on it (no conflict).
	waitInputValue(t, first, "field-exerciseFirstName", "Anne-Sophie")
	typeInto(t, first, "field-exerciseName", "MARTIN-DUBOIS")
	waitSaved(t, first)
	evalTrue(t, first, "no conflict in the tab that heard the change", `!document.getElementById("draft-conflict")`)
	waitSavedAsTyped(t, srv.URL, p.RPPS, erpps.KindExerciseName, map[string]string{"exerciseName": "MARTIN-DUBOIS", "exerciseFirstName": "Anne-Sophie"})
}
