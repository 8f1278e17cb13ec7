package storetest

import (
	"context"
	"reflect"
	"testing"

	"erpps/backend/erpps"
)

// mandate returns a mandate from rpps to secretary sec, for a year from t0.
func mandate(rpps, sec string) *erpps.Mandate {
	return &erpps.Mandate{RPPS: rpps, SecretaryID: sec, SecretaryName: "Secrétariat " + sec,
		Kinds:     []erpps.RequestKind{erpps.KindContact, erpps.KindCeaseActivity},
		CreatedAt: t0, ExpiresAt: t0.Add(erpps.MaxMandateDuration)}
}

func testMandates(t *testing.T, open func(t *testing.T) erpps.ServerStore) {
	ctx := context.Background()
	norm := func(m erpps.Mandate) erpps.Mandate {
		m.CreatedAt, m.ExpiresAt = utc(m.CreatedAt), utc(m.ExpiresAt)
		if m.RevokedAt != nil {
			r := utc(*m.RevokedAt)
			m.RevokedAt = &r
		}
		return m
	}

	t.Run("CreateFindRevoke", func(t *testing.T) {
		s := open(t)
		m := mandate("10000000001", "sec-1")
		if err := s.CreateMandate(ctx, m); err != nil {
			t.Fatal(err)
		}
		if m.ID == "" {
			t.Fatal("no mandate id")
		}
		got, err := s.FindMandateByID(ctx, m.ID)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(norm(*got), norm(*m)) {
			t.Fatalf("got %+v, want %+v", got, m)
		}
		if err := s.RevokeMandate(ctx, m.ID, secretary, at(5)); err != nil {
			t.Fatal(err)
		}
		got, err = s.FindMandateByID(ctx, m.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.RevokedAt == nil || !got.RevokedAt.Equal(at(5)) || got.RevokedBy == nil || *got.RevokedBy != secretary || got.Active(at(6)) {
			t.Fatalf("revoked %+v", got)
		}
		wantCode(t, s.RevokeMandate(ctx, m.ID, professional("10000000001"), at(6)), erpps.ECONFLICT)
		if again, _ := s.FindMandateByID(ctx, m.ID); !again.RevokedAt.Equal(at(5)) || *again.RevokedBy != secretary {
			t.Fatalf("revoking twice changed the revocation: %+v", again)
		}
		wantCode(t, s.RevokeMandate(ctx, "nope", secretary, at(6)), erpps.ENOTFOUND)
		_, err = s.FindMandateByID(ctx, "nope")
		wantCode(t, err, erpps.ENOTFOUND)
		dup := mandate("10000000001", "sec-1")
		dup.ID = m.ID
		wantCode(t, s.CreateMandate(ctx, dup), erpps.ECONFLICT)
	})

	t.Run("List", func(t *testing.T) {
		s := open(t)
		a := mandate("10000000001", "sec-1")
		b := mandate("10000000002", "sec-1")
		b.CreatedAt = at(1)
		c := mandate("10000000001", "sec-2")
		c.CreatedAt = at(2)
		for _, m := range []*erpps.Mandate{c, a, b} {
			if err := s.CreateMandate(ctx, m); err != nil {
				t.Fatal(err)
			}
		}
		ids := func(f erpps.MandateFilter) []string {
			t.Helper()
			list, err := s.ListMandates(ctx, f)
			if err != nil {
				t.Fatal(err)
			}
			out := []string{}
			for _, m := range list {
				out = append(out, m.ID)
			}
			return out
		}
		if got := ids(erpps.MandateFilter{RPPS: "10000000001"}); !reflect.DeepEqual(got, []string{a.ID, c.ID}) {
			t.Fatalf("by practitioner: %v", got)
		}
		if got := ids(erpps.MandateFilter{SecretaryID: "sec-1"}); !reflect.DeepEqual(got, []string{a.ID, b.ID}) {
			t.Fatalf("by secretary: %v", got)
		}
		if got := ids(erpps.MandateFilter{RPPS: "10000000001", SecretaryID: "sec-2"}); !reflect.DeepEqual(got, []string{c.ID}) {
			t.Fatalf("by both: %v", got)
		}
		if got := ids(erpps.MandateFilter{RPPS: "10000000009"}); len(got) != 0 {
			t.Fatalf("nobody's: %v", got)
		}
		_, err := s.ListMandates(ctx, erpps.MandateFilter{})
		wantCode(t, err, erpps.EINVALID)
	})

	t.Run("ErrInvalid", func(t *testing.T) {
		s := open(t)
		for _, mod := range []func(m *erpps.Mandate){
			func(m *erpps.Mandate) { m.RPPS = "" },
			func(m *erpps.Mandate) { m.SecretaryID = "" },
			func(m *erpps.Mandate) { m.Kinds = nil },
			func(m *erpps.Mandate) { m.Kinds = []erpps.RequestKind{"teleport"} },
		} {
			m := mandate("10000000001", "sec-1")
			mod(m)
			wantCode(t, s.CreateMandate(ctx, m), erpps.EINVALID)
		}
		wantCode(t, s.CreateMandate(ctx, nil), erpps.EINVALID)
	})
}
