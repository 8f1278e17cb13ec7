package ecps

import (
	"context"
	"encoding/json"
	"testing"
	"time"

	"erpps/backend/erpps"
	"erpps/backend/requests"
)

// draft is a contact request of the fixture's practitioner saved once
// (revision 2).
func (f *fixture) draft(t *testing.T) *erpps.Request {
	t.Helper()
	ctx := context.Background()
	me := erpps.Actor{Role: erpps.RoleProfessional, ID: f.p.RPPS, Name: "Dr"}
	r := &erpps.Request{RPPS: f.p.RPPS, Kind: erpps.KindContact, Payload: json.RawMessage(`{}`)}
	if err := f.store.CreateRequest(ctx, r, me); err != nil {
		t.Fatal(err)
	}
	r, err := f.store.SaveDraft(ctx, r.ID, r.Revision, json.RawMessage(`{"email":"nouveau@example.org"}`), me)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = f.store.DeleteDraft(ctx, r.ID) })
	return r
}

func TestApprovalFromThePhone(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	ph := f.enrol()
	secretary := &erpps.Account{ID: "sec:1", Role: erpps.RoleSecretary, Name: "Secrétariat"}
	req := f.draft(t)
	started, err := f.svc.StartApproval(ctx, req, req.Revision, secretary)
	if err != nil {
		t.Fatal(err)
	}
	if len(started.BindingCode) != 4 || started.Label != "Transmettre la demande « Coordonnées de contact »" ||
		!started.ExpiresAt.Equal(f.clock.Now().Add(5*time.Minute)) {
		t.Fatalf("started = %+v", started)
	}
	items := f.pending(ph)
	if len(items) != 1 || items[0].Type != erpps.ECPSApproval || items[0].BindingCode != started.BindingCode || items[0].Choices != nil {
		t.Fatalf("pending = %+v", items)
	}
	if st, err := f.svc.ApprovalStatus(ctx, started.ID, secretary); err != nil || st.Status != erpps.ECPSPending || st.ApprovalID != "" {
		t.Fatalf("status = %+v, %v", st, err)
	}
	// Neither another secretary nor another practitioner sees it.
	for _, who := range []*erpps.Account{{ID: "sec:2", Role: erpps.RoleSecretary}, {ID: "rpps:x", Role: erpps.RoleProfessional, RPPS: "10000000001"}} {
		_, err := f.svc.ApprovalStatus(ctx, started.ID, who)
		wantCode(t, err, erpps.ENOTFOUND)
	}
	got, err := f.answer(ph, started.ID, phonePassword, "", ptr(true))
	if err != nil || got.Status != erpps.ECPSApproved {
		t.Fatalf("answer = %+v, %v", got, err)
	}
	practitioner := &erpps.Account{ID: "rpps:" + f.p.RPPS, Role: erpps.RoleProfessional, RPPS: f.p.RPPS}
	for _, who := range []*erpps.Account{secretary, practitioner} {
		st, err := f.svc.ApprovalStatus(ctx, started.ID, who)
		if err != nil || st.Status != erpps.ECPSApproved || st.ApprovalID == "" {
			t.Fatalf("status for %s = %+v, %v", who.ID, st, err)
		}
	}
	st, _ := f.svc.ApprovalStatus(ctx, started.ID, secretary)
	a, err := f.store.FindApprovalByID(ctx, st.ApprovalID)
	if err != nil {
		t.Fatal(err)
	}
	if a.RequestID != req.ID || a.Revision != req.Revision || a.PayloadHash != requests.PayloadHash(req.Payload) ||
		a.ApprovedBy.Role != erpps.RoleProfessional || a.ApprovedBy.ID != f.p.RPPS || a.UsedAt != nil ||
		!a.ExpiresAt.Equal(f.clock.Now().Add(ApprovalUseLifetime)) {
		t.Fatalf("approval = %+v", a)
	}
	// Replay of the approved challenge: refused, no second approval.
	_, err = f.answer(ph, started.ID, phonePassword, "", ptr(true))
	wantCode(t, err, erpps.ECONFLICT)
	if st2, _ := f.svc.ApprovalStatus(ctx, started.ID, secretary); st2.ApprovalID != st.ApprovalID {
		t.Fatalf("approval changed: %+v", st2)
	}
}

func TestApprovalRefused(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	ph := f.enrol()
	by := &erpps.Account{ID: "rpps:" + f.p.RPPS, Role: erpps.RoleProfessional, RPPS: f.p.RPPS}
	start := func(t *testing.T) (*erpps.Request, *ApprovalStarted) {
		t.Helper()
		req := f.draft(t)
		s, err := f.svc.StartApproval(ctx, req, req.Revision, by)
		if err != nil {
			t.Fatal(err)
		}
		return req, s
	}
	status := func(t *testing.T, id string) *ApprovalStatus {
		t.Helper()
		st, err := f.svc.ApprovalStatus(ctx, id, by)
		if err != nil {
			t.Fatal(err)
		}
		return st
	}

	t.Run("AfterExpiry", func(t *testing.T) {
		_, s := start(t)
		f.clock.Add(ApprovalLifetime)
		_, err := f.answer(ph, s.ID, phonePassword, "", ptr(true))
		wantCode(t, err, erpps.ECONFLICT)
		if st := status(t, s.ID); st.Status != erpps.ECPSExpired || st.ApprovalID != "" {
			t.Fatalf("status = %+v", st)
		}
	})
	t.Run("WrongPassword", func(t *testing.T) {
		_, s := start(t)
		got, err := f.answer(ph, s.ID, "mauvais mot de passe", "", ptr(true))
		if err != nil || got.Status != erpps.ECPSRefused {
			t.Fatalf("answer = %+v, %v", got, err)
		}
		if st := status(t, s.ID); st.Status != erpps.ECPSRefused || st.ApprovalID != "" {
			t.Fatalf("status = %+v", st)
		}
	})
	t.Run("Declined", func(t *testing.T) {
		_, s := start(t)
		if got, err := f.answer(ph, s.ID, phonePassword, "", ptr(false)); err != nil || got.Status != erpps.ECPSRefused {
			t.Fatalf("answer = %+v, %v", got, err)
		}
	})
	t.Run("ChangedSinceAsked", func(t *testing.T) {
		req, s := start(t)
		me := erpps.Actor{Role: erpps.RoleProfessional, ID: f.p.RPPS}
		if _, err := f.store.SaveDraft(ctx, req.ID, req.Revision, json.RawMessage(`{"email":"autre@example.org"}`), me); err != nil {
			t.Fatal(err)
		}
		got, err := f.answer(ph, s.ID, phonePassword, "", ptr(true))
		if err != nil || got.Status != erpps.ECPSRefused || got.Message != msgChanged {
			t.Fatalf("answer = %+v, %v", got, err)
		}
	})
	t.Run("DeviceNotEnrolled", func(t *testing.T) {
		_, s := start(t)
		stranger := &phone{id: "stranger", key: newKey(t)}
		in := Answer{Signed: Signed{DeviceID: stranger.id, Nonce: "n", Signature: sign(t, stranger.key, "answer\nn\n"+s.ID+"\ntrue")},
			TransactionID: s.ID, Password: phonePassword, Approve: ptr(true)}
		_, err := f.svc.Answer(ctx, in)
		wantCode(t, err, erpps.EUNAUTHORIZED)
		if st := status(t, s.ID); st.Status != erpps.ECPSPending {
			t.Fatalf("status = %+v", st)
		}
	})
	t.Run("RevokedDevice", func(t *testing.T) {
		_, s := start(t)
		second := f.enrol()
		in := Answer{Signed: f.signed(second, func(n string) string { return "answer\n" + n + "\n" + s.ID + "\ntrue" }),
			TransactionID: s.ID, Password: phonePassword, Approve: ptr(true)}
		if err := f.store.RevokeECPSDevice(ctx, second.id, f.clock.Now()); err != nil {
			t.Fatal(err)
		}
		_, err := f.svc.Answer(ctx, in)
		wantCode(t, err, erpps.EUNAUTHORIZED)
		if st := status(t, s.ID); st.Status != erpps.ECPSPending {
			t.Fatalf("status = %+v", st)
		}
	})
	t.Run("StaleRevision", func(t *testing.T) {
		req := f.draft(t)
		_, err := f.svc.StartApproval(ctx, req, req.Revision-1, by)
		wantCode(t, err, erpps.ECONFLICT)
	})
}
