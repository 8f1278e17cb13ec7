package ecps

import (
	"context"
	"encoding/hex"
	"fmt"
	"net/url"
	"time"

	"erpps/backend/auth"
	"erpps/backend/erpps"
)

// LoginLabel is what the phone shows for a computer's login.
const LoginLabel = "Connexion à eRPPS sur un ordinateur"

// LoginStarted is what the computer shows: the code to find on the phone
// and the countdown.
type LoginStarted struct {
	ID        string    `json:"id"`
	Code      string    `json:"code"`
	ExpiresAt time.Time `json:"expiresAt"`
	Seconds   int       `json:"seconds"`
}

// StartLogin begins the two-step login of an OpenID auth request for typed:
// a code for the computer, three for the phone (the right one among them,
// shuffled). An identifier nobody holds, or not enrolled, gets the same
// reply: that transaction never completes.
func (s *Service) StartLogin(ctx context.Context, authRequestID, typed string) (*LoginStarted, error) {
	if authRequestID == "" || len(authRequestID) > 200 {
		return nil, erpps.Invalid("Demande d'authentification manquante.", erpps.FieldError{Field: "authRequestId",
			Code: erpps.EINVALID, Message: "Recommencez la connexion depuis l'application."})
	}
	id, err := ParseIdentifier(typed)
	if err != nil {
		return nil, err
	}
	waiting, err := s.store.PendingECPSTransactions(ctx, id.RPPS, s.now())
	if err != nil {
		return nil, err
	}
	logins := 0
	for _, t := range waiting {
		if t.Type == erpps.ECPSLogin {
			logins++
		}
	}
	if logins >= MaxPendingLogins {
		return nil, erpps.Errorf(erpps.ETOOMANY, "Trop de connexions en attente pour cet identifiant : patientez deux minutes avant de recommencer.")
	}
	choices, err := s.threeCodes()
	if err != nil {
		return nil, err
	}
	pick, err := s.randomBelow(3)
	if err != nil {
		return nil, err
	}
	now := s.now()
	t := &erpps.ECPSTransaction{Type: erpps.ECPSLogin, RPPS: id.RPPS, Label: LoginLabel, CreatedAt: now,
		ExpiresAt: now.Add(LoginLifetime), AuthRequestID: authRequestID, Code: choices[pick], Choices: choices}
	if err := s.store.CreateECPSTransaction(ctx, t); err != nil {
		return nil, err
	}
	return &LoginStarted{ID: t.ID, Code: t.Code, ExpiresAt: t.ExpiresAt.UTC(), Seconds: int(LoginLifetime / time.Second)}, nil
}

// threeCodes draws three distinct two-digit codes in random order.
func (s *Service) threeCodes() ([]string, error) {
	var out []string
	seen := map[int]bool{}
	for len(out) < 3 {
		n, err := s.randomBelow(100)
		if err != nil {
			return nil, err
		}
		if !seen[n] {
			seen[n] = true
			out = append(out, fmt.Sprintf("%02d", n))
		}
	}
	return out, nil
}

// LoginStatus is what the computer's page polls.
type LoginStatus struct {
	Status   erpps.ECPSStatus `json:"status"`
	Message  string           `json:"message,omitempty"`
	Continue string           `json:"continue,omitempty"`
}

// loginTransaction returns the login transaction id, ENOTFOUND for any
// other.
func (s *Service) loginTransaction(ctx context.Context, id string) (*erpps.ECPSTransaction, error) {
	t, err := s.store.FindECPSTransaction(ctx, id)
	if err == nil && t.Type != erpps.ECPSLogin {
		err = erpps.NotFound("Cette connexion n'existe pas.")
	}
	if erpps.ErrorCode(err) == erpps.ENOTFOUND {
		return nil, erpps.NotFound("Cette connexion n'existe pas ou plus : recommencez.")
	}
	return t, err
}

// LoginStatus says where a login is; approved, where the page goes next.
func (s *Service) LoginStatus(ctx context.Context, id string) (*LoginStatus, error) {
	t, err := s.loginTransaction(ctx, id)
	if err != nil {
		return nil, err
	}
	out := &LoginStatus{Status: t.StatusAt(s.now()), Message: t.Message}
	switch out.Status {
	case erpps.ECPSApproved:
		if t.CompletedAt == nil {
			out.Continue = "/oidc/login/complete?authRequest=" + url.QueryEscape(t.AuthRequestID) + "&transaction=" + url.QueryEscape(t.ID)
		}
	case erpps.ECPSExpired:
		out.Message = "Le délai de 120 secondes est écoulé : recommencez la connexion."
	case erpps.ECPSCancelled:
		out.Message = "Vous avez quitté l'authentification."
	}
	return out, nil
}

// CancelLogin ends a login from the computer (« Quitter
// l'authentification »); one already over stays as it is.
func (s *Service) CancelLogin(ctx context.Context, id string) error {
	t, err := s.loginTransaction(ctx, id)
	if err != nil {
		return err
	}
	err = s.store.DecideECPSTransaction(ctx, t.ID, erpps.ECPSDecision{Status: erpps.ECPSCancelled, At: s.now()})
	if erpps.ErrorCode(err) == erpps.ECONFLICT {
		return nil
	}
	return err
}

// CompleteLogin consumes an approved login of authRequestID, once, within
// CompletionWindow of its approval, and returns the practitioner's server
// account (created the first time: Login = RPPS, role professional).
func (s *Service) CompleteLogin(ctx context.Context, transactionID, authRequestID string) (*erpps.Account, error) {
	refused := erpps.Errorf(erpps.EUNAUTHORIZED, "La connexion e-CPS n'a pas été validée, a expiré ou a déjà servi : recommencez.")
	t, err := s.store.FindECPSTransaction(ctx, transactionID)
	if erpps.ErrorCode(err) == erpps.ENOTFOUND {
		return nil, refused
	}
	if err != nil {
		return nil, err
	}
	now := s.now()
	if t.Type != erpps.ECPSLogin || t.Status != erpps.ECPSApproved || t.CompletedAt != nil || t.DecidedAt == nil ||
		authRequestID == "" || t.AuthRequestID != authRequestID || !now.Before(t.DecidedAt.Add(CompletionWindow)) {
		return nil, refused
	}
	if err := s.store.CompleteECPSLogin(ctx, t.ID, authRequestID, now); err != nil {
		if erpps.ErrorCode(err) == erpps.ECONFLICT || erpps.ErrorCode(err) == erpps.ENOTFOUND {
			return nil, refused
		}
		return nil, err
	}
	return s.practitionerAccount(ctx, t.RPPS)
}

// practitionerAccount returns rpps's server account, creating it (with an
// unusable password: they sign in with e-CPS) the first time.
func (s *Service) practitionerAccount(ctx context.Context, rpps string) (*erpps.Account, error) {
	for range 2 {
		a, _, err := s.store.FindAccountByLogin(ctx, rpps)
		if err == nil {
			if a.Role != erpps.RoleProfessional || a.RPPS != rpps || a.Disabled {
				return nil, erpps.Errorf(erpps.EFORBIDDEN, "Ce compte ne peut pas se connecter avec e-CPS : contactez le support.")
			}
			return a, nil
		}
		if erpps.ErrorCode(err) != erpps.ENOTFOUND {
			return nil, err
		}
		p, err := s.store.FindPractitionerByRPPS(ctx, rpps)
		if err != nil {
			return nil, err
		}
		secret, err := s.randomBytes(32)
		if err != nil {
			return nil, err
		}
		hash, err := auth.HashPassword(hex.EncodeToString(secret))
		if err != nil {
			return nil, erpps.Internal(err)
		}
		a = &erpps.Account{ID: "rpps:" + rpps, Login: rpps, Role: erpps.RoleProfessional, Name: displayName(p),
			RPPS: rpps, CreatedAt: s.now().UTC()}
		err = s.store.CreateAccount(ctx, a, hash)
		if err == nil {
			return a, nil
		}
		if erpps.ErrorCode(err) != erpps.ECONFLICT {
			return nil, err
		}
		// Created meanwhile by another login: read it.
	}
	return nil, erpps.Internal(fmt.Errorf("ecps: the account of a practitioner could not be created nor read"))
}
