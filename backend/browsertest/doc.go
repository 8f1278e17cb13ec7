// Package browsertest holds what the end-to-end tests that drive Debian's
// chromium with chromedp (app/e2e, backend/cmd/erpps-server/e2e) share:
// full-page screenshots kept as artefacts, the axe-core accessibility
// check, and the programs they run (erpps-server built once, a Process that
// says when it is ready and stops cleanly). It is imported by tests only.
package browsertest
