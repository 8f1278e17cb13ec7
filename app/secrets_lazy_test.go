package app

import (
	"context"
	"net"
	"path/filepath"
	"sync/atomic"
	"testing"
)

// TestStartLooksForNoKeychain: starting the app does not connect to the
// session bus (the Secret Service is probed when the mailbox first needs
// it); the mailbox's page does, and finding no keychain there it keeps the
// secrets in the sealed file.
func TestStartLooksForNoKeychain(t *testing.T) {
	sock := filepath.Join(t.TempDir(), "bus")
	ln, err := net.Listen("unix", sock)
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	var dials atomic.Int32
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			dials.Add(1)
			c.Close() // no bus here: the client falls back to the file
		}
	}()
	t.Setenv("DBUS_SESSION_BUS_ADDRESS", "unix:path="+sock)

	a, closeFn, err := Open(context.Background(), Config{DataDir: t.TempDir(), Mode: ModeWeb, Version: "test"})
	if err != nil {
		t.Fatal(err)
	}
	defer closeFn()
	if n := dials.Load(); n != 0 {
		t.Fatalf("the start connected %d times to the session bus", n)
	}
	st, err := a.MailboxStatus()
	if err != nil {
		t.Fatal(err)
	}
	if n := dials.Load(); n == 0 {
		t.Error("the mailbox's page did not look for the keychain")
	}
	if st.SecretsWhere != "file" {
		t.Errorf("SecretsWhere = %q, want file (no Secret Service)", st.SecretsWhere)
	}
	if _, err := a.MailboxStatus(); err != nil {
		t.Fatal(err)
	}
	if n := dials.Load(); n != 1 {
		t.Errorf("%d connections to the session bus, want 1 (the keychain is looked for once)", n)
	}
}
