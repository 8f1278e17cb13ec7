package ecps

import (
	"context"
	"time"

	"erpps/backend/erpps"
	"erpps/backend/requests"
)

// bindingAlphabet is the binding code's: no 0/O, 1/I to confuse.
const bindingAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"

// ApprovalStarted is what the computer shows while the phone approves.
type ApprovalStarted struct {
	ID          string    `json:"id"`
	BindingCode string    `json:"bindingCode"`
	Label       string    `json:"label"`
	ExpiresAt   time.Time `json:"expiresAt"`
}

// StartApproval asks the practitioner's phone to approve the transmission
// of req at revision, bound to the SHA-256 of its stored payload. Who may
// ask (the practitioner, a secretary with a mandate) is the caller's check;
// by is the account asking.
func (s *Service) StartApproval(ctx context.Context, req *erpps.Request, revision int64, by *erpps.Account) (*ApprovalStarted, error) {
	if !req.Editable() {
		return nil, erpps.Errorf(erpps.ECONFLICT, "Cette demande est « %s » : il n'y a rien à approuver.", req.Status.Label())
	}
	if req.Revision != revision {
		return nil, erpps.Errorf(erpps.ECONFLICT, "La demande a été modifiée depuis que vous l'avez lue : relisez-la avant de demander sa validation.")
	}
	code := make([]byte, 4)
	for i := range code {
		n, err := s.randomBelow(len(bindingAlphabet))
		if err != nil {
			return nil, err
		}
		code[i] = bindingAlphabet[n]
	}
	now := s.now()
	t := &erpps.ECPSTransaction{Type: erpps.ECPSApproval, RPPS: req.RPPS,
		Label:     "Transmettre la demande « " + req.Kind.Label() + " »",
		CreatedAt: now, ExpiresAt: now.Add(ApprovalLifetime), RequestID: req.ID, Revision: req.Revision,
		PayloadHash: requests.PayloadHash(req.Payload), BindingCode: string(code), RequestedBy: by.ID}
	if err := s.store.CreateECPSTransaction(ctx, t); err != nil {
		return nil, err
	}
	return &ApprovalStarted{ID: t.ID, BindingCode: t.BindingCode, Label: t.Label, ExpiresAt: t.ExpiresAt.UTC()}, nil
}

// ApprovalStatus is what the computer polls.
type ApprovalStatus struct {
	Status     erpps.ECPSStatus `json:"status"`
	Message    string           `json:"message,omitempty"`
	ApprovalID string           `json:"approvalId,omitempty"`
}

// ApprovalStatus says where an approval is, to the account that asked or
// to the practitioner; ENOTFOUND to anyone else.
func (s *Service) ApprovalStatus(ctx context.Context, id string, by *erpps.Account) (*ApprovalStatus, error) {
	t, err := s.store.FindECPSTransaction(ctx, id)
	if err == nil && (t.Type != erpps.ECPSApproval ||
		(t.RequestedBy != by.ID && (by.Role != erpps.RoleProfessional || by.RPPS != t.RPPS))) {
		err = erpps.NotFound("")
	}
	if erpps.ErrorCode(err) == erpps.ENOTFOUND {
		return nil, erpps.NotFound("Cette demande de validation n'existe pas.")
	}
	if err != nil {
		return nil, err
	}
	out := &ApprovalStatus{Status: t.StatusAt(s.now()), Message: t.Message, ApprovalID: t.ApprovalID}
	if out.Status == erpps.ECPSExpired {
		out.Message = "Le délai de validation est écoulé : recommencez."
	}
	return out, nil
}
