package secretstore

import (
	"context"
	"crypto/aes"
	"crypto/cipher"
	"crypto/rand"
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"sync"

	"erpps/backend/erpps"
	"erpps/backend/secretfile"
)

// keySize is AES-256's.
const keySize = 32

// settingPrefix names the store's settings holding ciphertexts.
const settingPrefix = "secret."

// Sealed keeps each secret in the store's settings as AES-256-GCM
// ciphertext (nonce || sealed, the name as additional data), under a key
// kept in its own 0600 file: the store alone does not give the secret.
type Sealed struct {
	KeyPath  string
	Settings Settings

	mu   sync.Mutex
	aead cipher.AEAD
}

// Where implements Secrets.
func (s *Sealed) Where() string { return "file" }

// Set implements Secrets.
func (s *Sealed) Set(ctx context.Context, name string, secret []byte) error {
	aead, err := s.cipher(true)
	if err != nil {
		return err
	}
	nonce := make([]byte, aead.NonceSize())
	if _, err := rand.Read(nonce); err != nil {
		return fmt.Errorf("secretstore: unable to draw a nonce: %w", err)
	}
	sealed := aead.Seal(nonce, nonce, secret, []byte(name))
	if err := s.Settings.SetSetting(ctx, settingPrefix+name, sealed); err != nil {
		return fmt.Errorf("secretstore: unable to store a secret: %w", err)
	}
	return nil
}

// Get implements Secrets.
func (s *Sealed) Get(ctx context.Context, name string) ([]byte, error) {
	sealed, err := s.Settings.GetSetting(ctx, settingPrefix+name)
	if err != nil {
		return nil, err
	}
	aead, err := s.cipher(false)
	if err != nil {
		return nil, err
	}
	if len(sealed) < aead.NonceSize() {
		return nil, erpps.Errorf(erpps.EINTERNAL, "Le secret enregistré est illisible : saisissez-le de nouveau.")
	}
	plain, err := aead.Open(nil, sealed[:aead.NonceSize()], sealed[aead.NonceSize():], []byte(name))
	if err != nil {
		return nil, erpps.Errorf(erpps.EINTERNAL, "Le secret enregistré ne peut pas être déchiffré (clé changée ?) : saisissez-le de nouveau.")
	}
	return plain, nil
}

// Delete implements Secrets.
func (s *Sealed) Delete(ctx context.Context, name string) error {
	return s.Settings.DeleteSetting(ctx, settingPrefix+name)
}

// cipher loads the key, creating it when create is set and it is missing.
func (s *Sealed) cipher(create bool) (cipher.AEAD, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.aead != nil {
		return s.aead, nil
	}
	var key []byte
	var err error
	if create {
		key, _, err = secretfile.ReadOrCreate(s.KeyPath, keySize, newKey)
	} else {
		key, err = secretfile.Read(s.KeyPath, keySize)
	}
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, erpps.NotFound("Aucun secret n'est enregistré.")
	case errors.Is(err, secretfile.ErrReadableByOthers):
		return nil, erpps.Errorf(erpps.EINTERNAL, "Le fichier de clé %s est lisible par d'autres comptes : il est refusé.", filepath.Base(s.KeyPath))
	case errors.Is(err, secretfile.ErrTooLarge), err == nil && len(key) != keySize:
		return nil, erpps.Errorf(erpps.EINTERNAL, "Le fichier de clé %s est abîmé.", filepath.Base(s.KeyPath))
	case err != nil:
		return nil, fmt.Errorf("secretstore: unable to read or create the key: %w", err)
	}
	block, err := aes.NewCipher(key)
	if err != nil {
		return nil, fmt.Errorf("secretstore: unable to use the key: %w", err)
	}
	aead, err := cipher.NewGCM(block)
	if err != nil {
		return nil, fmt.Errorf("secretstore: unable to use the key: %w", err)
	}
	s.aead = aead
	return aead, nil
}

// newKey draws a new random key.
func newKey() ([]byte, error) {
	key := make([]byte, keySize)
	if _, err := rand.Read(key); err != nil {
		return nil, fmt.Errorf("secretstore: unable to draw a key: %w", err)
	}
	return key, nil
}
