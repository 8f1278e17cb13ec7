package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"erpps/backend/erpps"
)

// apiCall calls a bound method of the running server the way the browser UI
// does (POST /api/{method}, arguments as a JSON array) and returns the
// result; any answer but 200 fails the test.
func apiCall(t *testing.T, srv *server, method string, args ...any) json.RawMessage {
	t.Helper()
	status, body := apiPost(t, srv, method, args...)
	if status != http.StatusOK {
		t.Fatalf("%s: HTTP %d: %s", method, status, body)
	}
	return body
}

// apiPost is apiCall that returns the HTTP status with the body, for calls
// expected to fail.
func apiPost(t *testing.T, srv *server, method string, args ...any) (int, json.RawMessage) {
	t.Helper()
	return postAPI(t, srv.URL, method, args...)
}

// requestView is the part of GetRequest's answer the tests read.
type requestView struct {
	Request erpps.Request `json:"request"`
}

func decodeView(t *testing.T, raw json.RawMessage) erpps.Request {
	t.Helper()
	var v requestView
	if err := json.Unmarshal(raw, &v); err != nil {
		t.Fatalf("decoding a request view: %v\n%s", err, raw)
	}
	return v.Request
}

// jsValue evaluates a JavaScript expression giving a string.
func jsValue(t *testing.T, ctx context.Context, expr string) string {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[string](expr))
	if err != nil {
		t.Fatalf("evaluating %s: %v", expr, err)
	}
	return v
}

// badgeIs is true when the card of request id shows the status with its label.
func badgeIs(id, status, label string) string {
	return fmt.Sprintf(`(() => { const b = document.querySelector("#request-" + %s + " [data-status]");
		return !!b && b.dataset.status === %s && b.textContent.trim() === %s })()`, jsString(id), jsString(status), jsString(label))
}

// openHistory unfolds the history accordion of request id and returns its text.
func openHistory(t *testing.T, ctx context.Context, id string) {
	t.Helper()
	expr := fmt.Sprintf(`(() => { const b = document.querySelector("#request-" + %s + " .fr-accordion__btn");
		if (!b) return false;
		if (b.getAttribute("aria-expanded") !== "true") b.click();
		return true })()`, jsString(id))
	waitJS(t, ctx, "the history accordion of "+id, expr)
	waitJS(t, ctx, "the history of "+id+" unfolded", fmt.Sprintf(`(() => { const c = document.querySelector("#request-" + %s + " .fr-collapse");
		return !!c && c.innerText.includes("— par ") })()`, jsString(id)))
}

func historyText(t *testing.T, ctx context.Context, id string) string {
	t.Helper()
	return jsValue(t, ctx, fmt.Sprintf(`(document.querySelector("#request-" + %s + " .fr-collapse") || {innerText: ""}).innerText`, jsString(id)))
}

// TestActionRequests: requests made through the API show on "Consulter ma
// demande en cours" with their status and history; a draft resumes in its
// form; a transmitted request is withdrawn with a reason, a draft deleted.
func TestActionRequests(t *testing.T) {
	ctx := newBrowser(t)
	srv := startServer(t, t.TempDir())
	p := demoPractitioner(t)
	today := time.Now().Format(time.DateOnly)
	open := p.OpenActivities(today)
	if len(open) == 0 {
		t.Fatal("the first demo practitioner has no open activity")
	}

	// Writes go through the session opened on the record.
	apiCall(t, srv, "OpenSession", p.RPPS)
	// A draft: the cessation of an activity, end date typed.
	draft := decodeView(t, apiCall(t, srv, "StartRequest", map[string]string{"rpps": p.RPPS, "kind": "cease_activity", "targetId": open[0].ID}))
	endDate := time.Now().AddDate(0, 1, 0).Format(time.DateOnly)
	apiCall(t, srv, "SaveDraft", draft.ID, draft.Revision, map[string]any{"activityId": open[0].ID, "endDate": endDate})

	// A transmitted request: a new exercise name.
	sent := decodeView(t, apiCall(t, srv, "StartRequest", map[string]string{"rpps": p.RPPS, "kind": "exercise_name"}))
	apiCall(t, srv, "SaveDraft", sent.ID, sent.Revision, map[string]any{"exerciseName": "MARTIN-DURAND", "useBirthName": false})
	if got := decodeView(t, apiCall(t, srv, "TransmitRequest", sent.ID)); got.Status != erpps.StatusTransmitted {
		t.Fatalf("TransmitRequest left the request %q", got.Status)
	}

	page := srv.URL + "/#/pro/" + p.RPPS + "/demandes"
	step(t, ctx, "open the requests page", chromedp.Navigate(page))
	h1Is(t, ctx, "Consulter ma demande en cours")
	waitText(t, ctx, "reprendre une demande « en cours » non transmise pour la modifier")
	waitJS(t, ctx, "the draft's badge", badgeIs(draft.ID, "draft", "En cours (non transmise)"))
	waitJS(t, ctx, "the transmitted request's badge", badgeIs(sent.ID, "transmitted", erpps.StatusTransmitted.Label()))
	cardText := jsValue(t, ctx, `document.getElementById("request-`+sent.ID+`").innerText`)
	for _, want := range []string{"Nom d'exercice", "MARTIN-DURAND", "transmise le"} {
		if !strings.Contains(cardText, want) {
			t.Errorf("the transmitted request's card lacks %q:\n%s", want, cardText)
		}
	}
	if draftText := jsValue(t, ctx, `document.getElementById("request-`+draft.ID+`").innerText`); !strings.Contains(draftText, open[0].Structure.CompanyName) {
		t.Errorf("the draft's card does not name the activity ceased %q:\n%s", open[0].Structure.CompanyName, draftText)
	}
	openHistory(t, ctx, sent.ID)
	if h := historyText(t, ctx, sent.ID); !strings.Contains(h, "— Transmise — par Professionnel (poste local)") || !strings.Contains(h, "Demande créée") {
		t.Errorf("the history lacks the creation or the transmission:\n%s", h)
	}
	look(t, ctx, "30-requests")

	t.Run("Filters", func(t *testing.T) {
		filter := func(label string) {
			t.Helper()
			waitJS(t, ctx, "filter "+label, fmt.Sprintf(`(() => { const l = [...document.querySelectorAll("#requests-filter label")].find(l => l.innerText.startsWith(%s));
				if (!l) return false; l.click(); return true })()`, jsString(label)))
		}
		shown := func(id string) string { return `!!document.getElementById("request-` + id + `")` }
		filter("Transmises")
		waitJS(t, ctx, "only the transmitted request shown", shown(sent.ID)+" && !"+shown(draft.ID))
		filter("En cours")
		waitJS(t, ctx, "only the draft shown", shown(draft.ID)+" && !"+shown(sent.ID))
		filter("Terminées")
		waitText(t, ctx, "Aucune demande dans cette catégorie.")
		filter("Toutes")
		waitJS(t, ctx, "both requests shown", shown(draft.ID)+" && "+shown(sent.ID))
	})

	t.Run("ResumeDraft", func(t *testing.T) {
		want := "#/pro/" + p.RPPS + "/cesser?demande=" + draft.ID
		if href := jsValue(t, ctx, `document.getElementById("resume-`+draft.ID+`").getAttribute("href")`); !strings.HasSuffix(href, want) {
			t.Fatalf("Reprendre et modifier points to %q, want …%s", href, want)
		}
		if offered := jsValue(t, ctx, `String(!!document.getElementById("withdraw-`+draft.ID+`"))`); offered != "false" {
			t.Error("a draft offers Retirer ma demande")
		}
		step(t, ctx, "click Reprendre et modifier", chromedp.Click(chromedp.ID("resume-"+draft.ID)))
		waitJS(t, ctx, "the cessation form's URL", fmt.Sprintf(`location.hash.endsWith(%s)`, jsString(strings.TrimPrefix(want, "#"))))
		step(t, ctx, "back to the requests page", chromedp.Navigate(page))
		waitJS(t, ctx, "the requests listed again", badgeIs(sent.ID, "transmitted", erpps.StatusTransmitted.Label()))
	})

	t.Run("Withdraw", func(t *testing.T) {
		reason := "Erreur de saisie du nom"
		clickID(t, ctx, "withdraw-"+sent.ID)
		typeInto(t, ctx, "withdraw-reason-"+sent.ID, reason)
		look(t, ctx, "31-requests-withdraw-dialog")
		waitFocusable(t, ctx, "withdraw-dialog-"+sent.ID+"-confirm")
		clickID(t, ctx, "withdraw-dialog-"+sent.ID+"-confirm")
		waitJS(t, ctx, "the badge Retirée", badgeIs(sent.ID, "withdrawn", "Retirée"))
		waitText(t, ctx, "a été retirée")
		openHistory(t, ctx, sent.ID)
		h := historyText(t, ctx, sent.ID)
		for _, want := range []string{"— Retirée — par Professionnel (poste local)", "Motif du retrait : " + reason} {
			if !strings.Contains(h, want) {
				t.Errorf("the history lacks %q:\n%s", want, h)
			}
		}
		if offered := jsValue(t, ctx, `String(!!document.getElementById("withdraw-`+sent.ID+`"))`); offered != "false" {
			t.Error("a withdrawn request still offers Retirer ma demande")
		}
		got := decodeView(t, apiCall(t, srv, "GetRequest", sent.ID))
		if got.Status != erpps.StatusWithdrawn {
			t.Fatalf("stored status %q, want withdrawn", got.Status)
		}
		last := got.History[len(got.History)-1]
		if last.To != erpps.StatusWithdrawn || last.Comment != reason || last.Actor.Role != erpps.RoleProfessional {
			t.Errorf("last history step %+v, want a withdrawal by the professional with the reason", last)
		}
		look(t, ctx, "32-requests-withdrawn")
	})

	t.Run("DeleteDraft", func(t *testing.T) {
		clickID(t, ctx, "delete-"+draft.ID)
		waitFocusable(t, ctx, "delete-dialog-"+draft.ID+"-confirm")
		clickID(t, ctx, "delete-dialog-"+draft.ID+"-confirm")
		waitJS(t, ctx, "the draft's card gone", `!document.getElementById("request-`+draft.ID+`")`)
		waitText(t, ctx, "Le brouillon a été supprimé.")
		if status, body := apiPost(t, srv, "GetRequest", draft.ID); status != http.StatusNotFound {
			t.Fatalf("GetRequest of the deleted draft: HTTP %d %s, want 404", status, body)
		}
		look(t, ctx, "33-requests-draft-deleted")
	})
}
