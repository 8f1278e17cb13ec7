package erpps

import "testing"

func TestAttestationNumber(t *testing.T) {
	if got := AttestationNumber(2026, 1); got != "ATT-2026-000001" {
		t.Fatalf("AttestationNumber(2026, 1) = %q", got)
	}
	tests := []struct {
		number string
		year   int
		seq    int64
		ok     bool
	}{
		{"ATT-2026-000001", 2026, 1, true},
		{"ATT-0001-999999", 1, 999999, true},
		{"ATT-2026-000000", 0, 0, false},
		{"ATT-0000-000001", 0, 0, false},
		{"ATT-2026-00001", 0, 0, false},
		{"ATT-2026-0000012", 0, 0, false},
		{"ATT-2026+000001", 0, 0, false},
		{"ATT- 2026-00001", 0, 0, false},
		{"", 0, 0, false},
	}
	for _, tt := range tests {
		year, seq, ok := ParseAttestationNumber(tt.number)
		if ok != tt.ok || (ok && (year != tt.year || seq != tt.seq)) {
			t.Errorf("ParseAttestationNumber(%q) = %d, %d, %v; want %d, %d, %v",
				tt.number, year, seq, ok, tt.year, tt.seq, tt.ok)
		}
		_, _, err := ReadAttestationNumber(tt.number)
		if (err == nil) != tt.ok || (err != nil && ErrorCode(err) != EINVALID) {
			t.Errorf("ReadAttestationNumber(%q) = %v", tt.number, err)
		}
	}
}

func TestIssuedAttestationSlot(t *testing.T) {
	tests := []struct {
		name string
		a    IssuedAttestation
		ok   bool
	}{
		{"Valid", IssuedAttestation{Number: "ATT-2026-000042", RPPS: "10000000001"}, true},
		{"NoRPPS", IssuedAttestation{Number: "ATT-2026-000042"}, false},
		{"NoNumber", IssuedAttestation{RPPS: "10000000001"}, false},
		{"BadNumber", IssuedAttestation{Number: "ATT-26-42", RPPS: "10000000001"}, false},
	}
	for _, tt := range tests {
		year, seq, err := tt.a.Slot()
		if (err == nil) != tt.ok || (err != nil && ErrorCode(err) != EINVALID) {
			t.Errorf("%s: Slot() = %v", tt.name, err)
		}
		if tt.ok && (year != 2026 || seq != 42) {
			t.Errorf("%s: Slot() = %d, %d", tt.name, year, seq)
		}
	}
}

func TestCheckAttestationYear(t *testing.T) {
	for year, ok := range map[int]bool{0: false, 1: true, 2026: true, 9999: true, 10000: false, -1: false} {
		if err := CheckAttestationYear(year); (err == nil) != ok {
			t.Errorf("CheckAttestationYear(%d) = %v", year, err)
		}
	}
}
