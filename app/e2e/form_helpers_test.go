package e2e

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"erpps/backend/demo"
	"erpps/backend/erpps"
	"erpps/backend/refdata"
)

// Helpers for the request forms. Fields are found by their id
// ("field-<json path>", e.g. "field-structure.siret") with
// document.getElementById, so dots in ids need no escaping.

// jsString quotes s for JavaScript.
func jsString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// evalTrue runs a JavaScript expression that must return true.
func evalTrue(t *testing.T, ctx context.Context, what, expr string) {
	t.Helper()
	sctx, cancel := context.WithTimeout(ctx, 15*time.Second)
	defer cancel()
	ok, err := chromedp.Run(sctx, chromedp.Evaluate[bool](expr))
	if err != nil {
		t.Fatalf("%s: %v", what, err)
	}
	if !ok {
		t.Fatalf("%s: the page refused (element missing?)", what)
	}
}

// waitJS waits until a JavaScript expression is true.
func waitJS(t *testing.T, ctx context.Context, what, expr string) {
	t.Helper()
	sctx, cancel := context.WithTimeout(ctx, 15*time.Second)
	defer cancel()
	if _, err := chromedp.Run(sctx, chromedp.Poll[bool](expr)); err != nil {
		body, _ := chromedp.Run(ctx, chromedp.Evaluate[string]("document.body ? document.body.innerText.slice(0, 2000) : ''"))
		t.Fatalf("%s never happened: %v\npage text: %s", what, err, body)
	}
}

// Every value goes into the page as a person's keyboard sends it: key by
// key, with real key events (chromedp's KeyEvent: keyDown, char, keyUp for
// each character), never by setting a value from JavaScript. A form that
// rewrites what is typed (a trimmed or normalised controlled value) fails here.

// clearField empties the focused text field with real key presses: the caret
// to the end (Ctrl+End), then one Backspace per character.
func clearField(t *testing.T, ctx context.Context, id string) {
	t.Helper()
	n := len([]rune(inputValue(t, ctx, id)))
	if n == 0 {
		return
	}
	step(t, ctx, "clear #"+id,
		chromedp.KeyEvent(kb.End, chromedp.KeyModifiers(chromedp.ModifierCtrl)),
		chromedp.KeyEvent(strings.Repeat(kb.Backspace, n)))
	waitInputValue(t, ctx, id, "")
}

// typeInto empties a text field with key presses, types value key by key,
// and checks that the field shows exactly what was typed (spaces, accents,
// apostrophes and hyphens included).
func typeInto(t *testing.T, ctx context.Context, id, value string) {
	t.Helper()
	waitFocusable(t, ctx, id)
	clearField(t, ctx, id)
	// Each key is a round trip to Chromium: a long text (an attestation's
	// QR content) gets time in proportion on a loaded machine.
	limit := 15*time.Second + time.Duration(len([]rune(value)))*100*time.Millisecond
	stepWithin(t, ctx, limit, "type into #"+id, chromedp.KeyEvent(value))
	waitInputValue(t, ctx, id, value)
}

// typeDate types a YYYY-MM-DD day as a French person does, jj/mm/aaaa, and
// checks that the field shows it so.
func typeDate(t *testing.T, ctx context.Context, id, isoDay string) {
	t.Helper()
	typeInto(t, ctx, id, frenchDay(isoDay))
}

// frenchDay writes a YYYY-MM-DD day as jj/mm/aaaa.
func frenchDay(isoDay string) string {
	d, err := time.Parse("2006-01-02", isoDay)
	if err != nil {
		return isoDay
	}
	return d.Format("02/01/2006")
}

// selectOption picks the option of a <select> with that value with the
// keyboard: the select focused, ArrowDown or ArrowUp until it shows the
// option (each press sends the change event React listens to).
func selectOption(t *testing.T, ctx context.Context, id, value string) {
	t.Helper()
	waitFocusable(t, ctx, id)
	where := fmt.Sprintf(`(() => { const el = document.getElementById(%s); const want = [...el.options].findIndex(o => o.value === %s); return want < 0 ? -1000 : want - el.selectedIndex })()`, jsString(id), jsString(value))
	for range 200 {
		delta, err := chromedp.Run(ctx, chromedp.Evaluate[int](where))
		if err != nil {
			t.Fatalf("select %q in #%s: %v", value, id, err)
		}
		switch {
		case delta == -1000:
			t.Fatalf("select %q in #%s: no such option", value, id)
		case delta == 0:
			waitInputValue(t, ctx, id, value)
			return
		case delta > 0:
			step(t, ctx, "arrow down in #"+id, chromedp.KeyEvent(kb.ArrowDown))
		default:
			step(t, ctx, "arrow up in #"+id, chromedp.KeyEvent(kb.ArrowUp))
		}
	}
	t.Fatalf("select %q in #%s: the keyboard never reached it", value, id)
}

// byID selects an element by an id that may hold dots ("field-structure.siret"),
// which chromedp.ID would read as a CSS class.
func byID(id string) chromedp.JSPath {
	return chromedp.JSPath("document.getElementById(" + jsString(id) + ")")
}

// waitFocusable waits until an element takes the focus: a field or a button
// in a dialog that is still opening is visible but not yet usable.
func waitFocusable(t *testing.T, ctx context.Context, id string) {
	t.Helper()
	waitJS(t, ctx, "#"+id+" focusable", fmt.Sprintf(`(() => { const el = document.getElementById(%s); if (!el) return false; el.focus(); return document.activeElement === el })()`, jsString(id)))
}

// clickID clicks an element by its id, once it is visible.
func clickID(t *testing.T, ctx context.Context, id string) {
	t.Helper()
	step(t, ctx, "click #"+id, chromedp.WaitVisible(byID(id)), chromedp.Click(byID(id)))
}

// inputValue returns the current value of an input, a select or a textarea.
func inputValue(t *testing.T, ctx context.Context, id string) string {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[string](fmt.Sprintf(`(document.getElementById(%s) || {value: "(absent)"}).value`, jsString(id))))
	if err != nil {
		t.Fatalf("read #%s: %v", id, err)
	}
	return v
}

// waitInputValue waits until a field shows value.
func waitInputValue(t *testing.T, ctx context.Context, id, value string) {
	t.Helper()
	waitJS(t, ctx, fmt.Sprintf("#%s = %q", id, value), fmt.Sprintf(`(() => { const el = document.getElementById(%s); return !!el && el.value === %s })()`, jsString(id), jsString(value)))
}

// fieldErrorExpr is the text of the error shown beside a field ("" when none).
func fieldErrorExpr(path string) string {
	return fmt.Sprintf(`((document.querySelector('[data-field-error=' + CSS.escape(%s) + ']') || {innerText: ""}).innerText)`, jsString(path))
}

// waitFieldError waits until the error beside the field (by JSON path)
// contains want.
func waitFieldError(t *testing.T, ctx context.Context, path, want string) {
	t.Helper()
	waitJS(t, ctx, fmt.Sprintf("error %q beside %s", want, path), fmt.Sprintf(`%s.includes(%s)`, fieldErrorExpr(path), jsString(want)))
}

// waitNoFieldError waits until no error is shown beside the field.
func waitNoFieldError(t *testing.T, ctx context.Context, path string) {
	t.Helper()
	waitJS(t, ctx, "no error beside "+path, fieldErrorExpr(path)+` === ""`)
}

// waitSaved waits until the autosave status says the draft is saved.
func waitSaved(t *testing.T, ctx context.Context) {
	t.Helper()
	waitJS(t, ctx, "the draft saved", `(() => { const el = document.getElementById("autosave-status"); return !!el && el.innerText.includes("Brouillon enregistré à") })()`)
}

// elementText returns an element's visible text ("" when absent).
func elementText(t *testing.T, ctx context.Context, id string) string {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[string](fmt.Sprintf(`(document.getElementById(%s) || {innerText: ""}).innerText`, jsString(id))))
	if err != nil {
		t.Fatalf("read #%s: %v", id, err)
	}
	return v
}

// present tells whether an element with that id is in the page.
func present(t *testing.T, ctx context.Context, id string) bool {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[bool](fmt.Sprintf(`!!document.getElementById(%s)`, jsString(id))))
	if err != nil {
		t.Fatalf("look for #%s: %v", id, err)
	}
	return v
}

// waitTransmitted waits until the request shows as transmitted and the form
// is read-only: no transmit button, none of the given fields.
func waitTransmitted(t *testing.T, ctx context.Context, fields ...string) {
	t.Helper()
	waitStatus(t, ctx, erpps.StatusTransmitted.Label())
	// Truthful while it waits for the network: queued here, not received by the ARS yet.
	waitText(t, ctx, "L'ARS ne l'a pas encore reçue")
	for _, id := range append([]string{"btn-transmit"}, fields...) {
		if present(t, ctx, id) {
			t.Fatalf("#%s is still in the page of a transmitted request", id)
		}
	}
	if !present(t, ctx, "btn-withdraw") {
		t.Fatal("a transmitted request offers no withdrawal (#btn-withdraw)")
	}
}

// waitListedAsTransmitted opens "Consulter ma demande en cours" and waits
// until a request of that kind is listed as transmitted.
func waitListedAsTransmitted(t *testing.T, ctx context.Context, baseURL, rpps, kindLabel string) {
	t.Helper()
	step(t, ctx, "open the requests page", chromedp.Navigate(baseURL+"/#/pro/"+rpps+"/demandes"))
	pageTitleIs(t, ctx, "Consulter ma demande en cours")
	// textContent, not innerText: badges are upper-cased by CSS.
	expr := fmt.Sprintf(`[...document.querySelectorAll("main tr, main li, main article, main .fr-card, main [id^='request-']")].some(e => e.textContent.includes(%s) && e.textContent.includes("Transmise"))`, jsString(kindLabel))
	waitJS(t, ctx, kindLabel+" listed as Transmise", expr)
}

// demoPractitioner is the first demo practitioner whose record the ARS
// keeps (the portal's users; an Ordre's records get a notice instead).
func demoPractitioner(t *testing.T) *erpps.Practitioner {
	t.Helper()
	return demoPractitionerKeptBy(t, refdata.AuthorityARS)
}

// demoPractitionerKeptBy is the first demo practitioner whose record an
// authority of that kind (refdata.AuthorityARS, AuthorityOrdre) keeps.
func demoPractitionerKeptBy(t *testing.T, kind string) *erpps.Practitioner {
	t.Helper()
	list, err := demo.Generate(demo.Count, demo.Seed)
	if err != nil {
		t.Fatal(err)
	}
	cat, err := refdata.Load()
	if err != nil {
		t.Fatal(err)
	}
	day := time.Now().Format(time.DateOnly)
	for _, p := range list {
		if cat.RecordAuthority(p, day).Kind == kind && len(p.OpenActivities(day)) > 0 {
			return p
		}
	}
	t.Fatalf("no demo practitioner kept by %s", kind)
	return nil
}

// openActivity returns an activity of p still in progress today.
func openActivity(t *testing.T, p *erpps.Practitioner) erpps.Activity {
	t.Helper()
	today := time.Now().Format("2006-01-02")
	for _, a := range p.Activities {
		if a.Open(today) {
			return a
		}
	}
	t.Fatalf("demo practitioner %s has no activity in progress", p.RPPS)
	return erpps.Activity{}
}

// pageTitleIs waits until the page's main heading (the h1 inside <main>;
// dialogs elsewhere have their own h1) is want.
func pageTitleIs(t *testing.T, ctx context.Context, want string) {
	t.Helper()
	waitJS(t, ctx, fmt.Sprintf("the page title %q", want), fmt.Sprintf(`(() => { const h = document.querySelector("main h1"); return !!h && h.innerText.trim() === %s })()`, jsString(want)))
}

// callAPI calls a method of the app's HTTP API (POST /api/{method}, the
// arguments as a JSON array) and decodes its result into out.
func callAPI(t *testing.T, baseURL, method string, out any, args ...any) {
	t.Helper()
	status, body := postAPI(t, baseURL, method, args...)
	if status != http.StatusOK {
		t.Fatalf("%s: HTTP %d: %s", method, status, body)
	}
	if err := json.Unmarshal(body, out); err != nil {
		t.Fatalf("%s: %v", method, err)
	}
}

// postAPI calls a bound method over HTTP as the UI does in browser mode and
// returns the HTTP status and the body.
func postAPI(t *testing.T, baseURL, method string, args ...any) (int, json.RawMessage) {
	t.Helper()
	if args == nil {
		args = []any{}
	}
	in, err := json.Marshal(args)
	if err != nil {
		t.Fatal(err)
	}
	resp, err := http.Post(baseURL+"/api/"+method, "application/json", bytes.NewReader(in))
	if err != nil {
		t.Fatalf("%s: %v", method, err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("%s: reading the answer: %v", method, err)
	}
	return resp.StatusCode, body
}

// requestsOf lists a practitioner's requests of one kind, newest first.
func requestsOf(t *testing.T, baseURL, rpps string, kind erpps.RequestKind) []erpps.Request {
	t.Helper()
	var list []erpps.Request
	callAPI(t, baseURL, "ListRequests", &list, erpps.RequestFilter{RPPS: rpps, Kind: kind})
	return list
}

// waitStatus waits until the request's status badge says label.
func waitStatus(t *testing.T, ctx context.Context, label string) {
	t.Helper()
	// textContent, not innerText: badges are upper-cased by CSS.
	waitJS(t, ctx, "the status "+label, fmt.Sprintf(`(() => { const el = document.getElementById("request-status"); return !!el && el.textContent.trim() === %s })()`, jsString(label)))
}

// confirmDialog waits for a DSFR modal to open, then clicks its confirm button.
func confirmDialog(t *testing.T, ctx context.Context, dialogID string) {
	t.Helper()
	waitJS(t, ctx, "the dialog "+dialogID+" opened", fmt.Sprintf(`(() => { const d = document.getElementById(%s); return !!d && d.classList.contains("fr-modal--opened") })()`, jsString(dialogID)))
	waitFocusable(t, ctx, dialogID+"-confirm")
	clickID(t, ctx, dialogID+"-confirm")
}

// waitSavedAsTyped waits until the newest request of that kind has saved each
// field (by JSON path, "address.street") exactly as typed: what the autosave
// stored, not only what the page shows.
func waitSavedAsTyped(t *testing.T, baseURL, rpps string, kind erpps.RequestKind, want map[string]string) {
	t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for {
		got := map[string]string{}
		list := requestsOf(t, baseURL, rpps, kind)
		if len(list) > 0 {
			var view struct {
				Request erpps.Request `json:"request"`
			}
			callAPI(t, baseURL, "GetRequest", &view, list[0].ID)
			var payload map[string]any
			if err := json.Unmarshal(view.Request.Payload, &payload); err != nil {
				t.Fatalf("the saved payload: %v", err)
			}
			for path := range want {
				got[path] = textAtPath(payload, path)
			}
		}
		same := len(got) == len(want)
		for path, v := range want {
			same = same && got[path] == v
		}
		if same {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("the %s draft saved %q, want exactly what was typed: %q", kind, got, want)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// textAtPath reads a text field of a decoded payload by its dotted JSON path.
func textAtPath(payload map[string]any, path string) string {
	var cur any = payload
	for _, key := range strings.Split(path, ".") {
		m, ok := cur.(map[string]any)
		if !ok {
			return ""
		}
		cur = m[key]
	}
	s, _ := cur.(string)
	return s
}
