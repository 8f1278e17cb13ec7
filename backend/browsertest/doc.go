// Package browsertest holds what the end-to-end tests that drive Debian's
// chromium with chromedp (app/e2e, backend/cmd/erpps-server/e2e) share:
// full-page screenshots kept as artefacts and the axe-core accessibility
// check. It is imported by tests only.
package browsertest
