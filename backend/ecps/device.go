package ecps

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/sha256"
	"encoding/base64"
	"math/big"
	"time"

	"erpps/backend/erpps"
)

// JWK is a public key as WebCrypto exports it: EC, P-256, for ECDSA with
// SHA-256 (ext, key_ops and alg are accepted and ignored).
type JWK struct {
	Kty    string   `json:"kty"`
	Crv    string   `json:"crv"`
	X      string   `json:"x"`
	Y      string   `json:"y"`
	Ext    *bool    `json:"ext,omitempty"`
	KeyOps []string `json:"key_ops,omitempty"`
	Alg    string   `json:"alg,omitempty"`
}

func badKey() error {
	return erpps.Invalid("Clé de l'appareil invalide.", erpps.FieldError{Field: "device.publicKey", Code: erpps.EINVALID,
		Message: "La clé publique doit être une clé EC P-256 au format JWK."})
}

// point returns the key's uncompressed point (65 bytes), checked on the
// curve.
func (k JWK) point() ([]byte, error) {
	if k.Kty != "EC" || k.Crv != "P-256" {
		return nil, badKey()
	}
	x, errX := base64.RawURLEncoding.DecodeString(k.X)
	y, errY := base64.RawURLEncoding.DecodeString(k.Y)
	if errX != nil || errY != nil || len(x) != 32 || len(y) != 32 {
		return nil, badKey()
	}
	p := append(append([]byte{4}, x...), y...)
	if _, err := ecdsa.ParseUncompressedPublicKey(elliptic.P256(), p); err != nil {
		return nil, badKey()
	}
	return p, nil
}

// verify says whether sig (raw r||s, base64url, as WebCrypto signs) is
// point's ECDSA P-256 SHA-256 signature of msg.
func verify(point []byte, msg, sig string) bool {
	pub, err := ecdsa.ParseUncompressedPublicKey(elliptic.P256(), point)
	if err != nil {
		return false
	}
	raw, err := base64.RawURLEncoding.DecodeString(sig)
	if err != nil || len(raw) != 64 {
		return false
	}
	digest := sha256.Sum256([]byte(msg))
	r, s := new(big.Int).SetBytes(raw[:32]), new(big.Int).SetBytes(raw[32:])
	return ecdsa.Verify(pub, digest[:], r, s)
}

// unrecognised answers any signed call that does not prove the device.
func unrecognised() error { return erpps.Errorf(erpps.EUNAUTHORIZED, erpps.MsgECPSBadSignature) }

// activeDevice returns the enrolled, unrevoked device; EUNAUTHORIZED else.
func (s *Service) activeDevice(ctx context.Context, id string) (*erpps.ECPSDevice, error) {
	if id == "" {
		return nil, unrecognised()
	}
	d, err := s.store.FindECPSDevice(ctx, id)
	if erpps.ErrorCode(err) == erpps.ENOTFOUND {
		return nil, unrecognised()
	}
	if err != nil {
		return nil, err
	}
	if d.RevokedAt != nil && !s.now().Before(*d.RevokedAt) {
		return nil, unrecognised()
	}
	return d, nil
}

// Challenge is a single-use nonce a device signs in its next call.
type Challenge struct {
	Nonce     string    `json:"nonce"`
	ExpiresAt time.Time `json:"expiresAt"`
}

// Challenge gives an enrolled device a nonce valid ChallengeLifetime.
func (s *Service) Challenge(ctx context.Context, deviceID string) (*Challenge, error) {
	d, err := s.activeDevice(ctx, deviceID)
	if err != nil {
		return nil, err
	}
	b, err := s.randomBytes(32)
	if err != nil {
		return nil, err
	}
	nonce := base64.RawURLEncoding.EncodeToString(b)
	expires := s.now().Add(ChallengeLifetime).UTC()
	if err := s.store.CreateECPSNonce(ctx, d.ID, nonceHash(nonce), expires); err != nil {
		return nil, err
	}
	return &Challenge{Nonce: nonce, ExpiresAt: expires}, nil
}

func nonceHash(nonce string) []byte {
	h := sha256.Sum256([]byte(nonce))
	return h[:]
}

// Signed is the proof a signed call carries.
type Signed struct {
	DeviceID  string `json:"deviceId"`
	Nonce     string `json:"nonce"`
	Signature string `json:"signature"`
}

// authenticate checks a signed call: an active device, its unused
// challenge (spent now, whatever follows), and its signature of msg.
func (s *Service) authenticate(ctx context.Context, in Signed, msg string) (*erpps.ECPSDevice, error) {
	d, err := s.activeDevice(ctx, in.DeviceID)
	if err != nil {
		return nil, err
	}
	if in.Nonce == "" || len(in.Nonce) > 100 {
		return nil, unrecognised()
	}
	if err := s.store.UseECPSNonce(ctx, d.ID, nonceHash(in.Nonce), s.now()); err != nil {
		return nil, err
	}
	if !verify(d.PublicKey, msg, in.Signature) {
		s.log.Warn("ecps: bad device signature", "device", d.ID)
		return nil, unrecognised()
	}
	return d, nil
}

// PendingItem is one transaction the phone shows.
type PendingItem struct {
	ID          string                    `json:"id"`
	Type        erpps.ECPSTransactionType `json:"type"`
	Label       string                    `json:"label"`
	Choices     []string                  `json:"choices,omitempty"`
	BindingCode string                    `json:"bindingCode,omitempty"`
	ExpiresAt   time.Time                 `json:"expiresAt"`
}

// Pending is what the phone is asked to approve, with the server's time
// (the companion warns when its clock differs by more than 30 s).
type Pending struct {
	ServerTime time.Time     `json:"serverTime"`
	Pending    []PendingItem `json:"pending"`
}

// Pending lists the device's practitioner's pending transactions; the call
// is signed over "pending\n<nonce>".
func (s *Service) Pending(ctx context.Context, in Signed) (*Pending, error) {
	d, err := s.authenticate(ctx, in, "pending\n"+in.Nonce)
	if err != nil {
		return nil, err
	}
	now := s.now()
	list, err := s.store.PendingECPSTransactions(ctx, d.RPPS, now)
	if err != nil {
		return nil, err
	}
	out := &Pending{ServerTime: now.UTC(), Pending: []PendingItem{}}
	for _, t := range list {
		out.Pending = append(out.Pending, PendingItem{ID: t.ID, Type: t.Type, Label: t.Label, Choices: t.Choices,
			BindingCode: t.BindingCode, ExpiresAt: t.ExpiresAt.UTC()})
	}
	return out, nil
}
