package delegation

import (
	"context"

	"erpps/backend/erpps"
)

// CheckPrepare says whether actor may prepare a request of kind on the record
// rpps: the practitioner on their own record, a secretary under an active
// mandate covering the kind. No relation to the record is ENOTFOUND (the
// reply tells nothing of it); a mandate not covering the kind, or a role that
// does not prepare requests, is EFORBIDDEN.
func (s *Service) CheckPrepare(ctx context.Context, actor *erpps.Account, rpps string, kind erpps.RequestKind) error {
	if err := signedIn(actor); err != nil {
		return err
	}
	switch actor.Role {
	case erpps.RoleProfessional:
		if actor.RPPS == "" || actor.RPPS != rpps {
			return recordNotFound()
		}
		return nil
	case erpps.RoleSecretary:
		return s.checkMandate(ctx, actor.ID, rpps, kind)
	}
	return erpps.Errorf(erpps.EFORBIDDEN, "Les demandes sont préparées par le professionnel ou son secrétariat.")
}

// CheckRead says whether actor may read the record rpps and its requests: the
// practitioner their own, a secretary under any active mandate. Anyone else
// gets ENOTFOUND (ARS agents read records through the back office's cases).
func (s *Service) CheckRead(ctx context.Context, actor *erpps.Account, rpps string) error {
	if err := signedIn(actor); err != nil {
		return err
	}
	switch actor.Role {
	case erpps.RoleProfessional:
		if actor.RPPS != "" && actor.RPPS == rpps {
			return nil
		}
	case erpps.RoleSecretary:
		return s.checkMandate(ctx, actor.ID, rpps, "")
	}
	return recordNotFound()
}

// CheckSecretary is CheckPrepare (CheckRead when kind is "") for a
// secretary known by their actor: what backend/requests asks before a
// secretary's action on the server.
func (s *Service) CheckSecretary(ctx context.Context, secretary erpps.Actor, rpps string, kind erpps.RequestKind) error {
	if secretary.Role != erpps.RoleSecretary || secretary.ID == "" {
		return erpps.Errorf(erpps.EFORBIDDEN, "Seul un secrétariat agit sous mandat.")
	}
	return s.checkMandate(ctx, secretary.ID, rpps, kind)
}

// checkMandate looks for an active mandate from rpps to the secretary
// covering kind (any kind when "").
func (s *Service) checkMandate(ctx context.Context, secretaryID, rpps string, kind erpps.RequestKind) error {
	if rpps == "" {
		return recordNotFound()
	}
	mandates, err := s.Store.ListMandates(ctx, erpps.MandateFilter{RPPS: rpps, SecretaryID: secretaryID})
	if err != nil {
		return err
	}
	now := s.Now()
	active := false
	for _, m := range mandates {
		if m.RPPS != rpps || m.SecretaryID != secretaryID || !m.Active(now) {
			continue
		}
		if kind == "" || m.Covers(kind, now) {
			return nil
		}
		active = true
	}
	if active {
		return erpps.Errorf(erpps.EFORBIDDEN, "Votre mandat ne couvre pas ce type de demande (%s).", kind.Label())
	}
	return recordNotFound()
}

func recordNotFound() error {
	return erpps.NotFound("Ce dossier est introuvable, ou vous n'avez pas de mandat en cours pour lui.")
}
