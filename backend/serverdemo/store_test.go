package serverdemo

import (
	"context"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"erpps/backend/erpps"
	"erpps/backend/sqlite"
)

// testStore is the SQLite store of the desktop with accounts kept in memory,
// until the SQLite ServerStore lands.
type testStore struct {
	*sqlite.DB
	mu       sync.Mutex
	accounts map[string]accountRow
}

type accountRow struct {
	acc  erpps.Account
	hash string
}

func openStore(t *testing.T) *testStore {
	t.Helper()
	db := sqlite.NewDB(filepath.Join(t.TempDir(), "erpps.db"))
	db.Now = func() time.Time { return now }
	if err := db.Open(context.Background()); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = db.Close() })
	return &testStore{DB: db, accounts: map[string]accountRow{}}
}

func (s *testStore) CreateAccount(_ context.Context, a *erpps.Account, hash string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.accounts[a.Login]; ok {
		return erpps.Errorf(erpps.ECONFLICT, "login taken")
	}
	s.accounts[a.Login] = accountRow{*a, hash}
	return nil
}

func (s *testStore) FindAccountByLogin(_ context.Context, login string) (*erpps.Account, string, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	row, ok := s.accounts[login]
	if !ok {
		return nil, "", erpps.NotFound("no account")
	}
	acc := row.acc
	return &acc, row.hash, nil
}

func (s *testStore) FindAccountByID(context.Context, string) (*erpps.Account, error) {
	return nil, erpps.NotFound("not used")
}

func (s *testStore) ListAccounts(context.Context, erpps.Role) ([]*erpps.Account, error) {
	return nil, nil
}
