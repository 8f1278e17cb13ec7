package app

import (
	"erpps/backend/erpps"
	"erpps/backend/identifiers"
)

// Which records this computer's user may open:
//   - the demonstration records, in demo mode only (the default of `erpps`,
//     off with --no-demo), by anyone: they are fictional;
//   - a practitioner signed in (Pro Santé Connect, or their account's
//     password): their own record;
//   - a secretary signed in: the records on this computer (the server sends
//     those of the practitioners who gave them a mandate);
//   - no one signed in: nothing else; a real record needs a login.

// mayOpen tells whether rpps's record may be opened now (EFORBIDDEN, in
// French, when not).
func (a *App) mayOpen(rpps string) error {
	if a.deps.Info.Demo && identifiers.IsTestRPPS(rpps) {
		return nil
	}
	if actor, ok := a.sync.actor(); ok {
		if actor.Role == erpps.RoleProfessional && actor.ID != rpps {
			return erpps.Errorf(erpps.EFORBIDDEN, "Vous êtes connecté avec votre identifiant Pro Santé Connect : seul votre propre dossier est accessible. "+
				"Déconnectez-vous pour laisser la place à un autre professionnel.")
		}
		return nil
	}
	return erpps.Errorf(erpps.EFORBIDDEN, "Connectez-vous avec Pro Santé Connect pour ouvrir votre dossier : "+
		"sans connexion, seuls les dossiers de démonstration sont accessibles, et seulement en mode démonstration.")
}

// visible keeps, of a page of the records on this computer, those the user
// may open.
func (a *App) visible(list []erpps.PractitionerSummary) []erpps.PractitionerSummary {
	out := list[:0:0]
	for _, p := range list {
		if a.mayOpen(p.RPPS) == nil {
			out = append(out, p)
		}
	}
	return out
}
