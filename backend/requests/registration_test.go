package requests

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"erpps/backend/erpps"
)

// withRecord replaces the fixture's record in the service's store.
func withRecord(t *testing.T, s *Service, modify func(p *erpps.Practitioner)) {
	t.Helper()
	p := fixture(t)
	modify(p)
	if err := s.Practitioners.SavePractitioner(context.Background(), p); err != nil {
		t.Fatal(err)
	}
}

// asDoctor makes the fixture a médecin: the Ordre des médecins keeps the record.
func asDoctor(p *erpps.Practitioner) {
	p.ExerciseCivility = "DR"
	p.Professions[0].Code = "10"
	for i := range p.Activities {
		p.Activities[i].ProfessionCode = "10"
	}
}

// TestOrderedProfessionTransmitsNothing (defect 11): a médecin's record is
// kept by the Ordre des médecins; the ARS's portal starts no request for it
// and says where to turn.
func TestOrderedProfessionTransmitsNothing(t *testing.T) {
	ctx := context.Background()
	s := mustService(t)
	withRecord(t, s, asDoctor)
	for _, k := range []erpps.RequestKind{erpps.KindContact, erpps.KindExerciseName, erpps.KindNewActivity} {
		_, err := s.Start(ctx, StartInput{RPPS: rpps, Kind: k}, me)
		if erpps.ErrorCode(err) != erpps.EFORBIDDEN || !strings.Contains(erpps.ErrorMessage(err), "Ordre des médecins") {
			t.Fatalf("Start(%s) = %v, want EFORBIDDEN naming the Ordre", k, err)
		}
	}
	_, err := s.Start(ctx, StartInput{RPPS: rpps, Kind: erpps.KindCeaseActivity, TargetID: "act-1"}, me)
	if erpps.ErrorCode(err) != erpps.EFORBIDDEN {
		t.Fatalf("Start(cease) = %v, want EFORBIDDEN", err)
	}
	// A profession the ARS registers may still be declared (a médecin who
	// becomes ostéopathe); an ordered one may not.
	np := start(t, s, erpps.KindNewProfession, "")
	if got := save(t, s, np.Request.ID, erpps.NewProfessionPayload{ProfessionCode: "71", CategoryCode: "C", Since: "2024-07-01"}); !got.Validation.Complete {
		t.Fatalf("new ARS profession for a médecin: %+v", got.Validation)
	}
	if got := save(t, s, np.Request.ID, erpps.NewProfessionPayload{ProfessionCode: "40", CategoryCode: "C", Since: "2024-07-01"}); fieldCodes(got.Validation)["professionCode"] != "registered_elsewhere" {
		t.Fatalf("new ordered profession for a médecin: %+v", got.Validation)
	}
	v, err := s.Practitioner(ctx, rpps)
	if err != nil {
		t.Fatal(err)
	}
	reg := v.Registration
	if reg.ServedByARS || reg.Notice == nil || len(reg.Professions) != 1 || reg.Professions[0].Authority.Code != "CNOM" {
		t.Fatalf("registration %+v", reg)
	}
	if !strings.Contains(reg.Notice.Message, "https://www.conseil-national.medecin.fr") {
		t.Fatalf("the notice does not say how to reach the Ordre: %s", reg.Notice.Message)
	}
	if v.CivilityShort != "Dr" {
		t.Fatalf("civility %q, want Dr", v.CivilityShort)
	}
	b, err := json.Marshal(v)
	if err != nil || !strings.Contains(string(b), `"rpps":"99700771191"`) || !strings.Contains(string(b), `"registration":`) {
		t.Fatalf("the view's JSON is not the record's with its registration: %s %v", b, err)
	}
}

// TestDraftOfAnOrderedProfessionIsNotTransmitted: a draft that exists (made
// before the rule, or while the record was another's) cannot be transmitted.
func TestDraftOfAnOrderedProfessionIsNotTransmitted(t *testing.T) {
	ctx := context.Background()
	s := mustService(t)
	v := start(t, s, erpps.KindContact, "")
	save(t, s, v.Request.ID, erpps.ContactPayload{Email: "c.martin@example.fr", Phone: "06 00 01 23 45",
		Address: erpps.Address{Street: "12 rue Pasteur", PostalCode: "75011", City: "PARIS"}})
	withRecord(t, s, asDoctor)
	if _, err := s.Transmit(ctx, v.Request.ID, me); err == nil || !strings.Contains(erpps.ErrorMessage(err), "Ordre des médecins") {
		t.Fatalf("Transmit = %v, want a refusal naming the Ordre", err)
	}
}

// TestMixedRecord: an orthophoniste who is also infirmier transmits to the
// ARS what concerns orthophonie, and nothing about the infirmier's practice.
func TestMixedRecord(t *testing.T) {
	ctx := context.Background()
	s := mustService(t)
	withRecord(t, s, func(p *erpps.Practitioner) {
		p.Professions = append(p.Professions, erpps.Profession{Code: "60", CategoryCode: "C"})
		p.Activities[1].ProfessionCode = "60"
	})
	if _, err := s.Start(ctx, StartInput{RPPS: rpps, Kind: erpps.KindCeaseActivity, TargetID: "act-2"}, me); erpps.ErrorCode(err) != erpps.EFORBIDDEN {
		t.Fatalf("cease of the infirmier's activity: %v, want EFORBIDDEN", err)
	}
	if _, err := s.Start(ctx, StartInput{RPPS: rpps, Kind: erpps.KindCeaseActivity, TargetID: "act-1"}, me); err != nil {
		t.Fatalf("cease of the orthophoniste's activity: %v", err)
	}
	v := start(t, s, erpps.KindNewActivity, "")
	p := lyonActivity(t)
	p.KeepsOtherActivities = true
	p.ProfessionCode = "60"
	got := save(t, s, v.Request.ID, p)
	if fieldCodes(got.Validation)["professionCode"] != "registered_elsewhere" || !hasGuidance(got.Validation, "registered_elsewhere") {
		t.Fatalf("new infirmier activity: %+v", got.Validation)
	}
	p.ProfessionCode = "91"
	if got := save(t, s, v.Request.ID, p); len(got.Validation.Fields) != 0 || hasGuidance(got.Validation, "registered_elsewhere") {
		t.Fatalf("new orthophoniste activity: %+v", got.Validation)
	}
	pv, err := s.Practitioner(ctx, rpps)
	if err != nil {
		t.Fatal(err)
	}
	if !pv.Registration.ServedByARS || pv.Registration.Notice == nil || pv.Registration.Notice.Level != LevelInfo {
		t.Fatalf("registration %+v", pv.Registration)
	}
	if pv.Registration.Authority.Label != "ARS Île-de-France" {
		t.Fatalf("record's authority %+v", pv.Registration.Authority)
	}
	if a := pv.Registration.Professions[0].Authority; a.Label != "ARS Île-de-France" || a.Code != "ARS-11" {
		t.Fatalf("orthophoniste's authority %+v", a)
	}
	np := start(t, s, erpps.KindNewProfession, "")
	if got := save(t, s, np.Request.ID, erpps.NewProfessionPayload{ProfessionCode: "70", CategoryCode: "C", Since: "2024-07-01"}); fieldCodes(got.Validation)["professionCode"] != "registered_elsewhere" {
		t.Fatalf("new ordered profession: %+v", got.Validation)
	}
}

func TestMilitaryPractitioner(t *testing.T) {
	s := mustService(t)
	withRecord(t, s, func(p *erpps.Practitioner) {
		asDoctor(p)
		p.ExerciseCivility = "MC"
	})
	v, err := s.Practitioner(context.Background(), rpps)
	if err != nil {
		t.Fatal(err)
	}
	if a := v.Registration.Professions[0].Authority; a.Code != "SSA" || !strings.Contains(v.Registration.Notice.Message, "Service de santé des armées") {
		t.Fatalf("military: %+v", v.Registration)
	}
}
