package storekit

import (
	"encoding/json"
	"regexp"
	"testing"

	"erpps/backend/erpps"
)

func TestPrepareNewRequest(t *testing.T) {
	t.Run("Completes", func(t *testing.T) {
		r := &erpps.Request{RPPS: "10000000001", Kind: erpps.KindContact}
		if err := PrepareNewRequest(r); err != nil {
			t.Fatal(err)
		}
		if string(r.Payload) != "{}" || !regexp.MustCompile(`^[0-9a-f-]{36}$`).MatchString(r.ID) {
			t.Fatalf("payload %s, id %q", r.Payload, r.ID)
		}
	})
	t.Run("KeepsWhatIsGiven", func(t *testing.T) {
		r := &erpps.Request{ID: "mine", RPPS: "10000000001", Kind: erpps.KindContact, Payload: json.RawMessage(`{"a":1}`)}
		if err := PrepareNewRequest(r); err != nil {
			t.Fatal(err)
		}
		if r.ID != "mine" || string(r.Payload) != `{"a":1}` {
			t.Fatalf("changed: %+v", r)
		}
	})
	for name, r := range map[string]*erpps.Request{
		"Invalid":    {Kind: erpps.KindContact},
		"BadPayload": {RPPS: "10000000001", Kind: erpps.KindContact, Payload: json.RawMessage(`{`)},
	} {
		t.Run(name, func(t *testing.T) {
			if err := PrepareNewRequest(r); erpps.ErrorCode(err) != erpps.EINVALID {
				t.Fatalf("err = %v, want EINVALID", err)
			}
			if r.ID != "" {
				t.Fatalf("id drawn for a refused request: %q", r.ID)
			}
		})
	}
}
