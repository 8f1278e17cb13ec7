package mailbox

import (
	"os"
	"path/filepath"
	"testing"
)

func readEML(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestRecognise(t *testing.T) {
	const request = "0f8c3a2e-5b1d-4c7e-9a60-3e2d1c0b9a87"
	tests := []struct {
		file string
		ok   bool
		want Recognised
	}{
		{"activation_headers.eml", true, Recognised{Kind: KindActivation, ByHeaders: true, IDNPS: "810001234565", Code: "482913", Subject: SubjectActivation}},
		{"activation_stripped_idnps.eml", true, Recognised{Kind: KindActivation, IDNPS: "810001234565", Code: "315978"}},
		// The text part, not the HTML one (which says 999999); ISO-8859-1.
		{"activation_stripped_name.eml", true, Recognised{Kind: KindActivation, Code: "771204"}},
		{"decision_headers.eml", true, Recognised{Kind: KindDecision, ByHeaders: true, RequestID: request, Decision: DecisionRefused, Subject: SubjectDecision}},
		{"decision_stripped.eml", true, Recognised{Kind: KindDecision, RequestID: request, Decision: DecisionInfoRequested}},
		{"unrelated.eml", false, Recognised{}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			got, ok := Recognise(readEML(t, tt.file))
			if ok != tt.ok {
				t.Fatalf("ok = %v, want %v", ok, tt.ok)
			}
			if !ok {
				return
			}
			if got.Kind != tt.want.Kind || got.ByHeaders != tt.want.ByHeaders || got.IDNPS != tt.want.IDNPS ||
				got.Code != tt.want.Code || got.RequestID != tt.want.RequestID || got.Decision != tt.want.Decision {
				t.Errorf("got %+v, want %+v", got, tt.want)
			}
			if tt.want.Subject != "" && got.Subject != tt.want.Subject {
				t.Errorf("subject = %q, want %q", got.Subject, tt.want.Subject)
			}
			if got.Date.IsZero() {
				t.Error("date not read")
			}
		})
	}
}

func TestRecogniseName(t *testing.T) {
	got, ok := Recognise(readEML(t, "activation_stripped_name.eml"))
	if !ok || !namedIn(" "+foldForTest(got.Text)+" ", "Pierre", "Dupré") {
		t.Fatalf("the practitioner's name is not read in %q", got.Text)
	}
}

func TestRecogniseRefusesMalformed(t *testing.T) {
	for name, raw := range map[string]string{
		"empty":            "",
		"no header end":    "Subject: Votre code d'activation e-CPS",
		"header, no code":  "X-ERPPS-Kind: activation-code\r\nX-ERPPS-IDNPS: 810001234565\r\n\r\nBonjour",
		"bad request id":   "X-ERPPS-Kind: decision\r\nX-ERPPS-Request: ../../etc\r\nX-ERPPS-Decision: accepted\r\n\r\n",
		"code of 5 digits": "Subject: Votre code d'activation e-CPS\r\n\r\nVotre code d'activation : 12345",
	} {
		if r, ok := Recognise([]byte(raw)); ok {
			t.Errorf("%s: recognised as %+v", name, r)
		}
	}
	// A wrong key in the IDNPS header: the code is kept, the identifier not.
	r, ok := Recognise([]byte("X-ERPPS-Kind: activation-code\r\nX-ERPPS-IDNPS: 810001234566\r\n\r\nVotre code d'activation : 123456"))
	if !ok || r.IDNPS != "" {
		t.Errorf("bad IDNPS kept: %+v %v", r, ok)
	}
}
