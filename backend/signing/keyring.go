package signing

import (
	"crypto/ed25519"
	"fmt"
	"slices"
	"sync"

	"erpps/backend/erpps"
)

// Messages shown to the user when a signature does not verify.
const (
	MsgInvalidSignature = "Signature invalide : l'attestation a été modifiée ou n'a pas été émise par l'autorité."
	MsgUnknownKey       = "Signature inconnue : l'attestation n'a pas été signée par une clé reconnue de l'autorité."
)

// KeyRing is a Verifier holding the trusted public keys by key id. It is safe
// for concurrent use.
type KeyRing struct {
	mu   sync.RWMutex
	keys map[string]ed25519.PublicKey
}

// NewKeyRing returns a key ring trusting keys. Keys of the wrong size are
// ignored (Add reports them).
func NewKeyRing(keys ...ed25519.PublicKey) *KeyRing {
	r := &KeyRing{keys: make(map[string]ed25519.PublicKey, len(keys))}
	for _, k := range keys {
		_ = r.Add(k)
	}
	return r
}

// Add trusts one more public key; its key id is KeyIDOf(pub).
func (r *KeyRing) Add(pub ed25519.PublicKey) error {
	if len(pub) != ed25519.PublicKeySize {
		return &erpps.Error{
			Code:    erpps.EINVALID,
			Message: "La clé publique de l'autorité est invalide.",
			Err:     fmt.Errorf("signing: public key of %d bytes, want %d", len(pub), ed25519.PublicKeySize),
		}
	}
	key := make(ed25519.PublicKey, ed25519.PublicKeySize)
	copy(key, pub)
	r.mu.Lock()
	defer r.mu.Unlock()
	r.keys[KeyIDOf(key)] = key
	return nil
}

// KeyIDs returns the ids of the trusted keys, sorted.
func (r *KeyRing) KeyIDs() []string {
	r.mu.RLock()
	defer r.mu.RUnlock()
	ids := make([]string, 0, len(r.keys))
	for id := range r.keys {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	return ids
}

// Verify implements Verifier.
func (r *KeyRing) Verify(keyID string, msg, sig []byte) error {
	r.mu.RLock()
	key, ok := r.keys[keyID]
	r.mu.RUnlock()
	if !ok {
		return &erpps.Error{Code: erpps.EINVALID, Message: MsgUnknownKey}
	}
	if len(sig) != ed25519.SignatureSize || !ed25519.Verify(key, msg, sig) {
		return &erpps.Error{Code: erpps.EINVALID, Message: MsgInvalidSignature}
	}
	return nil
}
