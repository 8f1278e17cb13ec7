package e2e

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"erpps/backend/demo"
	"erpps/backend/erpps"
	"erpps/backend/refdata"
)

// TestActionNewActivity declares a new place of practice in the stepped
// form: a SIRET with a wrong key is reported beside the field and kept, the
// corrected one finds the structure in the register; a start date too far
// ahead is reported then corrected; a structure in another département
// brings the guide's "cease first" rule, which the "moved cabinet" answer
// replaces by the linked cessation's notice; the draft survives a crash of
// the app; it is transmitted with the cessation of the old place.
func TestActionNewActivity(t *testing.T) {
	ctx := newBrowser(t)
	dataDir := t.TempDir()
	srv := startServer(t, dataDir)
	today := time.Now()
	day := today.Format("2006-01-02")
	p := demoPractitioner(t)
	old := p.OpenActivities(day)[0] // the activity the cease_first guidance names
	other := structureElsewhere(t, p, day)
	page := "/#/pro/" + p.RPPS + "/nouvelle-activite"
	shot := func(name string) { t.Helper(); look(t, ctx, "action-nouvelle-activite-"+name) }

	// Step 1: the structure, by its SIRET.
	step(t, ctx, "open the new activity", chromedp.Navigate(srv.URL+page))
	pageTitleIs(t, ctx, "Déclarer une nouvelle activité")
	waitText(t, ctx, "Si l'adresse de votre cabinet est modifiée, il s'agit d'un nouveau lieu.")
	waitText(t, ctx, "Étape 1 sur 4")
	step(t, ctx, "wait for the SIRET field", chromedp.WaitVisible(byID("field-structure.siret")))
	shot("1-structure")

	wrong := wrongKey(other.SIRET)
	typeInto(t, ctx, "field-structure.siret", wrong)
	clickID(t, ctx, "btn-lookup")
	waitFieldError(t, ctx, "structure.siret", "Le numéro SIRET saisi est incorrect")
	waitInvalid(t, ctx, "field-structure.siret")
	if got := inputValue(t, ctx, "field-structure.siret"); got != wrong {
		t.Fatalf("the wrong SIRET typed was not kept: %q", got)
	}
	if present(t, ctx, "structure-recap") {
		t.Fatal("a structure is shown for a SIRET with a wrong key")
	}
	shot("2-siret-error")

	typeInto(t, ctx, "field-structure.siret", other.SIRET)
	clickID(t, ctx, "btn-lookup")
	waitJS(t, ctx, "the structure found", fmt.Sprintf(`%s.includes(%s)`, `(document.getElementById("structure-recap") || {innerText: ""}).innerText`, jsString(other.CompanyName)))
	waitNoFieldError(t, ctx, "structure.siret")
	waitSaved(t, ctx)
	shot("3-structure-found")

	// "Modifier" opens the structure's fields, filled from the register.
	clickID(t, ctx, "btn-edit-structure")
	waitInputValue(t, ctx, "field-structure.companyName", other.CompanyName)
	waitInputValue(t, ctx, "field-structure.address.postalCode", other.Address.PostalCode)
	shot("3b-structure-edit")
	clickID(t, ctx, "btn-structure-recap")
	waitJS(t, ctx, "the recap again", `!!document.getElementById("structure-recap")`)

	// Step 2: the exercise, with a start date too far ahead, then a right one.
	clickID(t, ctx, "btn-next")
	waitText(t, ctx, "Étape 2 sur 4")
	waitStepHeadingFocused(t, ctx, "Étape 2 sur 4")
	step(t, ctx, "wait for the exercise fields", chromedp.WaitVisible(chromedp.ID("field-startDate")))
	pickRadio(t, ctx, "modeCode", "L")
	// Only the secteurs and fonctions of the profession are offered.
	evalTrue(t, ctx, "no officine offered outside pharmacy", `!!document.querySelector('#field-sectorCode option[value="SA08"]') && !document.querySelector('#field-sectorCode option[value="SA33"]') && !document.querySelector('#field-functionCode option[value="FON-03"]')`)
	typeInto(t, ctx, "sector-filter", "cabinet")
	selectOption(t, ctx, "field-sectorCode", "SA08")
	selectOption(t, ctx, "field-functionCode", "FON-01")
	selectOption(t, ctx, "field-genreCode", "GENR01")
	tooLate := today.AddDate(0, 7, 0).Format("2006-01-02")
	typeDate(t, ctx, "field-startDate", tooLate)
	waitFieldError(t, ctx, "startDate", "La date de début ne peut pas être à plus de six mois.")
	waitInvalid(t, ctx, "field-startDate")
	if got := inputValue(t, ctx, "field-startDate"); got != frenchDay(tooLate) {
		t.Fatalf("the wrong start date typed was not kept: %q", got)
	}
	shot("4-start-date-error")
	typeDate(t, ctx, "field-startDate", day)
	waitNoFieldError(t, ctx, "startDate")
	waitSaved(t, ctx)
	shot("5-exercise")

	// Step 3, left unanswered; step 4: the guide's rule for a change of département.
	clickID(t, ctx, "btn-next")
	waitText(t, ctx, "Étape 3 sur 4")
	waitStepHeadingFocused(t, ctx, "Étape 3 sur 4")
	waitText(t, ctx, "Cette nouvelle activité remplace-t-elle un de vos lieux d'exercice actuels (déménagement du cabinet) ?")
	shot("6-move-question")
	clickID(t, ctx, "btn-next")
	waitText(t, ctx, "Étape 4 sur 4")
	waitJS(t, ctx, "the cease_first guidance", `!!document.getElementById("guidance-cease_first")`)
	waitText(t, ctx, "Changement de département : cessez d'abord l'ancienne activité")
	evalTrue(t, ctx, "the guidance offers three ways forward", `document.querySelectorAll("#guidance-cease_first a, #guidance-cease_first button").length === 3`)
	waitText(t, ctx, other.CompanyName)
	shot("7-cease-first")

	// "C'est un déménagement": the rule goes, the linked cessation is announced.
	evalTrue(t, ctx, "click « C'est un déménagement »", `(() => {
		const b = [...document.querySelectorAll("#guidance-cease_first button")].find(e => e.textContent.includes("C'est un déménagement"));
		if (!b) return false;
		b.click();
		return true;
	})()`)
	waitJS(t, ctx, "the moved_cabinet notice", `!!document.getElementById("guidance-moved_cabinet") && !document.getElementById("guidance-cease_first")`)
	waitText(t, ctx, "Déménagement du lieu d'exercice")
	waitText(t, ctx, "Oui : remplace ")
	waitText(t, ctx, old.Structure.CompanyName)
	// The old place's last day, the day before the start, comes from Go.
	waitText(t, ctx, "(cessation liée, motif « changement de lieu d'exercice »)")
	waitSaved(t, ctx)
	shot("8-moved-cabinet")

	// Back and forth keeps everything: step 3 shows the answer, step 1 the structure.
	clickID(t, ctx, "btn-previous")
	waitText(t, ctx, "Étape 3 sur 4")
	waitRadioChecked(t, ctx, "replacesActivityId", old.ID)
	clickID(t, ctx, "btn-previous")
	clickID(t, ctx, "btn-previous")
	waitText(t, ctx, "Étape 1 sur 4")
	waitText(t, ctx, other.CompanyName)
	waitInputValue(t, ctx, "field-structure.siret", other.SIRET)

	// A crash, then the app again on the same data: the draft is resumed.
	srv.kill()
	srv = startServer(t, dataDir)
	step(t, ctx, "reopen the new activity", chromedp.Navigate(srv.URL+page))
	waitText(t, ctx, "Vous reprenez votre demande en cours, enregistrée le")
	waitText(t, ctx, "Étape 1 sur 4")
	waitInputValue(t, ctx, "field-structure.siret", other.SIRET)
	waitText(t, ctx, other.CompanyName)
	shot("9-resumed")
	clickID(t, ctx, "btn-next")
	waitInputValue(t, ctx, "field-startDate", frenchDay(day))
	waitInputValue(t, ctx, "field-sectorCode", "SA08")
	waitInputValue(t, ctx, "field-functionCode", "FON-01")
	waitRadioChecked(t, ctx, "modeCode", "L")
	clickID(t, ctx, "btn-next")
	waitRadioChecked(t, ctx, "replacesActivityId", old.ID)
	clickID(t, ctx, "btn-next")
	waitJS(t, ctx, "the moved_cabinet notice after the restart", `!!document.getElementById("guidance-moved_cabinet")`)

	// Transmitted, with the linked cessation of the old place.
	clickID(t, ctx, "btn-transmit")
	waitTransmitted(t, ctx, "field-structure.siret", "field-startDate", "btn-next")
	waitText(t, ctx, other.CompanyName)
	cat, err := refdata.Load()
	if err != nil {
		t.Fatal(err)
	}
	// The ARS has one name, never « ARS – département 972 ».
	waitJS(t, ctx, "the ARS named by its one name", fmt.Sprintf(`(() => { const s = document.getElementById("request-summary");
		return !!s && s.textContent.includes(%s) && !s.textContent.includes("ARS – département") })()`, jsString("Examinée par"+cat.ARSName(other.Department))))
	shot("10-transmitted")

	cessations := requestsOf(t, srv.URL, p.RPPS, erpps.KindCeaseActivity)
	if len(cessations) != 1 || cessations[0].TargetID != old.ID || cessations[0].Status != erpps.StatusTransmitted || cessations[0].LinkedRequestID == "" {
		t.Fatalf("the linked cessation of %s is not transmitted: %+v", old.ID, cessations)
	}
	waitListedAsTransmitted(t, ctx, srv.URL, p.RPPS, "Nouvelle activité")
	waitListedAsTransmitted(t, ctx, srv.URL, p.RPPS, "Cessation d'activité")
	shot("11-requests")

	// « Voir mes activités » shows the new place as pending, with the ARS's one name.
	sent := requestsOf(t, srv.URL, p.RPPS, erpps.KindNewActivity)
	if len(sent) != 1 {
		t.Fatalf("new activities: %+v", sent)
	}
	step(t, ctx, "open the activities page", chromedp.Navigate(srv.URL+"/#/pro/"+p.RPPS+"/activites"))
	h1Is(t, ctx, "Voir mes activités professionnelles")
	card := "activite-en-attente-" + sent[0].ID
	want := "En attente de validation par l'" + cat.ARSName(other.Department)
	waitJS(t, ctx, "the pending new activity", fmt.Sprintf(`(() => { const c = document.getElementById(%s); return !!c && c.textContent.includes(%s) && c.textContent.includes(%s) })()`, jsString(card), jsString(want), jsString(other.CompanyName)))
	shot("12-pending-activity")

	// Withdrawing the cessation of the move says that its new activity goes
	// with it, and both are withdrawn together.
	cease := cessations[0]
	step(t, ctx, "open the requests page", chromedp.Navigate(srv.URL+"/#/pro/"+p.RPPS+"/demandes"))
	clickID(t, ctx, "withdraw-"+cease.ID)
	waitJS(t, ctx, "the pair's notice in the withdraw dialog", fmt.Sprintf(`(() => { const n = document.getElementById(%s); return !!n && n.textContent.includes("retirées ensemble") })()`, jsString("withdraw-pair-notice-"+cease.ID)))
	shot("13-withdraw-pair")
	waitFocusable(t, ctx, "withdraw-dialog-"+cease.ID+"-confirm")
	clickID(t, ctx, "withdraw-dialog-"+cease.ID+"-confirm")
	waitJS(t, ctx, "both withdrawn", badgeIs(sent[0].ID, "withdrawn", "Retirée"))
	for _, kind := range []erpps.RequestKind{erpps.KindCeaseActivity, erpps.KindNewActivity} {
		if got := requestsOf(t, srv.URL, p.RPPS, kind); len(got) != 1 || got[0].Status != erpps.StatusWithdrawn {
			t.Fatalf("after withdrawing the move's cessation, %s: %+v", kind, got)
		}
	}
}

// structureElsewhere returns the structure of another demo practitioner's
// activity in progress, known by its SIRET, in a département where p has no
// activity in progress.
func structureElsewhere(t *testing.T, p *erpps.Practitioner, day string) erpps.Structure {
	t.Helper()
	mine := map[string]bool{}
	for _, a := range p.OpenActivities(day) {
		mine[a.Structure.Department] = true
	}
	list, err := demo.Generate(demo.Count, demo.Seed)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range list {
		if q.RPPS == p.RPPS {
			continue
		}
		for _, a := range q.OpenActivities(day) {
			if a.Structure.SIRET != "" && a.Structure.Department != "" && !mine[a.Structure.Department] && a.SectorCode == "SA08" {
				return a.Structure
			}
		}
	}
	t.Fatal("no demo structure in another département")
	return erpps.Structure{}
}

// wrongKey changes the last digit of a number: its Luhn key no longer holds.
func wrongKey(number string) string {
	b := []byte(number)
	last := len(b) - 1
	b[last] = '0' + (b[last]-'0'+1)%10
	return string(b)
}

// pickRadio checks the radio of a group (by name) with that value.
func pickRadio(t *testing.T, ctx context.Context, name, value string) {
	t.Helper()
	evalTrue(t, ctx, fmt.Sprintf("choose %s = %s", name, value), fmt.Sprintf(`(() => {
		const el = document.querySelector('input[name=' + CSS.escape(%s) + '][value=' + CSS.escape(%s) + ']');
		if (!el) return false;
		el.click();
		return el.checked;
	})()`, jsString(name), jsString(value)))
}

// waitRadioChecked waits until the radio of a group with that value is checked.
func waitRadioChecked(t *testing.T, ctx context.Context, name, value string) {
	t.Helper()
	waitJS(t, ctx, fmt.Sprintf("%s = %s checked", name, value), fmt.Sprintf(`(() => {
		const el = document.querySelector('input[name=' + CSS.escape(%s) + '][value=' + CSS.escape(%s) + ']');
		return !!el && el.checked;
	})()`, jsString(name), jsString(value)))
}
