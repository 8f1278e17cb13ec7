package sqlite

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"erpps/backend/erpps"
	"erpps/backend/internal/storekit"
)

// testEpoch is the first instant of the fake clock.
var testEpoch = time.Date(2026, 3, 14, 9, 0, 0, 0, time.UTC)

// stepClock is a fake clock that moves one second at every reading.
type stepClock struct {
	mu   sync.Mutex
	next time.Time
}

func newStepClock() *stepClock { return &stepClock{next: testEpoch} }

func (c *stepClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	t := c.next
	c.next = c.next.Add(time.Second)
	return t
}

// MustOpenDB opens a new store in a temporary directory, with a fake clock,
// and closes it when the test ends.
func MustOpenDB(tb testing.TB) *DB {
	tb.Helper()
	db := NewDB(filepath.Join(tb.TempDir(), "erpps.db"))
	db.Now = newStepClock().Now
	if err := db.Open(context.Background()); err != nil {
		tb.Fatalf("open: %v", err)
	}
	tb.Cleanup(func() { MustCloseDB(tb, db) })
	return db
}

// MustCloseDB closes db, failing the test on error.
func MustCloseDB(tb testing.TB, db *DB) {
	tb.Helper()
	if err := db.Close(); err != nil {
		tb.Fatalf("close: %v", err)
	}
}

// loadPractitioner reads the fixture practitioner.
func loadPractitioner(tb testing.TB) *erpps.Practitioner {
	tb.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "practitioner.json"))
	if err != nil {
		tb.Fatal(err)
	}
	var p erpps.Practitioner
	if err := json.Unmarshal(data, &p); err != nil {
		tb.Fatal(err)
	}
	return &p
}

// mustSavePractitioner stores a minimal practitioner with that RPPS number.
func mustSavePractitioner(tb testing.TB, db *DB, rpps, exerciseName, firstName string) *erpps.Practitioner {
	tb.Helper()
	p := &erpps.Practitioner{RPPS: rpps, Civility: "M", BirthName: exerciseName,
		ExerciseName: exerciseName, FirstName: firstName}
	if err := db.SavePractitioner(context.Background(), p); err != nil {
		tb.Fatalf("save practitioner: %v", err)
	}
	return p
}

var professional = erpps.Actor{Role: erpps.RoleProfessional, ID: "10000000001", Name: "Professionnel de test"}
var agent = erpps.Actor{Role: erpps.RoleARSAgent, ID: "ARS-IDF-42", Name: "Agent de test"}

// mustCreateDraft creates a draft of rpps with payload.
func mustCreateDraft(tb testing.TB, db *DB, rpps string, payload string) *erpps.Request {
	tb.Helper()
	// Each draft on its own object: one draft per kind and object is the rule.
	object, err := storekit.NewID()
	if err != nil {
		tb.Fatal(err)
	}
	r := &erpps.Request{RPPS: rpps, Kind: erpps.KindContact, TargetID: object, Department: "75", Payload: json.RawMessage(payload)}
	if err := db.CreateRequest(context.Background(), r, professional); err != nil {
		tb.Fatalf("create request: %v", err)
	}
	return r
}

// wantCode fails the test unless err carries the erpps code want.
func wantCode(tb testing.TB, err error, want string) *erpps.Error {
	tb.Helper()
	if got := erpps.ErrorCode(err); got != want {
		tb.Fatalf("error code = %q (%v), want %q", got, err, want)
	}
	var e *erpps.Error
	errors.As(err, &e)
	return e
}

// saveLatest saves payload over the request's current revision.
func saveLatest(ctx context.Context, db *DB, id string, payload json.RawMessage) (*erpps.Request, error) {
	var base int64 = 1
	if r, err := db.FindRequestByID(ctx, id); err == nil {
		base = r.Revision
	}
	return db.SaveDraft(ctx, id, base, payload, professional)
}
