package e2e

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"erpps/backend/erpps"
)

// TestActionName changes the exercise name: a name with digits is reported
// beside the field and kept, then corrected; the birth name can be chosen;
// the draft survives a crash of the app; it is transmitted, becomes
// read-only and is listed as transmitted.
func TestActionName(t *testing.T) {
	ctx := newBrowser(t)
	dataDir := t.TempDir()
	srv := startServer(t, dataDir)
	p := demoPractitioner(t)
	page := "/#/pro/" + p.RPPS + "/nom-exercice"
	newName := p.BirthName + "-LEBLANC"

	step(t, ctx, "open the exercise name", chromedp.Navigate(srv.URL+page))
	pageTitleIs(t, ctx, "Modifier le nom d'exercice")
	waitText(t, ctx, "Modifier le nom d'exercice avec lequel le professionnel va apparaître sur l'Annuaire Santé. Par défaut, il s'agit de mon nom de naissance.")
	waitText(t, ctx, "Utiliser mon nom de naissance ("+p.BirthName+")")
	step(t, ctx, "wait for the form", chromedp.WaitVisible(chromedp.ID("field-exerciseName")))
	waitText(t, ctx, "Vous apparaîtrez sur l'Annuaire Santé sous le nom :")

	// A wrong name: digits.
	typeInto(t, ctx, "field-exerciseName", "MARTIN2")
	waitFieldError(t, ctx, "exerciseName", "Le nom ne peut contenir que des lettres")
	if got := inputValue(t, ctx, "field-exerciseName"); got != "MARTIN2" {
		t.Fatalf("the wrong name typed was not kept: %q", got)
	}
	waitSaved(t, ctx)
	look(t, ctx, "action-nom-1-error")

	// The birth name: the field is filled and disabled.
	clickID(t, ctx, "field-useBirthName")
	waitInputValue(t, ctx, "field-exerciseName", p.BirthName)
	waitJS(t, ctx, "the name field disabled", `document.getElementById("field-exerciseName").disabled`)
	waitNoFieldError(t, ctx, "exerciseName")
	waitText(t, ctx, p.FirstName+" "+p.BirthName)
	waitSaved(t, ctx)
	look(t, ctx, "action-nom-2-birth-name")

	// Another name, corrected: the error goes, the preview follows.
	clickID(t, ctx, "field-useBirthName")
	waitJS(t, ctx, "the name field enabled", `!document.getElementById("field-exerciseName").disabled`)
	typeInto(t, ctx, "field-exerciseName", strings.ToLower(newName))
	waitNoFieldError(t, ctx, "exerciseName")
	waitText(t, ctx, p.FirstName+" "+newName)
	waitSaved(t, ctx)
	look(t, ctx, "action-nom-3-saved")

	// A crash, then the app again on the same data: the draft is resumed.
	srv.kill()
	srv = startServer(t, dataDir)
	step(t, ctx, "reopen the exercise name", chromedp.Navigate(srv.URL+page))
	waitText(t, ctx, "Vous reprenez votre demande en cours, enregistrée le")
	waitInputValue(t, ctx, "field-exerciseName", strings.ToLower(newName))
	waitJS(t, ctx, "the birth name unchecked", `!document.getElementById("field-useBirthName").checked`)
	waitText(t, ctx, p.FirstName+" "+newName)
	look(t, ctx, "action-nom-4-resumed")

	// Transmitted: read-only, with its status and history.
	clickID(t, ctx, "btn-transmit")
	waitTransmitted(t, ctx, "field-exerciseName", "field-exerciseFirstName", "field-useBirthName")
	waitText(t, ctx, "Historique de la demande")
	waitText(t, ctx, newName)
	look(t, ctx, "action-nom-5-transmitted")

	waitListedAsTransmitted(t, ctx, srv.URL, p.RPPS, "Nom d'exercice")
	look(t, ctx, "action-nom-6-requests")

	// Opened by its id, the transmitted request is read-only; it can be
	// withdrawn, with a reason, after confirmation.
	list := requestsOf(t, srv.URL, p.RPPS, erpps.KindExerciseName)
	if len(list) != 1 || list[0].Status != erpps.StatusTransmitted {
		t.Fatalf("requests of the exercise name: %+v, want one transmitted", list)
	}
	step(t, ctx, "open the request by its id", chromedp.Navigate(srv.URL+page+"?demande="+list[0].ID))
	waitStatus(t, ctx, erpps.StatusTransmitted.Label())
	if present(t, ctx, "field-exerciseName") {
		t.Fatal("a transmitted request opened by its id is editable")
	}
	clickID(t, ctx, "btn-withdraw")
	typeInto(t, ctx, "withdraw-comment", "Demande faite par erreur.")
	look(t, ctx, "action-nom-7-withdraw")
	confirmDialog(t, ctx, "dialog-withdraw")
	waitStatus(t, ctx, "Retirée")
	waitText(t, ctx, "Demande faite par erreur.")
	if present(t, ctx, "btn-withdraw") {
		t.Fatal("a withdrawn request can be withdrawn again")
	}

	// A new draft, deleted after confirmation.
	step(t, ctx, "start a new exercise name", chromedp.Navigate(srv.URL+page))
	step(t, ctx, "wait for the new form", chromedp.WaitVisible(chromedp.ID("field-exerciseName")))
	if present(t, ctx, "resumed-notice") {
		t.Fatal("a withdrawn request is resumed as a draft")
	}
	typeInto(t, ctx, "field-exerciseName", "Dupont de l'Isle")
	typeInto(t, ctx, "field-exerciseFirstName", "Anne-Hélène")
	waitSaved(t, ctx)
	waitSavedAsTyped(t, srv.URL, p.RPPS, erpps.KindExerciseName, map[string]string{"exerciseName": "Dupont de l'Isle", "exerciseFirstName": "Anne-Hélène"})
	clickID(t, ctx, "btn-delete-draft")
	confirmDialog(t, ctx, "dialog-delete-draft")
	waitText(t, ctx, "Que souhaitez-vous faire ?")
	for _, r := range requestsOf(t, srv.URL, p.RPPS, erpps.KindExerciseName) {
		if r.Status == erpps.StatusDraft {
			t.Fatalf("the deleted draft %s is still stored", r.ID)
		}
	}
}
