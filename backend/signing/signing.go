package signing

import (
	"crypto/ed25519"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base32"
	"fmt"
	"strings"

	"erpps/backend/erpps"
)

// Signer signs messages with the issuing authority's private key.
type Signer interface {
	// KeyID names the key, as KeyIDOf(PublicKey()).
	KeyID() string
	// Sign returns the Ed25519 signature of msg.
	Sign(msg []byte) ([]byte, error)
	// PublicKey is the key a Verifier needs to check the signatures.
	PublicKey() ed25519.PublicKey
}

// Verifier checks a signature made by the key named keyID.
type Verifier interface {
	// Verify returns nil when sig is a valid signature of msg by the trusted
	// key keyID, and an *erpps.Error otherwise.
	Verify(keyID string, msg, sig []byte) error
}

// keyIDEncoding is base32 (RFC 4648) in lower case, without padding.
var keyIDEncoding = base32.NewEncoding("abcdefghijklmnopqrstuvwxyz234567").WithPadding(base32.NoPadding)

// KeyIDLength is the length of a key id: 8 bytes in base32, 13 characters.
const KeyIDLength = 13

// KeyIDOf names a public key: the first 8 bytes of its SHA-256, in lower-case
// base32 without padding (13 characters).
func KeyIDOf(pub ed25519.PublicKey) string {
	sum := sha256.Sum256(pub)
	return keyIDEncoding.EncodeToString(sum[:8])
}

// IsKeyID reports whether s has the shape of a key id.
func IsKeyID(s string) bool {
	if len(s) != KeyIDLength {
		return false
	}
	return strings.Trim(s, "abcdefghijklmnopqrstuvwxyz234567") == ""
}

// GenerateSeed returns a new random Ed25519 seed (32 bytes) for NewLocalSigner.
func GenerateSeed() ([]byte, error) {
	seed := make([]byte, ed25519.SeedSize)
	if _, err := rand.Read(seed); err != nil {
		return nil, fmt.Errorf("signing: unable to generate a seed: %w", err)
	}
	return seed, nil
}

// LocalSigner signs with a private key held in memory.
type LocalSigner struct {
	private ed25519.PrivateKey
	public  ed25519.PublicKey
	keyID   string
}

// NewLocalSigner derives the key pair from a 32-byte seed (see GenerateSeed).
func NewLocalSigner(seed []byte) (*LocalSigner, error) {
	if len(seed) != ed25519.SeedSize {
		return nil, &erpps.Error{
			Code:    erpps.EINTERNAL,
			Message: "La clé de signature de l'autorité est invalide.",
			Err:     fmt.Errorf("signing: seed of %d bytes, want %d", len(seed), ed25519.SeedSize),
		}
	}
	private := ed25519.NewKeyFromSeed(seed)
	public := private.Public().(ed25519.PublicKey)
	return &LocalSigner{private: private, public: public, keyID: KeyIDOf(public)}, nil
}

// KeyID implements Signer.
func (s *LocalSigner) KeyID() string { return s.keyID }

// PublicKey implements Signer; the caller may not modify the returned key.
func (s *LocalSigner) PublicKey() ed25519.PublicKey { return s.public }

// Sign implements Signer.
func (s *LocalSigner) Sign(msg []byte) ([]byte, error) {
	return ed25519.Sign(s.private, msg), nil
}

// Local reports that the key is this computer's stand-in for the authority's:
// what it signs is an offline preview, of no official value.
func (s *LocalSigner) Local() bool { return true }

// IsLocal reports whether s signs with a local stand-in key (see
// LocalSigner.Local) rather than the authority's.
func IsLocal(s Signer) bool {
	l, ok := s.(interface{ Local() bool })
	return ok && l.Local()
}
