package storetest

import (
	"context"
	"fmt"
	"slices"
	"testing"
	"time"

	"erpps/backend/erpps"
)

// The queue benchmark's data: the same store for every store technology, so
// that their figures compare.

// QueueBenchRequests is the size of the store the queue benchmark works on.
const QueueBenchRequests = 100_000

// queueBenchPractitioners is how many practitioners the requests are spread
// over.
const queueBenchPractitioners = 10_000

// QueueBenchStart is when the first practitioner was updated and the first
// request transmitted.
var QueueBenchStart = time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC)

// AllDepartments returns France's départements, in which the requests of the
// queue benchmark are spread evenly.
func AllDepartments() []string {
	var out []string
	for i := 1; i <= 95; i++ {
		switch i {
		case 20:
			out = append(out, "2A", "2B")
		default:
			out = append(out, fmt.Sprintf("%02d", i))
		}
	}
	return append(out, "971", "972", "973", "974", "976")
}

// IleDeFrance returns the largest region's départements.
func IleDeFrance() []string { return []string{"75", "77", "78", "91", "92", "93", "94", "95"} }

// BenchPractitioner is a practitioner row of the queue benchmark: its name
// is also its search text and sort key, its first name "Prénom", its
// UpdatedAt QueueBenchStart.
type BenchPractitioner struct {
	RPPS, Name string
}

// BenchRequest is a request row of the queue benchmark, at revision 2.
type BenchRequest struct {
	ID, RPPS                               string
	Kind                                   erpps.RequestKind
	Status                                 erpps.RequestStatus
	Department                             string
	Payload                                string
	CreatedAt, UpdatedAt, TransmittedAt    time.Time
	AssignedRole, AssignedID, AssignedName string
}

// QueueBenchPractitioners returns the benchmark's 10,000 practitioners.
func QueueBenchPractitioners() []BenchPractitioner {
	out := make([]BenchPractitioner, queueBenchPractitioners)
	for i := range out {
		out[i] = BenchPractitioner{RPPS: fmt.Sprintf("1%010d", i), Name: fmt.Sprintf("Nom%04d", i)}
	}
	return out
}

// QueueBenchData returns the QueueBenchRequests transmitted requests of
// the practitioners, spread evenly over departments, six in ten still open,
// transmitted in a random order over a year; payload(i) is the i-th one's
// payload.
func QueueBenchData(departments []string, payload func(i int) string) []BenchRequest {
	statuses := []erpps.RequestStatus{erpps.StatusTransmitted, erpps.StatusTransmitted, erpps.StatusTransmitted,
		erpps.StatusUnderReview, erpps.StatusUnderReview, erpps.StatusComplementRequested,
		erpps.StatusAccepted, erpps.StatusAccepted, erpps.StatusRefused, erpps.StatusWithdrawn}
	out := make([]BenchRequest, QueueBenchRequests)
	for i := range out {
		// A permutation of 0..n-1 (7919 is prime to n): transmission order
		// is not insertion order.
		sent := QueueBenchStart.Add(time.Duration((i*7919)%QueueBenchRequests) * 5 * time.Minute)
		r := BenchRequest{ID: fmt.Sprintf("q-%06d", i), RPPS: fmt.Sprintf("1%010d", i%queueBenchPractitioners),
			Kind: erpps.AllRequestKinds[i%len(erpps.AllRequestKinds)].Value, Status: statuses[(i/7)%len(statuses)],
			Department: departments[(i/3)%len(departments)], Payload: payload(i),
			CreatedAt: sent.Add(-time.Hour), UpdatedAt: sent, TransmittedAt: sent}
		if r.Status != erpps.StatusTransmitted {
			r.AssignedRole, r.AssignedID, r.AssignedName = string(erpps.RoleARSAgent), "agent-1", "Agent de test"
		}
		out[i] = r
	}
	return out
}

// QueueBenchCase is one filter the queue benchmark lists the queue with.
type QueueBenchCase struct {
	Name   string
	Filter erpps.QueueFilter
}

// QueueBenchCases are the filters of the queue benchmark, for an agent of
// Île-de-France.
func QueueBenchCases() []QueueBenchCase {
	before := time.Date(2025, 9, 1, 0, 0, 0, 0, time.UTC)
	idf := IleDeFrance()
	return []QueueBenchCase{
		{"FirstPage", erpps.QueueFilter{Departments: idf}},
		{"Page50", erpps.QueueFilter{Departments: idf, Offset: 49 * 20}},
		{"OneDepartment", erpps.QueueFilter{Departments: []string{"93"}}},
		{"Age", erpps.QueueFilter{Departments: idf, TransmittedBefore: &before}},
		{"KindAndAge", erpps.QueueFilter{Departments: idf, Kind: erpps.KindNewProfession, TransmittedBefore: &before}},
		{"UnderReview", erpps.QueueFilter{Departments: idf, Statuses: []erpps.RequestStatus{erpps.StatusUnderReview}}},
	}
}

// QueueBenchSpread is how the benchmark's requests are spread.
type QueueBenchSpread struct {
	Name        string
	Departments []string
}

// QueueBenchSpreads are the two spreads of the queue benchmark: over France
// (the agent's region holds 8 of 101 départements), and all in the agent's
// region (the worst case: the whole store is theirs to count).
func QueueBenchSpreads() []QueueBenchSpread {
	return []QueueBenchSpread{{"France", AllDepartments()}, {"AllInRegion", IleDeFrance()}}
}

// BenchQueue lists the queue of s with filter, reporting the total matched
// and the p50 and p99 durations.
func BenchQueue(b *testing.B, s erpps.RegisterStore, filter erpps.QueueFilter) {
	ctx := context.Background()
	var durations []time.Duration
	total := 0
	for b.Loop() {
		start := time.Now()
		page, err := s.ListQueue(ctx, filter)
		if err != nil {
			b.Fatal(err)
		}
		durations = append(durations, time.Since(start))
		if len(page.Items) == 0 {
			b.Fatalf("empty page: %+v", page)
		}
		total = page.Total
	}
	slices.Sort(durations)
	ms := func(q float64) float64 {
		return float64(durations[int(q*float64(len(durations)-1))]) / float64(time.Millisecond)
	}
	b.ReportMetric(ms(0.50), "p50-ms")
	b.ReportMetric(ms(0.99), "p99-ms")
	b.ReportMetric(float64(total), "matched")
}
