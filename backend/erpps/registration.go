package erpps

import (
	"context"
	"time"
)

// Primo-registration (« primo enregistrement »): someone with no RPPS number
// signs in with FranceConnect and asks to be registered; the ARS of the
// département where they will practise accepts (the server assigns a new
// RPPS number and creates the record) or refuses with a motif.

// Identity is what FranceConnect says of a person (its « identité pivot »):
// shown read only, never typed by the person.
type Identity struct {
	Subject      string `json:"subject"` // FranceConnect's sub, stable per person and client
	GivenName    string `json:"givenName"`
	FamilyName   string `json:"familyName"`
	BirthDate    string `json:"birthDate"`              // YYYY-MM-DD
	Gender       string `json:"gender"`                 // "male" | "female"
	BirthPlace   string `json:"birthPlace,omitempty"`   // code INSEE of the commune of birth
	BirthCountry string `json:"birthCountry,omitempty"` // code INSEE of the country of birth
	Email        string `json:"email,omitempty"`
}

// Civility is the civilité (TRE_R81) FranceConnect's gender gives.
func (i Identity) Civility() string {
	if i.Gender == "female" {
		return "MME"
	}
	return "M"
}

// Diploma is the diploma the person holds for the profession.
type Diploma struct {
	Title       string `json:"title"`       // intitulé
	Institution string `json:"institution"` // établissement ou lieu de délivrance
	Date        string `json:"date"`        // date d'obtention, YYYY-MM-DD
}

// RegistrationStatus is where a primo-registration is in its life.
type RegistrationStatus string

const (
	RegistrationSubmitted RegistrationStatus = "submitted" // transmise, waiting for the ARS
	RegistrationAccepted  RegistrationStatus = "accepted"  // a new RPPS number was assigned
	RegistrationRefused   RegistrationStatus = "refused"   // refused with a motif
	RegistrationWithdrawn RegistrationStatus = "withdrawn" // withdrawn by the person before a decision
)

// Label is the status as the screens say it.
func (s RegistrationStatus) Label() string {
	switch s {
	case RegistrationSubmitted:
		return "Transmise"
	case RegistrationAccepted:
		return "Acceptée"
	case RegistrationRefused:
		return "Refusée"
	case RegistrationWithdrawn:
		return "Retirée"
	}
	return string(s)
}

// Registration is one primo-registration.
type Registration struct {
	ID             string             `json:"id"`
	Status         RegistrationStatus `json:"status"`
	Identity       Identity           `json:"identity"`
	ProfessionCode string             `json:"professionCode"` // TRE_G15 or TRE_R95, registered by the ARS
	Diploma        Diploma            `json:"diploma"`
	Department     string             `json:"department"` // where they will practise: it names the ARS
	Email          string             `json:"email"`
	Phone          string             `json:"phone,omitempty"` // E.164
	SubmittedAt    time.Time          `json:"submittedAt"`
	DecidedAt      *time.Time         `json:"decidedAt,omitempty"`
	DecidedBy      *Actor             `json:"decidedBy,omitempty"`
	Motif          string             `json:"motif,omitempty"` // why it was refused
	RPPS           string             `json:"rpps,omitempty"`  // assigned on acceptance
}

// RegistrationFilter narrows a list of registrations.
type RegistrationFilter struct {
	Departments []string           // none: every département
	Status      RegistrationStatus // "": every status
	Limit       int                // 0: the store's default (200)
}

// RegistrationAcceptance is an accepted registration as the store commits
// it, in one transaction: the next number of the RPPS sequence that no
// record holds, the record created under it, the registration closed.
type RegistrationAcceptance struct {
	ID      string
	Decider Actor
	At      time.Time
	// Record is the practitioner to create; the store sets its RPPS.
	Record *Practitioner
	// Number turns a value of the sequence (1, 2, ...) into an RPPS number
	// (with its key). The sequence never goes back: a number drawn is never
	// drawn again, whatever happens to its record or its registration.
	Number func(seq int64) (string, error)
}

// FranceConnectSession is a person signed in with FranceConnect, for the
// primo-registration only (it opens nothing else). Its token is given once
// to the browser (a cookie); the store keeps only its SHA-256.
type FranceConnectSession struct {
	Identity  Identity  `json:"identity"`
	CreatedAt time.Time `json:"createdAt"`
	ExpiresAt time.Time `json:"expiresAt"`
}

// RegistrationStore keeps the primo-registrations, the RPPS sequence and the
// FranceConnect sessions.
type RegistrationStore interface {
	// CreateRegistration adds r (status submitted; an empty ID is drawn).
	// ECONFLICT when the same FranceConnect subject already has one
	// submitted or accepted.
	CreateRegistration(ctx context.Context, r *Registration) error
	// FindRegistration returns it, or ENOTFOUND.
	FindRegistration(ctx context.Context, id string) (*Registration, error)
	// LatestRegistration returns the subject's newest registration, or
	// ENOTFOUND.
	LatestRegistration(ctx context.Context, subject string) (*Registration, error)
	// ListRegistrations lists registrations, oldest submission first.
	ListRegistrations(ctx context.Context, filter RegistrationFilter) ([]*Registration, error)
	// AcceptRegistration commits a; ECONFLICT when the registration is no
	// longer submitted, ENOTFOUND when it does not exist.
	AcceptRegistration(ctx context.Context, a RegistrationAcceptance) (*Registration, error)
	// RefuseRegistration closes a submitted registration with a motif
	// (ECONFLICT when it is no longer submitted).
	RefuseRegistration(ctx context.Context, id string, decider Actor, motif string, at time.Time) (*Registration, error)
	// WithdrawRegistration closes a submitted registration of subject
	// (ECONFLICT when it is no longer submitted, ENOTFOUND when it is not
	// the subject's).
	WithdrawRegistration(ctx context.Context, id, subject string, at time.Time) (*Registration, error)
	// DeleteRegistration removes a registration that is not accepted (an
	// accepted one is the origin of a record: ECONFLICT).
	DeleteRegistration(ctx context.Context, id string) error

	CreateFranceConnectSession(ctx context.Context, s *FranceConnectSession, tokenHash []byte) error
	// FindFranceConnectSession returns the session, EUNAUTHORIZED when it is
	// unknown, deleted or expired at now.
	FindFranceConnectSession(ctx context.Context, tokenHash []byte, now time.Time) (*FranceConnectSession, error)
	DeleteFranceConnectSession(ctx context.Context, tokenHash []byte) error
	// DeleteExpiredFranceConnectSessions removes the sessions expired at
	// now and says how many.
	DeleteExpiredFranceConnectSessions(ctx context.Context, now time.Time) (int, error)
}
