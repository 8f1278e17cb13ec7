package attestation

import (
	"errors"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"

	"erpps/backend/erpps"
	"erpps/backend/signing"
)

func genuinePayload(t testing.TB) (string, *signing.KeyRing) {
	t.Helper()
	s := testSigner(t, 1)
	p, err := Payload(sampleData(25), s)
	if err != nil {
		t.Fatal(err)
	}
	return p, signing.NewKeyRing(s.PublicKey())
}

// replaceField returns payload with its i-th "|"-separated field set to v.
func replaceField(payload string, i int, v string) string {
	f := strings.Split(payload, "|")
	f[i] = v
	return strings.Join(f, "|")
}

func TestPayloadShape(t *testing.T) {
	p, _ := genuinePayload(t)
	f := strings.Split(p, "|")
	if len(f) != payloadFields {
		t.Fatalf("%d fields in %q", len(f), p)
	}
	want := []string{PayloadVersion, "ATT-2026-000123", "99900000016", "Anaïs-Hélène DÉMONSTRATION-LŒUVRE", "ARS Occitanie", "2026-11-27", "Médecin ; Chirurgien-dentiste"}
	for i, w := range want {
		if f[i] != w {
			t.Errorf("field %d = %q, want %q", i, f[i], w)
		}
	}
	if len(p) > 340 {
		t.Errorf("payload of %d bytes: too long for a small QR code", len(p))
	}
}

func TestPayloadCleansReadableFields(t *testing.T) {
	d := sampleData(1)
	d.FirstName = "Jean|Pierre\n"
	d.ExerciseName = strings.Repeat("LONGNOM", 20)
	d.Issuer = "ARS\x00 Corse"
	s := testSigner(t, 1)
	p, err := Payload(d, s)
	if err != nil {
		t.Fatal(err)
	}
	v, err := Verify(p, signing.NewKeyRing(s.PublicKey()))
	if err != nil {
		t.Fatalf("Verify: %v", err)
	}
	if strings.ContainsAny(v.Name, "|\n") || len([]rune(v.Name)) > maxName || !strings.HasPrefix(v.Name, "Jean Pierre") {
		t.Errorf("Name = %q", v.Name)
	}
	if v.Issuer != "ARS  Corse" {
		t.Errorf("Issuer = %q", v.Issuer)
	}
	if !v.Matches(d) {
		t.Error("the digest does not cover the uncut content")
	}
}

func TestPayloadNeedsASigner(t *testing.T) {
	if _, err := Payload(sampleData(1), nil); erpps.ErrorCode(err) != erpps.EINTERNAL {
		t.Errorf("Payload(nil signer) = %v", err)
	}
}

func TestVerify(t *testing.T) {
	genuine, ring := genuinePayload(t)
	stranger := testSigner(t, 9)
	foreign, err := Payload(sampleData(25), stranger)
	if err != nil {
		t.Fatal(err)
	}
	sig := strings.Split(genuine, "|")[9]
	flippedSig := sig[:10] + string(sig[10]^1) + sig[11:]

	tests := []struct {
		name    string
		payload string
		wantMsg string // "" when the payload is genuine
	}{
		{"Genuine", genuine, ""},
		{"GenuinePastedWithSpaces", "  " + genuine + "\r\n", ""},
		{"GenuinePastedInNFD", norm.NFD.String(genuine), ""},
		{"GenuinePastedInNFKC", norm.NFKC.String(genuine), ""},
		{"ErrAlteredName", replaceField(genuine, 3, "Anaïs-Hélène DUPONT"), signing.MsgInvalidSignature},
		{"ErrAlteredRPPS", replaceField(genuine, 2, "99900000024"), signing.MsgInvalidSignature},
		{"ErrAlteredDate", replaceField(genuine, 5, "2026-11-28"), signing.MsgInvalidSignature},
		{"ErrAlteredProfession", replaceField(genuine, 6, "Infirmier"), signing.MsgInvalidSignature},
		{"ErrProfessionRemoved", replaceField(genuine, 6, ""), signing.MsgInvalidSignature},
		{"ErrAlteredDigest", replaceField(genuine, 7, "AAAAAAAAAAAAAAAAAAAAAA"), signing.MsgInvalidSignature},
		{"ErrAlteredSignature", replaceField(genuine, 9, flippedSig), signing.MsgInvalidSignature},
		{"ErrSignatureOfAnotherPayload", replaceField(genuine, 9, strings.Split(foreign, "|")[9]), signing.MsgInvalidSignature},
		{"ErrUnknownKey", foreign, signing.MsgUnknownKey},
		{"ErrKeyIDSwapped", replaceField(genuine, 8, stranger.KeyID()), signing.MsgUnknownKey},
		{"ErrDowngradedToVersion1", "ERPPS1|" + strings.Replace(strings.SplitN(genuine, "|", 2)[1], "|Médecin ; Chirurgien-dentiste", "", 1), signing.MsgInvalidSignature},
		{"ErrEmpty", "", MsgEmptyPayload},
		{"ErrBlank", " \n\t", MsgEmptyPayload},
		{"ErrGarbage", "bonjour, ceci n'est pas un code", MsgMalformedPayload},
		{"ErrURL", "https://example.org/?q=ERPPS1", MsgMalformedPayload},
		{"ErrNewerVersion", "ERPPS3|" + strings.SplitN(genuine, "|", 2)[1], MsgUnknownVersion},
		{"ErrTruncated", genuine[:len(genuine)-20], MsgMalformedPayload},
		{"ErrFieldMissing", strings.Replace(genuine, "|ARS Occitanie", "", 1), MsgMalformedPayload},
		{"ErrFieldAdded", genuine + "|x", MsgMalformedPayload},
		{"ErrBadDate", replaceField(genuine, 5, "27/11/2026"), MsgMalformedPayload},
		{"ErrBadKeyID", replaceField(genuine, 8, "NOT-A-KEY"), MsgMalformedPayload},
		{"ErrSignatureNotBase64", replaceField(genuine, 9, strings.Repeat("*", 86)), MsgMalformedPayload},
		{"ErrSignatureShort", replaceField(genuine, 9, sig[:80]), MsgMalformedPayload},
		{"ErrTooLong", genuine + strings.Repeat("A", maxPayloadSize), MsgMalformedPayload},
		{"ErrOnlyPipes", strings.Repeat("|", 8), MsgMalformedPayload},
		{"ErrVersionOnly", "ERPPS1", MsgMalformedPayload},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v, err := Verify(tt.payload, ring)
			if tt.wantMsg == "" {
				if err != nil {
					t.Fatalf("Verify: %v", err)
				}
				want := Verified{
					Valid: true, DocumentNumber: "ATT-2026-000123", RPPS: "99900000016",
					Name: "Anaïs-Hélène DÉMONSTRATION-LŒUVRE", Issuer: "ARS Occitanie",
					IssuedAt: "2026-11-27", IssuedAtLabel: "27 novembre 2026",
					Professions: "Médecin ; Chirurgien-dentiste",
					KeyID:       testSigner(t, 1).KeyID(), ContentDigest: strings.Split(genuine, "|")[7],
				}
				if v != want {
					t.Errorf("Verify = %+v\nwant %+v", v, want)
				}
				return
			}
			if err == nil {
				t.Fatalf("Verify accepted %q", tt.payload)
			}
			var e *erpps.Error
			if !errors.As(err, &e) || e.Code != erpps.EINVALID {
				t.Fatalf("error %v is not an EINVALID *erpps.Error", err)
			}
			if e.Message != tt.wantMsg {
				t.Errorf("message = %q, want %q", e.Message, tt.wantMsg)
			}
			if v != (Verified{}) {
				t.Errorf("Verified = %+v, want zero", v)
			}
		})
	}
}

func TestVerifyNeedsAVerifier(t *testing.T) {
	genuine, _ := genuinePayload(t)
	if _, err := Verify(genuine, nil); erpps.ErrorCode(err) != erpps.EINTERNAL {
		t.Errorf("Verify(nil verifier) = %v", err)
	}
}

// plainVerifier returns an error that is not an *erpps.Error.
type plainVerifier struct{}

func (plainVerifier) Verify(string, []byte, []byte) error { return errors.New("no") }

func TestVerifyWrapsForeignErrors(t *testing.T) {
	genuine, _ := genuinePayload(t)
	_, err := Verify(genuine, plainVerifier{})
	if erpps.ErrorMessage(err) != signing.MsgInvalidSignature {
		t.Errorf("Verify = %v", err)
	}
}

func TestVerifiedMatches(t *testing.T) {
	genuine, ring := genuinePayload(t)
	v, err := Verify(genuine, ring)
	if err != nil {
		t.Fatal(err)
	}
	if !v.Matches(sampleData(25)) {
		t.Error("Matches(the signed data) = false")
	}
	other := sampleData(25)
	other.Activities[24].Address = "ailleurs"
	if v.Matches(other) {
		t.Error("Matches(data with another activity) = true")
	}
	if (Verified{}).Matches(sampleData(25)) {
		t.Error("a zero Verified matches")
	}
}

// A payload signed from text in another normalisation (NFD names, as some
// systems store them) is signed in NFC, and verifies however it is pasted.
func TestPayloadSignsNFC(t *testing.T) {
	d := sampleData(1)
	d.FirstName = norm.NFD.String("Nguyễn Thị Ánh")
	d.ExerciseName = norm.NFD.String("Łukasz Dvořák")
	s := testSigner(t, 1)
	p, err := Payload(d, s)
	if err != nil {
		t.Fatal(err)
	}
	if !norm.NFC.IsNormalString(p) {
		t.Fatalf("payload not in NFC: %q", p)
	}
	for _, pasted := range []string{p, norm.NFD.String(p), norm.NFKD.String(p)} {
		v, err := Verify(pasted, signing.NewKeyRing(s.PublicKey()))
		if err != nil {
			t.Fatalf("Verify(%q): %v", pasted, err)
		}
		if v.Name != "Nguyễn Thị Ánh Łukasz Dvořák" {
			t.Errorf("Name = %q", v.Name)
		}
	}
}

// Payloads of the first version, without the professions, still verify.
func TestVerifyVersion1(t *testing.T) {
	s := testSigner(t, 1)
	msg := "ERPPS1|ATT-2026-000123|99900000016|Anaïs-Hélène DÉMONSTRATION-LŒUVRE|ARS Occitanie|2026-11-27|" +
		b64.EncodeToString(contentDigest(sampleData(25))) + "|" + s.KeyID()
	sig, _ := s.Sign([]byte(msg))
	v, err := Verify(msg+"|"+b64.EncodeToString(sig), signing.NewKeyRing(s.PublicKey()))
	if err != nil {
		t.Fatal(err)
	}
	if !v.Valid || v.Professions != "" || v.DocumentNumber != "ATT-2026-000123" || !v.Matches(sampleData(25)) {
		t.Errorf("Verify = %+v", v)
	}
}
