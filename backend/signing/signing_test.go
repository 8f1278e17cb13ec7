package signing

import (
	"bytes"
	"crypto/ed25519"
	"testing"

	"erpps/backend/erpps"
)

func fixedSeed(b byte) []byte { return bytes.Repeat([]byte{b}, ed25519.SeedSize) }

func TestKeyIDOf(t *testing.T) {
	s, err := NewLocalSigner(fixedSeed(1))
	if err != nil {
		t.Fatal(err)
	}
	id := KeyIDOf(s.PublicKey())
	if !IsKeyID(id) {
		t.Errorf("KeyIDOf = %q, not a key id", id)
	}
	if s.KeyID() != id {
		t.Errorf("KeyID() = %q, want %q", s.KeyID(), id)
	}
	other, _ := NewLocalSigner(fixedSeed(2))
	if other.KeyID() == id {
		t.Errorf("two keys share the id %q", id)
	}
	for _, bad := range []string{"", "ABCDEFGHIJKLM", "abcdefghijkl", "abcdefghijklm1", "abcdefghijkl0"} {
		if IsKeyID(bad) {
			t.Errorf("IsKeyID(%q) = true", bad)
		}
	}
}

func TestNewLocalSigner(t *testing.T) {
	tests := []struct {
		name    string
		seed    []byte
		wantErr bool
	}{
		{"Valid", fixedSeed(7), false},
		{"ErrSeedTooShort", fixedSeed(7)[:31], true},
		{"ErrSeedEmpty", nil, true},
		{"ErrSeedTooLong", append(fixedSeed(7), 0), true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := NewLocalSigner(tt.seed)
			if (err != nil) != tt.wantErr {
				t.Fatalf("err = %v, wantErr %v", err, tt.wantErr)
			}
			if err != nil && erpps.ErrorCode(err) != erpps.EINTERNAL {
				t.Errorf("code = %q", erpps.ErrorCode(err))
			}
			if err == nil && s == nil {
				t.Fatal("nil signer")
			}
		})
	}
}

func TestGenerateSeed(t *testing.T) {
	a, err := GenerateSeed()
	if err != nil {
		t.Fatal(err)
	}
	b, _ := GenerateSeed()
	if len(a) != ed25519.SeedSize || bytes.Equal(a, b) {
		t.Errorf("seeds %x and %x", a, b)
	}
	if _, err := NewLocalSigner(a); err != nil {
		t.Error(err)
	}
}

func TestKeyRingVerify(t *testing.T) {
	signer, _ := NewLocalSigner(fixedSeed(3))
	stranger, _ := NewLocalSigner(fixedSeed(4))
	msg := []byte("attestation")
	sig, err := signer.Sign(msg)
	if err != nil {
		t.Fatal(err)
	}
	strangerSig, _ := stranger.Sign(msg)
	flipped := bytes.Clone(sig)
	flipped[10] ^= 1

	ring := NewKeyRing(signer.PublicKey())
	tests := []struct {
		name    string
		keyID   string
		msg     []byte
		sig     []byte
		wantMsg string // "" when valid
	}{
		{"Genuine", signer.KeyID(), msg, sig, ""},
		{"ErrAlteredMessage", signer.KeyID(), []byte("attestatioN"), sig, MsgInvalidSignature},
		{"ErrAlteredSignature", signer.KeyID(), msg, flipped, MsgInvalidSignature},
		{"ErrShortSignature", signer.KeyID(), msg, sig[:63], MsgInvalidSignature},
		{"ErrEmptySignature", signer.KeyID(), msg, nil, MsgInvalidSignature},
		{"ErrUnknownKey", stranger.KeyID(), msg, strangerSig, MsgUnknownKey},
		{"ErrOtherKeysSignature", signer.KeyID(), msg, strangerSig, MsgInvalidSignature},
		{"ErrEmptyKeyID", "", msg, sig, MsgUnknownKey},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := ring.Verify(tt.keyID, tt.msg, tt.sig)
			if tt.wantMsg == "" {
				if err != nil {
					t.Fatalf("Verify: %v", err)
				}
				return
			}
			if err == nil {
				t.Fatal("Verify accepted a bad signature")
			}
			if got := erpps.ErrorMessage(err); got != tt.wantMsg {
				t.Errorf("message = %q, want %q", got, tt.wantMsg)
			}
			if erpps.ErrorCode(err) != erpps.EINVALID {
				t.Errorf("code = %q", erpps.ErrorCode(err))
			}
		})
	}
}

func TestKeyRingAdd(t *testing.T) {
	a, _ := NewLocalSigner(fixedSeed(5))
	b, _ := NewLocalSigner(fixedSeed(6))
	ring := NewKeyRing(a.PublicKey(), ed25519.PublicKey{1, 2, 3})
	if got := ring.KeyIDs(); len(got) != 1 || got[0] != a.KeyID() {
		t.Fatalf("KeyIDs = %v", got)
	}
	if err := ring.Add(ed25519.PublicKey{1}); erpps.ErrorCode(err) != erpps.EINVALID {
		t.Errorf("Add(short key) = %v", err)
	}
	msg := []byte("m")
	sig, _ := b.Sign(msg)
	if err := ring.Verify(b.KeyID(), msg, sig); err == nil {
		t.Fatal("verified before Add")
	}
	pub := b.PublicKey()
	if err := ring.Add(pub); err != nil {
		t.Fatal(err)
	}
	if err := ring.Verify(b.KeyID(), msg, sig); err != nil {
		t.Errorf("after Add: %v", err)
	}
}
