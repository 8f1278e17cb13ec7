package secretstore

import (
	"context"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"erpps/backend/erpps"
)

// Lazy opens nothing until a secret is needed, then opens once (Open's
// choice: the keychain where the session bus has one, the sealed file
// otherwise), tells where, and closes the keychain's connection.
func TestLazyOpensOnFirstUse(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	dir := t.TempDir()
	db := openStore(t, dir)
	defer db.Close()
	withBus := privateBus(t)
	startFakeSecretService(t, withBus, false)
	for _, tt := range []struct {
		name, bus, want string
		first           func(ctx context.Context, l *Lazy) error
	}{
		{"keychain, first Get", withBus, "keychain", func(ctx context.Context, l *Lazy) error {
			if _, err := l.Get(ctx, "mailbox"); erpps.ErrorCode(err) != erpps.ENOTFOUND {
				return err
			}
			return nil
		}},
		{"keychain, first Where", withBus, "keychain", func(_ context.Context, l *Lazy) error { _ = l.Where(); return nil }},
		{"no session bus, first Set", "", "file", func(ctx context.Context, l *Lazy) error { return l.Set(ctx, "mailbox", []byte(password)) }},
	} {
		t.Run(tt.name, func(t *testing.T) {
			t.Setenv("DBUS_SESSION_BUS_ADDRESS", tt.bus)
			if tt.bus == "" {
				os.Unsetenv("DBUS_SESSION_BUS_ADDRESS")
				t.Setenv("XDG_RUNTIME_DIR", t.TempDir())
			}
			var mu sync.Mutex
			opens, told := 0, []string{}
			l := &Lazy{
				KeyPath: filepath.Join(dir, tt.name+".key"), Settings: db,
				Choose: func(ctx context.Context, keyPath string, settings Settings) (Secrets, string) {
					mu.Lock()
					opens++
					mu.Unlock()
					return Open(ctx, keyPath, settings)
				},
				Opened: func(s Secrets, why string) { told = append(told, s.Where()+":"+why) },
			}
			if opens != 0 {
				t.Fatalf("opened %d times before any use", opens)
			}
			// The first use's context ends with its call: the keychain's
			// connection opened under it stays.
			callCtx, cancelCall := context.WithCancel(ctx)
			err := tt.first(callCtx, l)
			cancelCall()
			if err != nil {
				t.Fatal(err)
			}
			time.Sleep(50 * time.Millisecond) // a connection bound to callCtx would close now
			if err := l.Set(ctx, "mailbox", []byte(password)); err != nil {
				t.Fatal(err)
			}
			if got, err := l.Get(ctx, "mailbox"); err != nil || string(got) != password {
				t.Fatalf("Get = %q, %v", got, err)
			}
			if l.Where() != tt.want {
				t.Fatalf("Where = %s, want %s", l.Where(), tt.want)
			}
			if opens != 1 {
				t.Errorf("opened %d times, want once", opens)
			}
			if len(told) != 1 || (tt.want == "keychain") != (told[0] == "keychain:") {
				t.Errorf("Opened told %q", told)
			}
			if err := l.Delete(ctx, "mailbox"); err != nil {
				t.Fatal(err)
			}
			if err := l.Close(); err != nil {
				t.Errorf("Close: %v", err)
			}
		})
	}
}

// A Lazy closed before any use opens nothing then, and afterwards no bus
// connection: the sealed file.
func TestLazyClosedUnused(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	db := openStore(t, dir)
	defer db.Close()
	opens := 0
	l := &Lazy{KeyPath: filepath.Join(dir, "secrets.key"), Settings: db,
		Choose: func(ctx context.Context, keyPath string, settings Settings) (Secrets, string) {
			opens++
			return Open(ctx, keyPath, settings)
		}}
	if err := l.Close(); err != nil {
		t.Fatal(err)
	}
	if opens != 0 {
		t.Fatalf("Close opened the secrets")
	}
	if err := l.Set(ctx, "mailbox", []byte(password)); err != nil {
		t.Fatal(err)
	}
	if l.Where() != "file" || opens != 0 {
		t.Errorf("after Close: Where = %s, %d opens", l.Where(), opens)
	}
}
