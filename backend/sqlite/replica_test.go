package sqlite

import (
	"context"
	"encoding/json"
	"fmt"
	"path/filepath"
	"testing"

	"erpps/backend/erpps"
)

// MustOpenReplica opens a new store in Replica mode (the desktop's) in a
// temporary directory, with a fake clock, and closes it when the test ends.
func MustOpenReplica(tb testing.TB) *DB {
	tb.Helper()
	db := NewDB(filepath.Join(tb.TempDir(), "erpps.db"))
	db.Now = newStepClock().Now
	db.Replica = true
	if err := db.Open(context.Background()); err != nil {
		tb.Fatalf("open: %v", err)
	}
	tb.Cleanup(func() { MustCloseDB(tb, db) })
	return db
}

// mustPending lists the queued and sent mutations as they stand (without
// freezing them as ListPendingMutations does).
func mustPending(tb testing.TB, db *DB) []erpps.PendingMutation {
	tb.Helper()
	out, err := db.listMutations(context.Background(), "list", 0, erpps.PendingQueued, erpps.PendingSent)
	if err != nil {
		tb.Fatal(err)
	}
	return out
}

// mustTransmit transmits request id as it stands, by professional.
func mustTransmit(tb testing.TB, db *DB, id string) *erpps.Request {
	tb.Helper()
	ctx := context.Background()
	r, err := db.FindRequestByID(ctx, id)
	if err != nil {
		tb.Fatal(err)
	}
	sent, err := db.CommitTransmit(ctx, erpps.TransmitPlan{RequestID: id, BaseRevision: r.Revision,
		Payload: r.Payload, Department: "75", Actor: professional, Principal: r.RPPS})
	if err != nil {
		tb.Fatalf("transmit: %v", err)
	}
	return sent
}

// describe writes mutations as "seq:kind:request" for messages.
func describe(ms []erpps.PendingMutation) string {
	s := ""
	for _, m := range ms {
		s += fmt.Sprintf(" %d:%s:%s:%s", m.Seq, m.Kind, m.RequestID[:4], m.Status)
	}
	return s
}

// checkSeqs fails unless the mutations kept are numbered without gap up to
// the last seq given, from first.
func checkSeqs(tb testing.TB, db *DB, first int64) {
	tb.Helper()
	var last int64
	if err := db.read.QueryRow(`SELECT last_seq FROM replica_state`).Scan(&last); err != nil {
		tb.Fatal(err)
	}
	rows, err := db.read.Query(`SELECT seq FROM replica_mutations WHERE seq < ? ORDER BY seq`, retiredSeqBase)
	if err != nil {
		tb.Fatal(err)
	}
	defer rows.Close()
	want := first
	for rows.Next() {
		var seq int64
		if err := rows.Scan(&seq); err != nil {
			tb.Fatal(err)
		}
		if seq != want {
			tb.Fatalf("seq %d where %d was expected (gap)", seq, want)
		}
		want++
	}
	if want-1 != last {
		tb.Fatalf("mutations end at %d, last seq given %d", want-1, last)
	}
}

// TestReplicaCoalescing: 1,000 autosaves of a draft not sent yet make one
// mutation holding the last payload; once sent, the next save appends one,
// and the saves after coalesce into that one.
func TestReplicaCoalescing(t *testing.T) {
	ctx := context.Background()
	db := MustOpenReplica(t)
	mustSavePractitioner(t, db, "10000000001", "Testeur", "Alix")
	r := mustCreateDraft(t, db, "10000000001", `{"n":0}`)
	for i := 1; i <= 1000; i++ {
		if _, err := db.SaveDraft(ctx, r.ID, int64(i), json.RawMessage(fmt.Sprintf(`{"n":%d}`, i)), professional); err != nil {
			t.Fatal(err)
		}
	}
	got := mustPending(t, db)
	if len(got) != 1 || got[0].Seq != 1 || got[0].Kind != erpps.MutationSaveDraft || string(got[0].Payload) != `{"n":1000}` ||
		got[0].RequestKind != erpps.KindContact || got[0].TargetID != r.TargetID || got[0].Principal != "10000000001" ||
		got[0].Actor != professional || got[0].BaseVersion != 0 || got[0].Status != erpps.PendingQueued || got[0].ID == "" {
		t.Fatalf("after 1,000 saves: %+v", got)
	}
	summary, err := db.SyncSummary(ctx)
	if err != nil || summary.Pending != 1 || summary.ClientID == "" || got[0].ClientID != summary.ClientID {
		t.Fatalf("summary %+v, %v", summary, err)
	}

	if err := db.MarkMutationsSent(ctx, 1); err != nil {
		t.Fatal(err)
	}
	for i := 1001; i <= 1003; i++ {
		if _, err := db.SaveDraft(ctx, r.ID, int64(i), json.RawMessage(fmt.Sprintf(`{"n":%d}`, i)), professional); err != nil {
			t.Fatal(err)
		}
	}
	got = mustPending(t, db)
	if len(got) != 2 || got[0].Status != erpps.PendingSent || string(got[0].Payload) != `{"n":1000}` ||
		got[1].Seq != 2 || got[1].Status != erpps.PendingQueued || string(got[1].Payload) != `{"n":1003}` {
		t.Fatalf("after sending: %s", describe(got))
	}
	checkSeqs(t, db, 1)
}

// TestReplicaSeqWithoutGaps: whatever the mix of actions, the mutations are
// numbered without gap; a draft deleted before anything of it was sent
// leaves no mutation (those behind it are renumbered), one the server knows
// leaves a delete_draft; a transmission and a withdrawal each append one.
func TestReplicaSeqWithoutGaps(t *testing.T) {
	ctx := context.Background()
	db := MustOpenReplica(t)
	mustSavePractitioner(t, db, "10000000001", "Testeur", "Alix")
	a := mustCreateDraft(t, db, "10000000001", `{"a":1}`) // 1
	b := mustCreateDraft(t, db, "10000000001", `{"b":1}`) // 2
	c := mustCreateDraft(t, db, "10000000001", `{"c":1}`) // 3
	if err := db.MarkMutationsSent(ctx, 3); err != nil {
		t.Fatal(err)
	}
	d := mustCreateDraft(t, db, "10000000001", `{"d":1}`)                            // 4, queued
	e := mustCreateDraft(t, db, "10000000001", `{"e":1}`)                            // 5, queued
	if _, err := saveLatest(ctx, db, a.ID, json.RawMessage(`{"a":2}`)); err != nil { // 6
		t.Fatal(err)
	}
	// d never left: its mutation goes, e and a's save move down.
	if err := db.DeleteDraft(erpps.WithActor(ctx, professional), d.ID); err != nil {
		t.Fatal(err)
	}
	checkSeqs(t, db, 1)
	got := mustPending(t, db)
	if len(got) != 5 || got[3].RequestID != e.ID || got[3].Seq != 4 || got[4].RequestID != a.ID || got[4].Seq != 5 {
		t.Fatalf("after deleting a draft never sent: %s", describe(got))
	}
	// c was sent: its deletion goes to the server.
	if err := db.DeleteDraft(erpps.WithActor(ctx, professional), c.ID); err != nil {
		t.Fatal(err)
	}
	mustTransmit(t, db, b.ID)
	sent, err := db.FindRequestByID(ctx, b.ID)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.CommitWithdraw(ctx, erpps.WithdrawPlan{RequestID: b.ID, BaseRevision: sent.Revision,
		Actor: professional, Principal: "10000000001", Comment: "Erreur"}); err != nil {
		t.Fatal(err)
	}
	checkSeqs(t, db, 1)
	got = mustPending(t, db)
	want := []struct {
		kind erpps.MutationKind
		id   string
	}{
		{erpps.MutationSaveDraft, a.ID}, {erpps.MutationSaveDraft, b.ID}, {erpps.MutationSaveDraft, c.ID},
		{erpps.MutationSaveDraft, e.ID}, {erpps.MutationSaveDraft, a.ID}, {erpps.MutationDeleteDraft, c.ID},
		{erpps.MutationTransmit, b.ID}, {erpps.MutationWithdraw, b.ID},
	}
	if len(got) != len(want) {
		t.Fatalf("mutations: %s", describe(got))
	}
	for i, w := range want {
		if got[i].Kind != w.kind || got[i].RequestID != w.id || got[i].Seq != int64(i+1) {
			t.Fatalf("mutation %d: %s", i, describe(got))
		}
	}
	if got[7].Comment != "Erreur" || got[5].Actor != professional || got[5].Principal != "10000000001" {
		t.Fatalf("withdraw %+v, delete %+v", got[7], got[5])
	}
	// Applied mutations leave; the numbering goes on from the last seq.
	for _, m := range got[:3] {
		if err := db.AckMutation(ctx, erpps.MutationResult{ClientID: m.ClientID, Seq: m.Seq, MutationID: m.ID,
			Outcome: erpps.OutcomeApplied, Version: 1}); err != nil {
			t.Fatal(err)
		}
	}
	f := mustCreateDraft(t, db, "10000000001", `{"f":1}`)
	got = mustPending(t, db)
	if last := got[len(got)-1]; last.RequestID != f.ID || last.Seq != 9 {
		t.Fatalf("after acknowledgements: %s", describe(got))
	}
	checkSeqs(t, db, 4)
}

// TestReplicaOff: the server's store (Replica off) records no mutation.
func TestReplicaOff(t *testing.T) {
	ctx := context.Background()
	db := MustOpenDB(t)
	mustSavePractitioner(t, db, "10000000001", "Testeur", "Alix")
	a := mustCreateDraft(t, db, "10000000001", `{"a":1}`)
	b := mustCreateDraft(t, db, "10000000001", `{"b":1}`)
	if _, err := saveLatest(ctx, db, a.ID, json.RawMessage(`{"a":2}`)); err != nil {
		t.Fatal(err)
	}
	sent := mustTransmit(t, db, a.ID)
	if _, err := db.CommitWithdraw(ctx, erpps.WithdrawPlan{RequestID: a.ID, BaseRevision: sent.Revision,
		Actor: professional, Principal: "10000000001"}); err != nil {
		t.Fatal(err)
	}
	if err := db.DeleteDraft(ctx, b.ID); err != nil {
		t.Fatal(err)
	}
	var n int
	if err := db.read.QueryRow(`SELECT count(*) FROM replica_mutations`).Scan(&n); err != nil || n != 0 {
		t.Fatalf("%d mutations recorded with Replica off (%v)", n, err)
	}
	// The same actions in Replica mode do record (the check above can fail).
	rdb := MustOpenReplica(t)
	mustSavePractitioner(t, rdb, "10000000001", "Testeur", "Alix")
	mustCreateDraft(t, rdb, "10000000001", `{"a":1}`)
	if got := mustPending(t, rdb); len(got) != 1 {
		t.Fatalf("replica: %s", describe(got))
	}
}

// TestReplicaListFreezes: what ListPendingMutations returns may go out as
// listed, so it is frozen: an autosave after the listing appends a new
// mutation instead of changing the listed one (whose payload would never
// reach the server), and a draft deleted after the listing is deleted on
// the server too instead of its mutation vanishing (the seqs of the listed
// batch stay what was listed).
func TestReplicaListFreezes(t *testing.T) {
	ctx := context.Background()
	db := MustOpenReplica(t)
	mustSavePractitioner(t, db, "10000000001", "Testeur", "Alix")
	a := mustCreateDraft(t, db, "10000000001", `{"a":1}`)
	b := mustCreateDraft(t, db, "10000000001", `{"b":1}`)
	c := mustCreateDraft(t, db, "10000000001", `{"c":1}`)
	listed, err := db.ListPendingMutations(ctx, 2)
	if err != nil {
		t.Fatal(err)
	}
	if len(listed) != 2 || listed[0].Status != erpps.PendingSent || listed[1].RequestID != b.ID {
		t.Fatalf("listed %s", describe(listed))
	}
	if _, err := saveLatest(ctx, db, a.ID, json.RawMessage(`{"a":2}`)); err != nil {
		t.Fatal(err)
	}
	if err := db.DeleteDraft(erpps.WithActor(ctx, professional), b.ID); err != nil {
		t.Fatal(err)
	}
	got := mustPending(t, db)
	if len(got) != 5 {
		t.Fatalf("after the listing: %s", describe(got))
	}
	for i, m := range listed {
		if got[i].ID != m.ID || got[i].Seq != m.Seq || string(got[i].Payload) != string(m.Payload) {
			t.Fatalf("the listed mutation %d changed: %+v, listed %+v", i, got[i], m)
		}
	}
	if got[2].RequestID != c.ID || got[2].Status != erpps.PendingQueued ||
		got[3].RequestID != a.ID || string(got[3].Payload) != `{"a":2}` ||
		got[4].RequestID != b.ID || got[4].Kind != erpps.MutationDeleteDraft {
		t.Fatalf("after the listing: %s", describe(got))
	}
	checkSeqs(t, db, 1)
}

// TestReplicaTransmitUnknownToTheServer: a draft made before the store was a
// replica reaches the server with its transmission: a save_draft of its
// payload (as before the transmission) first; a draft the server has gets
// the transmission only.
func TestReplicaTransmitUnknownToTheServer(t *testing.T) {
	ctx := context.Background()
	db := MustOpenReplica(t)
	mustSavePractitioner(t, db, "10000000001", "Testeur", "Alix")
	db.Replica = false
	legacy := mustCreateDraft(t, db, "10000000001", `{"legacy":1}`)
	db.Replica = true
	known := syncedDraft(t, db, `{"known":1}`)
	if _, err := db.CommitTransmit(ctx, erpps.TransmitPlan{RequestID: legacy.ID, BaseRevision: 1,
		Payload: json.RawMessage(`{"legacy":"normalised"}`), Department: "75", Actor: professional, Principal: "10000000001"}); err != nil {
		t.Fatal(err)
	}
	mustTransmit(t, db, known.ID)
	got := mustPending(t, db)
	if len(got) != 3 || got[0].Kind != erpps.MutationSaveDraft || got[0].RequestID != legacy.ID ||
		string(got[0].Payload) != `{"legacy":1}` || got[0].RequestKind != erpps.KindContact || got[0].TargetID != legacy.TargetID ||
		got[1].Kind != erpps.MutationTransmit || got[1].RequestID != legacy.ID ||
		got[2].Kind != erpps.MutationTransmit || got[2].RequestID != known.ID || got[2].BaseVersion != 1 {
		t.Fatalf("mutations: %s", describe(got))
	}
	checkSeqs(t, db, 2)
}

// TestReplicaLinkedCessation: transmitting a moved cabinet records the
// transmission of the new activity only (the server's plan creates the same
// cessation, named after the new activity); withdrawing the pair records one
// withdrawal.
func TestReplicaLinkedCessation(t *testing.T) {
	ctx := context.Background()
	db := MustOpenReplica(t)
	mustSavePractitioner(t, db, "10000000001", "Testeur", "Alix")
	moved := &erpps.Request{RPPS: "10000000001", Kind: erpps.KindNewActivity, Payload: json.RawMessage(`{}`)}
	if err := db.CreateRequest(ctx, moved, professional); err != nil {
		t.Fatal(err)
	}
	cease := &erpps.Request{ID: erpps.LinkedCessationID(moved.ID), Kind: erpps.KindCeaseActivity, TargetID: "ACT-1",
		Department: "69", Payload: json.RawMessage(`{"activityId":"ACT-1"}`)}
	sent, err := db.CommitTransmit(ctx, erpps.TransmitPlan{RequestID: moved.ID, BaseRevision: 1, Payload: moved.Payload,
		Department: "75", Actor: professional, Principal: "10000000001", LinkedCessation: cease})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.FindRequestByID(ctx, cease.ID); err != nil {
		t.Fatalf("the linked cessation: %v", err)
	}
	if _, err := db.CommitWithdraw(ctx, erpps.WithdrawPlan{RequestID: moved.ID, BaseRevision: sent.Revision,
		Actor: professional, Principal: "10000000001"}); err != nil {
		t.Fatal(err)
	}
	got := mustPending(t, db)
	if len(got) != 3 || got[1].Kind != erpps.MutationTransmit || got[2].Kind != erpps.MutationWithdraw {
		t.Fatalf("mutations: %s", describe(got))
	}
	for _, m := range got {
		if m.RequestID != moved.ID {
			t.Fatalf("a mutation of the linked cessation: %+v", m)
		}
	}
}
