package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// Accessibility: axe-core (frontend/node_modules/axe-core, installed by
// npm ci from the lock file) runs on every page and state the end-to-end
// tests reach. A serious or critical violation fails the test; moderate and
// minor ones are written to the log.

var axeSource = struct {
	sync.Once
	js  string
	err error
}{}

// axeScript reads axe.min.js once.
func axeScript(t *testing.T) string {
	t.Helper()
	axeSource.Do(func() {
		b, err := os.ReadFile(filepath.Join(repoRoot(t), "frontend", "node_modules", "axe-core", "axe.min.js"))
		axeSource.js, axeSource.err = string(b), err
	})
	if axeSource.err != nil {
		t.Fatalf("axe-core is missing (cd frontend && npm ci): %v", axeSource.err)
	}
	return axeSource.js
}

// axeViolation is one rule broken, as axe.run reports it.
type axeViolation struct {
	ID     string `json:"id"`
	Impact string `json:"impact"`
	Help   string `json:"help"`
	Nodes  []struct {
		Target []any  `json:"target"`
		HTML   string `json:"html"`
	} `json:"nodes"`
}

// fixedRules are moderate rules the app was once found to break and no
// longer does: they fail the test too.
var fixedRules = map[string]bool{"heading-order": true}

// checkA11y runs axe-core on the page as it is now (name says which page and
// state): it fails the test on any serious or critical violation and logs
// the others.
func checkA11y(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	sctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	loaded, err := chromedp.Run(sctx, chromedp.Evaluate[bool](`typeof window.axe === "object"`))
	if err != nil {
		t.Fatalf("axe on %s: %v", name, err)
	}
	if !loaded {
		if _, err := chromedp.Run(sctx, chromedp.Evaluate[chromedp.Void](axeScript(t))); err != nil {
			t.Fatalf("axe on %s: injecting axe-core: %v", name, err)
		}
	}
	raw, err := chromedp.Run(sctx, chromedp.Evaluate[string](
		`axe.run(document, { resultTypes: ["violations"] }).then(r => JSON.stringify(r.violations))`,
		chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("axe on %s: %v", name, err)
	}
	var violations []axeViolation
	if err := json.Unmarshal([]byte(raw), &violations); err != nil {
		t.Fatalf("axe on %s: %v", name, err)
	}
	var blocking []string
	for _, v := range violations {
		where := make([]string, 0, len(v.Nodes))
		for _, n := range v.Nodes {
			where = append(where, fmt.Sprint(n.Target...))
		}
		line := fmt.Sprintf("%s [%s] %s: %s", v.ID, v.Impact, v.Help, strings.Join(where, ", "))
		if v.Impact == "serious" || v.Impact == "critical" || fixedRules[v.ID] {
			blocking = append(blocking, line)
			continue
		}
		t.Logf("axe on %s: %s", name, line)
	}
	if len(blocking) > 0 {
		t.Errorf("axe on %s: %d serious, critical or fixed-rule violation(s):\n%s", name, len(blocking), strings.Join(blocking, "\n"))
	}
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
