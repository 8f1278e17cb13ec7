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

func TestAccountActor(t *testing.T) {
	tests := []struct {
		name string
		a    Account
		want string
	}{
		{"practitioner acts as their RPPS", Account{ID: "rpps:10000000001", Role: RoleProfessional, RPPS: "10000000001"}, "10000000001"},
		{"agent acts as their account", Account{ID: "agent-28", Role: RoleARSAgent, Region: "28"}, "agent-28"},
		{"secretary acts as their account", Account{ID: "sec-1", Role: RoleSecretary}, "sec-1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := tt.a.Actor()
			if got.ID != tt.want || got.Role != tt.a.Role {
				t.Fatalf("Actor() = %+v, want id %q", got, tt.want)
			}
			if tt.a.Role == RoleProfessional {
				if err := CheckActsFor(got, tt.a.RPPS); err != nil {
					t.Fatalf("a practitioner may not act on their own record: %v", err)
				}
			}
		})
	}
}
