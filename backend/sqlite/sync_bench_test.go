package sqlite

import (
	"context"
	"encoding/json"
	"fmt"
	"path/filepath"
	"testing"

	"erpps/backend/erpps"
)

// BenchmarkCatchUp: a desktop that missed 10,000 lines of change log on
// its practitioner's record (5,000 requests created then saved), among
// 20,000 lines of another's, pulls them page after page of 500 from the
// server's store: 5,001 changes (each object's newest state once) per
// iteration.
//
//	go test ./backend/sqlite -run '^$' -bench CatchUp -benchtime 5x -benchmem
func BenchmarkCatchUp(b *testing.B) {
	ctx := context.Background()
	db, err := Open(ctx, filepath.Join(b.TempDir(), "server.db"))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { db.Close() })
	const mine, others = "10000000001", "10000000002"
	for _, rpps := range []string{mine, others} {
		if err := db.SavePractitioner(ctx, &erpps.Practitioner{RPPS: rpps, ExerciseName: "Nom", FirstName: "Prénom"}); err != nil {
			b.Fatal(err)
		}
	}
	actor := erpps.Actor{Role: erpps.RoleProfessional, ID: mine}
	payload := json.RawMessage(`{"email":"contact@example.invalid","phone":"+33100000000"}`)
	for i := range 15000 {
		rpps := others
		if i%3 == 0 {
			rpps = mine
		}
		r := &erpps.Request{ID: fmt.Sprintf("r-%05d", i), RPPS: rpps, Kind: erpps.KindCeaseActivity,
			TargetID: fmt.Sprintf("ACT-%05d", i), Payload: payload}
		if err := db.CreateRequest(ctx, r, actor); err != nil {
			b.Fatal(err)
		}
		if _, err := db.SaveDraft(ctx, r.ID, 1, payload, actor); err != nil {
			b.Fatal(err)
		}
	}
	b.ResetTimer()
	for b.Loop() {
		var cursor int64
		n, pages := 0, 0
		for {
			page, err := db.ListChanges(ctx, cursor, []string{mine}, 500)
			if err != nil {
				b.Fatal(err)
			}
			n, pages, cursor = n+len(page.Changes), pages+1, page.Cursor
			if !page.More {
				break
			}
		}
		if n != 5001 {
			b.Fatalf("pulled %d changes in %d pages, want 5001", n, pages)
		}
	}
}
