package requests

import (
	"testing"

	"erpps/backend/erpps"
	"erpps/backend/refdata"
)

// FuzzValidatePayload: whatever bytes arrive as a payload, of whatever kind,
// validation returns an error or a result, never panics.
func FuzzValidatePayload(f *testing.F) {
	seeds := []string{
		`{}`, `null`, `[]`, `"x"`, `{"activityId":"act-1","endDate":"2026-12-31","reasonCode":"RL"}`,
		`{"structure":{"siret":"1","address":{"postalCode":"2A000"}},"startDate":"0000-00-00"}`,
		`{"email":"@","phone":"+","address":{"postalCode":"99999"}}`,
		`{"exerciseName":"\u0000","useBirthName":false}`, `{"professionCode":"93","since":"9999-99-99"}`,
		`{"replacesActivityId":"act-0","startDate":"2012-03-15"}`,
	}
	for _, s := range seeds {
		f.Add(s, uint8(0))
		f.Add(s, uint8(1))
	}
	cat, err := refdata.Load()
	if err != nil {
		f.Fatal(err)
	}
	kinds := []erpps.RequestKind{erpps.KindCeaseActivity, erpps.KindNewActivity, erpps.KindNewProfession, erpps.KindContact, erpps.KindExerciseName}
	f.Fuzz(func(t *testing.T, payload string, k uint8) {
		p := fixture(t)
		req := &erpps.Request{ID: "r", RPPS: p.RPPS, Kind: kinds[int(k)%len(kinds)], Status: erpps.StatusDraft, Payload: []byte(payload)}
		sub := &subject{cat: cat, today: "2026-11-27", practitioner: p, request: req}
		for _, complete := range []bool{false, true} {
			v, _, _, err := validate(sub, nil, complete)
			if err != nil && erpps.ErrorCode(err) != erpps.EINVALID {
				t.Fatalf("unexpected error code for %q: %v", payload, err)
			}
			if err == nil && v.Complete && len(v.Fields) > 0 {
				t.Fatalf("complete with field errors: %+v", v)
			}
		}
	})
}
