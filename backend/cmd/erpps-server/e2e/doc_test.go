// Package e2e drives the ARS back office end to end: erpps-server built and
// started as a real process (on SQLite, then on a throwaway PostgreSQL),
// seeded with the demo data, and Debian's Chromium (chromedp) signing in as
// an agent key by key, taking, accepting, refusing and asking for a
// complement on demo requests; axe-core checks every page and screenshots go
// to $ERPPS_ARTIFACTS/screenshots.
package e2e
