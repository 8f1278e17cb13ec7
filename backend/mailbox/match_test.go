package mailbox

import (
	"context"
	"testing"
)

func TestMatch(t *testing.T) {
	ctx := context.Background()
	records := newFakeRecords()
	tests := []struct {
		name      string
		file      string
		ok        bool
		rpps      string
		requestID string
	}{
		{"IDNPS in the headers", "activation_headers.eml", true, rppsCurie, ""},
		{"IDNPS in the text", "activation_stripped_idnps.eml", true, rppsCurie, ""},
		{"name in the text", "activation_stripped_name.eml", true, rppsDupre, ""},
		{"decision by headers", "decision_headers.eml", true, rppsCurie, requestOfMC},
		{"decision by text", "decision_stripped.eml", true, rppsCurie, requestOfMC},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, ok := Recognise(readEML(t, tt.file))
			if !ok {
				t.Fatal("not recognised")
			}
			f, ok, err := Match(ctx, records, r)
			if err != nil || ok != tt.ok {
				t.Fatalf("Match = %v, %v", ok, err)
			}
			if f.RPPS != tt.rpps || f.RequestID != tt.requestID {
				t.Errorf("filed against %q / %q, want %q / %q", f.RPPS, f.RequestID, tt.rpps, tt.requestID)
			}
			if f.Kind == KindActivation && (f.IDNPS != "8"+tt.rpps || f.Code == "") {
				t.Errorf("activation finding %+v", f)
			}
		})
	}
}

func TestMatchLeavesOthersAlone(t *testing.T) {
	ctx := context.Background()
	records := newFakeRecords()
	cases := map[string]Recognised{
		"IDNPS of a practitioner not held here": {Kind: KindActivation, IDNPS: "810007654320", Code: "123456"},
		"no IDNPS, nobody named":                {Kind: KindActivation, Code: "123456", Text: "Bonjour Jean Martin, votre code d'activation : 123456"},
		"two practitioners named":               {Kind: KindActivation, Code: "123456", Text: "Marie Curie et Pierre Dupré"},
		"request not held here":                 {Kind: KindDecision, RequestID: "11111111-2222-4333-8444-555555555555"},
	}
	for name, r := range cases {
		if f, ok, err := Match(ctx, records, r); ok || err != nil {
			t.Errorf("%s: filed %+v (%v)", name, f, err)
		}
	}
	// A name alone is enough when only one practitioner bears it.
	f, ok, err := Match(ctx, records, Recognised{Kind: KindActivation, Code: "123456", Text: "Bonjour Dr CURIE Marie,"})
	if err != nil || !ok || f.RPPS != rppsCurie {
		t.Errorf("name match: %+v %v %v", f, ok, err)
	}
}
