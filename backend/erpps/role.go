package erpps

// AllRoles lists every role, for the UI's enums.
var AllRoles = []Role{RoleProfessional, RoleSecretary, RoleARSAgent, RoleSystem}

// Label is the role's name in the UI (a request's history, when the actor
// has no name).
func (r Role) Label() string {
	switch r {
	case RoleProfessional:
		return "Professionnel"
	case RoleSecretary:
		return "Secrétariat"
	case RoleARSAgent:
		return "ARS"
	case RoleSystem:
		return "eRPPS (automatique)"
	}
	return string(r)
}
