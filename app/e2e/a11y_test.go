package e2e

import (
	"context"
	"fmt"
	"testing"
	"time"

	"erpps/backend/browsertest"
)

// Accessibility: axe-core (frontend/node_modules/axe-core, installed by
// npm ci from the lock file) runs on every page and state the end-to-end
// tests reach. A serious or critical violation fails the test; moderate and
// minor ones are written to the log.

// axe checks pages with axe-core.
var axe browsertest.Axe

// checkA11y runs axe-core on the page as it is now (name says which page and
// state): it fails the test on any serious or critical violation and logs
// the others.
func checkA11y(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	axe.Check(t, ctx, repoRoot(t), name)
}

// look is what a person sees at a step of a test: a screenshot of the page
// and axe-core's accessibility check of it.
func look(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	// A full-page capture of a busy headless Chromium can stall: under a
	// time limit, it fails with what was being captured instead of hanging.
	sctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	screenshot(t, sctx, name)
	checkA11y(t, ctx, name)
}

// waitStepHeadingFocused waits until the focus is on the stepper's heading
// of the step shown (« Étape n sur N »): after « Suivant », a screen reader
// announces the new step.
func waitStepHeadingFocused(t *testing.T, ctx context.Context, state string) {
	t.Helper()
	waitJS(t, ctx, "the focus on the heading of "+state, fmt.Sprintf(`(() => { const el = document.activeElement; return !!el && el.matches(".fr-stepper__title") && el.textContent.includes(%s) })()`, jsString(state)))
}

// waitInvalid waits until a field (by id) carries aria-invalid="true" and
// aria-describedby pointing to its error message.
func waitInvalid(t *testing.T, ctx context.Context, id string) {
	t.Helper()
	waitJS(t, ctx, "#"+id+" marked invalid", fmt.Sprintf(`(() => {
		const el = document.getElementById(%s);
		if (!el || el.getAttribute("aria-invalid") !== "true") return false;
		return (el.getAttribute("aria-describedby") || "").split(/\s+/).some(d => { const m = d && document.getElementById(d); return !!m && m.querySelector("[data-field-error]") !== null || (!!m && m.matches("[data-field-error], .fr-message--error, .fr-error-text")); });
	})()`, jsString(id)))
}
