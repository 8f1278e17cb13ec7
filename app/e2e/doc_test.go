// Package e2e drives the real product from outside: the erpps binary in
// browser mode ("erpps web", a real HTTP server process) under Debian's
// Chromium through chromedp, and the desktop binary under Xvfb. Screenshots go
// to $ERPPS_ARTIFACTS/screenshots when it is set.
package e2e
