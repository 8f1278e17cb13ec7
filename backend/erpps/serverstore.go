package erpps

import "context"

// ServerStore is everything erpps-server keeps, implemented by the SQLite
// store (the embedded default) and the PostgreSQL store (production), which
// pass the same contract test suite.
type ServerStore interface {
	PractitionerService
	RequestService
	StructureService
	AttestationRegistry
	RegisterStore
	AccountStore
	SessionStore
	MandateStore
	ApprovalStore
	OneTimeCodeStore
	// ECPSStore keeps e-CPS enrolments, devices and transactions.
	ECPSStore
	// OIDCStore is the OpenID provider's state (auth requests, codes, tokens).
	OIDCStore
	// RegistrationStore keeps the primo-registrations (FranceConnect).
	RegistrationStore
	// SyncStore is the server's side of the desktops' synchronisation.
	SyncStore
	// Ready says whether the store is reachable and its migrations applied
	// (the server's /readyz); EUNAVAILABLE otherwise.
	Ready(ctx context.Context) error
	Close() error
}
