package mailbox

import (
	"bytes"
	"context"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/sirupsen/logrus"

	"erpps/backend/erpps"
	"erpps/backend/mailbox/mailboxtest"
)

// runWatcher starts a watcher on srv; findings and states arrive on the
// returned channels. The log is captured, to check what it says.
func runWatcher(t *testing.T, srv *mailboxtest.Server, password string) (*Watcher, <-chan Finding, <-chan PickupStatus, *bytes.Buffer, *memStore) {
	t.Helper()
	findings := make(chan Finding, 16)
	states := make(chan PickupStatus, 64)
	var logBuf syncBuffer
	log := logrus.New()
	log.SetOutput(&logBuf)
	store := &memStore{}
	w := &Watcher{
		Account: testAccount(srv, password), Records: newFakeRecords(), Store: store, Log: log,
		PollInterval: 50 * time.Millisecond, MinBackoff: 20 * time.Millisecond, MaxBackoff: 100 * time.Millisecond,
		OnFinding: func(f Finding) { findings <- f },
		OnStatus: func(s PickupStatus) {
			select {
			case states <- s:
			default:
			}
		},
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- w.Run(ctx) }()
	t.Cleanup(func() {
		cancel()
		select {
		case <-done:
		case <-time.After(5 * time.Second):
			t.Error("the watcher did not stop")
		}
	})
	return w, findings, states, &logBuf.buf, store
}

type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func waitFinding(t *testing.T, ch <-chan Finding) Finding {
	t.Helper()
	select {
	case f := <-ch:
		return f
	case <-time.After(5 * time.Second):
		t.Fatal("no finding")
	}
	return Finding{}
}

func waitState(t *testing.T, ch <-chan PickupStatus, want PickupState) PickupStatus {
	t.Helper()
	deadline := time.After(5 * time.Second)
	for {
		select {
		case s := <-ch:
			if s.State == want {
				return s
			}
		case <-deadline:
			t.Fatalf("state %s never reached", want)
		}
	}
}

// waitConnected waits for the watcher to wait for new mail. go-imap's
// in-memory server starts listening for changes just after acknowledging
// IDLE (and forgets one queued in between): the short pause makes sure the
// e-mail delivered next arrives during the IDLE, not before it.
func waitConnected(t *testing.T, ch <-chan PickupStatus, want PickupState) {
	t.Helper()
	waitState(t, ch, want)
	time.Sleep(30 * time.Millisecond)
}

func TestWatcherPicksUpMail(t *testing.T) {
	for _, tt := range []struct {
		name  string
		idle  bool
		state PickupState
	}{{"IDLE", true, StateIdle}, {"polling", false, StatePolling}} {
		t.Run(tt.name, func(t *testing.T) {
			srv := mailboxtest.NewServer(t, tt.idle)
			// Already there when the desktop connects: a decision, and an
			// e-mail that is none of ours.
			srv.Deliver(t, readEML(t, "decision_headers.eml"))
			srv.Deliver(t, readEML(t, "unrelated.eml"))
			_, findings, states, _, store := runWatcher(t, srv, mailboxtest.Password)
			f := waitFinding(t, findings)
			if f.Kind != KindDecision || f.RequestID != requestOfMC || f.Decision != DecisionRefused {
				t.Errorf("first finding %+v", f)
			}
			waitConnected(t, states, tt.state)
			// Arrives while connected.
			srv.Deliver(t, readEML(t, "activation_headers.eml"))
			f = waitFinding(t, findings)
			if f.Kind != KindActivation || f.RPPS != rppsCurie || f.Code != "482913" || !f.ByHeaders {
				t.Errorf("new mail finding %+v", f)
			}
			if f.MessageKey == "" || f.FoundAt.IsZero() {
				t.Errorf("finding without key or time: %+v", f)
			}
			waitConnected(t, states, tt.state)
			srv.Deliver(t, readEML(t, "activation_stripped_name.eml"))
			f = waitFinding(t, findings)
			if f.RPPS != rppsDupre || f.Code != "771204" || f.ByHeaders {
				t.Errorf("stripped mail finding %+v", f)
			}
			if n := store.count(); n != 3 {
				t.Errorf("%d findings stored, want 3", n)
			}
		})
	}
}

// The e-mails stay unread in the cabinet's mailbox: the secretary still
// sees them in her mail program.
func TestWatcherLeavesMailUnread(t *testing.T) {
	srv := mailboxtest.NewServer(t, true)
	srv.Deliver(t, readEML(t, "activation_headers.eml"))
	_, findings, _, _, _ := runWatcher(t, srv, mailboxtest.Password)
	waitFinding(t, findings)
	if n := srv.Unseen(t); n != 1 {
		t.Errorf("unseen = %d, want 1", n)
	}
}

func TestWatcherReconnects(t *testing.T) {
	for _, idle := range []bool{true, false} {
		t.Run(map[bool]string{true: "IDLE", false: "polling"}[idle], func(t *testing.T) {
			srv := mailboxtest.NewServer(t, idle)
			_, findings, states, _, store := runWatcher(t, srv, mailboxtest.Password)
			want := StatePolling
			if idle {
				want = StateIdle
			}
			waitState(t, states, want)
			if srv.Cut() == 0 {
				t.Fatal("no connection to cut")
			}
			s := waitState(t, states, StateRetrying)
			if s.Error == "" || s.RetryAt == nil {
				t.Errorf("retrying without a reason or a time: %+v", s)
			}
			// Delivered while the desktop was cut off: picked up after
			// reconnecting, once.
			srv.Deliver(t, readEML(t, "activation_headers.eml"))
			f := waitFinding(t, findings)
			if f.Code != "482913" {
				t.Errorf("finding %+v", f)
			}
			waitState(t, states, want)
			srv.Cut()
			waitState(t, states, want)
			select {
			case f := <-findings:
				t.Errorf("filed twice: %+v", f)
			case <-time.After(200 * time.Millisecond):
			}
			if store.count() != 1 {
				t.Errorf("%d findings, want 1", store.count())
			}
		})
	}
}

func TestWatcherWrongPassword(t *testing.T) {
	srv := mailboxtest.NewServer(t, true)
	srv.Deliver(t, readEML(t, "activation_headers.eml"))
	_, findings, states, logBuf, _ := runWatcher(t, srv, "pas-le-bon")
	s := waitState(t, states, StateRetrying)
	if s.Error != "Le serveur de messagerie a refusé l'identifiant ou le mot de passe." {
		t.Errorf("error = %q", s.Error)
	}
	select {
	case f := <-findings:
		t.Errorf("filed without logging in: %+v", f)
	case <-time.After(100 * time.Millisecond):
	}
	_ = logBuf
}

// The log says what happened, never a code, an address, a login or a
// password.
func TestWatcherLogsNoSecret(t *testing.T) {
	srv := mailboxtest.NewServer(t, true)
	srv.Deliver(t, readEML(t, "activation_headers.eml"))
	_, findings, states, logBuf, _ := runWatcher(t, srv, mailboxtest.Password)
	waitFinding(t, findings)
	waitState(t, states, StateIdle)
	srv.Cut()
	waitState(t, states, StateRetrying)
	waitState(t, states, StateIdle)
	time.Sleep(50 * time.Millisecond)
	logged := logBuf.String()
	if !strings.Contains(logged, "e-mail filed") || !strings.Contains(logged, "session ended") {
		t.Errorf("the log does not say what happened:\n%s", logged)
	}
	for _, secret := range []string{"482913", "810001234565", "10001234565", mailboxtest.User, mailboxtest.Password, "cabinet", "example"} {
		if strings.Contains(logged, secret) {
			t.Errorf("the log holds %q:\n%s", secret, logged)
		}
	}
}

func TestWatcherRefusesUnknownCertificate(t *testing.T) {
	srv := mailboxtest.NewServer(t, true)
	acc := testAccount(srv, mailboxtest.Password)
	acc.TLS.RootCAs = nil // the system's roots: the test certificate is not among them
	w := &Watcher{Account: acc, Records: newFakeRecords(), Store: &memStore{}, MinBackoff: time.Hour}
	states := make(chan PickupStatus, 8)
	w.OnStatus = func(s PickupStatus) { states <- s }
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go func() { _ = w.Run(ctx) }()
	s := waitState(t, states, StateRetrying)
	if !strings.Contains(s.Error, "certificat") {
		t.Errorf("error = %q", s.Error)
	}
}

func testAccount(srv *mailboxtest.Server, password string) Account {
	return Account{Host: "127.0.0.1", Port: srv.Addr.Port, Username: mailboxtest.User, Password: password, TLS: srv.TLS()}
}

func TestCheck(t *testing.T) {
	srv := mailboxtest.NewServer(t, true)
	ctx := context.Background()
	if err := Check(ctx, testAccount(srv, mailboxtest.Password)); err != nil {
		t.Fatalf("Check = %v", err)
	}
	bad := testAccount(srv, "faux")
	noFolder := testAccount(srv, mailboxtest.Password)
	noFolder.Folder = "Inexistant"
	closed := testAccount(srv, mailboxtest.Password)
	closed.Port = 1
	for _, tt := range []struct {
		acc  Account
		want string
	}{
		{bad, "Le serveur de messagerie a refusé l'identifiant ou le mot de passe."},
		{noFolder, "Le dossier de la boîte aux lettres est introuvable."},
		{closed, "Le serveur de messagerie est injoignable."},
	} {
		err := Check(ctx, tt.acc)
		if e := erpps.AsError(err); e == nil || e.Code != erpps.EINVALID || e.Message != tt.want {
			t.Errorf("Check = %v, want %q", err, tt.want)
		}
	}
}
