package mailbox

import (
	"context"
	"sync"

	"erpps/backend/erpps"
	"erpps/backend/internal/storekit"
)

func foldForTest(s string) string { return storekit.Fold(s) }

// The desktop's records in the tests: Marie Curie (10001234565), Pierre
// Dupré (10007654329), and one request of Marie Curie's.
const (
	rppsCurie   = "10001234565"
	rppsDupre   = "10007654329"
	requestOfMC = "0f8c3a2e-5b1d-4c7e-9a60-3e2d1c0b9a87"
)

type fakeRecords struct {
	practitioners []erpps.PractitionerSummary
	requests      map[string]*erpps.Request
}

func newFakeRecords() *fakeRecords {
	return &fakeRecords{
		practitioners: []erpps.PractitionerSummary{
			{RPPS: rppsCurie, FirstName: "Marie", ExerciseName: "Curie"},
			{RPPS: rppsDupre, FirstName: "Pierre", ExerciseName: "Dupré"},
		},
		requests: map[string]*erpps.Request{requestOfMC: {ID: requestOfMC, RPPS: rppsCurie}},
	}
}

func (f *fakeRecords) FindPractitionerByRPPS(_ context.Context, rpps string) (*erpps.Practitioner, error) {
	for _, p := range f.practitioners {
		if p.RPPS == rpps {
			return &erpps.Practitioner{RPPS: p.RPPS, FirstName: p.FirstName, ExerciseName: p.ExerciseName}, nil
		}
	}
	return nil, erpps.NotFound("Praticien introuvable.")
}

func (f *fakeRecords) ListPractitioners(context.Context, erpps.PractitionerFilter) ([]erpps.PractitionerSummary, error) {
	return f.practitioners, nil
}

func (f *fakeRecords) FindRequestByID(_ context.Context, id string) (*erpps.Request, error) {
	if r, ok := f.requests[id]; ok {
		return r, nil
	}
	return nil, erpps.NotFound("Demande introuvable.")
}

// memStore keeps findings like the desktop's store: one per e-mail.
type memStore struct {
	mu       sync.Mutex
	findings map[string]Finding
}

func (s *memStore) SaveMailFinding(_ context.Context, f *Finding) (bool, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.findings == nil {
		s.findings = map[string]Finding{}
	}
	if _, ok := s.findings[f.MessageKey]; ok {
		return false, nil
	}
	s.findings[f.MessageKey] = *f
	return true, nil
}

func (s *memStore) count() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.findings)
}
