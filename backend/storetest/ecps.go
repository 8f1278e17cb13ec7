package storetest

import (
	"bytes"
	"context"
	"crypto/sha256"
	"slices"
	"testing"

	"erpps/backend/erpps"
)

func testECPS(t *testing.T, open func(t *testing.T) erpps.ServerStore) {
	ctx := context.Background()
	const rpps = "10000000001"

	t.Run("Secret", func(t *testing.T) {
		s := open(t)
		first, second := bytes.Repeat([]byte{1}, 32), bytes.Repeat([]byte{2}, 32)
		got, err := s.ECPSSecret(ctx, first)
		if err != nil || !bytes.Equal(got, first) {
			t.Fatalf("first secret = %x, %v", got, err)
		}
		if got, err = s.ECPSSecret(ctx, second); err != nil || !bytes.Equal(got, first) {
			t.Fatalf("the kept secret was replaced: %x, %v", got, err)
		}
		_, err = s.ECPSSecret(ctx, []byte("short"))
		wantCode(t, err, erpps.EINVALID)
	})

	t.Run("Password", func(t *testing.T) {
		s := open(t)
		_, err := s.ECPSPassword(ctx, rpps)
		wantCode(t, err, erpps.ENOTFOUND)
		for _, h := range []string{"$argon2id$one", "$argon2id$two"} {
			if err := s.SetECPSPassword(ctx, rpps, h, at(0)); err != nil {
				t.Fatal(err)
			}
			if got, err := s.ECPSPassword(ctx, rpps); err != nil || got != h {
				t.Fatalf("password hash = %q, %v; want %q", got, err, h)
			}
		}
	})

	t.Run("Devices", func(t *testing.T) {
		s := open(t)
		key := append([]byte{4}, bytes.Repeat([]byte{7}, 64)...)
		d := &erpps.ECPSDevice{RPPS: rpps, Name: "Téléphone", PublicKey: key, CreatedAt: at(0)}
		if err := s.CreateECPSDevice(ctx, d); err != nil {
			t.Fatal(err)
		}
		got, err := s.FindECPSDevice(ctx, d.ID)
		if err != nil || got.RPPS != rpps || got.Name != "Téléphone" || !bytes.Equal(got.PublicKey, key) ||
			!got.CreatedAt.Equal(at(0)) || got.RevokedAt != nil {
			t.Fatalf("device = %+v, %v", got, err)
		}
		dup := *d
		wantCode(t, s.CreateECPSDevice(ctx, &dup), erpps.ECONFLICT)
		_, err = s.FindECPSDevice(ctx, "nope")
		wantCode(t, err, erpps.ENOTFOUND)
		if err := s.RevokeECPSDevice(ctx, d.ID, at(5)); err != nil {
			t.Fatal(err)
		}
		if got, err = s.FindECPSDevice(ctx, d.ID); err != nil || got.RevokedAt == nil || !got.RevokedAt.Equal(at(5)) {
			t.Fatalf("revoked device = %+v, %v", got, err)
		}
		wantCode(t, s.RevokeECPSDevice(ctx, d.ID, at(6)), erpps.ECONFLICT)
		wantCode(t, s.RevokeECPSDevice(ctx, "nope", at(6)), erpps.ENOTFOUND)
	})

	t.Run("Nonces", func(t *testing.T) {
		s := open(t)
		key := append([]byte{4}, bytes.Repeat([]byte{7}, 64)...)
		d := &erpps.ECPSDevice{RPPS: rpps, PublicKey: key, CreatedAt: at(0)}
		other := &erpps.ECPSDevice{RPPS: rpps, PublicKey: key, CreatedAt: at(0)}
		for _, dev := range []*erpps.ECPSDevice{d, other} {
			if err := s.CreateECPSDevice(ctx, dev); err != nil {
				t.Fatal(err)
			}
		}
		hash := func(n string) []byte { h := sha256.Sum256([]byte(n)); return h[:] }
		for _, n := range []string{"a", "b", "c"} {
			if err := s.CreateECPSNonce(ctx, d.ID, hash(n), at(2)); err != nil {
				t.Fatal(err)
			}
		}
		wantCode(t, s.CreateECPSNonce(ctx, d.ID, hash("a"), at(2)), erpps.ECONFLICT)
		if err := s.UseECPSNonce(ctx, d.ID, hash("a"), at(1)); err != nil {
			t.Fatal(err)
		}
		wantCode(t, s.UseECPSNonce(ctx, d.ID, hash("a"), at(1)), erpps.EUNAUTHORIZED)     // reused
		wantCode(t, s.UseECPSNonce(ctx, other.ID, hash("b"), at(1)), erpps.EUNAUTHORIZED) // another device's
		wantCode(t, s.UseECPSNonce(ctx, d.ID, hash("c"), at(2)), erpps.EUNAUTHORIZED)     // expired
		wantCode(t, s.UseECPSNonce(ctx, d.ID, hash("z"), at(1)), erpps.EUNAUTHORIZED)     // never given
		if err := s.UseECPSNonce(ctx, d.ID, hash("b"), at(1)); err != nil {
			t.Fatalf("the refused attempt of another device spent the nonce: %v", err)
		}
	})

	t.Run("Transactions", func(t *testing.T) {
		s := open(t)
		login := &erpps.ECPSTransaction{Type: erpps.ECPSLogin, RPPS: rpps, Label: "Connexion", CreatedAt: at(0),
			ExpiresAt: at(2), AuthRequestID: "ar-1", Code: "47", Choices: []string{"12", "47", "83"}}
		approval := &erpps.ECPSTransaction{Type: erpps.ECPSApproval, RPPS: rpps, Label: "Transmettre", CreatedAt: at(1),
			ExpiresAt: at(6), RequestID: "req-1", Revision: 3, PayloadHash: "abcd", BindingCode: "K7QX", RequestedBy: "sec-1"}
		othersLogin := &erpps.ECPSTransaction{Type: erpps.ECPSLogin, RPPS: "10000000019", Label: "Connexion", CreatedAt: at(0),
			ExpiresAt: at(2), AuthRequestID: "ar-2", Code: "11", Choices: []string{"11", "22", "33"}}
		for _, tx := range []*erpps.ECPSTransaction{login, approval, othersLogin} {
			if err := s.CreateECPSTransaction(ctx, tx); err != nil {
				t.Fatal(err)
			}
		}
		got, err := s.FindECPSTransaction(ctx, login.ID)
		if err != nil || got.Type != erpps.ECPSLogin || got.Status != erpps.ECPSPending || got.Code != "47" ||
			!slices.Equal(got.Choices, login.Choices) || got.AuthRequestID != "ar-1" || !got.ExpiresAt.Equal(at(2)) {
			t.Fatalf("login = %+v, %v", got, err)
		}
		if got, err = s.FindECPSTransaction(ctx, approval.ID); err != nil || got.RequestID != "req-1" || got.Revision != 3 ||
			got.PayloadHash != "abcd" || got.BindingCode != "K7QX" || got.RequestedBy != "sec-1" {
			t.Fatalf("approval = %+v, %v", got, err)
		}
		_, err = s.FindECPSTransaction(ctx, "nope")
		wantCode(t, err, erpps.ENOTFOUND)

		pending, err := s.PendingECPSTransactions(ctx, rpps, at(1))
		if err != nil || len(pending) != 2 || pending[0].ID != login.ID || pending[1].ID != approval.ID {
			t.Fatalf("pending at 1 = %+v, %v", pending, err)
		}
		if pending, err = s.PendingECPSTransactions(ctx, rpps, at(2)); err != nil || len(pending) != 1 || pending[0].ID != approval.ID {
			t.Fatalf("pending at 2 (login expired) = %+v, %v", pending, err)
		}

		// The login expired at 2: it can no longer be decided.
		wantCode(t, s.DecideECPSTransaction(ctx, login.ID, erpps.ECPSDecision{Status: erpps.ECPSApproved, At: at(2)}), erpps.ECONFLICT)
		wantCode(t, s.CompleteECPSLogin(ctx, login.ID, "ar-1", at(2)), erpps.ECONFLICT) // never approved
		if err := s.DecideECPSTransaction(ctx, othersLogin.ID, erpps.ECPSDecision{Status: erpps.ECPSApproved, At: at(1)}); err != nil {
			t.Fatal(err)
		}
		wantCode(t, s.DecideECPSTransaction(ctx, othersLogin.ID, erpps.ECPSDecision{Status: erpps.ECPSRefused, At: at(1)}), erpps.ECONFLICT)
		wantCode(t, s.CompleteECPSLogin(ctx, othersLogin.ID, "ar-1", at(1)), erpps.ECONFLICT) // another auth request
		if err := s.CompleteECPSLogin(ctx, othersLogin.ID, "ar-2", at(1)); err != nil {
			t.Fatal(err)
		}
		wantCode(t, s.CompleteECPSLogin(ctx, othersLogin.ID, "ar-2", at(1)), erpps.ECONFLICT) // once
		wantCode(t, s.CompleteECPSLogin(ctx, "nope", "ar-2", at(1)), erpps.ENOTFOUND)
		if got, err = s.FindECPSTransaction(ctx, othersLogin.ID); err != nil || got.Status != erpps.ECPSApproved ||
			got.DecidedAt == nil || !got.DecidedAt.Equal(at(1)) || got.CompletedAt == nil {
			t.Fatalf("completed login = %+v, %v", got, err)
		}

		if err := s.DecideECPSTransaction(ctx, approval.ID, erpps.ECPSDecision{Status: erpps.ECPSApproved, ApprovalID: "apr-1", At: at(3)}); err != nil {
			t.Fatal(err)
		}
		wantCode(t, s.CompleteECPSLogin(ctx, approval.ID, "", at(3)), erpps.ECONFLICT) // not a login
		if got, err = s.FindECPSTransaction(ctx, approval.ID); err != nil || got.ApprovalID != "apr-1" || got.StatusAt(at(9)) != erpps.ECPSApproved {
			t.Fatalf("approved = %+v, %v", got, err)
		}
		wantCode(t, s.DecideECPSTransaction(ctx, "nope", erpps.ECPSDecision{Status: erpps.ECPSRefused, At: at(3)}), erpps.ENOTFOUND)
		wantCode(t, s.DecideECPSTransaction(ctx, approval.ID, erpps.ECPSDecision{Status: erpps.ECPSPending, At: at(3)}), erpps.EINVALID)

		// Forgetting: the two logins expired at 2 go, the approval (6) stays.
		n, err := s.DeleteExpiredECPS(ctx, at(3))
		if err != nil || n != 2 {
			t.Fatalf("deleted %d, %v; want 2", n, err)
		}
		_, err = s.FindECPSTransaction(ctx, login.ID)
		wantCode(t, err, erpps.ENOTFOUND)
		if _, err := s.FindECPSTransaction(ctx, approval.ID); err != nil {
			t.Fatalf("the unexpired approval went: %v", err)
		}
	})
}
