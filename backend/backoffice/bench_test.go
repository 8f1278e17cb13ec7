package backoffice_test

import (
	"context"
	"fmt"
	"testing"

	"erpps/backend/backoffice"
	"erpps/backend/erpps"
)

// BenchmarkDecide takes one transmitted request per iteration (read, plan,
// commit, case as it becomes) on a SQLite file.
func BenchmarkDecide(b *testing.B) {
	e := newEnv(b)
	ctx := context.Background()
	ids := make([]string, b.N)
	for i := range ids {
		ids[i] = fmt.Sprintf("bench-%06d", i)
		e.receive(b, ids[i], rpps, "75", erpps.KindContact, erpps.StatusTransmitted, 3)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := e.bo.Decide(ctx, agentIDF, ids[i], backoffice.DecisionInput{Action: erpps.DecisionTake, BaseRevision: 2}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCase reads one case (request, record, changes, decisions).
func BenchmarkCase(b *testing.B) {
	e := newEnv(b)
	ctx := context.Background()
	e.receive(b, "bench-case", rpps, "75", erpps.KindContact, erpps.StatusTransmitted, 3)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := e.bo.Case(ctx, agentIDF, "bench-case"); err != nil {
			b.Fatal(err)
		}
	}
}
