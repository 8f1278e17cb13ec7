package e2e

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestActionCease declares the end of an activity: a wrong end date is
// reported beside the field and kept, then corrected; the draft survives a
// crash of the app; it is transmitted, becomes read-only and is listed as
// transmitted.
func TestActionCease(t *testing.T) {
	ctx := newBrowser(t)
	dataDir := t.TempDir()
	srv := startServer(t, dataDir)
	p := demoPractitioner(t)
	a := openActivity(t, p)
	page := "/#/pro/" + p.RPPS + "/cesser"
	today := time.Now().Format("2006-01-02")

	// Step 1: choose the activity.
	step(t, ctx, "open the cessation", chromedp.Navigate(srv.URL+page))
	pageTitleIs(t, ctx, "Cesser une activité")
	waitText(t, ctx, "À faire en premier, pour tout changement de département")
	waitText(t, ctx, "Étape 1 sur 2")
	waitText(t, ctx, a.Structure.CompanyName)
	clickID(t, ctx, "btn-next")
	waitFieldError(t, ctx, "activityId", "Choisissez l'activité à cesser.")
	look(t, ctx, "action-cesser-1-choose")
	pick := func() {
		t.Helper()
		evalTrue(t, ctx, "choose the activity "+a.ID, fmt.Sprintf(`(() => { const el = document.querySelector('input[name="activityId"][value=' + CSS.escape(%s) + ']'); if (!el) return false; el.click(); return el.checked })()`, jsString(a.ID)))
		clickID(t, ctx, "btn-next")
		waitText(t, ctx, "Étape 2 sur 2")
		waitStepHeadingFocused(t, ctx, "Étape 2 sur 2")
		step(t, ctx, "wait for the form", chromedp.WaitVisible(chromedp.ID("field-endDate")))
	}
	pick()
	waitText(t, ctx, "Choisir une autre activité")

	// A wrong end date: before the activity's start.
	typeDate(t, ctx, "field-endDate", "2011-01-01")
	waitFieldError(t, ctx, "endDate", "La date de fin ne peut pas précéder le début de l'activité")
	waitInvalid(t, ctx, "field-endDate")
	if got := inputValue(t, ctx, "field-endDate"); got != "01/01/2011" {
		t.Fatalf("the wrong date typed was not kept: %q", got)
	}
	waitSaved(t, ctx)
	look(t, ctx, "action-cesser-2-error")

	// Transmitting now is refused: the summary lists the date and the reason
	// left empty, and takes the focus.
	clickID(t, ctx, "btn-transmit")
	waitFieldError(t, ctx, "reasonCode", "Choisissez le motif de fin d'activité.")
	waitInvalid(t, ctx, "field-reasonCode")
	waitJS(t, ctx, "the error summary focused", `document.activeElement && document.activeElement.id === "error-summary"`)
	summary := elementText(t, ctx, "error-summary")
	for _, want := range []string{"Date de fin d'activité", "Motif de fin d'activité"} {
		if !strings.Contains(summary, want) {
			t.Fatalf("the error summary does not name %q:\n%s", want, summary)
		}
	}
	look(t, ctx, "action-cesser-3-refused")

	// Corrected: the errors go, the draft is saved.
	typeDate(t, ctx, "field-endDate", today)
	selectOption(t, ctx, "field-reasonCode", "RL")
	typeInto(t, ctx, "field-comment", "Départ en retraite.")
	waitNoFieldError(t, ctx, "endDate")
	waitNoFieldError(t, ctx, "reasonCode")
	waitInputValue(t, ctx, "field-comment", "Départ en retraite.")
	waitSaved(t, ctx)
	if present(t, ctx, "error-summary") {
		t.Fatal("the error summary stays once every field is right")
	}
	look(t, ctx, "action-cesser-4-saved")

	// A crash, then the app again on the same data: the draft is resumed.
	srv.kill()
	srv = startServer(t, dataDir)
	step(t, ctx, "reopen the cessation", chromedp.Navigate(srv.URL+page))
	waitText(t, ctx, "Demande de cessation en cours, enregistrée le")
	pick()
	waitText(t, ctx, "Vous reprenez votre demande en cours, enregistrée le")
	waitInputValue(t, ctx, "field-endDate", frenchDay(today))
	waitInputValue(t, ctx, "field-reasonCode", "RL")
	waitInputValue(t, ctx, "field-comment", "Départ en retraite.")
	look(t, ctx, "action-cesser-5-resumed")

	// Transmitted: read-only, with its status and history.
	clickID(t, ctx, "btn-transmit")
	waitTransmitted(t, ctx, "field-endDate", "field-reasonCode", "field-comment")
	waitText(t, ctx, "Historique de la demande")
	waitText(t, ctx, "Retraite libérale")
	look(t, ctx, "action-cesser-6-transmitted")

	waitListedAsTransmitted(t, ctx, srv.URL, p.RPPS, "Cessation d'activité")
	look(t, ctx, "action-cesser-7-requests")
}
