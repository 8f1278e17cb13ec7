package signing

import (
	"crypto/ed25519"
	"crypto/x509"
	"encoding/pem"
	"errors"
	"fmt"
	"slices"

	"erpps/backend/erpps"
)

// Authority is the register's signing key, held by erpps-server: the current
// Ed25519 private key, which signs, and the public keys of the keys it
// replaced (rotation), kept so that what they signed still verifies. It is
// kept as PEM text, in a file readable by its owner only or in an environment
// variable, never in a table of the store:
//
//	-----BEGIN PRIVATE KEY-----        the current key (PKCS #8)
//	Key-Id: <key id>
//	...
//	-----BEGIN PUBLIC KEY-----         a retired key (PKIX), newest first
//	Key-Id: <key id>
//	...
//
// Unlike LocalSigner, what it signs is not an offline preview.
type Authority struct {
	private ed25519.PrivateKey
	public  ed25519.PublicKey
	keyID   string
	retired []ed25519.PublicKey // newest first
}

// PublicKeyInfo is a public key of the authority as the server publishes it
// (GET /api/v1/keys) and desktops keep it.
type PublicKeyInfo struct {
	KeyID     string `json:"keyId"`
	Algorithm string `json:"algorithm"` // "Ed25519"
	PublicKey []byte `json:"publicKey"` // the 32 raw bytes (base64 in JSON)
	Current   bool   `json:"current"`   // the key that signs today
}

// AlgorithmEd25519 is PublicKeyInfo.Algorithm.
const AlgorithmEd25519 = "Ed25519"

// Messages about the authority key.
const (
	msgAuthorityDamaged = "La clé de signature de l'autorité est illisible : vérifiez le fichier ou la variable d'environnement qui la contient (une clé privée Ed25519 au format PEM)."
)

// NewAuthority returns an authority signing with a new random key.
func NewAuthority() (*Authority, error) {
	seed, err := GenerateSeed()
	if err != nil {
		return nil, err
	}
	return authorityFromSeed(seed, nil)
}

func authorityFromSeed(seed []byte, retired []ed25519.PublicKey) (*Authority, error) {
	if len(seed) != ed25519.SeedSize {
		return nil, authorityError(fmt.Errorf("signing: seed of %d bytes, want %d", len(seed), ed25519.SeedSize))
	}
	private := ed25519.NewKeyFromSeed(seed)
	public := private.Public().(ed25519.PublicKey)
	return &Authority{private: private, public: public, keyID: KeyIDOf(public), retired: retired}, nil
}

// ParseAuthority reads an authority from its PEM text: one PRIVATE KEY block
// (the current key) and any number of PUBLIC KEY blocks (retired keys).
func ParseAuthority(text []byte) (*Authority, error) {
	var seed []byte
	var retired []ed25519.PublicKey
	for rest := text; ; {
		var block *pem.Block
		block, rest = pem.Decode(rest)
		if block == nil {
			break
		}
		switch block.Type {
		case "PRIVATE KEY":
			if seed != nil {
				return nil, authorityError(errors.New("signing: two private keys"))
			}
			key, err := x509.ParsePKCS8PrivateKey(block.Bytes)
			if err != nil {
				return nil, authorityError(err)
			}
			private, ok := key.(ed25519.PrivateKey)
			if !ok {
				return nil, authorityError(fmt.Errorf("signing: %T is not an Ed25519 key", key))
			}
			seed = private.Seed()
		case "PUBLIC KEY":
			key, err := x509.ParsePKIXPublicKey(block.Bytes)
			if err != nil {
				return nil, authorityError(err)
			}
			public, ok := key.(ed25519.PublicKey)
			if !ok {
				return nil, authorityError(fmt.Errorf("signing: %T is not an Ed25519 key", key))
			}
			retired = append(retired, public)
		default:
			return nil, authorityError(fmt.Errorf("signing: unexpected PEM block %q", block.Type))
		}
	}
	if seed == nil {
		return nil, authorityError(errors.New("signing: no PRIVATE KEY block"))
	}
	return authorityFromSeed(seed, retired)
}

// MarshalPEM returns the authority's PEM text (see Authority).
func (a *Authority) MarshalPEM() ([]byte, error) {
	der, err := x509.MarshalPKCS8PrivateKey(a.private)
	if err != nil {
		return nil, fmt.Errorf("signing: unable to encode the authority key: %w", err)
	}
	out := pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Headers: map[string]string{"Key-Id": a.keyID}, Bytes: der})
	for _, pub := range a.retired {
		der, err := x509.MarshalPKIXPublicKey(pub)
		if err != nil {
			return nil, fmt.Errorf("signing: unable to encode a retired key: %w", err)
		}
		out = append(out, pem.EncodeToMemory(&pem.Block{Type: "PUBLIC KEY", Headers: map[string]string{"Key-Id": KeyIDOf(pub)}, Bytes: der})...)
	}
	return out, nil
}

// Rotated returns the authority signing with a new key, the current one
// retired: its public key is kept, first of the retired keys.
func (a *Authority) Rotated() (*Authority, error) {
	seed, err := GenerateSeed()
	if err != nil {
		return nil, err
	}
	retired := make([]ed25519.PublicKey, 0, len(a.retired)+1)
	retired = append(retired, a.public)
	for _, k := range a.retired {
		if !slices.ContainsFunc(retired, func(r ed25519.PublicKey) bool { return r.Equal(k) }) {
			retired = append(retired, k)
		}
	}
	return authorityFromSeed(seed, retired)
}

// KeyID implements Signer.
func (a *Authority) KeyID() string { return a.keyID }

// PublicKey implements Signer; the caller may not modify the returned key.
func (a *Authority) PublicKey() ed25519.PublicKey { return a.public }

// Sign implements Signer.
func (a *Authority) Sign(msg []byte) ([]byte, error) { return ed25519.Sign(a.private, msg), nil }

// PublicKeys returns the current key then the retired ones, newest first.
func (a *Authority) PublicKeys() []PublicKeyInfo {
	out := []PublicKeyInfo{{KeyID: a.keyID, Algorithm: AlgorithmEd25519, PublicKey: slices.Clone(a.public), Current: true}}
	for _, k := range a.retired {
		out = append(out, PublicKeyInfo{KeyID: KeyIDOf(k), Algorithm: AlgorithmEd25519, PublicKey: slices.Clone(k)})
	}
	return out
}

// KeyRing returns a Verifier trusting the current and the retired keys.
func (a *Authority) KeyRing() *KeyRing {
	r := NewKeyRing(a.public)
	for _, k := range a.retired {
		_ = r.Add(k)
	}
	return r
}

func authorityError(err error) error {
	return &erpps.Error{Code: erpps.EINTERNAL, Message: msgAuthorityDamaged, Err: fmt.Errorf("signing: authority key: %w", err)}
}
