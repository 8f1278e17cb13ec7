package postgres

import (
	"context"
	"os"
	"sync"
	"testing"
	"time"

	"erpps/backend/internal/pgtest"
)

func TestMain(m *testing.M) {
	if os.Getenv(helperEnv) != "" {
		// A second process of TestTwoProcesses: it uses the first's server.
		os.Exit(m.Run())
	}
	os.Exit(pgtest.Main(m))
}

// testEpoch is the first instant of the fake clock.
var testEpoch = time.Date(2026, 3, 14, 9, 0, 0, 0, time.UTC)

// stepClock is a fake clock that moves one second at every reading.
type stepClock struct {
	mu   sync.Mutex
	next time.Time
}

func (c *stepClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	t := c.next
	c.next = c.next.Add(time.Second)
	return t
}

// mustOpen opens a store on a fresh database with a fake clock, closed when
// the test ends.
func mustOpen(tb testing.TB) *DB {
	tb.Helper()
	return mustOpenURL(tb, pgtest.NewDatabase(tb))
}

// mustOpenURL opens (and migrates) a store on url, closed when the test ends.
func mustOpenURL(tb testing.TB, url string) *DB {
	tb.Helper()
	db, err := Open(context.Background(), url)
	if err != nil {
		tb.Fatalf("open: %v", err)
	}
	db.Now = (&stepClock{next: testEpoch}).Now
	tb.Cleanup(func() { db.Close() })
	return db
}
