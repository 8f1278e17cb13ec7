package app

import (
	"context"
	"encoding/json"
	"path/filepath"
	"testing"

	"erpps/backend/erpps"
	"erpps/backend/requests"
	"erpps/backend/sqlite"
)

// TestTransmittedLabelSaysWhetherTheServerHasIt: on a desktop with a server
// configured, a transmitted request waits for the server while its
// transmission is pending, and is « Transmise » once the server acknowledged
// it; with no server, the wording stays what it was.
func TestTransmittedLabelSaysWhetherTheServerHasIt(t *testing.T) {
	const waiting, delivered = "Transmise — en attente d'envoi au serveur", "Transmise"
	ctx := context.Background()
	db := sqlite.NewDB(filepath.Join(t.TempDir(), "erpps.db"))
	db.Replica = true
	if err := db.Open(ctx); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = db.Close() })
	const rpps = "10000000001"
	if err := db.SavePractitioner(ctx, &erpps.Practitioner{RPPS: rpps, Civility: "M", BirthName: "Testeur",
		ExerciseName: "Testeur", FirstName: "Alix"}); err != nil {
		t.Fatal(err)
	}
	pro := erpps.Actor{Role: erpps.RoleProfessional, ID: rpps, Name: "Alix Testeur"}
	req := &erpps.Request{RPPS: rpps, Kind: erpps.KindContact, Payload: json.RawMessage(`{"email":"a@example.org"}`)}
	if err := db.CreateRequest(ctx, req, pro); err != nil {
		t.Fatal(err)
	}
	sent, err := db.CommitTransmit(ctx, erpps.TransmitPlan{RequestID: req.ID, BaseRevision: req.Revision, Payload: req.Payload,
		Department: "75", Actor: pro, Principal: rpps})
	if err != nil {
		t.Fatal(err)
	}
	svc := &requests.Service{Practitioners: db, Requests: db, Structures: db,
		Delivery: serverDelivery{Settings: db, Pending: db}}
	label := func(when string, want string) {
		t.Helper()
		v, err := svc.Get(ctx, req.ID, pro)
		if err != nil {
			t.Fatal(err)
		}
		items, err := svc.ListItems(ctx, erpps.RequestFilter{RPPS: rpps}, pro)
		if err != nil {
			t.Fatal(err)
		}
		if v.StatusLabel != want || len(items) != 1 || items[0].StatusLabel != want {
			t.Fatalf("%s: view %q, list %+v, want %q", when, v.StatusLabel, items, want)
		}
	}
	label("no server configured", waiting)
	if err := saveServer(ctx, db, &storedServer{URL: "https://erpps.example.org"}); err != nil {
		t.Fatal(err)
	}
	label("server configured, transmission pending", waiting)

	pending, err := db.ListPendingMutations(ctx, 0)
	if err != nil {
		t.Fatal(err)
	}
	var transmit erpps.PendingMutation
	for _, m := range pending {
		if m.Kind == erpps.MutationTransmit {
			transmit = m
		}
		onServer := *sent
		onServer.Revision = m.Seq
		if err := db.AckMutation(ctx, erpps.MutationResult{Seq: m.Seq, MutationID: m.ID, Outcome: erpps.OutcomeApplied,
			Version: m.Seq, Request: &onServer, ChangeSeq: m.Seq}); err != nil {
			t.Fatal(err)
		}
	}
	if transmit.Seq == 0 {
		t.Fatalf("no transmit mutation among %+v", pending)
	}
	label("the server has it", delivered)

	if err := saveServer(ctx, db, &storedServer{}); err != nil {
		t.Fatal(err)
	}
	label("no server configured again", waiting)
}
