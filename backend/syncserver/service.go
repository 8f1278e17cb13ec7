// Package syncserver is the server's side of the desktops' synchronisation
// (no HTTP: backend/server serves it): Push applies a desktop's mutations
// exactly once and in its order through backend/requests, Pull and Snapshot
// give the changes a signed-in practitioner or secretary may see, Wait tells
// a long-polling desktop when the change sequence moves.
package syncserver

import (
	"context"
	"time"

	"erpps/backend/erpps"
	"erpps/backend/requests"
)

// Store is what the synchronisation reads and writes: the server's store,
// with its sync side (clients, results, change log).
type Store = erpps.ServerStore

// Limits of the API.
const (
	// MaxMutationsPerPush bounds a push's batch.
	MaxMutationsPerPush = 100
	// DefaultPullLimit and MaxPullLimit bound a pull's page.
	DefaultPullLimit = 500
	MaxPullLimit     = 1000
	// DefaultWaitTimeout is how long Wait waits for a change at most.
	DefaultWaitTimeout = 25 * time.Second
	// maxClientIDLength bounds a client id.
	maxClientIDLength = 100
)

// Service runs the synchronisation.
type Service struct {
	Store Store
	// Requests applies the mutations (the API's rules: authorization, state
	// machine, validation); its Mandates checks a secretary's mandates.
	Requests *requests.Service
	Now      func() time.Time
	// PollEvery is how often Wait reads the change sequence (200 ms when
	// 0): another server process's writes are seen within it.
	PollEvery time.Duration
	// WaitTimeout bounds Wait (DefaultWaitTimeout when 0).
	WaitTimeout time.Duration

	watch watcher
}

func (s *Service) now() time.Time {
	if s.Now == nil {
		return time.Now()
	}
	return s.Now()
}

// syncing refuses an account that does not synchronise a desktop: only
// practitioners and secretaries prepare requests.
func syncing(acct *erpps.Account) error {
	if acct == nil || acct.Disabled {
		return erpps.Errorf(erpps.EUNAUTHORIZED, "Connectez-vous pour continuer.")
	}
	switch acct.Role {
	case erpps.RoleProfessional:
		if acct.RPPS != "" {
			return nil
		}
	case erpps.RoleSecretary:
		return nil
	}
	return erpps.Errorf(erpps.EFORBIDDEN, "La synchronisation est réservée aux professionnels et à leurs secrétariats.")
}

// visibleRPPS returns the records acct sees: a practitioner their own, a
// secretary those of their active mandates; and those a secretary saw and
// no longer does (every mandate for them revoked or ended).
func (s *Service) visibleRPPS(ctx context.Context, acct *erpps.Account) (visible, revoked []string, err error) {
	if acct.Role == erpps.RoleProfessional {
		return []string{acct.RPPS}, nil, nil
	}
	mandates, err := s.Store.ListMandates(ctx, erpps.MandateFilter{SecretaryID: acct.ID})
	if err != nil {
		return nil, nil, err
	}
	now := s.now()
	seen := map[string]bool{}
	visible = []string{}
	for _, m := range mandates {
		if m.SecretaryID == acct.ID && m.Active(now) && !seen[m.RPPS] {
			seen[m.RPPS] = true
			visible = append(visible, m.RPPS)
		}
	}
	for _, m := range mandates {
		ended := m.RevokedAt != nil || !now.Before(m.ExpiresAt)
		if m.SecretaryID == acct.ID && ended && !seen[m.RPPS] {
			seen[m.RPPS] = true
			revoked = append(revoked, m.RPPS)
		}
	}
	return visible, revoked, nil
}

// mayRead says whether acct may see the record rpps (and its requests).
func (s *Service) mayRead(ctx context.Context, acct *erpps.Account, rpps string) (bool, error) {
	switch acct.Role {
	case erpps.RoleProfessional:
		return rpps != "" && rpps == acct.RPPS, nil
	case erpps.RoleSecretary:
		if s.Requests.Mandates == nil {
			return false, nil
		}
		err := s.Requests.Mandates.CheckSecretary(ctx, acct.Actor(), rpps, "")
		switch erpps.ErrorCode(err) {
		case "":
			return true, nil
		case erpps.ENOTFOUND, erpps.EFORBIDDEN:
			return false, nil
		}
		return false, err
	}
	return false, nil
}
