// Package secretstore keeps the desktop's secrets (the cabinet mailbox's
// password) out of its store in plain text: in the OS keychain through the
// Secret Service D-Bus API where a session bus offers one, otherwise
// encrypted with AES-256-GCM under a key kept in a 0600 file outside the
// store (the store then holds only the ciphertext).
package secretstore

import (
	"context"
)

// Secrets keeps named secrets.
type Secrets interface {
	// Set stores secret under name, replacing any previous one.
	Set(ctx context.Context, name string, secret []byte) error
	// Get returns the secret stored under name, or ENOTFOUND.
	Get(ctx context.Context, name string) ([]byte, error)
	// Delete removes the secret, if any.
	Delete(ctx context.Context, name string) error
	// Where says where the secrets are kept, for the UI: "keychain" or
	// "file".
	Where() string
}

// Settings is the store's key-value table the file-backed secrets keep
// their ciphertext in.
type Settings interface {
	GetSetting(ctx context.Context, key string) ([]byte, error)
	SetSetting(ctx context.Context, key string, value []byte) error
	DeleteSetting(ctx context.Context, key string) error
}

// Open returns the OS keychain when the session bus has a Secret Service
// with a default collection, else the encrypted store with its key at
// keyPath. The second result says why the keychain was not used ("" when
// it is), for the log.
func Open(ctx context.Context, keyPath string, settings Settings) (Secrets, string) {
	kc, err := ConnectKeychain(ctx)
	if err == nil {
		return kc, ""
	}
	return &Sealed{KeyPath: keyPath, Settings: settings}, err.Error()
}
