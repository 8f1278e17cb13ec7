package auth

import (
	"context"
	"sync"
	"time"

	"erpps/backend/erpps"
)

// memStore is the part of a store that auth uses, in memory, for the unit
// tests of this package; the real stores are exercised by the server's
// tests and by storetest.
type memStore struct {
	mu       sync.Mutex
	accounts map[string]*erpps.Account
	hashes   map[string]string
	sessions map[string]*erpps.Session
	lookups  int
}

func newMemStore() *memStore {
	return &memStore{accounts: map[string]*erpps.Account{}, hashes: map[string]string{}, sessions: map[string]*erpps.Session{}}
}

func (m *memStore) CreateAccount(_ context.Context, a *erpps.Account, hash string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if _, ok := m.accounts[a.Login]; ok {
		return erpps.Errorf(erpps.ECONFLICT, "login pris")
	}
	m.accounts[a.Login], m.hashes[a.Login] = a, hash
	return nil
}

func (m *memStore) FindAccountByLogin(_ context.Context, login string) (*erpps.Account, string, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.lookups++
	a, ok := m.accounts[login]
	if !ok {
		return nil, "", erpps.NotFound("inconnu")
	}
	c := *a
	return &c, m.hashes[login], nil
}

func (m *memStore) FindAccountByID(context.Context, string) (*erpps.Account, error) {
	return nil, erpps.NotFound("inconnu")
}

func (m *memStore) ListAccounts(context.Context, erpps.Role) ([]*erpps.Account, error) {
	return nil, nil
}

func (m *memStore) CreateSession(_ context.Context, s *erpps.Session, hash []byte) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	c := *s
	m.sessions[string(hash)] = &c
	return nil
}

func (m *memStore) FindSessionByTokenHash(_ context.Context, hash []byte, now time.Time) (*erpps.Session, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	s, ok := m.sessions[string(hash)]
	if !ok || !now.Before(s.ExpiresAt) {
		return nil, erpps.Errorf(erpps.EUNAUTHORIZED, "pas de session")
	}
	c := *s
	return &c, nil
}

func (m *memStore) DeleteSession(_ context.Context, hash []byte) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	delete(m.sessions, string(hash))
	return nil
}

func (m *memStore) ExtendSession(_ context.Context, hash []byte, expiresAt time.Time) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if s, ok := m.sessions[string(hash)]; ok {
		s.ExpiresAt = expiresAt
	}
	return nil
}

func (m *memStore) DeleteExpiredSessions(context.Context, time.Time) (int, error) { return 0, nil }
