// Package storetest is the contract every erpps.ServerStore passes: the
// SQLite store (the embedded default) and the PostgreSQL store run the same
// subtests, so that erpps-server behaves the same on either.
//
// What the contract holds beyond the interface's comments:
//   - times are kept to the microsecond at least and come back in UTC; a
//     time the store stamps itself (a request's CreatedAt) reads back equal
//     to what the writing method returned;
//   - payloads come back byte for byte as written (an approval is bound to
//     the SHA-256 of those bytes);
//   - a decision keeps the request's revision (only saves and transmissions
//     change it); an accepted request's record gets the decision's time as
//     its UpdatedAt;
//   - a failed write writes nothing.
package storetest

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"testing"
	"time"

	"erpps/backend/erpps"
)

// Run runs the whole contract against stores made by open, which returns a
// new, empty, migrated store for one test and closes it when the test ends
// (t.Cleanup).
func Run(t *testing.T, open func(t *testing.T) erpps.ServerStore) {
	t.Run("Ready", func(t *testing.T) { testReady(t, open) })
	t.Run("Practitioners", func(t *testing.T) { testPractitioners(t, open) })
	t.Run("Structures", func(t *testing.T) { testStructures(t, open) })
	t.Run("Requests", func(t *testing.T) { testRequests(t, open) })
	t.Run("Transmit", func(t *testing.T) { testTransmit(t, open) })
	t.Run("Approvals", func(t *testing.T) { testApprovals(t, open) })
	t.Run("OneTimeCodes", func(t *testing.T) { testOneTimeCodes(t, open) })
	t.Run("Withdraw", func(t *testing.T) { testWithdraw(t, open) })
	t.Run("Attestations", func(t *testing.T) { testAttestations(t, open) })
	t.Run("Receive", func(t *testing.T) { testReceive(t, open) })
	t.Run("Queue", func(t *testing.T) { testQueue(t, open) })
	t.Run("Decisions", func(t *testing.T) { testDecisions(t, open) })
	t.Run("ExpiredComplements", func(t *testing.T) { testExpiredComplements(t, open) })
	t.Run("Accounts", func(t *testing.T) { testAccounts(t, open) })
	t.Run("Sessions", func(t *testing.T) { testSessions(t, open) })
	t.Run("Mandates", func(t *testing.T) { testMandates(t, open) })
	t.Run("Races", func(t *testing.T) { testRaces(t, open) })
	t.Run("SyncReceipts", func(t *testing.T) { testSyncReceipts(t, open) })
	t.Run("SyncConcurrentClients", func(t *testing.T) { testSyncConcurrentClients(t, open) })
	t.Run("SyncChanges", func(t *testing.T) { testSyncChanges(t, open) })
	t.Run("SyncMandate", func(t *testing.T) { testSyncMandate(t, open) })
	t.Run("SyncHandBack", func(t *testing.T) { testSyncHandBack(t, open) })
	t.Run("ECPS", func(t *testing.T) { testECPS(t, open) })
	t.Run("OIDC", func(t *testing.T) { testOIDC(t, open) })
	t.Run("Registrations", func(t *testing.T) { testRegistrations(t, open) })
}

// t0 is the first instant of the tests' dates: whole seconds, so that every
// store keeps them exactly.
var t0 = time.Date(2026, 3, 14, 9, 0, 0, 0, time.UTC)

// at returns t0 plus n minutes.
func at(n int) time.Time { return t0.Add(time.Duration(n) * time.Minute) }

// The actors of the tests.
var (
	secretary = erpps.Actor{Role: erpps.RoleSecretary, ID: "sec-1", Name: "Secrétariat du cabinet"}
	agent     = erpps.Actor{Role: erpps.RoleARSAgent, ID: "agent-idf", Name: "Camille Martin (ARS Île-de-France)"}
	system    = erpps.Actor{Role: erpps.RoleSystem, ID: "system", Name: "eRPPS"}
)

// professional is the practitioner acting on their own record.
func professional(rpps string) erpps.Actor {
	return erpps.Actor{Role: erpps.RoleProfessional, ID: rpps, Name: "Dr " + rpps}
}

// practitioner returns a record with one profession and two open
// activities, ACT-<rpps>-1 in dept and ACT-<rpps>-2 in 13, updated at t0.
func practitioner(rpps, exerciseName, firstName, dept string) *erpps.Practitioner {
	return &erpps.Practitioner{
		RPPS: rpps, Civility: "MME", ExerciseCivility: "DR",
		BirthName: exerciseName + "-NAISSANCE", ExerciseName: exerciseName, FirstName: firstName,
		BirthDate: "1980-02-29",
		Contact: erpps.Contact{Email: "contact-" + rpps + "@example.invalid", Phone: "+33100000000",
			Address: erpps.Address{Number: "1", StreetType: "rue", Street: "de l'Exemple", PostalCode: "75000", City: "Paris"}},
		Professions: []erpps.Profession{{Code: "10", CategoryCode: "C", SkillCode: "SM54", Since: "2008-09-01"}},
		Activities: []erpps.Activity{
			{ID: "ACT-" + rpps + "-1", ProfessionCode: "10", ModeCode: "L", SectorCode: "SA07", FunctionCode: "FON-01",
				StartDate: "2010-01-01", Structure: erpps.Structure{SIRET: "1" + rpps + "01", CompanyName: "Cabinet " + exerciseName,
					Address: erpps.Address{PostalCode: dept + "000", City: "Ville"}, Department: dept}},
			{ID: "ACT-" + rpps + "-2", ProfessionCode: "10", ModeCode: "S", SectorCode: "SA01", FunctionCode: "FON-05",
				StartDate: "2012-05-01", Structure: erpps.Structure{FINESS: "F" + rpps[3:], CompanyName: "Centre hospitalier",
					Address: erpps.Address{PostalCode: "13000", City: "Marseille"}, Department: "13"}},
		},
		UpdatedAt: t0,
	}
}

// mustSave stores p.
func mustSave(t *testing.T, s erpps.ServerStore, p *erpps.Practitioner) *erpps.Practitioner {
	t.Helper()
	if err := s.SavePractitioner(context.Background(), p); err != nil {
		t.Fatalf("save practitioner %s: %v", p.RPPS, err)
	}
	return p
}

// mustCreate creates a draft of kind on target for rpps, by its practitioner.
func mustCreate(t *testing.T, s erpps.ServerStore, rpps string, kind erpps.RequestKind, target, payload string) *erpps.Request {
	t.Helper()
	r := &erpps.Request{RPPS: rpps, Kind: kind, TargetID: target, Department: "75", Payload: json.RawMessage(payload)}
	if err := s.CreateRequest(context.Background(), r, professional(rpps)); err != nil {
		t.Fatalf("create request: %v", err)
	}
	return r
}

// mustFind reads request id.
func mustFind(t *testing.T, s erpps.ServerStore, id string) *erpps.Request {
	t.Helper()
	r, err := s.FindRequestByID(context.Background(), id)
	if err != nil {
		t.Fatalf("find request %s: %v", id, err)
	}
	return r
}

// wantCode fails the test unless err carries the erpps code want.
func wantCode(t *testing.T, err error, want string) {
	t.Helper()
	if got := erpps.ErrorCode(err); got != want {
		t.Fatalf("error code = %q (%v), want %q", got, err, want)
	}
	if want != "" {
		var e *erpps.Error
		if errors.As(err, &e) && e.Message == "" {
			t.Fatalf("error %v has no message for the user", err)
		}
	}
}

// hashOf is the hex SHA-256 of a payload.
func hashOf(payload []byte) string {
	sum := sha256.Sum256(payload)
	return hex.EncodeToString(sum[:])
}

// sameTime fails unless got and want are the same instant.
func sameTime(t *testing.T, what string, got, want time.Time) {
	t.Helper()
	if !got.Equal(want) {
		t.Fatalf("%s = %v, want %v", what, got, want)
	}
}

// steps summarises a history as "from>to by role", for comparisons.
func steps(h []erpps.RequestEvent) []string {
	out := make([]string, len(h))
	for i, e := range h {
		out[i] = fmt.Sprintf("%s>%s by %s", e.From, e.To, e.Actor.Role)
	}
	return out
}

// normTimes returns a copy of r whose times are in UTC without monotonic
// reading, so that reflect.DeepEqual compares instants.
func normTimes(r *erpps.Request) *erpps.Request {
	c := *r
	c.CreatedAt, c.UpdatedAt = utc(c.CreatedAt), utc(c.UpdatedAt)
	if c.TransmittedAt != nil {
		tt := utc(*c.TransmittedAt)
		c.TransmittedAt = &tt
	}
	c.History = make([]erpps.RequestEvent, len(r.History))
	for i, e := range r.History {
		e.At = utc(e.At)
		c.History[i] = e
	}
	return &c
}

func utc(t time.Time) time.Time { return t.Round(0).UTC() }
