package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"erpps/backend/browsertest"
)

// The browser side, as app/e2e drives the desktop's browser mode: Debian's
// Chromium, values typed key by key (real key events), never set from
// JavaScript; axe-core on every page; screenshots to look at.

// need skips a test when a tool is missing on a developer's machine, and
// fails it in CI, where .ci/deps.sh installs everything.
func need(t *testing.T, paths ...string) {
	t.Helper()
	browsertest.Need(t, paths...)
}

// newBrowser starts headless Chromium with a fresh profile, in French.
func newBrowser(t *testing.T) context.Context {
	t.Helper()
	return browsertest.NewBrowser(t)
}

// step runs actions within 20 s, failing the test with what was being done.
func step(t *testing.T, ctx context.Context, what string, actions ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	sctx, cancel := context.WithTimeout(ctx, 20*time.Second)
	defer cancel()
	if err := chromedp.Do(sctx, actions...); err != nil {
		t.Fatalf("%s: %v", what, err)
	}
}

func jsString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// pageText is the start of the page's text, for failures.
func pageText(ctx context.Context) string {
	body, _ := chromedp.Run(ctx, chromedp.Evaluate[string]("document.body ? document.body.innerText.slice(0, 2500) : ''"))
	return body
}

// waitJS waits until a JavaScript expression is true.
func waitJS(t *testing.T, ctx context.Context, what, expr string) {
	t.Helper()
	sctx, cancel := context.WithTimeout(ctx, 20*time.Second)
	defer cancel()
	if _, err := chromedp.Run(sctx, chromedp.Poll[bool](expr)); err != nil {
		t.Fatalf("%s never happened: %v\npage text: %s", what, err, pageText(ctx))
	}
}

// waitText waits until the page's text contains s.
func waitText(t *testing.T, ctx context.Context, s string) {
	t.Helper()
	waitJS(t, ctx, fmt.Sprintf("the text %q", s), fmt.Sprintf("document.body && document.body.innerText.includes(%s)", jsString(s)))
}

// evalJS returns the value of a JavaScript expression.
func evalJS[T any](t *testing.T, ctx context.Context, expr string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr))
	if err != nil {
		t.Fatalf("evaluate %s: %v", expr, err)
	}
	return v
}

func byID(id string) chromedp.JSPath {
	return chromedp.JSPath("document.getElementById(" + jsString(id) + ")")
}

// waitFocusable waits until an element can take the focus, and leaves it there.
func waitFocusable(t *testing.T, ctx context.Context, id string) {
	t.Helper()
	waitJS(t, ctx, "#"+id+" focusable", fmt.Sprintf(`(() => { const el = document.getElementById(%s); if (!el || el.disabled) return false; el.focus(); return document.activeElement === el })()`, jsString(id)))
}

// clickID clicks an element by its id once it is visible.
func clickID(t *testing.T, ctx context.Context, id string) {
	t.Helper()
	step(t, ctx, "click #"+id, chromedp.WaitVisible(byID(id)), chromedp.Click(byID(id)))
}

// inputValue is the value of a field.
func inputValue(t *testing.T, ctx context.Context, id string) string {
	t.Helper()
	return evalJS[string](t, ctx, fmt.Sprintf(`(document.getElementById(%s) || {value: "(absent)"}).value`, jsString(id)))
}

func waitInputValue(t *testing.T, ctx context.Context, id, value string) {
	t.Helper()
	waitJS(t, ctx, fmt.Sprintf("#%s = %q", id, value), fmt.Sprintf(`(() => { const el = document.getElementById(%s); return !!el && el.value === %s })()`, jsString(id), jsString(value)))
}

// typeInto focuses a field, empties it with key presses (Ctrl+End, then
// Backspace per character), types value key by key and checks the field
// shows exactly that.
func typeInto(t *testing.T, ctx context.Context, id, value string) {
	t.Helper()
	waitFocusable(t, ctx, id)
	if n := len([]rune(inputValue(t, ctx, id))); n > 0 {
		step(t, ctx, "clear #"+id, chromedp.KeyEvent(kb.End, chromedp.KeyModifiers(chromedp.ModifierCtrl)), chromedp.KeyEvent(strings.Repeat(kb.Backspace, n)))
		waitInputValue(t, ctx, id, "")
	}
	step(t, ctx, "type into #"+id, chromedp.KeyEvent(value))
	waitInputValue(t, ctx, id, value)
}

// pressEnter presses Enter in the focused element (submits its form).
func pressEnter(t *testing.T, ctx context.Context) {
	t.Helper()
	step(t, ctx, "press Enter", chromedp.KeyEvent(kb.Enter))
}

// selectOption picks an option of a <select> with the keyboard (ArrowDown
// or ArrowUp until it shows it).
func selectOption(t *testing.T, ctx context.Context, id, value string) {
	t.Helper()
	waitFocusable(t, ctx, id)
	where := fmt.Sprintf(`(() => { const el = document.getElementById(%s); const want = [...el.options].findIndex(o => o.value === %s); return want < 0 ? -1000 : want - el.selectedIndex })()`, jsString(id), jsString(value))
	for range 100 {
		switch delta := evalJS[int](t, ctx, where); {
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

// pageTitleIs waits until the page's h1 in <main> says want.
func pageTitleIs(t *testing.T, ctx context.Context, want string) {
	t.Helper()
	waitJS(t, ctx, fmt.Sprintf("the page title %q", want), fmt.Sprintf(`(() => { const h = document.querySelector("main h1"); return !!h && h.innerText.trim() === %s })()`, jsString(want)))
}

// focusOnTitle waits until the focus is on the page's h1 (a screen reader
// announces the page), and checks the heading is the size of its text (a
// style for focused headings once made it 60 % of the window tall).
func focusOnTitle(t *testing.T, ctx context.Context) {
	t.Helper()
	waitJS(t, ctx, "the focus on the page's heading", `document.activeElement && document.activeElement.id === "page-title" && document.activeElement.tagName === "H1"`)
	if h := evalJS[float64](t, ctx, `document.getElementById("page-title").getBoundingClientRect().height`); h > 160 {
		t.Fatalf("the page's heading is %.0f px tall: more than its text", h)
	}
}

// waitStatus waits until the request's status badge says label.
func waitStatus(t *testing.T, ctx context.Context, label string) {
	t.Helper()
	// textContent: badges are upper-cased by CSS.
	waitJS(t, ctx, "the status "+label, fmt.Sprintf(`(() => { const el = document.getElementById("request-status"); return !!el && el.textContent.trim() === %s })()`, jsString(label)))
}

// confirmDialog waits for a DSFR modal to open, then clicks its confirm button.
func confirmDialog(t *testing.T, ctx context.Context, dialogID string) {
	t.Helper()
	waitJS(t, ctx, "the dialog "+dialogID+" opened", fmt.Sprintf(`(() => { const d = document.getElementById(%s); return !!d && d.classList.contains("fr-modal--opened") })()`, jsString(dialogID)))
	waitFocusable(t, ctx, dialogID+"-confirm")
	clickID(t, ctx, dialogID+"-confirm")
}

// waitInvalid waits until a field is marked aria-invalid with its error
// message (data-field-error=path) containing want, linked by aria-describedby.
func waitInvalid(t *testing.T, ctx context.Context, id, path, want string) {
	t.Helper()
	waitJS(t, ctx, "#"+id+" marked invalid", fmt.Sprintf(`(() => {
		const el = document.getElementById(%s);
		if (!el || el.getAttribute("aria-invalid") !== "true") return false;
		const msg = document.querySelector('[data-field-error=' + CSS.escape(%s) + ']');
		if (!msg || !msg.innerText.includes(%s)) return false;
		return (el.getAttribute("aria-describedby") || "").split(/\s+/).some(d => { const m = d && document.getElementById(d); return !!m && m.contains(msg); });
	})()`, jsString(id), jsString(path), jsString(want)))
}

// axe checks pages with axe-core.
var axe browsertest.Axe

// checkA11y runs axe-core (frontend/node_modules/axe-core) on the page: a
// serious or critical violation fails the test; the others are logged.
func checkA11y(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	axe.Check(t, ctx, repoRoot(t), name)
}

// screenshot saves the full page as $ERPPS_ARTIFACTS/screenshots/<name>.png.
func screenshot(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	sctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	browsertest.Screenshot(t, sctx, name)
}

// look is what a person sees at a step: a screenshot and axe-core's check.
func look(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	screenshot(t, ctx, name)
	checkA11y(t, ctx, name)
}
