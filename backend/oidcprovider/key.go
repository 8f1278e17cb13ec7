package oidcprovider

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/sha256"
	"crypto/x509"
	"encoding/base64"
	"encoding/pem"
	"errors"
	"fmt"
	"io/fs"

	jose "github.com/go-jose/go-jose/v4"

	"erpps/backend/secretfile"
)

// KeyFileName is the provider's signing key in erpps-server's data folder.
const KeyFileName = "oidc-key.pem"

// Key is the provider's signing key (ES256 over P-256).
type Key struct {
	private *ecdsa.PrivateKey
	id      string
}

// ParseKey reads a PKCS#8 "PRIVATE KEY" PEM holding an EC P-256 key.
func ParseKey(text []byte) (*Key, error) {
	block, _ := pem.Decode(text)
	if block == nil || block.Type != "PRIVATE KEY" {
		return nil, errors.New("oidcprovider: the signing key is not a PEM « PRIVATE KEY »")
	}
	k, err := x509.ParsePKCS8PrivateKey(block.Bytes)
	if err != nil {
		return nil, fmt.Errorf("oidcprovider: unable to read the signing key: %w", err)
	}
	ec, ok := k.(*ecdsa.PrivateKey)
	if !ok || ec.Curve != elliptic.P256() {
		return nil, errors.New("oidcprovider: the signing key must be an EC P-256 key (ES256)")
	}
	return newKey(ec)
}

// NewKey draws a new signing key.
func NewKey() (*Key, error) {
	ec, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return nil, fmt.Errorf("oidcprovider: unable to draw a signing key: %w", err)
	}
	return newKey(ec)
}

func newKey(ec *ecdsa.PrivateKey) (*Key, error) {
	pub, err := x509.MarshalPKIXPublicKey(&ec.PublicKey)
	if err != nil {
		return nil, fmt.Errorf("oidcprovider: unable to encode the public key: %w", err)
	}
	sum := sha256.Sum256(pub)
	return &Key{private: ec, id: base64.RawURLEncoding.EncodeToString(sum[:12])}, nil
}

// MarshalPEM is the key as a PKCS#8 PEM.
func (k *Key) MarshalPEM() ([]byte, error) {
	der, err := x509.MarshalPKCS8PrivateKey(k.private)
	if err != nil {
		return nil, fmt.Errorf("oidcprovider: unable to encode the signing key: %w", err)
	}
	return pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: der}), nil
}

// ID is the key's id in the JWKS (kid): a hash of its public key.
func (k *Key) ID() string { return k.id }

// cryptoKey is the AES key of the opaque access tokens, derived from the signing
// key so that every process sharing the signing key reads the same tokens.
func (k *Key) cryptoKey() [32]byte {
	d, _ := k.private.Bytes()
	return sha256.Sum256(append([]byte("erpps oidc access tokens\x00"), d...))
}

type signingKey struct{ k *Key }

func (s signingKey) SignatureAlgorithm() jose.SignatureAlgorithm { return jose.ES256 }
func (s signingKey) Key() any                                    { return s.k.private }
func (s signingKey) ID() string                                  { return s.k.id }

type publicKey struct{ k *Key }

func (p publicKey) ID() string                         { return p.k.id }
func (p publicKey) Algorithm() jose.SignatureAlgorithm { return jose.ES256 }
func (p publicKey) Use() string                        { return "sig" }
func (p publicKey) Key() any                           { return &p.k.private.PublicKey }

// LoadKeyFile reads the key kept in path; an error wrapping fs.ErrNotExist when
// there is none. A file others may read is refused.
func LoadKeyFile(path string) (*Key, error) {
	text, err := secretfile.Read(path, 1<<16)
	if err != nil {
		return nil, keyFileError(path, err)
	}
	return ParseKey(text)
}

// LoadOrCreateKeyFile reads the key kept in path, or creates it (mode 0600);
// a server starting at the same time ends with the same key.
func LoadOrCreateKeyFile(path string) (*Key, error) {
	text, _, err := secretfile.ReadOrCreate(path, 1<<16, func() ([]byte, error) {
		k, err := NewKey()
		if err != nil {
			return nil, err
		}
		return k.MarshalPEM()
	})
	if err != nil {
		return nil, keyFileError(path, err)
	}
	return ParseKey(text)
}

// keyFileError says in French what is wrong with the key file at path; it
// wraps fs.ErrNotExist when there is none.
func keyFileError(path string, err error) error {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return err
	case errors.Is(err, secretfile.ErrReadableByOthers):
		return fmt.Errorf("la clé de signature OpenID Connect (%s) est lisible par d'autres utilisateurs : retirez-leur ce droit (chmod 600 %s)", path, path)
	default:
		return fmt.Errorf("la clé de signature OpenID Connect (%s) n'a pas pu être lue ni créée : %w", path, err)
	}
}
