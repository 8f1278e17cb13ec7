package primo

import (
	"context"
	"crypto/sha256"
	"crypto/subtle"
	"errors"
	"fmt"
	"time"

	"erpps/backend/erpps"
	"erpps/backend/identifiers"
	"erpps/backend/internal/storekit"
	"erpps/backend/refdata"
)

// DefaultSessionTTL is how long a FranceConnect session lets the person
// fill the form.
const DefaultSessionTTL = 30 * time.Minute

// Service runs the primo-registration.
type Service struct {
	Store   erpps.ServerStore
	Catalog *refdata.Catalog
	// FranceConnect is the identity provider; nil when the server has none
	// configured (the door answers unavailable).
	FranceConnect *FranceConnect
	Now           func() time.Time
	SessionTTL    time.Duration // DefaultSessionTTL when 0
}

// notConfigured is the reply when the server has no FranceConnect.
func notConfigured() error {
	return erpps.Errorf(erpps.EUNAVAILABLE, "L'identification FranceConnect n'est pas configurée sur ce serveur : contactez votre ARS.")
}

// Start begins a FranceConnect sign-in.
func (s *Service) Start(ctx context.Context) (*Login, error) {
	if s.FranceConnect == nil {
		return nil, notConfigured()
	}
	return s.FranceConnect.Start(ctx)
}

// Callback is what the browser brings back from FranceConnect, beside what
// its cookie kept of the sign-in.
type Callback struct {
	Code, State, Error string // the query's code, state and error
	Kept               *Login // from the cookie; nil when it is missing
}

// Finish completes a sign-in: the state must be the one kept by this
// browser; the identity is FranceConnect's. It returns the token of a new
// FranceConnect session (the browser's cookie).
func (s *Service) Finish(ctx context.Context, cb Callback) (string, error) {
	if s.FranceConnect == nil {
		return "", notConfigured()
	}
	if cb.Error != "" {
		return "", erpps.Errorf(erpps.EUNAUTHORIZED, "L'identification FranceConnect a été annulée.")
	}
	if cb.Kept == nil || cb.Kept.State == "" || subtle.ConstantTimeCompare([]byte(cb.Kept.State), []byte(cb.State)) != 1 {
		return "", refused(errors.New("primo: the callback's state is not this browser's"))
	}
	if cb.Code == "" {
		return "", refused(errors.New("primo: the callback has no code"))
	}
	id, err := s.FranceConnect.Identify(ctx, cb.Code, cb.Kept.Verifier, cb.Kept.Nonce)
	if err != nil {
		return "", err
	}
	token, err := randomToken()
	if err != nil {
		return "", erpps.Internal(err)
	}
	now := s.Now().UTC()
	ttl := s.SessionTTL
	if ttl <= 0 {
		ttl = DefaultSessionTTL
	}
	if err := s.Store.CreateFranceConnectSession(ctx, &erpps.FranceConnectSession{Identity: id, CreatedAt: now, ExpiresAt: now.Add(ttl)}, tokenHash(token)); err != nil {
		return "", err
	}
	return token, nil
}

func tokenHash(token string) []byte {
	h := sha256.Sum256([]byte(token))
	return h[:]
}

// Session returns the FranceConnect session of token, EUNAUTHORIZED when
// there is none.
func (s *Service) Session(ctx context.Context, token string) (*erpps.FranceConnectSession, error) {
	if token == "" {
		return nil, erpps.Errorf(erpps.EUNAUTHORIZED, "Identifiez-vous avec FranceConnect pour remplir votre demande d'enregistrement.")
	}
	return s.Store.FindFranceConnectSession(ctx, tokenHash(token), s.Now())
}

// SignOut ends the FranceConnect session of token.
func (s *Service) SignOut(ctx context.Context, token string) error {
	if token == "" {
		return nil
	}
	return s.Store.DeleteFranceConnectSession(ctx, tokenHash(token))
}

// Status is what the form shows: who FranceConnect says the person is, and
// their latest registration if any; the choices the form offers.
type Status struct {
	Identity     erpps.Identity      `json:"identity"`
	Registration *erpps.Registration `json:"registration,omitempty"`
	// Professions are the NOS professions the ARS registers (the Ordres
	// keep the others), sorted by label.
	Professions []Choice `json:"professions"`
	// Departments are the départements, each naming its ARS.
	Departments []Choice `json:"departments"`
}

// Choice is one option of a list.
type Choice struct {
	Code  string `json:"code"`
	Label string `json:"label"`
}

// choices returns the form's lists.
func (s *Service) choices() (professions, departments []Choice) {
	for _, p := range s.Catalog.Professions() {
		if s.Catalog.RegistrationAuthority(p.Code).Kind == refdata.AuthorityARS {
			professions = append(professions, Choice{Code: p.Code, Label: p.Label})
		}
	}
	for _, d := range s.Catalog.Departments() {
		departments = append(departments, Choice{Code: d.Code, Label: d.Code + " – " + d.Name + " (" + d.ARS + ")"})
	}
	return professions, departments
}

// Status returns the person's identity and latest registration.
func (s *Service) Status(ctx context.Context, token string) (*Status, error) {
	sess, err := s.Session(ctx, token)
	if err != nil {
		return nil, err
	}
	st := &Status{Identity: sess.Identity}
	st.Professions, st.Departments = s.choices()
	r, err := s.Store.LatestRegistration(ctx, sess.Identity.Subject)
	switch {
	case err == nil:
		st.Registration = r
	case erpps.ErrorCode(err) != erpps.ENOTFOUND:
		return nil, err
	}
	return st, nil
}

// Submit checks the form and stores the registration.
func (s *Service) Submit(ctx context.Context, token string, f Form) (*erpps.Registration, error) {
	sess, err := s.Session(ctx, token)
	if err != nil {
		return nil, err
	}
	r, err := s.check(sess.Identity, f)
	if err != nil {
		return nil, err
	}
	if err := s.notRegistered(ctx, sess.Identity); err != nil {
		return nil, err
	}
	r.SubmittedAt = s.Now().UTC()
	if err := s.Store.CreateRegistration(ctx, r); err != nil {
		return nil, err
	}
	return r, nil
}

// hasRPPS is the reply to someone the register already holds.
func hasRPPS() error {
	return erpps.Errorf(erpps.ECONFLICT,
		"Vous êtes déjà enregistré au RPPS : ne vous identifiez pas avec FranceConnect (réservé au primo enregistrement). Connectez-vous avec Pro Santé Connect, avec votre numéro RPPS précédé d'un « 8 ».")
}

// notRegistered refuses a person the register already holds: same birth
// name, first name and birth date.
func (s *Service) notRegistered(ctx context.Context, id erpps.Identity) error {
	found, err := s.Store.ListPractitioners(ctx, erpps.PractitionerFilter{Query: id.FamilyName, Limit: 50})
	if err != nil {
		return err
	}
	for _, sum := range found {
		if storekit.Fold(sum.FirstName) != storekit.Fold(id.GivenName) {
			continue
		}
		p, err := s.Store.FindPractitionerByRPPS(ctx, sum.RPPS)
		if err != nil {
			return err
		}
		if p.BirthDate == id.BirthDate && (storekit.Fold(p.BirthName) == storekit.Fold(id.FamilyName) ||
			storekit.Fold(p.ExerciseName) == storekit.Fold(id.FamilyName)) {
			return hasRPPS()
		}
	}
	return nil
}

// firstPayload is the sequence's origin: the server's numbers are
// 19xxxxxxxx + key, above the numbers issued so far (10...) and below the
// ANS's test identities (99...); a number a record already holds is skipped
// by the store anyway.
const firstPayload = 1_900_000_000

// Number turns a value of the RPPS sequence into an RPPS number with its
// Luhn key.
func Number(seq int64) (string, error) {
	if seq < 1 || firstPayload+seq > 1_999_999_999 {
		return "", erpps.Internal(fmt.Errorf("primo: the RPPS sequence is exhausted at %d", seq))
	}
	return identifiers.CompleteRPPS(fmt.Sprintf("%010d", firstPayload+seq))
}
