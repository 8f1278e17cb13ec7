// Package e2e drives the real product from outside: the erpps binary in
// browser mode ("erpps web", a real HTTP server process) under Debian's
// Chromium through chromedp, and the desktop binary under Xvfb; for the
// synchronisation (TestSyncTwoDesktops), erpps-server too, seeded and
// started on SQLite, with two "erpps web" desktops signed in to it.
// Screenshots go to $ERPPS_ARTIFACTS/screenshots when it is set.
package e2e
