package storetest

import (
	"bytes"
	"context"
	"sync"
	"testing"

	"erpps/backend/erpps"
)

func testOIDC(t *testing.T, open func(t *testing.T) erpps.ServerStore) {
	ctx := context.Background()
	rec := func(kind, id, grant, subject string, expires int) *erpps.OIDCRecord {
		return &erpps.OIDCRecord{Kind: kind, ID: id, GrantID: grant, Subject: subject,
			Data: []byte(`{"k":"` + id + `","é":"\u00e9"}`), ExpiresAt: at(expires)}
	}
	put := func(t *testing.T, s erpps.ServerStore, r *erpps.OIDCRecord) {
		t.Helper()
		if err := s.PutOIDCRecord(ctx, r); err != nil {
			t.Fatal(err)
		}
	}

	t.Run("Lifecycle", func(t *testing.T) {
		s := open(t)
		r := rec("auth_request", "ar-1", "", "", 10)
		put(t, s, r)
		err := s.PutOIDCRecord(ctx, rec("auth_request", "ar-1", "", "", 10))
		wantCode(t, err, erpps.ECONFLICT)
		put(t, s, rec("code", "ar-1", "", "", 10)) // same id, another kind
		got, err := s.GetOIDCRecord(ctx, "auth_request", "ar-1", at(9))
		if err != nil {
			t.Fatal(err)
		}
		if got.Kind != "auth_request" || got.ID != "ar-1" || !bytes.Equal(got.Data, r.Data) || !got.ExpiresAt.Equal(at(10)) {
			t.Fatalf("got %+v", got)
		}
		_, err = s.GetOIDCRecord(ctx, "auth_request", "ar-1", at(10))
		wantCode(t, err, erpps.ENOTFOUND) // expired at its expiry
		_, err = s.GetOIDCRecord(ctx, "auth_request", "ar-2", at(1))
		wantCode(t, err, erpps.ENOTFOUND)

		upd := rec("auth_request", "ar-1", "grant-1", "810001234567", 20)
		upd.Data = []byte(`{"done":true}`)
		if err := s.UpdateOIDCRecord(ctx, upd, at(9)); err != nil {
			t.Fatal(err)
		}
		got, err = s.GetOIDCRecord(ctx, "auth_request", "ar-1", at(15))
		if err != nil {
			t.Fatal(err)
		}
		if got.GrantID != "grant-1" || got.Subject != "810001234567" || string(got.Data) != `{"done":true}` || !got.ExpiresAt.Equal(at(20)) {
			t.Fatalf("after update got %+v", got)
		}
		wantCode(t, s.UpdateOIDCRecord(ctx, rec("auth_request", "ar-9", "", "", 20), at(1)), erpps.ENOTFOUND)
		wantCode(t, s.UpdateOIDCRecord(ctx, upd, at(20)), erpps.ENOTFOUND) // expired: not revived
		wantCode(t, s.PutOIDCRecord(ctx, &erpps.OIDCRecord{Kind: "code"}), erpps.EINVALID)

		if err := s.DeleteOIDCRecord(ctx, "auth_request", "ar-1"); err != nil {
			t.Fatal(err)
		}
		if err := s.DeleteOIDCRecord(ctx, "auth_request", "ar-1"); err != nil {
			t.Fatal("deleting twice:", err)
		}
		_, err = s.GetOIDCRecord(ctx, "auth_request", "ar-1", at(1))
		wantCode(t, err, erpps.ENOTFOUND)
		if _, err := s.GetOIDCRecord(ctx, "code", "ar-1", at(1)); err != nil {
			t.Fatal("the other kind's record must stay:", err)
		}
	})

	t.Run("TakeOnce", func(t *testing.T) {
		s := open(t)
		put(t, s, rec("code", "c-1", "g", "", 10))
		put(t, s, rec("code", "c-old", "g", "", 5))
		_, err := s.TakeOIDCRecord(ctx, "code", "c-old", at(5))
		wantCode(t, err, erpps.ENOTFOUND) // expired
		const n = 8
		var wg sync.WaitGroup
		var mu sync.Mutex
		won, lost := 0, 0
		for range n {
			wg.Go(func() {
				got, err := s.TakeOIDCRecord(ctx, "code", "c-1", at(1))
				mu.Lock()
				defer mu.Unlock()
				switch {
				case err == nil && got.ID == "c-1" && got.GrantID == "g":
					won++
				case erpps.ErrorCode(err) == erpps.ENOTFOUND:
					lost++
				default:
					t.Errorf("take: %+v, %v", got, err)
				}
			})
		}
		wg.Wait()
		if won != 1 || lost != n-1 {
			t.Fatalf("won %d, lost %d: a code must be taken once", won, lost)
		}
	})

	t.Run("Grants", func(t *testing.T) {
		s := open(t)
		put(t, s, rec("access_token", "a1", "g1", "8A", 10))
		put(t, s, rec("refresh_token", "r1", "g1", "8A", 100))
		put(t, s, rec("access_token", "a2", "g2", "8A", 10))
		put(t, s, rec("access_token", "b1", "g3", "8B", 10))
		put(t, s, rec("auth_request", "x", "", "", 10))
		n, err := s.DeleteOIDCGrant(ctx, "g1")
		if err != nil || n != 2 {
			t.Fatalf("DeleteOIDCGrant = %d, %v; want 2", n, err)
		}
		if n, err := s.DeleteOIDCGrant(ctx, ""); err != nil || n != 0 {
			t.Fatalf("the empty grant must delete nothing: %d, %v", n, err)
		}
		_, err = s.GetOIDCRecord(ctx, "refresh_token", "r1", at(1))
		wantCode(t, err, erpps.ENOTFOUND)
		if _, err := s.GetOIDCRecord(ctx, "access_token", "a2", at(1)); err != nil {
			t.Fatal(err)
		}
		n, err = s.DeleteOIDCSubject(ctx, "8A")
		if err != nil || n != 1 {
			t.Fatalf("DeleteOIDCSubject = %d, %v; want 1", n, err)
		}
		if _, err := s.GetOIDCRecord(ctx, "access_token", "b1", at(1)); err != nil {
			t.Fatal("another subject's token must stay:", err)
		}
		n, err = s.DeleteExpiredOIDCRecords(ctx, at(10))
		if err != nil || n != 2 {
			t.Fatalf("DeleteExpiredOIDCRecords = %d, %v; want 2", n, err)
		}
	})
}
