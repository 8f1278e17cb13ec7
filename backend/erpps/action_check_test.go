package erpps

import "testing"

func TestCheckPlannedOn(t *testing.T) {
	tests := []struct {
		name     string
		rpps     string
		revision int64
		code     string
	}{
		{"AsPlanned", "10000000001", 2, ""},
		{"OtherRecord", "10000000002", 2, EFORBIDDEN},
		{"Moved", "10000000001", 3, ECONFLICT},
	}
	for _, tt := range tests {
		if got := ErrorCode(CheckPlannedOn(tt.rpps, tt.revision, "10000000001", 2)); got != tt.code {
			t.Errorf("%s: code %q, want %q", tt.name, got, tt.code)
		}
	}
}

func TestWhyNotSaved(t *testing.T) {
	tests := []struct {
		name     string
		status   RequestStatus
		revision int64
		code     string
	}{
		{"Unexplained", StatusDraft, 2, ""},
		{"Transmitted", StatusTransmitted, 2, ECONFLICT},
		{"Moved", StatusDraft, 3, ECONFLICT},
	}
	for _, tt := range tests {
		if got := ErrorCode(WhyNotSaved(tt.status, tt.revision, 2)); got != tt.code {
			t.Errorf("%s: code %q, want %q", tt.name, got, tt.code)
		}
	}
}
