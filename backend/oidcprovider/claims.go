package oidcprovider

import (
	"context"
	"fmt"
	"strings"

	"github.com/zitadel/oidc/v3/pkg/oidc"

	"erpps/backend/erpps"
)

// SubjectOf is the subject of a practitioner's account: the IDNPS "8" + RPPS.
func SubjectOf(a *erpps.Account) (string, error) {
	if a == nil || a.Role != erpps.RoleProfessional || len(a.RPPS) != 11 {
		return "", erpps.Errorf(erpps.EFORBIDDEN, "Seul un professionnel enregistré au RPPS peut se connecter avec e-CPS.")
	}
	return "8" + a.RPPS, nil
}

// rppsOf is the RPPS of an IDNPS subject.
func rppsOf(subject string) (string, error) {
	if len(subject) != 12 || !strings.HasPrefix(subject, "8") {
		return "", fmt.Errorf("oidcprovider: subject is not an RPPS IDNPS")
	}
	return subject[1:], nil
}

// userinfo fills Pro Santé Connect's claims of the subject for the scopes:
// sub always; with scope_all, preferred_username = SubjectNameID = IDNPS,
// given_name and family_name (the exercise names of the register), and
// SubjectRefPro with one exercice per profession.
func (s *storage) userinfo(ctx context.Context, info *oidc.UserInfo, subject string, scopes []string) error {
	info.Subject = subject
	if !hasScope(scopes, ScopeAll) {
		return nil
	}
	rpps, err := rppsOf(subject)
	if err != nil {
		return err
	}
	p, err := s.store.FindPractitionerByRPPS(ctx, rpps)
	if err != nil {
		return fmt.Errorf("oidcprovider: unable to read the practitioner's record: %w", err)
	}
	given := p.ExerciseFirstName
	if given == "" {
		given = p.FirstName
	}
	info.PreferredUsername = subject
	info.GivenName = given
	info.FamilyName = p.DisplayName()
	info.AppendClaims("SubjectNameID", subject)
	info.AppendClaims("codeCivilite", p.Civility)
	info.AppendClaims("SubjectRefPro", map[string]any{"codeCivilite": p.Civility, "exercices": exercices(p, given)})
	return nil
}

// exercices is SubjectRefPro.exercices: one per profession, with its activities.
func exercices(p *erpps.Practitioner, given string) []map[string]any {
	out := make([]map[string]any, 0, len(p.Professions))
	for _, prof := range p.Professions {
		civ := prof.ExerciseCivility
		if civ == "" {
			civ = p.ExerciseCivility
		}
		acts := []map[string]any{}
		for _, a := range p.Activities {
			if a.ProfessionCode != prof.Code || a.EndDate != "" {
				continue
			}
			st := a.Structure
			acts = append(acts, map[string]any{
				"codeModeExercice": a.ModeCode, "codeSecteurDactivite": a.SectorCode, "codeRole": a.FunctionCode,
				"codeGenreActivite": a.GenreCode, "numeroSiretSite": st.SIRET, "numeroSirenSite": st.SIREN,
				"numeroFinessSite": st.FINESS, "numeroFinessetablissementJuridique": st.FINESSEJ,
				"identifiantTechniqueDeLaStructure": st.TechnicalID, "raisonSocialeSite": st.CompanyName,
				"enseigneCommercialeSite": st.TradeName, "numeroVoie": st.Address.Number, "libelleVoie": st.Address.Street,
				"codePostal": st.Address.PostalCode, "bureauCedex": st.Address.City,
			})
		}
		out = append(out, map[string]any{
			"codeProfession": prof.Code, "codeCategorieProfessionnelle": prof.CategoryCode,
			"codeCiviliteDexercice": civ, "nomDexercice": p.DisplayName(), "prenomDexercice": given,
			"codeTypeSavoirFaire": prof.SkillTypeCode, "codeSavoirFaire": prof.SkillCode, "activities": acts,
		})
	}
	return out
}
