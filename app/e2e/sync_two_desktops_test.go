package e2e

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"erpps/backend/demo"
	"erpps/backend/erpps"
	"erpps/backend/refdata"
)

// TestSyncTwoDesktops is issue 8's "done when": one eRPPS server (a real
// erpps-server process on SQLite, seeded with the demo data) and two
// desktops in browser mode with their own stores, both started with
// --server. In Chromium, typing key by key: the secretary's desktop signs in
// to the server, then drafts a new activity while the server is down (an
// attestation then is the desktop's offline preview); the server comes back and the draft reaches it by itself; the practitioner's
// desktop, signed in too, sees the draft and transmits it; an agent accepts
// it in the back office; both desktops show the decision and the new
// activity; the attestation downloaded afterwards from a desktop is signed
// by the server's key and verifies (its QR code read by zbarimg), on the
// desktop's « Vérifier une attestation » too.
func TestSyncTwoDesktops(t *testing.T) {
	need(t, "/usr/bin/chromium", "pdftotext", "pdftoppm", "zbarimg")
	srv, seeded := newERPPSServer(t)
	sec, p := mandatedSecretary(t, seeded)
	pro := seeded.professional(t, p.RPPS)
	day := time.Now().Format(time.DateOnly)
	like, place := newActivityPlace(t, p, day)
	cat, err := refdata.Load()
	if err != nil {
		t.Fatal(err)
	}
	agent := seeded.agentOf(t, cat.ARSName(place.Department))
	srv.start(t)

	secDesk := startServer(t, t.TempDir(), "--server", srv.URL)
	proDesk := startServer(t, t.TempDir(), "--server", srv.URL)
	secTab := newBrowser(t)
	proTab, agentTab := newTab(t, secTab), newTab(t, secTab)
	shot := func(ctx context.Context, n int, what string) {
		t.Helper()
		look(t, ctx, fmt.Sprintf("sync-%02d-%s", n, what))
	}

	// The secretary's desktop signs in to the server, key by key.
	connectDesktop(t, secTab, secDesk, srv.URL, sec, func(what string) { shot(secTab, 1, "secretaire-"+what) })
	waitHeaderSync(t, secTab, "online", "En ligne")
	shot(secTab, 2, "secretaire-en-ligne")

	// The server stops: the desktop says so and keeps working.
	srv.stop(t)
	waitHeaderSync(t, secTab, "offline", "Hors ligne")

	// A new activity drafted offline, key by key.
	draftNewActivity(t, secTab, secDesk, p, like, place)
	shot(secTab, 3, "secretaire-brouillon-hors-ligne")
	drafts := requestsOf(t, secDesk.URL, p.RPPS, erpps.KindNewActivity)
	if len(drafts) != 1 || drafts[0].Status != erpps.StatusDraft {
		t.Fatalf("the secretary's desktop holds %+v, want one draft", drafts)
	}
	reqID := drafts[0].ID
	waitPending(t, secTab, true)
	shot(secTab, 4, "secretaire-en-attente")
	// Meanwhile an attestation is the desktop's offline preview.
	if text, _ := downloadAttestation(t, secDesk, p.RPPS, "sync-04b-attestation-hors-ligne"); !strings.Contains(text, "APERÇU HORS LIGNE") {
		t.Errorf("the attestation downloaded while the server is down is not labelled an offline preview:\n%s", text)
	}

	// The server comes back: the desktop resumes by itself and the draft
	// reaches the server with what was typed.
	srv.start(t)
	waitHeaderSync(t, secTab, "online", "En ligne")
	waitPending(t, secTab, false)
	shot(secTab, 5, "secretaire-synchronise")
	proAPI := signInAPI(t, srv.URL, pro)
	waitUntil(t, syncWait, "the draft on the server", func() bool {
		r, ok := serverRequest(t, proAPI, p.RPPS, reqID)
		return ok && r.Status == erpps.StatusDraft && strings.Contains(string(r.Payload), place.SIRET)
	})
	if r, _ := serverRequest(t, proAPI, p.RPPS, reqID); len(r.History) == 0 || r.History[0].Actor.Role != erpps.RoleSecretary {
		t.Errorf("the draft on the server was not started by the secretary: %+v", r.History)
	}

	// The practitioner's desktop signs in, sees the draft and transmits it.
	connectDesktop(t, proTab, proDesk, srv.URL, pro, func(what string) { shot(proTab, 6, "praticien-"+what) })
	waitHeaderSync(t, proTab, "online", "En ligne")
	step(t, proTab, "open the practitioner's requests", chromedp.Navigate(proDesk.URL+"/#/pro/"+p.RPPS+"/demandes"))
	pageTitleIs(t, proTab, "Consulter ma demande en cours")
	waitLong(t, proTab, syncWait, "the secretary's draft listed", fmt.Sprintf(`!!document.getElementById(%s)`, jsString("request-"+reqID)))
	shot(proTab, 7, "praticien-brouillon-recu")
	step(t, proTab, "resume the draft", chromedp.Navigate(proDesk.URL+"/#/pro/"+p.RPPS+"/nouvelle-activite?demande="+reqID))
	waitText(t, proTab, "Étape 1 sur 4")
	waitText(t, proTab, place.CompanyName)
	for _, n := range []string{"2", "3", "4"} {
		clickID(t, proTab, "btn-next")
		waitText(t, proTab, "Étape "+n+" sur 4")
	}
	shot(proTab, 8, "praticien-recapitulatif")
	clickID(t, proTab, "btn-transmit")
	waitStatus(t, proTab, erpps.StatusTransmitted.Label())
	waitUntil(t, syncWait, "the transmission on the server", func() bool {
		r, ok := serverRequest(t, proAPI, p.RPPS, reqID)
		return ok && r.Status == erpps.StatusTransmitted
	})
	shot(proTab, 9, "praticien-transmise")

	// An agent of the ARS accepts it in the back office.
	acceptInBackOffice(t, agentTab, srv.URL, agent, reqID, func(what string) { shot(agentTab, 10, "agent-"+what) })

	// Both desktops show the decision and the new activity.
	for i, d := range []struct {
		who  string
		tab  context.Context
		desk *server
	}{{"secretaire", secTab, secDesk}, {"praticien", proTab, proDesk}} {
		step(t, d.tab, "open the requests on the "+d.who+"'s desktop", chromedp.Navigate(d.desk.URL+"/#/pro/"+p.RPPS+"/demandes"))
		waitLong(t, d.tab, syncWait, "the acceptance on the "+d.who+"'s desktop", badgeIs(reqID, string(erpps.StatusAccepted), erpps.StatusAccepted.Label()))
		shot(d.tab, 11+2*i, d.who+"-acceptee")
		step(t, d.tab, "open the activities on the "+d.who+"'s desktop", chromedp.Navigate(d.desk.URL+"/#/pro/"+p.RPPS+"/activites"))
		h1Is(t, d.tab, "Voir mes activités professionnelles")
		waitLong(t, d.tab, syncWait, "the new activity on the "+d.who+"'s desktop", fmt.Sprintf(`[...document.querySelectorAll("[id^='activite-']")].some(c => !c.id.startsWith("activite-en-attente-") && c.textContent.includes(%s))`, jsString(place.CompanyName)))
		shot(d.tab, 12+2*i, d.who+"-nouvelle-activite")
	}

	// The attestation downloaded now from the secretary's desktop is the
	// server's: signed by its current key, stating the new activity.
	text, payload := downloadAttestation(t, secDesk, p.RPPS, "sync-15-attestation")
	if strings.Contains(text, "APERÇU HORS LIGNE") || strings.Contains(text, "sans valeur officielle") {
		t.Errorf("the attestation downloaded online is an offline preview:\n%s", text)
	}
	if !strings.Contains(text, place.CompanyName) {
		t.Errorf("the attestation does not state the new activity at %s:\n%s", place.CompanyName, text)
	}
	if v := verifyWithServerKeys(t, srv.URL, payload); v.RPPS != p.RPPS {
		t.Fatalf("the attestation is about %s, want %s", v.RPPS, p.RPPS)
	}
	step(t, secTab, "open « Vérifier une attestation »", chromedp.Navigate(secDesk.URL+"/#/verifier"))
	h1Is(t, secTab, "Vérifier une attestation")
	typeInto(t, secTab, "verify-payload", payload)
	clickID(t, secTab, "btn-verify")
	waitJS(t, secTab, "the genuine verdict", fmt.Sprintf(`(() => { const r = document.getElementById("verify-result");
		return !!r && r.innerText.includes("Code QR authentique") && r.innerText.includes(%s) && !r.innerText.includes("Aperçu hors ligne") })()`, jsString(p.RPPS)))
	shot(secTab, 16, "secretaire-attestation-verifiee")
}

// mandatedSecretary returns the demo secretary seed-demo printed and the
// practitioner of their mandate (the RPPS number on the secretary's line).
func mandatedSecretary(t *testing.T, seeded seededServer) (demoAccount, *erpps.Practitioner) {
	t.Helper()
	if len(seeded.secretaries) == 0 {
		t.Fatalf("seed-demo printed no secretary:\n%s", seeded.output)
	}
	sec := seeded.secretaries[0]
	rpps := regexp.MustCompile(`\b\d{11}\b`).FindString(sec.label)
	list, err := demo.Generate(demo.Count, demo.Seed)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range list {
		if p.RPPS == rpps {
			return sec, p
		}
	}
	t.Fatalf("the secretary's line names no demo practitioner (%q):\n%s", sec.label, seeded.output)
	return demoAccount{}, nil
}

// newActivityPlace returns an open activity of p (whose codes the new one
// takes) and another demo practitioner's structure, known by its SIRET, in
// the same département: a new place with no change of département.
func newActivityPlace(t *testing.T, p *erpps.Practitioner, day string) (erpps.Activity, erpps.Structure) {
	t.Helper()
	list, err := demo.Generate(demo.Count, demo.Seed)
	if err != nil {
		t.Fatal(err)
	}
	mine := map[string]bool{}
	for _, a := range p.Activities {
		mine[a.Structure.SIRET] = true
	}
	for _, like := range p.OpenActivities(day) {
		for _, q := range list {
			if q.RPPS == p.RPPS {
				continue
			}
			for _, a := range q.OpenActivities(day) {
				s := a.Structure
				if s.SIRET != "" && !mine[s.SIRET] && s.Department == like.Structure.Department && s.CompanyName != "" {
					return like, s
				}
			}
		}
	}
	t.Fatalf("no demo structure in a département of %s's activities", p.RPPS)
	return erpps.Activity{}, erpps.Structure{}
}

// draftNewActivity fills the new activity's form on a desktop, key by key,
// up to its last step, without transmitting it.
func draftNewActivity(t *testing.T, ctx context.Context, desk *server, p *erpps.Practitioner, like erpps.Activity, place erpps.Structure) {
	t.Helper()
	step(t, ctx, "open the new activity", chromedp.Navigate(desk.URL+"/#/pro/"+p.RPPS+"/nouvelle-activite"))
	pageTitleIs(t, ctx, "Déclarer une nouvelle activité")
	waitText(t, ctx, "Étape 1 sur 4")
	typeInto(t, ctx, "field-structure.siret", place.SIRET)
	clickID(t, ctx, "btn-lookup")
	waitJS(t, ctx, "the structure found", fmt.Sprintf(`(document.getElementById("structure-recap") || {innerText: ""}).innerText.includes(%s)`, jsString(place.CompanyName)))
	waitSaved(t, ctx)
	clickID(t, ctx, "btn-next")
	waitText(t, ctx, "Étape 2 sur 4")
	step(t, ctx, "wait for the exercise fields", chromedp.WaitVisible(byID("field-startDate")))
	checkRadio(t, ctx, "modeCode", like.ModeCode)
	selectOption(t, ctx, "field-sectorCode", like.SectorCode)
	selectOption(t, ctx, "field-functionCode", like.FunctionCode)
	if like.GenreCode != "" && present(t, ctx, "field-genreCode") {
		selectOption(t, ctx, "field-genreCode", like.GenreCode)
	}
	typeDate(t, ctx, "field-startDate", time.Now().Format(time.DateOnly))
	waitNoFieldError(t, ctx, "startDate")
	waitSaved(t, ctx)
	clickID(t, ctx, "btn-next")
	waitText(t, ctx, "Étape 3 sur 4")
	clickID(t, ctx, "btn-next")
	waitText(t, ctx, "Étape 4 sur 4")
	waitText(t, ctx, place.CompanyName)
	waitSaved(t, ctx)
}

// serverRequest finds a request of the practitioner on the server.
func serverRequest(t *testing.T, api *serverAPI, rpps, id string) (*erpps.Request, bool) {
	t.Helper()
	var list struct {
		Items []*erpps.Request `json:"items"` // requests.Item: the request's fields and a summary
	}
	api.get("/api/v1/practitioners/"+rpps+"/requests", &list)
	for _, r := range list.Items {
		if r.ID == id {
			return r, true
		}
	}
	return nil, false
}

// The desktop's side of the server connection (branch "ui"): the settings
// page « Serveur eRPPS » and the header's sync status.

// connectDesktop opens the desktop's « Serveur eRPPS » page, checks the
// address given by --server, and signs in with the account, key by key.
func connectDesktop(t *testing.T, ctx context.Context, desk *server, serverURL string, acct demoAccount, shot func(string)) {
	t.Helper()
	step(t, ctx, "open « Serveur eRPPS »", chromedp.Navigate(desk.URL+"/#/serveur"))
	pageTitleIs(t, ctx, "Serveur eRPPS")
	waitText(t, ctx, "Ce poste n'est relié à aucun serveur")
	waitInputValue(t, ctx, "server-url", serverURL)
	typeInto(t, ctx, "server-login", acct.login)
	typeInto(t, ctx, "server-password", acct.password)
	shot("connexion")
	clickID(t, ctx, "btn-server-signin")
	waitLong(t, ctx, syncWait, "signed in to the server", `(document.getElementById("server-status") || {innerText: ""}).innerText.includes("Ce poste est relié au serveur eRPPS")`)
	shot("connecte")
}

// syncIndicator is the header's sync status (drawn twice by the DSFR
// header: the first one).
const syncIndicator = `(document.querySelector("[data-sync-state]") || {dataset: {}, textContent: ""})`

// waitHeaderSync waits until the header's sync status is state (online,
// offline, syncing) and says it in words (« En ligne », « Hors ligne »).
func waitHeaderSync(t *testing.T, ctx context.Context, state, label string) {
	t.Helper()
	waitLong(t, ctx, syncWait, "the sync status "+label, fmt.Sprintf(`%s.dataset.syncState === %s && %s.textContent.includes(%s)`, syncIndicator, jsString(state), syncIndicator, jsString(label)))
}

// waitPending waits until the header says that changes wait to be sent
// (some: at least one) or that everything is sent.
func waitPending(t *testing.T, ctx context.Context, some bool) {
	t.Helper()
	if !some {
		waitLong(t, ctx, syncWait, "« Tout est envoyé »", syncIndicator+`.textContent.includes("Tout est envoyé")`)
		return
	}
	waitLong(t, ctx, syncWait, "changes waiting to be sent", `/\d+ modifications? en attente d'envoi/.test(`+syncIndicator+`.textContent)`)
}
