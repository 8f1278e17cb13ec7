package attestation

import (
	"strconv"
	"time"
)

var frenchMonths = [...]string{
	"janvier", "février", "mars", "avril", "mai", "juin",
	"juillet", "août", "septembre", "octobre", "novembre", "décembre",
}

// FrenchDate writes t's calendar date in French: "27 novembre 2026",
// "1er mars 2026".
func FrenchDate(t time.Time) string {
	y, m, d := t.Date()
	day := strconv.Itoa(d)
	if d == 1 {
		day = "1er"
	}
	return day + " " + frenchMonths[m-1] + " " + strconv.Itoa(y)
}

// isoDate writes t's calendar date as YYYY-MM-DD.
func isoDate(t time.Time) string { return t.Format(time.DateOnly) }
