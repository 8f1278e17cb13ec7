package app

import (
	"crypto/rand"
	"encoding/hex"
	"sync"

	"erpps/backend/erpps"
)

// Session is who acts from this computer and on whose record: the actor
// (the local professional today; an e-CPS user, a secretary or a kiosk
// visitor later) and the principal, the practitioner whose record it is.
// Every write is made by the actor on the principal's record, as the `act`
// claim of an OAuth token exchange says who acts for the token's subject: a
// secretary's requests stay the practitioner's.
type Session struct {
	ID        string      `json:"id"`
	Actor     erpps.Actor `json:"actor"`
	Principal string      `json:"principal"` // the RPPS of the record acted on
}

// Why a session ended (the "session:ended" event).
const (
	EndClosed   = "closed"   // CloseSession
	EndReplaced = "replaced" // another record was opened (another window, another tab)
	EndShutdown = "shutdown" // the application stops
)

// SessionEnded is the payload of the "session:ended" event.
type SessionEnded struct {
	ID        string `json:"id"`
	Principal string `json:"principal"`
	Reason    string `json:"reason"`
}

// localActor is who acts from this computer until e-CPS login exists: the
// professional whose record is open.
func localActor(rpps string) erpps.Actor {
	return erpps.Actor{Role: erpps.RoleProfessional, ID: rpps, Name: "Professionnel (poste local)"}
}

// maxOwners bounds the cache of the requests' records.
const maxOwners = 4096

// sessions holds the session of this computer's user, shared by every copy
// of App (each HTTP call runs on its own copy).
type sessions struct {
	mu      sync.Mutex
	current *Session
	// owners maps a request to its practitioner's RPPS, which never changes:
	// an autosave need not read the request again to check whose it is.
	owners map[string]string
}

func newSessions() *sessions { return &sessions{owners: map[string]string{}} }

// open makes actor act on principal's record. The session already open on
// that record with that actor is kept (two tabs on one record share it);
// another one ends and is returned.
func (s *sessions) open(principal string, actor erpps.Actor) (opened Session, ended *SessionEnded) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if c := s.current; c != nil {
		if c.Principal == principal && c.Actor == actor {
			return *c, nil
		}
		ended = &SessionEnded{ID: c.ID, Principal: c.Principal, Reason: EndReplaced}
	}
	s.current = &Session{ID: newSessionID(), Actor: actor, Principal: principal}
	return *s.current, ended
}

// end closes the session, if one is open, and says which.
func (s *sessions) end(reason string) *SessionEnded {
	s.mu.Lock()
	defer s.mu.Unlock()
	c := s.current
	if c == nil {
		return nil
	}
	s.current = nil
	return &SessionEnded{ID: c.ID, Principal: c.Principal, Reason: reason}
}

// actAs makes actor act in the open session from now on (signed in to or
// out of the server); the zero Actor gives it back to the local
// professional.
func (s *sessions) actAs(actor erpps.Actor) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.current == nil {
		return
	}
	if actor == (erpps.Actor{}) {
		actor = localActor(s.current.Principal)
	}
	s.current.Actor = actor
}

// get returns the open session, EFORBIDDEN when none is.
func (s *sessions) get() (Session, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.current == nil {
		return Session{}, erpps.Errorf(erpps.EFORBIDDEN, "Aucun dossier n'est ouvert : ouvrez le dossier du professionnel depuis l'accueil.")
	}
	return *s.current, nil
}

func (s *sessions) remember(r *erpps.Request) {
	if r == nil || r.ID == "" {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.owners) >= maxOwners {
		clear(s.owners)
	}
	s.owners[r.ID] = r.RPPS
}

func (s *sessions) ownerOf(id string) (string, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	rpps, ok := s.owners[id]
	return rpps, ok
}

// on checks that the session acts on rpps's record.
func (s Session) on(rpps string) error {
	if rpps != s.Principal {
		return erpps.Errorf(erpps.EFORBIDDEN, "Cette action concerne un autre dossier que celui qui est ouvert : rouvrez ce dossier depuis l'accueil.")
	}
	return nil
}

func newSessionID() string {
	b := make([]byte, 16)
	_, _ = rand.Read(b) // never fails (crypto/rand)
	return hex.EncodeToString(b)
}

// OpenSession opens a practitioner's record on this computer, when the
// user may (mayOpen): from now on the signed-in account, or the local
// professional of a demonstration record, acts on it. A session open on another record ends
// ("session:ended").
func (a *App) OpenSession(rpps string) (*Session, error) {
	if err := a.mayOpen(rpps); err != nil {
		return nil, err
	}
	if _, err := a.deps.Practitioners.FindPractitionerByRPPS(a.ctx, rpps); err != nil {
		return nil, err
	}
	s, ended := a.sessions.open(rpps, a.actorOn(rpps))
	if ended != nil {
		a.events.Emit(EventSessionEnded, ended)
	}
	return &s, nil
}

// actorOn is who acts on rpps's record from this computer: the server
// account while signed in to the eRPPS server, else the local professional.
func (a *App) actorOn(rpps string) erpps.Actor {
	if actor, ok := a.sync.actor(); ok {
		return actor
	}
	return localActor(rpps)
}

// CurrentSession returns the open session (EFORBIDDEN when none is).
func (a *App) CurrentSession() (*Session, error) {
	s, err := a.sessions.get()
	if err != nil {
		return nil, err
	}
	return &s, nil
}

// CloseSession closes the record open on this computer, if any.
func (a *App) CloseSession() error {
	a.endSession(EndClosed)
	return nil
}

func (a *App) endSession(reason string) {
	if ended := a.sessions.end(reason); ended != nil {
		a.events.Emit(EventSessionEnded, ended)
	}
}

// sessionOn returns the session when it acts on rpps's record.
func (a *App) sessionOn(rpps string) (Session, error) {
	s, err := a.sessions.get()
	if err != nil {
		return Session{}, err
	}
	return s, s.on(rpps)
}

// sessionOnRequest returns the session when request id belongs to its
// principal's record. The request is read only the first time.
func (a *App) sessionOnRequest(id string) (Session, error) {
	s, err := a.sessions.get()
	if err != nil {
		return Session{}, err
	}
	owner, ok := a.sessions.ownerOf(id)
	if !ok {
		v, err := a.deps.Requests.Get(a.ctx, id, s.Actor)
		if err != nil {
			return Session{}, err
		}
		a.sessions.remember(v.Request)
		owner = v.Request.RPPS
	}
	return s, s.on(owner)
}
