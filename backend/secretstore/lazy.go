package secretstore

import (
	"context"
	"io"
	"sync"
)

// Lazy is Open put off until the secrets are first needed: a desktop whose
// mailbox is never connected never asks the session bus for a keychain
// (Open connects to D-Bus and talks to the Secret Service, at every start
// otherwise). It is safe for concurrent use; its zero value is not usable
// (KeyPath and Settings are needed).
type Lazy struct {
	KeyPath  string
	Settings Settings
	// Opened, when set, is told once, when the secrets are opened, where
	// they went and why not in the keychain ("" when they did).
	Opened func(s Secrets, why string)
	// Choose opens the secrets (nil: Open).
	Choose func(ctx context.Context, keyPath string, settings Settings) (Secrets, string)

	mu      sync.Mutex
	secrets Secrets
	closed  bool
}

// open returns the secrets, opened on the first call. The keychain's bus
// connection outlives the call that opened it (until Close): it is made
// with ctx's values but not its cancellation.
func (l *Lazy) open(ctx context.Context) Secrets {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.secrets != nil {
		return l.secrets
	}
	choose := l.Choose
	if choose == nil {
		choose = Open
	}
	if l.closed {
		// After Close, no new bus connection: the sealed file.
		choose = func(context.Context, string, Settings) (Secrets, string) {
			return &Sealed{KeyPath: l.KeyPath, Settings: l.Settings}, "closed"
		}
	}
	s, why := choose(context.WithoutCancel(ctx), l.KeyPath, l.Settings)
	l.secrets = s
	if l.Opened != nil {
		l.Opened(s, why)
	}
	return s
}

// Set implements Secrets.
func (l *Lazy) Set(ctx context.Context, name string, secret []byte) error {
	return l.open(ctx).Set(ctx, name, secret)
}

// Get implements Secrets.
func (l *Lazy) Get(ctx context.Context, name string) ([]byte, error) {
	return l.open(ctx).Get(ctx, name)
}

// Delete implements Secrets.
func (l *Lazy) Delete(ctx context.Context, name string) error {
	return l.open(ctx).Delete(ctx, name)
}

// Where implements Secrets: it opens the secrets to know.
func (l *Lazy) Where() string {
	return l.open(context.Background()).Where()
}

// Close closes the keychain's bus connection, if the secrets were opened
// there; it opens nothing.
func (l *Lazy) Close() error {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.closed = true
	if c, ok := l.secrets.(io.Closer); ok {
		return c.Close()
	}
	return nil
}
