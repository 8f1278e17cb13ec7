package delegation_test

import (
	"context"
	"testing"
	"time"

	"erpps/backend/erpps"
)

func TestGrant(t *testing.T) {
	ctx := context.Background()
	e := newEnv(t)
	m := e.grant(t, erpps.KindContact, erpps.KindContact, erpps.KindExerciseName)
	if m.ID == "" || m.RPPS != rppsA || m.SecretaryID != secretary.ID || m.SecretaryName != secretary.Name || len(m.Kinds) != 2 || !m.CreatedAt.Equal(start) {
		t.Fatalf("mandate = %+v", m)
	}
	stored, err := e.db.FindMandateByID(ctx, m.ID)
	if err != nil || stored.RPPS != rppsA || len(stored.Kinds) != 2 {
		t.Fatalf("stored mandate = %+v, %v", stored, err)
	}
	year := start.Add(erpps.MaxMandateDuration)
	for _, tc := range []struct {
		name        string
		by          *erpps.Account
		secretaryID string
		kinds       []erpps.RequestKind
		expires     time.Time
		code, field string
	}{
		{"already mandated", practitionerA, secretary.ID, []erpps.RequestKind{erpps.KindContact}, year, erpps.ECONFLICT, ""},
		{"no kind", practitionerA, secretary2.ID, nil, year, erpps.EINVALID, "kinds"},
		{"an unknown kind", practitionerA, secretary2.ID, []erpps.RequestKind{"teleport"}, year, erpps.EINVALID, "kinds"},
		{"ending in the past", practitionerA, secretary2.ID, []erpps.RequestKind{erpps.KindContact}, start.Add(-time.Second), erpps.EINVALID, "expiresAt"},
		{"longer than 12 months", practitionerA, secretary2.ID, []erpps.RequestKind{erpps.KindContact}, year.Add(time.Second), erpps.EINVALID, "expiresAt"},
		{"to an unknown account", practitionerA, "nobody", []erpps.RequestKind{erpps.KindContact}, year, erpps.EINVALID, "secretaryId"},
		{"to an agent's account", practitionerA, agent.ID, []erpps.RequestKind{erpps.KindContact}, year, erpps.EINVALID, "secretaryId"},
		{"by a secretary", secretary, secretary2.ID, []erpps.RequestKind{erpps.KindContact}, year, erpps.EFORBIDDEN, ""},
		{"by an agent", agent, secretary2.ID, []erpps.RequestKind{erpps.KindContact}, year, erpps.EFORBIDDEN, ""},
		{"by nobody", nil, secretary2.ID, []erpps.RequestKind{erpps.KindContact}, year, erpps.EUNAUTHORIZED, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m, err := e.del.Grant(ctx, tc.by, tc.secretaryID, tc.kinds, tc.expires)
			if m != nil || code(err) != tc.code || fieldOf(err) != tc.field {
				t.Fatalf("Grant = %v, %v; want %s on %q", m, err, tc.code, tc.field)
			}
		})
	}
	if list, err := e.db.ListMandates(ctx, erpps.MandateFilter{RPPS: rppsA}); err != nil || len(list) != 1 {
		t.Fatalf("mandates after the refusals: %d, %v; want 1", len(list), err)
	}
	// Exactly 12 months is allowed.
	if _, err := e.del.Grant(ctx, practitionerA, secretary2.ID, []erpps.RequestKind{erpps.KindContact}, year); err != nil {
		t.Fatalf("a 12-month mandate: %v", err)
	}
}

func TestChecks(t *testing.T) {
	ctx := context.Background()
	e := newEnv(t)
	m := e.grant(t, erpps.KindContact)
	for _, tc := range []struct {
		name    string
		actor   *erpps.Account
		rpps    string
		kind    erpps.RequestKind
		prepare string // expected code of CheckPrepare, "" = allowed
		read    string // of CheckRead
	}{
		{"the practitioner, own record", practitionerA, rppsA, erpps.KindExerciseName, "", ""},
		{"another practitioner", e.b, rppsA, erpps.KindContact, erpps.ENOTFOUND, erpps.ENOTFOUND},
		{"the secretary, a kind of the mandate", secretary, rppsA, erpps.KindContact, "", ""},
		{"the secretary, another kind", secretary, rppsA, erpps.KindExerciseName, erpps.EFORBIDDEN, ""},
		{"the secretary, another record", secretary, e.rppsB, erpps.KindContact, erpps.ENOTFOUND, erpps.ENOTFOUND},
		{"a secretary without a mandate", secretary2, rppsA, erpps.KindContact, erpps.ENOTFOUND, erpps.ENOTFOUND},
		{"an agent", agent, rppsA, erpps.KindContact, erpps.EFORBIDDEN, erpps.ENOTFOUND},
		{"nobody", nil, rppsA, erpps.KindContact, erpps.EUNAUTHORIZED, erpps.EUNAUTHORIZED},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if err := e.del.CheckPrepare(ctx, tc.actor, tc.rpps, tc.kind); code(err) != tc.prepare {
				t.Errorf("CheckPrepare = %v, want %q", err, tc.prepare)
			}
			if err := e.del.CheckRead(ctx, tc.actor, tc.rpps); code(err) != tc.read {
				t.Errorf("CheckRead = %v, want %q", err, tc.read)
			}
		})
	}
	// Expired: nothing is allowed any more.
	e.clock.t = m.ExpiresAt
	if err := e.del.CheckPrepare(ctx, secretary, rppsA, erpps.KindContact); code(err) != erpps.ENOTFOUND {
		t.Fatalf("after expiry: %v, want not found", err)
	}
	if err := e.del.CheckRead(ctx, secretary, rppsA); code(err) != erpps.ENOTFOUND {
		t.Fatalf("read after expiry: %v, want not found", err)
	}
}

func TestRevoke(t *testing.T) {
	ctx := context.Background()
	for _, tc := range []struct {
		by      *erpps.Account
		actorID string // as histories name them: a practitioner by RPPS
	}{{practitionerA, rppsA}, {secretary, secretary.ID}} {
		by := tc.by
		t.Run(by.Name, func(t *testing.T) {
			e := newEnv(t)
			m := e.grant(t, erpps.KindContact)
			for _, stranger := range []*erpps.Account{e.b, secretary2, agent} {
				if err := e.del.Revoke(ctx, stranger, m.ID); code(err) != erpps.ENOTFOUND {
					t.Fatalf("revoked by %s: %v, want not found", stranger.Name, err)
				}
			}
			if err := e.del.CheckPrepare(ctx, secretary, rppsA, erpps.KindContact); err != nil {
				t.Fatalf("before revocation: %v", err)
			}
			e.clock.t = start.Add(time.Hour)
			if err := e.del.Revoke(ctx, by, m.ID); err != nil {
				t.Fatal(err)
			}
			got, err := e.db.FindMandateByID(ctx, m.ID)
			if err != nil || got.RevokedAt == nil || !got.RevokedAt.Equal(e.clock.t) || got.RevokedBy == nil || got.RevokedBy.ID != tc.actorID || got.RevokedBy.Role != by.Role {
				t.Fatalf("revoked mandate = %+v, %v", got, err)
			}
			if err := e.del.CheckPrepare(ctx, secretary, rppsA, erpps.KindContact); code(err) != erpps.ENOTFOUND {
				t.Fatalf("after revocation: %v, want not found", err)
			}
			if err := e.del.Revoke(ctx, by, m.ID); code(err) != erpps.ECONFLICT {
				t.Fatalf("revoked twice: %v, want conflict", err)
			}
			if err := e.del.Revoke(ctx, by, "man-unknown"); code(err) != erpps.ENOTFOUND {
				t.Fatalf("unknown mandate: %v, want not found", err)
			}
			// Once revoked, a new mandate may be given.
			if _, err := e.del.Grant(ctx, practitionerA, secretary.ID, []erpps.RequestKind{erpps.KindContact}, e.clock.t.AddDate(0, 1, 0)); err != nil {
				t.Fatalf("grant after revocation: %v", err)
			}
		})
	}
}

func TestList(t *testing.T) {
	ctx := context.Background()
	e := newEnv(t)
	m := e.grant(t, erpps.KindContact)
	for _, tc := range []struct {
		who  *erpps.Account
		n    int
		code string
	}{{practitionerA, 1, ""}, {secretary, 1, ""}, {secretary2, 0, ""}, {e.b, 0, ""}, {agent, 0, erpps.EFORBIDDEN}} {
		list, err := e.del.List(ctx, tc.who)
		if code(err) != tc.code || len(list) != tc.n || (tc.n == 1 && list[0].ID != m.ID) {
			t.Errorf("List(%s) = %v, %v; want %d mandates, error %q", tc.who.Name, list, err, tc.n, tc.code)
		}
	}
}
