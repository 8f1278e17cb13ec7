package erpps

import "testing"

func TestRolesHaveLabels(t *testing.T) {
	seen := map[string]bool{}
	for _, r := range AllRoles {
		l := r.Label()
		if l == string(r) || seen[l] {
			t.Errorf("role %s has label %q", r, l)
		}
		seen[l] = true
	}
}

func TestEveryKindHasAPayload(t *testing.T) {
	for _, k := range AllRequestKinds {
		if PayloadOf(k.Value) == nil {
			t.Errorf("kind %s has no payload type", k.Value)
		}
	}
	if PayloadOf("shipped") != nil {
		t.Error("an unknown kind has a payload type")
	}
}
