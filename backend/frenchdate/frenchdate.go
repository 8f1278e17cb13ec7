// Package frenchdate writes dates as French documents and messages do:
// "27 novembre 2026", "1er mars 2026".
package frenchdate

import (
	"strconv"
	"time"
)

var months = [...]string{
	"janvier", "février", "mars", "avril", "mai", "juin",
	"juillet", "août", "septembre", "octobre", "novembre", "décembre",
}

// Format writes t's calendar date, in t's location.
func Format(t time.Time) string {
	y, m, d := t.Date()
	day := strconv.Itoa(d)
	if d == 1 {
		day = "1er"
	}
	return day + " " + months[m-1] + " " + strconv.Itoa(y)
}

// FormatDay writes a YYYY-MM-DD day; anything else is returned as it is.
func FormatDay(day string) string {
	t, err := time.Parse(time.DateOnly, day)
	if err != nil {
		return day
	}
	return Format(t)
}
