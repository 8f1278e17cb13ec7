package ecps

import (
	"context"
	"strconv"

	"erpps/backend/auth"
	"erpps/backend/erpps"
	"erpps/backend/requests"
)

// Answer is the phone's answer to a transaction: the e-CPS password, and
// the code chosen (login) or approve (approval), signed over
// "answer\n<nonce>\n<transactionId>\n<choice or true|false>".
type Answer struct {
	Signed
	TransactionID string `json:"transactionId"`
	Password      string `json:"password"`
	Choice        string `json:"choice,omitempty"`
	Approve       *bool  `json:"approve,omitempty"`
}

// Answered is the transaction's end.
type Answered struct {
	Status  erpps.ECPSStatus `json:"status"`
	Message string           `json:"message,omitempty"`
}

// Messages of refused transactions.
const (
	msgWrongPassword = "Mot de passe e-CPS incorrect : la demande est refusée. Recommencez depuis l'ordinateur."
	msgWrongChoice   = "Le code choisi n'est pas celui affiché sur l'ordinateur : la connexion est refusée. Recommencez."
	msgRefusedByYou  = "Vous avez refusé cette demande depuis votre téléphone."
	msgDeviceRevoked = "Mot de passe e-CPS incorrect trop de fois : ce téléphone n'est plus enrôlé. Activez à nouveau e-CPS."
	msgChanged       = "La demande a été modifiée depuis la demande de validation : elle n'est pas approuvée. Recommencez."
)

// signedValue is the last line of the answer's signed text.
func (a Answer) signedValue() (string, error) {
	switch {
	case a.Choice != "" && a.Approve == nil:
		return a.Choice, nil
	case a.Choice == "" && a.Approve != nil:
		return strconv.FormatBool(*a.Approve), nil
	}
	return "", erpps.Invalid("Réponse incomplète.", erpps.FieldError{Field: "choice", Code: erpps.EINVALID,
		Message: "Choisissez un code (connexion) ou approuvez ou refusez (validation)."})
}

// Answer ends a transaction from the phone. A wrong password or a wrong
// choice fails the transaction (refused); an unknown or revoked device, a
// bad signature, a reused challenge are EUNAUTHORIZED; a transaction over
// (decided, cancelled, expired) is ECONFLICT.
func (s *Service) Answer(ctx context.Context, in Answer) (*Answered, error) {
	value, err := in.signedValue()
	if err != nil {
		return nil, err
	}
	d, err := s.authenticate(ctx, in.Signed, "answer\n"+in.Nonce+"\n"+in.TransactionID+"\n"+value)
	if err != nil {
		return nil, err
	}
	t, err := s.store.FindECPSTransaction(ctx, in.TransactionID)
	if erpps.ErrorCode(err) == erpps.ENOTFOUND || (err == nil && t.RPPS != d.RPPS) {
		return nil, erpps.NotFound("Cette demande de validation n'existe pas.")
	}
	if err != nil {
		return nil, err
	}
	if t.StatusAt(s.now()) != erpps.ECPSPending {
		return nil, erpps.Errorf(erpps.ECONFLICT, erpps.MsgECPSTransactionOver)
	}
	hash, err := s.store.ECPSPassword(ctx, d.RPPS)
	if err != nil {
		return nil, err
	}
	ok, err := auth.VerifyPassword(hash, in.Password)
	if err != nil {
		return nil, erpps.Internal(err)
	}
	if !ok {
		if s.wrongPassword(d.ID) {
			if err := s.store.RevokeECPSDevice(ctx, d.ID, s.now()); err != nil && erpps.ErrorCode(err) != erpps.ECONFLICT {
				return nil, err
			}
			s.log.Warn("ecps: device revoked after wrong passwords", "device", d.ID)
			return s.refuse(ctx, t, msgDeviceRevoked)
		}
		return s.refuse(ctx, t, msgWrongPassword)
	}
	s.rightPassword(d.ID)
	switch {
	case in.Approve != nil && !*in.Approve:
		return s.refuse(ctx, t, msgRefusedByYou)
	case t.Type == erpps.ECPSLogin && in.Choice != t.Code:
		return s.refuse(ctx, t, msgWrongChoice)
	case t.Type == erpps.ECPSApproval && in.Approve == nil:
		return nil, erpps.Invalid("Approuvez ou refusez l'action.")
	case t.Type == erpps.ECPSApproval:
		return s.approve(ctx, t)
	}
	if err := s.store.DecideECPSTransaction(ctx, t.ID, erpps.ECPSDecision{Status: erpps.ECPSApproved, At: s.now()}); err != nil {
		return nil, err
	}
	s.log.Info("ecps: login approved from the phone", "transaction", t.ID)
	return &Answered{Status: erpps.ECPSApproved}, nil
}

// refuse fails t with message.
func (s *Service) refuse(ctx context.Context, t *erpps.ECPSTransaction, message string) (*Answered, error) {
	if err := s.store.DecideECPSTransaction(ctx, t.ID, erpps.ECPSDecision{Status: erpps.ECPSRefused, Message: message, At: s.now()}); err != nil {
		return nil, err
	}
	s.log.Info("ecps: transaction refused", "transaction", t.ID, "type", string(t.Type))
	return &Answered{Status: erpps.ECPSRefused, Message: message}, nil
}

// approve makes the erpps.Approval of the exact version the approval
// transaction names, if the request is still that version, then ends the
// transaction with it (an approval made for a transaction that could not be
// ended is unknown to anyone and expires unused).
func (s *Service) approve(ctx context.Context, t *erpps.ECPSTransaction) (*Answered, error) {
	req, err := s.store.FindRequestByID(ctx, t.RequestID)
	if erpps.ErrorCode(err) == erpps.ENOTFOUND {
		return s.refuse(ctx, t, msgChanged)
	}
	if err != nil {
		return nil, err
	}
	if !req.Editable() || req.Revision != t.Revision || requests.PayloadHash(req.Payload) != t.PayloadHash {
		return s.refuse(ctx, t, msgChanged)
	}
	acct, err := s.practitionerAccount(ctx, t.RPPS)
	if err != nil {
		return nil, err
	}
	now := s.now()
	a := &erpps.Approval{RequestID: t.RequestID, Revision: t.Revision, PayloadHash: t.PayloadHash,
		ApprovedBy: acct.Actor(), ApprovedAt: now, ExpiresAt: now.Add(ApprovalUseLifetime)}
	if err := s.store.CreateApproval(ctx, a); err != nil {
		return nil, err
	}
	if err := s.store.DecideECPSTransaction(ctx, t.ID, erpps.ECPSDecision{Status: erpps.ECPSApproved, ApprovalID: a.ID, At: now}); err != nil {
		return nil, err
	}
	s.log.Info("ecps: action approved from the phone", "transaction", t.ID)
	return &Answered{Status: erpps.ECPSApproved}, nil
}
