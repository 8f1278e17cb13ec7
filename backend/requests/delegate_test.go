package requests

import (
	"context"
	"encoding/json"
	"testing"

	"erpps/backend/erpps"
)

// mandateTable is a Mandates answering from a table of (secretary, rpps,
// kind) allowed; the server's is backend/delegation, tested there on a real
// store with approvals.
type mandateTable map[[3]string]bool

func (m mandateTable) CheckSecretary(_ context.Context, sec erpps.Actor, rpps string, kind erpps.RequestKind) error {
	if m[[3]string{sec.ID, rpps, string(kind)}] {
		return nil
	}
	return erpps.NotFound("Aucun mandat.")
}

// On the server, a secretary acts only under a mandate covering the kind, and
// never transmits without the practitioner's approval; agents prepare nothing.
func TestServerSecretaryNeedsMandateAndApproval(t *testing.T) {
	ctx := context.Background()
	s := mustService(t)
	draft := start(t, s, erpps.KindContact, "")
	save(t, s, draft.Request.ID, contactWith("nouvelle@example.org"))
	s.Mandates = mandateTable{
		{secretary.ID, rpps, string(erpps.KindContact)}: true,
		{secretary.ID, rpps, ""}:                        true,
	}
	cur, err := s.Get(ctx, draft.Request.ID, secretary)
	if err != nil {
		t.Fatalf("a secretary with a mandate reads: %v", err)
	}
	raw, _ := json.Marshal(contactWith("secretariat@example.org"))
	saved, err := s.SaveDraft(ctx, draft.Request.ID, cur.Request.Revision, raw, secretary)
	if err != nil {
		t.Fatalf("a secretary with a mandate saves: %v", err)
	}
	if _, err := s.Start(ctx, StartInput{RPPS: rpps, Kind: erpps.KindExerciseName}, secretary); erpps.ErrorCode(err) != erpps.ENOTFOUND {
		t.Fatalf("start outside the mandate's kinds: %v, want not found", err)
	}
	other := erpps.Actor{Role: erpps.RoleSecretary, ID: "SEC-2", Name: "Sans mandat"}
	if _, err := s.Get(ctx, draft.Request.ID, other); erpps.ErrorCode(err) != erpps.ENOTFOUND {
		t.Fatalf("read without a mandate: %v, want not found", err)
	}
	agent := erpps.Actor{Role: erpps.RoleARSAgent, ID: "agent-1", Name: "Agent"}
	if _, err := s.Start(ctx, StartInput{RPPS: rpps, Kind: erpps.KindExerciseName}, agent); erpps.ErrorCode(err) != erpps.EFORBIDDEN {
		t.Fatalf("an agent starts a request: %v, want forbidden", err)
	}
	if _, err := s.Transmit(ctx, draft.Request.ID, secretary); erpps.ErrorCode(err) != erpps.EFORBIDDEN {
		t.Fatalf("transmit without approval: %v, want forbidden", err)
	}
	after, err := s.Get(ctx, draft.Request.ID, me)
	if err != nil || after.Request.Status != erpps.StatusDraft || after.Request.Revision != saved.Request.Revision {
		t.Fatalf("a refused transmission changed the draft: %+v, %v", after, err)
	}
	// The practitioner transmits their own request without approval.
	if _, err := s.Transmit(ctx, draft.Request.ID, me); err != nil {
		t.Fatalf("the practitioner transmits: %v", err)
	}
}

func TestPayloadHash(t *testing.T) {
	// echo -n '{"email":"a@example.org"}' | sha256sum
	const want = "1cc856e59db836f2aacdc4acb4789abd9f6543416de603be08962571e70d0869"
	if got := PayloadHash(json.RawMessage(`{"email":"a@example.org"}`)); got != want {
		t.Fatalf("PayloadHash = %q, want %q", got, want)
	}
}
