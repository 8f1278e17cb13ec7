package app

import (
	"context"
	"crypto/tls"
	"sync"
	"time"

	"github.com/sirupsen/logrus"

	"erpps/backend/erpps"
	"erpps/backend/mailbox"
	"erpps/backend/secretstore"
)

// EventMailboxChanged tells the UI that the mailbox's state or findings
// changed (payload: MailboxState).
const EventMailboxChanged = "mailbox:changed"

// secretMailbox names the mailbox's password among the secrets.
const secretMailbox = "mailbox-password"

// MailboxDeps connect the desktop to the cabinet's mailbox; nil where it
// cannot be (the kiosk).
type MailboxDeps struct {
	Store   erpps.MailboxStore
	Records mailbox.Records
	Secrets secretstore.Secrets
	// ServerURL is the eRPPS server's address ("" when none): the phone
	// companion is served there.
	ServerURL func(ctx context.Context) string
	// TLS is the IMAP client's TLS configuration (nil: the system's roots).
	TLS *tls.Config
	Now func() time.Time
	// Backoff bounds the delay between reconnections (0: the watcher's).
	MinBackoff, MaxBackoff time.Duration
}

// MailboxSignIn is what the secretary types to connect the mailbox.
type MailboxSignIn struct {
	Host     string `json:"host"`
	Port     int    `json:"port"`
	Username string `json:"username"`
	Password string `json:"password"`
	Folder   string `json:"folder"`
}

// MailboxState is the « Boîte aux lettres du cabinet » page's state.
type MailboxState struct {
	// Available is false where no mailbox can be connected (the kiosk).
	Available bool                  `json:"available"`
	Account   *erpps.MailboxAccount `json:"account,omitempty"`
	Status    mailbox.PickupStatus  `json:"status"`
	// SecretsWhere says where the password is kept: "keychain" (the
	// system's) or "file" (encrypted, key beside the store).
	SecretsWhere string `json:"secretsWhere"`
}

// mailboxManager runs the watcher of the connected mailbox.
type mailboxManager struct {
	deps   *MailboxDeps
	events Emitter
	log    *logrus.Logger

	mu     sync.Mutex
	cancel context.CancelFunc
	done   chan struct{}
	status mailbox.PickupStatus
}

func newMailboxManager(deps *MailboxDeps, events Emitter, log *logrus.Logger) *mailboxManager {
	return &mailboxManager{deps: deps, events: events, log: log, status: mailbox.PickupStatus{State: mailbox.StateStopped}}
}

func (m *mailboxManager) available() bool { return m != nil && m.deps != nil && m.deps.Store != nil }

// start follows the kept account, if any, with the kept password.
func (m *mailboxManager) start(ctx context.Context) error {
	if !m.available() {
		return nil
	}
	acc, err := m.deps.Store.MailboxAccount(ctx)
	if erpps.ErrorCode(err) == erpps.ENOTFOUND {
		return nil
	}
	if err != nil {
		return err
	}
	pw, err := m.deps.Secrets.Get(ctx, secretMailbox)
	if err != nil {
		return err
	}
	m.run(ctx, m.account(acc, string(pw)))
	return nil
}

func (m *mailboxManager) account(a *erpps.MailboxAccount, password string) mailbox.Account {
	var tlsConfig *tls.Config
	if m.deps.TLS != nil {
		tlsConfig = m.deps.TLS.Clone()
	}
	return mailbox.Account{Host: a.Host, Port: a.Port, Username: a.Username, Password: password, Folder: a.Folder, TLS: tlsConfig}
}

// run (re)starts the watcher on acc, in the background, until stop or ctx.
func (m *mailboxManager) run(ctx context.Context, acc mailbox.Account) {
	_ = m.stop()
	runCtx, cancel := context.WithCancel(context.WithoutCancel(ctx))
	stopWithApp := context.AfterFunc(ctx, cancel)
	done := make(chan struct{})
	w := &mailbox.Watcher{
		Account: acc, Records: m.deps.Records, Store: m.deps.Store, Log: m.log, Now: m.deps.Now,
		MinBackoff: m.deps.MinBackoff, MaxBackoff: m.deps.MaxBackoff,
		OnStatus: func(s mailbox.PickupStatus) {
			m.mu.Lock()
			m.status = s
			m.mu.Unlock()
			m.emit()
		},
		OnFinding: func(mailbox.Finding) { m.emit() },
	}
	m.mu.Lock()
	m.cancel, m.done = cancel, done
	m.mu.Unlock()
	go func() {
		defer close(done)
		defer stopWithApp()
		_ = w.Run(runCtx)
	}()
}

// stop ends the watcher, if running, and waits for it.
func (m *mailboxManager) stop() error {
	if m == nil {
		return nil
	}
	m.mu.Lock()
	cancel, done := m.cancel, m.done
	m.cancel, m.done = nil, nil
	m.mu.Unlock()
	if cancel != nil {
		cancel()
		<-done
	}
	m.mu.Lock()
	m.status = mailbox.PickupStatus{State: mailbox.StateStopped}
	m.mu.Unlock()
	return nil
}

func (m *mailboxManager) emit() {
	if m.events != nil {
		m.events.Emit(EventMailboxChanged, nil)
	}
}

func (m *mailboxManager) state(ctx context.Context) (*MailboxState, error) {
	if !m.available() {
		return &MailboxState{Status: mailbox.PickupStatus{State: mailbox.StateStopped}}, nil
	}
	out := &MailboxState{Available: true, SecretsWhere: m.deps.Secrets.Where()}
	acc, err := m.deps.Store.MailboxAccount(ctx)
	switch {
	case err == nil:
		out.Account = acc
	case erpps.ErrorCode(err) != erpps.ENOTFOUND:
		return nil, err
	}
	m.mu.Lock()
	out.Status = m.status
	m.mu.Unlock()
	return out, nil
}
