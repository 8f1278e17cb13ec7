// Package delegation is how a secretary acts for a practitioner on the
// server: mandates (granted by the practitioner to a named secretary account,
// scoped by kind of request, expiring within 12 months, revocable by either
// side) under which the secretary reads the record and prepares requests, and
// approvals, by which the practitioner consents to the transmission of one
// exact version of a request the secretary prepared (single use, expiring).
// Modelled on RPPS+'s gestionnaires and Aidants Connect's mandates.
package delegation

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"time"

	"erpps/backend/erpps"
)

// Service grants, revokes and checks mandates, and records approvals.
type Service struct {
	Store erpps.ServerStore
	Now   func() time.Time
}

// ApprovalLifetime is how long a practitioner's approval may be used.
const ApprovalLifetime = 72 * time.Hour

// newID draws a random identifier with a prefix ("man-", "apr-").
func newID(prefix string) (string, error) {
	var b [16]byte
	if _, err := rand.Read(b[:]); err != nil {
		return "", erpps.Internal(fmt.Errorf("delegation: unable to draw an id: %w", err))
	}
	return prefix + hex.EncodeToString(b[:]), nil
}

// signedIn refuses a missing or disabled account.
func signedIn(a *erpps.Account) error {
	if a == nil || a.Disabled {
		return erpps.Errorf(erpps.EUNAUTHORIZED, "Connectez-vous pour continuer.")
	}
	return nil
}

// actorOf is who acts when a acts (erpps.Account.Actor).
func actorOf(a *erpps.Account) erpps.Actor { return a.Actor() }

// practitionerOf checks that a is a signed-in practitioner with a record.
func practitionerOf(a *erpps.Account) error {
	if err := signedIn(a); err != nil {
		return err
	}
	if a.Role != erpps.RoleProfessional || a.RPPS == "" {
		return erpps.Errorf(erpps.EFORBIDDEN, "Seul le professionnel lui-même peut faire cela.")
	}
	return nil
}
