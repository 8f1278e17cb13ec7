package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"erpps/backend/backoffice"
	"erpps/backend/erpps"
	"erpps/backend/internal/pgtest"
	"erpps/backend/refdata"
	"erpps/backend/register"
)

// TestBackOfficeSQLite: `make server`'s store, the embedded SQLite file.
func TestBackOfficeSQLite(t *testing.T) {
	need(t, "/usr/bin/chromium")
	runBackOffice(t, "sqlite", []string{"--data", t.TempDir()})
}

// TestBackOfficePostgres: the same on PostgreSQL, production's store.
func TestBackOfficePostgres(t *testing.T) {
	need(t, "/usr/bin/chromium")
	url := pgtest.NewDatabase(t)
	// The authority's key lives in a file (never in a table): made first.
	key := filepath.Join(t.TempDir(), "authority-key.pem")
	command(t, "keys", "rotate", "--signing-key-file", key)
	runBackOffice(t, "postgres", []string{"--database", url, "--signing-key-file", key})
}

// demoAgent is an ARS agent account seed-demo printed.
type demoAgent struct {
	login, password, ars string
	queued               int
}

var agentLine = regexp.MustCompile(`^\s+(\S+@\S+)\s+(\S+)\s+(ARS [^—]+?)(?:\s+—\s+(\d+) demande.*)?$`)

// demoAgents are the agents seed-demo tells how to sign in as.
func demoAgents(seeded string) []demoAgent {
	var out []demoAgent
	for _, line := range strings.Split(seeded, "\n") {
		if m := agentLine.FindStringSubmatch(line); m != nil {
			n, _ := strconv.Atoi(m[4])
			out = append(out, demoAgent{login: m[1], password: m[2], ars: m[3], queued: n})
		}
	}
	return out
}

// busiestAgent is the agent with the most demo requests in their queue.
func busiestAgent(t *testing.T, seeded string) demoAgent {
	t.Helper()
	var best demoAgent
	for _, a := range demoAgents(seeded) {
		if a.queued > best.queued {
			best = a
		}
	}
	if best.queued < 4 {
		t.Fatalf("seed-demo gave no agent 4 requests to decide (best: %+v):\n%s", best, seeded)
	}
	return best
}

// picked are the demo requests the test decides, one per scenario.
type picked struct {
	accept, refuse, complement, conflict *backoffice.Case
}

// pickRequests reads the agent's queue through the API and chooses a
// request that accepting changes the record of (alone: no moved cabinet),
// and three others.
func pickRequests(t *testing.T, api *apiClient) (picked, *erpps.QueuePage) {
	t.Helper()
	var page erpps.QueuePage
	api.get("/api/v1/queue", &page)
	var p picked
	var rest []*backoffice.Case
	for _, it := range page.Items {
		var c backoffice.Case
		api.get("/api/v1/cases/"+it.ID, &c)
		if c.Request.Status != erpps.StatusTransmitted {
			continue
		}
		if p.accept == nil && c.Linked == nil && c.ChangesProblem == "" && len(c.Changes) > 0 {
			p.accept = &c
			continue
		}
		if c.Linked == nil {
			rest = append(rest, &c)
		}
	}
	if p.accept == nil || len(rest) < 3 {
		t.Fatalf("the demo queue has no request to accept or too few others (%d): %+v", len(rest), page.Items)
	}
	p.refuse, p.complement, p.conflict = rest[0], rest[1], rest[2]
	return p, &page
}

func runBackOffice(t *testing.T, store string, flags []string) {
	seeded := seed(t, flags)
	agent := busiestAgent(t, seeded)
	var stranger demoAgent
	for _, a := range demoAgents(seeded) {
		if a.ars != agent.ars && a.queued > 0 {
			stranger = a
			break
		}
	}
	if stranger.login == "" {
		t.Fatal("seed-demo gave no agent of another region with requests")
	}
	srv := serve(t, flags)
	api := signedInClient(t, srv.URL, agent.login, agent.password)
	reqs, queue := pickRequests(t, api)
	shot := func(ctx context.Context, n int, what string) {
		t.Helper()
		look(t, ctx, fmt.Sprintf("backoffice-%s-%02d-%s", store, n, what))
	}
	ctx := newBrowser(t)

	// Sign in, key by key: empty fields, a wrong password, then the right one.
	step(t, ctx, "open the server", chromedp.Navigate(srv.URL+"/"))
	pageTitleIs(t, ctx, "Connexion à l'espace ARS")
	focusOnTitle(t, ctx)
	shot(ctx, 1, "connexion")
	clickID(t, ctx, "btn-signin")
	waitInvalid(t, ctx, "login", "login", "Indiquez votre identifiant.")
	waitInvalid(t, ctx, "password", "password", "Indiquez votre mot de passe.")
	shot(ctx, 2, "connexion-champs-vides")
	typeInto(t, ctx, "login", agent.login)
	typeInto(t, ctx, "password", agent.password+"x")
	pressEnter(t, ctx)
	waitText(t, ctx, "Connexion impossible")
	waitInputValue(t, ctx, "password", "")
	shot(ctx, 3, "connexion-refusee")
	typeInto(t, ctx, "password", agent.password)
	pressEnter(t, ctx)

	// The queue of the region, its count, its filters.
	pageTitleIs(t, ctx, "Demandes à instruire")
	focusOnTitle(t, ctx)
	waitText(t, ctx, "l'"+agent.ars)
	waitCount(t, ctx, queue.Total)
	for _, it := range queue.Items {
		waitJS(t, ctx, "the queue lists "+it.ID, fmt.Sprintf(`!!document.getElementById(%s)`, jsString("open-"+it.ID)))
	}
	shot(ctx, 4, "file")
	kind := reqs.accept.Request.Kind
	selectOption(t, ctx, "filter-kind", string(kind))
	waitJS(t, ctx, "the kind's option named by Go", fmt.Sprintf(`(() => { const s = document.getElementById("filter-kind"); return !!s && s.selectedOptions[0].text === %s })()`, jsString(kindLabel(kind))))
	clickID(t, ctx, "btn-filter")
	var byKind erpps.QueuePage
	api.get("/api/v1/queue?kind="+string(kind), &byKind)
	waitJS(t, ctx, "the kind in the address", `location.hash.includes("type=`+string(kind)+`")`)
	waitCount(t, ctx, byKind.Total)
	if byKind.Total == queue.Total {
		t.Logf("every request of the queue is %s: the kind filter leaves them all", kind)
	}
	dep := reqs.refuse.Request.Department
	selectOption(t, ctx, "filter-department", dep)
	clickID(t, ctx, "btn-filter")
	var byBoth erpps.QueuePage
	api.get("/api/v1/queue?kind="+string(kind)+"&department="+dep, &byBoth)
	waitJS(t, ctx, "the département in the address", `location.hash.includes("departement=`+dep+`")`)
	waitCount(t, ctx, byBoth.Total)
	shot(ctx, 5, "file-filtree")
	clickID(t, ctx, "btn-filter-reset")
	waitCount(t, ctx, queue.Total)

	// Take, then accept: the record changes as the request says.
	openCase(t, ctx, reqs.accept)
	for _, c := range reqs.accept.Changes {
		waitJS(t, ctx, "the change of "+c.Field, fmt.Sprintf(`(() => { const r = document.querySelector('#changes-table tr[data-field=' + CSS.escape(%s) + ']'); return !!r && r.innerText.includes(%s) })()`, jsString(c.Field), jsString(c.Label)))
	}
	waitJS(t, ctx, "the record beside the request", `!!document.getElementById("record-panel") && document.getElementById("record-panel").innerText.includes(`+jsString(reqs.accept.Record.RPPS)+`)`)
	shot(ctx, 6, "demande")
	take(t, ctx)
	waitText(t, ctx, "Vous avez pris en charge la demande")
	historyHas(t, ctx, erpps.StatusUnderReview.ServerLabel(), agentName(t, api))
	shot(ctx, 7, "prise-en-charge")
	clickID(t, ctx, "btn-accept")
	confirmDialog(t, ctx, "dialog-accept")
	waitStatus(t, ctx, erpps.StatusAccepted.ServerLabel())
	waitText(t, ctx, "le dossier du professionnel est mis à jour")
	historyHas(t, ctx, erpps.StatusAccepted.ServerLabel(), agentName(t, api))
	shot(ctx, 8, "acceptee")
	checkRecordChanged(t, api, reqs.accept)

	// Take, then refuse: a reason is required.
	openCase(t, ctx, reqs.refuse)
	take(t, ctx)
	clickID(t, ctx, "btn-refuse")
	clickID(t, ctx, "btn-refuse-confirm")
	waitInvalid(t, ctx, "refuse-reason", "reason", "Indiquez le motif du refus")
	shot(ctx, 9, "refus-sans-motif")
	reason := "Le justificatif de fin d'activité n'est pas joint : merci de l'ajouter à une nouvelle demande."
	typeInto(t, ctx, "refuse-reason", reason)
	clickID(t, ctx, "btn-refuse-confirm")
	waitStatus(t, ctx, erpps.StatusRefused.ServerLabel())
	historyHas(t, ctx, erpps.StatusRefused.ServerLabel(), reason)
	shot(ctx, 10, "refusee")
	if c := caseOf(t, api, reqs.refuse.Request.ID); c.Request.Status != erpps.StatusRefused || c.Request.Reason != reason {
		t.Errorf("the refused request is %s with the reason %q, want refused with %q", c.Request.Status, c.Request.Reason, reason)
	}

	// Take, then ask for a complement: a message and a real deadline after today.
	openCase(t, ctx, reqs.complement)
	take(t, ctx)
	clickID(t, ctx, "btn-complement")
	message := "Joignez l'attestation de l'employeur, datée et signée."
	typeInto(t, ctx, "complement-message", message)
	typeInto(t, ctx, "complement-deadline", "31/02/2099")
	clickID(t, ctx, "btn-complement-confirm")
	waitInvalid(t, ctx, "complement-deadline", "deadline", "pas une date valide")
	deadline := time.Now().AddDate(0, 0, 21)
	typeInto(t, ctx, "complement-deadline", deadline.Format("02/01/2006"))
	waitJS(t, ctx, "the deadline's error gone once typed again", `!document.querySelector("[data-field-error=deadline]") && document.getElementById("complement-deadline").getAttribute("aria-invalid") !== "true"`)
	shot(ctx, 11, "complement")
	clickID(t, ctx, "btn-complement-confirm")
	waitStatus(t, ctx, erpps.StatusComplementRequested.ServerLabel())
	historyHas(t, ctx, erpps.StatusComplementRequested.ServerLabel(), message)
	shot(ctx, 12, "complement-demande")
	if c := caseOf(t, api, reqs.complement.Request.ID); c.Request.Status != erpps.StatusComplementRequested || c.Request.Deadline != deadline.Format(time.DateOnly) || c.Request.Reason != message {
		t.Errorf("the complement: %s, deadline %q, message %q; want complement_requested, %s, %q", c.Request.Status, c.Request.Deadline, c.Request.Reason, deadline.Format(time.DateOnly), message)
	}

	// Someone else takes the request the page shows: the page says so and reads it again.
	openCase(t, ctx, reqs.conflict)
	waitJS(t, ctx, "#btn-take offered", `!!document.getElementById("btn-take")`)
	other := signedInClient(t, srv.URL, agent.login, agent.password)
	if status, body := other.do("POST", "/api/v1/requests/"+reqs.conflict.Request.ID+"/decisions", backoffice.DecisionInput{Action: erpps.DecisionTake, BaseRevision: reqs.conflict.Request.Revision}); status != http.StatusOK {
		t.Fatalf("another session takes the request: HTTP %d %s", status, body)
	}
	clickID(t, ctx, "btn-take")
	waitText(t, ctx, "Cette demande a changé entre-temps")
	waitStatus(t, ctx, erpps.StatusUnderReview.ServerLabel())
	waitJS(t, ctx, "the notice focused", `document.activeElement && document.activeElement.id === "decision-notice"`)
	shot(ctx, 13, "conflit")

	// The session ends on the server while the agent works: the page asks to
	// sign in again, then shows what was asked (the accepted requests).
	revokeBrowserSession(t, ctx, srv.URL)
	step(t, ctx, "open the accepted requests", chromedp.Navigate(srv.URL+"/#/file?statut=accepted"))
	pageTitleIs(t, ctx, "Connexion à l'espace ARS")
	waitText(t, ctx, "Votre session a pris fin")
	shot(ctx, 14, "session-terminee")
	typeInto(t, ctx, "login", agent.login)
	typeInto(t, ctx, "password", agent.password)
	pressEnter(t, ctx)
	pageTitleIs(t, ctx, "Demandes à instruire")
	waitJS(t, ctx, "the same address", `location.hash.includes("statut=accepted")`)
	waitCount(t, ctx, 1)
	waitJS(t, ctx, "the accepted request listed", fmt.Sprintf(`!!document.getElementById(%s)`, jsString("open-"+reqs.accept.Request.ID)))
	shot(ctx, 15, "file-acceptees")

	// « Se déconnecter »: the session is revoked.
	step(t, ctx, "click « Se déconnecter »", chromedp.Click(chromedp.JSPath(`document.querySelector(".fr-header__tools [data-action=signout]")`)))
	pageTitleIs(t, ctx, "Connexion à l'espace ARS")
	waitText(t, ctx, "Vous êtes déconnecté.")
	shot(ctx, 16, "deconnexion")
	step(t, ctx, "reopen the queue", chromedp.Navigate(srv.URL+"/#/file"))
	step(t, ctx, "reload", chromedp.Reload())
	pageTitleIs(t, ctx, "Connexion à l'espace ARS")

	// An agent of another region: their own queue, never this region's requests.
	typeInto(t, ctx, "login", stranger.login)
	typeInto(t, ctx, "password", stranger.password)
	pressEnter(t, ctx)
	pageTitleIs(t, ctx, "Demandes à instruire")
	waitText(t, ctx, "l'"+stranger.ars)
	waitCount(t, ctx, stranger.queued)
	if present := evalJS[bool](t, ctx, fmt.Sprintf(`!!document.getElementById(%s)`, jsString("open-"+reqs.refuse.Request.ID))); present {
		t.Fatalf("the queue of the %s lists a request of the %s", stranger.ars, agent.ars)
	}
	step(t, ctx, "open a request of another region", chromedp.Navigate(srv.URL+"/#/demandes/"+reqs.refuse.Request.ID))
	waitText(t, ctx, "La demande n'a pas pu être lue")
	if body := pageText(ctx); strings.Contains(body, reqs.refuse.Record.RPPS) || strings.Contains(body, reqs.refuse.Record.BirthName) {
		t.Fatalf("the page of a request of another region shows its practitioner:\n%s", body)
	}
	shot(ctx, 17, "autre-region")
}

// waitCount waits until the queue's count says n requests.
func waitCount(t *testing.T, ctx context.Context, n int) {
	t.Helper()
	want := fmt.Sprintf("%d demande", n)
	if n == 0 {
		want = "Aucune demande"
	}
	waitJS(t, ctx, "the count "+want, fmt.Sprintf(`(() => { const el = document.getElementById("queue-count"); return !!el && el.innerText.startsWith(%s) })()`, jsString(want)))
	if n > 0 {
		rows := evalJS[int](t, ctx, `document.querySelectorAll("#queue-table tbody tr").length`)
		if rows != min(n, 20) {
			t.Fatalf("the queue shows %d rows for %d requests", rows, n)
		}
	}
}

// openCase opens a request from the queue's address and waits for its page.
func openCase(t *testing.T, ctx context.Context, c *backoffice.Case) {
	t.Helper()
	step(t, ctx, "open the request", chromedp.Navigate(strings.TrimSuffix(evalJS[string](t, ctx, "location.origin"), "/")+"/#/demandes/"+c.Request.ID))
	waitJS(t, ctx, "the request's page", fmt.Sprintf(`(() => { const h = document.querySelector("main h1"); return !!h && h.innerText.startsWith(%s) })()`, jsString(kindLabel(c.Request.Kind)+" — ")))
	focusOnTitle(t, ctx)
}

// take clicks « Prendre en charge » (Go's label) and waits until the request is « En instruction ».
func take(t *testing.T, ctx context.Context) {
	t.Helper()
	waitJS(t, ctx, "the button "+erpps.DecisionTake.Label(), fmt.Sprintf(`(() => { const b = document.getElementById("btn-take"); return !!b && b.innerText.trim() === %s })()`, jsString(erpps.DecisionTake.Label())))
	clickID(t, ctx, "btn-take")
	waitStatus(t, ctx, erpps.StatusUnderReview.ServerLabel())
	waitJS(t, ctx, "the success notice focused", `document.activeElement && document.activeElement.id === "decision-notice" && document.activeElement.innerText.includes("Décision enregistrée")`)
}

// historyHas waits until a line of the history holds every text given.
func historyHas(t *testing.T, ctx context.Context, texts ...string) {
	t.Helper()
	list, _ := json.Marshal(texts)
	waitJS(t, ctx, fmt.Sprintf("a line of the history with %q", texts), fmt.Sprintf(`[...document.querySelectorAll("#history-table tbody tr")].some(r => %s.every(s => r.innerText.includes(s)))`, list))
}

func kindLabel(k erpps.RequestKind) string { return k.Label() }

func caseOf(t *testing.T, api *apiClient, id string) *backoffice.Case {
	t.Helper()
	var c backoffice.Case
	api.get("/api/v1/cases/"+id, &c)
	return &c
}

func agentName(t *testing.T, api *apiClient) string {
	t.Helper()
	var s struct {
		Session erpps.Session `json:"session"`
	}
	api.get("/api/v1/session", &s)
	return s.Session.Account.Name
}

// checkRecordChanged checks the record after the acceptance is the record
// before it with the request applied (register.Apply), and not the same.
func checkRecordChanged(t *testing.T, api *apiClient, before *backoffice.Case) {
	t.Helper()
	after := caseOf(t, api, before.Request.ID)
	if after.Request.Status != erpps.StatusAccepted {
		t.Fatalf("the request is %s after its acceptance", after.Request.Status)
	}
	cat, err := refdata.Load()
	if err != nil {
		t.Fatal(err)
	}
	want, changes, err := register.Apply(cat, before.Record, before.Request, before.Linked, time.Now().Format(time.DateOnly))
	if err != nil {
		t.Fatalf("applying the request to the record before: %v", err)
	}
	if len(changes) == 0 {
		t.Fatal("the accepted request changes nothing: the test proves nothing")
	}
	want.UpdatedAt = after.Record.UpdatedAt
	if a, b := normalJSON(t, after.Record), normalJSON(t, want); a != b {
		t.Errorf("the record after the acceptance:\n%s\nwant:\n%s", a, b)
	}
	if a, b := normalJSON(t, after.Record), normalJSON(t, before.Record); a == b {
		t.Error("the record did not change")
	}
}

// normalJSON writes v as JSON with empty lists and nulls alike.
func normalJSON(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return strings.ReplaceAll(string(b), "null", "[]")
}

// revokeBrowserSession signs the browser's session out on the server with
// its cookie (HttpOnly: read through the DevTools protocol), as an expiry would.
func revokeBrowserSession(t *testing.T, ctx context.Context, base string) {
	t.Helper()
	got, err := chromedp.Call(ctx, network.GetCookies, network.GetCookiesParams{URLs: []string{base + "/"}})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range got.Cookies {
		if c.Name != "erpps_session" {
			continue
		}
		if !c.HTTPOnly {
			t.Error("the session cookie is readable by scripts (not HttpOnly)")
		}
		req, err := http.NewRequest("DELETE", base+"/api/v1/session", nil)
		if err != nil {
			t.Fatal(err)
		}
		req.AddCookie(&http.Cookie{Name: c.Name, Value: c.Value})
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if res.StatusCode != http.StatusNoContent {
			t.Fatalf("revoking the browser's session: HTTP %d", res.StatusCode)
		}
		return
	}
	t.Fatal("the browser holds no erpps_session cookie")
}
