package delegation

import (
	"context"

	"erpps/backend/erpps"
	"erpps/backend/requests"
)

// Approve records the practitioner's consent to transmit request requestID
// exactly as it stands at revision: bound to that revision and to the hash of
// its payload, usable once, for ApprovalLifetime. Another practitioner's
// request is ENOTFOUND; a request not awaiting transmission, or changed since
// revision, is ECONFLICT.
func (s *Service) Approve(ctx context.Context, practitioner *erpps.Account, requestID string, revision int64) (*erpps.Approval, error) {
	if err := practitionerOf(practitioner); err != nil {
		return nil, err
	}
	req, err := s.Store.FindRequestByID(ctx, requestID)
	if erpps.ErrorCode(err) == erpps.ENOTFOUND {
		return nil, erpps.NotFound("Cette demande est introuvable.")
	}
	if err != nil {
		return nil, err
	}
	if req.RPPS != practitioner.RPPS {
		return nil, erpps.NotFound("Cette demande est introuvable.")
	}
	if !req.Editable() {
		return nil, erpps.Errorf(erpps.ECONFLICT, "Cette demande est « %s » : il n'y a rien à approuver.", req.Status.Label())
	}
	if req.Revision != revision {
		return nil, erpps.Errorf(erpps.ECONFLICT, "La demande a été modifiée depuis que vous l'avez lue : relisez-la avant de l'approuver.")
	}
	id, err := newID("apr-")
	if err != nil {
		return nil, err
	}
	now := s.Now()
	a := &erpps.Approval{ID: id, RequestID: req.ID, Revision: req.Revision, PayloadHash: requests.PayloadHash(req.Payload),
		ApprovedBy: actorOf(practitioner), ApprovedAt: now, ExpiresAt: now.Add(ApprovalLifetime)}
	if err := s.Store.CreateApproval(ctx, a); err != nil {
		return nil, err
	}
	return a, nil
}
