package browsertest

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

// Axe runs axe-core (frontend/node_modules/axe-core, installed by npm ci
// from the lock file) on pages. Its zero value is ready; the script is read
// once, on the first check.
type Axe struct {
	once sync.Once
	js   string
	err  error
}

// axeViolation is one rule broken, as axe.run reports it.
type axeViolation struct {
	ID     string `json:"id"`
	Impact string `json:"impact"`
	Help   string `json:"help"`
	Nodes  []struct {
		Target []any `json:"target"`
	} `json:"nodes"`
}

// fixedRules are moderate rules the app was once found to break and no
// longer does: they fail the test too.
var fixedRules = map[string]bool{"heading-order": true}

// script reads axe.min.js of the repository at repoRoot once.
func (a *Axe) script(t testing.TB, repoRoot string) string {
	t.Helper()
	a.once.Do(func() {
		b, err := os.ReadFile(filepath.Join(repoRoot, "frontend", "node_modules", "axe-core", "axe.min.js"))
		a.js, a.err = string(b), err
	})
	if a.err != nil {
		t.Fatalf("axe-core is missing (cd frontend && npm ci): %v", a.err)
	}
	return a.js
}

// Check runs axe-core on the page as it is now (name says which page and
// state), injecting it from the repository at repoRoot when the page does
// not have it yet: it fails the test on any serious or critical violation or
// a fixed rule's, and logs the others.
func (a *Axe) Check(t testing.TB, ctx context.Context, repoRoot, name string) {
	t.Helper()
	sctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	loaded, err := chromedp.Run(sctx, chromedp.Evaluate[bool](`typeof window.axe === "object"`))
	if err != nil {
		t.Fatalf("axe on %s: %v", name, err)
	}
	if !loaded {
		if _, err := chromedp.Run(sctx, chromedp.Evaluate[chromedp.Void](a.script(t, repoRoot))); err != nil {
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
