package erpps

import "testing"

func TestPractitionerFilterPageLimit(t *testing.T) {
	for limit, want := range map[int]int{-1: 100, 0: 100, 1: 1, 250: 250, 1000: 1000, 1001: 1000} {
		if got := (PractitionerFilter{Limit: limit}).PageLimit(); got != want {
			t.Errorf("PageLimit(%d) = %d, want %d", limit, got, want)
		}
	}
}
