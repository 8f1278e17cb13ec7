package secretstore

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/godbus/dbus/v5"
	"github.com/godbus/dbus/v5/prop"

	"erpps/backend/erpps"
)

// privateBus starts a dbus-daemon of its own (Debian's dbus package) and
// returns its address.
func privateBus(t *testing.T) string {
	t.Helper()
	daemon, err := exec.LookPath("dbus-daemon")
	if err != nil {
		t.Fatalf("dbus-daemon is needed (Debian package dbus): %v", err)
	}
	addr := "unix:path=" + filepath.Join(t.TempDir(), "bus")
	cmd := exec.Command(daemon, "--session", "--nofork", "--nopidfile", "--print-address=1", "--address="+addr)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = cmd.Process.Kill(); _ = cmd.Wait() })
	line, err := bufio.NewReader(out).ReadString('\n')
	if err != nil {
		t.Fatalf("dbus-daemon: %v", err)
	}
	return strings.TrimSpace(line)
}

func dial(t *testing.T, addr string) *dbus.Conn {
	t.Helper()
	conn, err := dbus.Connect(addr)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close() })
	return conn
}

// fakeSecretService plays the Secret Service's part of the protocol the
// desktop uses, on a real bus, keeping items in memory.
type fakeSecretService struct {
	conn   *dbus.Conn
	mu     sync.Mutex
	items  map[dbus.ObjectPath]*fakeItem
	next   int
	locked bool
}

type fakeItem struct {
	attrs map[string]string
	value []byte
}

const fakeCollection = dbus.ObjectPath("/org/freedesktop/secrets/collection/login")

func startFakeSecretService(t *testing.T, addr string, locked bool) *fakeSecretService {
	t.Helper()
	conn := dial(t, addr)
	f := &fakeSecretService{conn: conn, items: map[dbus.ObjectPath]*fakeItem{}, locked: locked}
	if err := conn.ExportMethodTable(map[string]any{
		"OpenSession": func(algorithm string, _ dbus.Variant) (dbus.Variant, dbus.ObjectPath, *dbus.Error) {
			if algorithm != "plain" {
				return dbus.MakeVariant(""), "/", dbus.MakeFailedError(fmt.Errorf("unsupported"))
			}
			return dbus.MakeVariant(""), "/org/freedesktop/secrets/session/1", nil
		},
		"ReadAlias": func(name string) (dbus.ObjectPath, *dbus.Error) {
			if name == "default" {
				return fakeCollection, nil
			}
			return "/", nil
		},
		"SearchItems": func(attrs map[string]string) ([]dbus.ObjectPath, []dbus.ObjectPath, *dbus.Error) {
			f.mu.Lock()
			defer f.mu.Unlock()
			found := []dbus.ObjectPath{}
			for path, it := range f.items {
				if matches(it.attrs, attrs) {
					found = append(found, path)
				}
			}
			return found, []dbus.ObjectPath{}, nil
		},
	}, ssPath, ssIface); err != nil {
		t.Fatal(err)
	}
	if err := conn.ExportMethodTable(map[string]any{
		"CreateItem": func(props map[string]dbus.Variant, s secret, replace bool) (dbus.ObjectPath, dbus.ObjectPath, *dbus.Error) {
			attrs, _ := props[ssItemAttributes].Value().(map[string]string)
			f.mu.Lock()
			defer f.mu.Unlock()
			if replace {
				for path, it := range f.items {
					if matches(it.attrs, attrs) {
						it.value = s.Value
						return path, noPrompt, nil
					}
				}
			}
			f.next++
			path := dbus.ObjectPath(fmt.Sprintf("%s/%d", fakeCollection, f.next))
			f.items[path] = &fakeItem{attrs: attrs, value: s.Value}
			f.exportItem(t, path)
			return path, noPrompt, nil
		},
	}, fakeCollection, ssCollection); err != nil {
		t.Fatal(err)
	}
	if _, err := prop.Export(conn, fakeCollection, prop.Map{ssCollection: {"Locked": {Value: locked}}}); err != nil {
		t.Fatal(err)
	}
	if reply, err := conn.RequestName(ssService, dbus.NameFlagDoNotQueue); err != nil || reply != dbus.RequestNameReplyPrimaryOwner {
		t.Fatalf("RequestName: %v %v", reply, err)
	}
	return f
}

func (f *fakeSecretService) exportItem(t *testing.T, path dbus.ObjectPath) {
	if err := f.conn.ExportMethodTable(map[string]any{
		"GetSecret": func(session dbus.ObjectPath) (secret, *dbus.Error) {
			f.mu.Lock()
			defer f.mu.Unlock()
			it, ok := f.items[path]
			if !ok {
				return secret{}, dbus.MakeFailedError(fmt.Errorf("no such item"))
			}
			return secret{Session: session, Parameters: []byte{}, Value: it.value, ContentType: "text/plain"}, nil
		},
		"Delete": func() (dbus.ObjectPath, *dbus.Error) {
			f.mu.Lock()
			defer f.mu.Unlock()
			delete(f.items, path)
			return noPrompt, nil
		},
	}, path, ssItem); err != nil {
		t.Error(err)
	}
}

func matches(have, want map[string]string) bool {
	for k, v := range want {
		if have[k] != v {
			return false
		}
	}
	return true
}

func TestKeychainOverTheSecretService(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	addr := privateBus(t)
	fake := startFakeSecretService(t, addr, false)
	kc, err := KeychainOn(ctx, dial(t, addr))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := kc.Get(ctx, "mailbox"); erpps.ErrorCode(err) != erpps.ENOTFOUND {
		t.Errorf("nothing stored: %v", err)
	}
	for _, pw := range []string{password, "un autre"} { // the second replaces the first
		if err := kc.Set(ctx, "mailbox", []byte(pw)); err != nil {
			t.Fatal(err)
		}
		got, err := kc.Get(ctx, "mailbox")
		if err != nil || string(got) != pw {
			t.Fatalf("Get = %q, %v", got, err)
		}
	}
	fake.mu.Lock()
	n := len(fake.items)
	fake.mu.Unlock()
	if n != 1 {
		t.Errorf("%d items in the keychain, want 1", n)
	}
	if err := kc.Delete(ctx, "mailbox"); err != nil {
		t.Fatal(err)
	}
	if _, err := kc.Get(ctx, "mailbox"); erpps.ErrorCode(err) != erpps.ENOTFOUND {
		t.Errorf("after Delete: %v", err)
	}
}

// Open takes the keychain when the session bus has one, the sealed file
// otherwise (no bus; a bus without the service; a locked collection).
func TestOpenChoosesWhereSecretsGo(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	dir := t.TempDir()
	db := openStore(t, dir)
	defer db.Close()
	withBus := privateBus(t)
	startFakeSecretService(t, withBus, false)
	lockedBus := privateBus(t)
	startFakeSecretService(t, lockedBus, true)
	for _, tt := range []struct {
		name, bus, want string
	}{
		{"no session bus", "", "file"},
		{"bus without a Secret Service", privateBus(t), "file"},
		{"locked collection", lockedBus, "file"},
		{"Secret Service", withBus, "keychain"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			t.Setenv("DBUS_SESSION_BUS_ADDRESS", tt.bus)
			if tt.bus == "" {
				os.Unsetenv("DBUS_SESSION_BUS_ADDRESS")
				t.Setenv("XDG_RUNTIME_DIR", t.TempDir())
			}
			s, why := Open(ctx, filepath.Join(dir, "secrets.key"), db)
			if s.Where() != tt.want {
				t.Fatalf("Where = %s (%s), want %s", s.Where(), why, tt.want)
			}
			if (tt.want == "file") != (why != "") {
				t.Errorf("reason %q", why)
			}
			if err := s.Set(ctx, "mailbox", []byte(password)); err != nil {
				t.Fatal(err)
			}
			if got, err := s.Get(ctx, "mailbox"); err != nil || string(got) != password {
				t.Fatalf("Get = %q, %v", got, err)
			}
			if kc, ok := s.(*Keychain); ok {
				kc.Close()
			}
		})
	}
}
