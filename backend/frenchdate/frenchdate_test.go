package frenchdate

import (
	"testing"
	"time"
)

func TestFormat(t *testing.T) {
	paris, err := time.LoadLocation("Europe/Paris")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		at   time.Time
		want string
	}{
		{"Ordinary", time.Date(2026, time.November, 27, 0, 0, 0, 0, time.UTC), "27 novembre 2026"},
		{"FirstOfMonth", time.Date(2026, time.March, 1, 0, 0, 0, 0, time.UTC), "1er mars 2026"},
		{"Accents", time.Date(2025, time.February, 2, 0, 0, 0, 0, time.UTC), "2 février 2025"},
		{"August", time.Date(2025, time.August, 15, 0, 0, 0, 0, time.UTC), "15 août 2025"},
		{"December", time.Date(2025, time.December, 31, 0, 0, 0, 0, time.UTC), "31 décembre 2025"},
		{"DateInItsLocation", time.Date(2026, time.January, 1, 0, 30, 0, 0, paris), "1er janvier 2026"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Format(tt.at); got != tt.want {
				t.Errorf("Format = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestFormatDay(t *testing.T) {
	for in, want := range map[string]string{"2019-03-15": "15 mars 2019", "2026-11-01": "1er novembre 2026", "15/03/2019": "15/03/2019", "": ""} {
		if got := FormatDay(in); got != want {
			t.Errorf("FormatDay(%q) = %q, want %q", in, got, want)
		}
	}
}
