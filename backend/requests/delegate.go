package requests

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"

	"erpps/backend/erpps"
)

// Mandates says whether a secretary may act on a practitioner's record:
// implemented by backend/delegation on the server.
type Mandates interface {
	// CheckSecretary returns nil when the secretary holds an active mandate
	// from rpps covering kind (any kind when "": reading), ENOTFOUND or
	// EFORBIDDEN otherwise.
	CheckSecretary(ctx context.Context, secretary erpps.Actor, rpps string, kind erpps.RequestKind) error
}

// checkActor refuses an actor acting on a record that is not theirs: a
// professional acts only on their own; on the server, a secretary only under
// a mandate covering the kind, and neither ARS agents nor the system prepare
// requests.
func (s *Service) checkActor(ctx context.Context, actor erpps.Actor, rpps string, kind erpps.RequestKind) error {
	if err := erpps.CheckActsFor(actor, rpps); err != nil {
		return err
	}
	if s.Mandates == nil {
		return nil
	}
	switch actor.Role {
	case erpps.RoleProfessional:
		return nil
	case erpps.RoleSecretary:
		return s.Mandates.CheckSecretary(ctx, actor, rpps, kind)
	}
	return erpps.Errorf(erpps.EFORBIDDEN, "Les demandes sont préparées par le professionnel ou son secrétariat.")
}

// PayloadHash is the hex SHA-256 of a request's payload bytes as stored:
// what a practitioner's approval is bound to (with the revision).
func PayloadHash(payload json.RawMessage) string {
	sum := sha256.Sum256(payload)
	return hex.EncodeToString(sum[:])
}
