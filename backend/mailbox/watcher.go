package mailbox

import (
	"context"
	"crypto/sha256"
	"crypto/tls"
	"encoding/hex"
	"errors"
	"fmt"
	"net"
	"strings"
	"sync"
	"time"

	"github.com/emersion/go-imap/v2"
	"github.com/emersion/go-imap/v2/imapclient"
	"github.com/sirupsen/logrus"
)

// Account is the cabinet's mailbox: its IMAP server (over TLS) and login.
type Account struct {
	Host     string
	Port     int
	Username string
	Password string
	Folder   string // "INBOX" when ""
	// TLS is the client's TLS configuration (nil: the system's roots,
	// ServerName = Host).
	TLS *tls.Config
}

func (a Account) address() string { return net.JoinHostPort(a.Host, fmt.Sprint(a.Port)) }

// key names the account in the findings' keys without saying it: the same
// UID in another mailbox is another e-mail.
func (a Account) key() string {
	sum := sha256.Sum256([]byte(strings.ToLower(a.Host) + "\x00" + fmt.Sprint(a.Port) + "\x00" + a.Username + "\x00" + a.folder()))
	return hex.EncodeToString(sum[:8])
}

func (a Account) folder() string {
	if a.Folder == "" {
		return "INBOX"
	}
	return a.Folder
}

// Store keeps the findings. SaveMailFinding ignores an e-mail already filed
// (same MessageKey) and says whether it added one.
type Store interface {
	SaveMailFinding(ctx context.Context, f *Finding) (added bool, err error)
}

// Watcher follows the cabinet's mailbox until its context ends: IDLE when
// the server offers it, polling otherwise; it reconnects with a growing
// delay after a failure.
type Watcher struct {
	Account Account
	Records Records
	Store   Store
	Log     *logrus.Logger
	Now     func() time.Time
	// PollInterval is the delay between two checks without IDLE (1 min).
	PollInterval time.Duration
	// MinBackoff and MaxBackoff bound the delay before reconnecting
	// (2 s, 5 min): it doubles after each failure, back to MinBackoff
	// once a session worked.
	MinBackoff, MaxBackoff time.Duration
	// IdleRecheck is how long an IDLE lasts before the folder is searched
	// anyway (10 min): a server that missed telling is caught up.
	IdleRecheck time.Duration
	// Lookback is how old the e-mails read at connection may be (7 days):
	// an activation code lasts 30 minutes, a decision is read for a while.
	Lookback time.Duration
	// OnStatus is told every change of state; OnFinding every new finding.
	OnStatus  func(PickupStatus)
	OnFinding func(Finding)
}

// PickupState is where the pickup is.
type PickupState string

// The pickup's states.
const (
	StateConnecting PickupState = "connecting"
	StateIdle       PickupState = "idle"    // connected, the server pushes new mail
	StatePolling    PickupState = "polling" // connected, checking every PollInterval
	StateRetrying   PickupState = "retrying"
	StateStopped    PickupState = "stopped"
)

// PickupStatus is the pickup's state, for the secretary's page.
type PickupStatus struct {
	State PickupState `json:"state"`
	// Error is the last failure, in French ("" when none).
	Error       string     `json:"error,omitempty"`
	LastCheckAt *time.Time `json:"lastCheckAt,omitempty"`
	RetryAt     *time.Time `json:"retryAt,omitempty"`
}

func (w *Watcher) now() time.Time {
	if w.Now == nil {
		return time.Now()
	}
	return w.Now()
}

func orDefault(d, def time.Duration) time.Duration {
	if d <= 0 {
		return def
	}
	return d
}

// Run follows the mailbox until ctx ends; it returns ctx's error.
func (w *Watcher) Run(ctx context.Context) error {
	minB, maxB := orDefault(w.MinBackoff, 2*time.Second), orDefault(w.MaxBackoff, 5*time.Minute)
	backoff := minB
	var st statusTracker
	st.notify = w.OnStatus
	for {
		st.set(PickupStatus{State: StateConnecting})
		worked, err := w.session(ctx, &st)
		if ctx.Err() != nil {
			st.set(PickupStatus{State: StateStopped})
			return ctx.Err()
		}
		if worked {
			backoff = minB
		}
		retry := w.now().Add(backoff)
		st.set(PickupStatus{State: StateRetrying, Error: frenchError(err), RetryAt: &retry, LastCheckAt: st.lastCheck()})
		if w.Log != nil {
			// The error names neither the address nor the login: only the
			// server's host, which the secretary typed.
			w.Log.WithField("kind", errorKind(err)).WithField("retryIn", backoff.String()).Warn("mailbox: session ended")
		}
		t := time.NewTimer(backoff)
		select {
		case <-ctx.Done():
			t.Stop()
			st.set(PickupStatus{State: StateStopped})
			return ctx.Err()
		case <-t.C:
		}
		backoff = min(2*backoff, maxB)
	}
}

// errAuth is a login the server refused; errFolder a folder it did not open.
var (
	errAuth   = errors.New("mailbox: login refused")
	errFolder = errors.New("mailbox: unable to open the folder")
)

// session connects, reads the recent e-mails, then waits for new ones until
// the connection fails or ctx ends. worked tells whether it got as far as
// the folder.
func (w *Watcher) session(ctx context.Context, st *statusTracker) (worked bool, err error) {
	newMail := make(chan struct{}, 1)
	tlsConfig := w.Account.TLS
	if tlsConfig == nil {
		tlsConfig = &tls.Config{ServerName: w.Account.Host, MinVersion: tls.VersionTLS12}
	}
	c, err := imapclient.DialTLS(w.Account.address(), &imapclient.Options{
		TLSConfig: tlsConfig,
		Dialer:    &net.Dialer{Timeout: 30 * time.Second},
		UnilateralDataHandler: &imapclient.UnilateralDataHandler{
			Mailbox: func(d *imapclient.UnilateralDataMailbox) {
				if d.NumMessages != nil {
					select {
					case newMail <- struct{}{}:
					default:
					}
				}
			},
		},
	})
	if err != nil {
		return false, fmt.Errorf("mailbox: unable to connect: %w", err)
	}
	defer c.Close()
	stop := context.AfterFunc(ctx, func() { c.Close() })
	defer stop()

	if err := c.Login(w.Account.Username, w.Account.Password).Wait(); err != nil {
		var imapErr *imap.Error
		if errors.As(err, &imapErr) {
			return false, fmt.Errorf("%w: %s", errAuth, imapErr.Code)
		}
		return false, fmt.Errorf("mailbox: unable to log in: %w", err)
	}
	sel, err := c.Select(w.Account.folder(), &imap.SelectOptions{ReadOnly: true}).Wait()
	if err != nil {
		return false, fmt.Errorf("%w: %w", errFolder, err)
	}
	r := reader{w: w, c: c, validity: sel.UIDValidity}
	since := w.now().Add(-orDefault(w.Lookback, 7*24*time.Hour))
	if err := r.read(ctx, &imap.SearchCriteria{Since: since}); err != nil {
		return true, err
	}
	idle := c.Caps().Has(imap.CapIdle)
	poll := orDefault(w.PollInterval, time.Minute)
	recheck := orDefault(w.IdleRecheck, 10*time.Minute)
	for {
		if idle {
			cmd, err := c.Idle()
			if err != nil {
				return true, fmt.Errorf("mailbox: unable to wait for new mail: %w", err)
			}
			// Told once the server waits: new mail is pushed from now on.
			st.check(w.now(), StateIdle)
			t := time.NewTimer(recheck)
			select {
			case <-ctx.Done():
				t.Stop()
				_ = cmd.Close()
				return true, ctx.Err()
			case <-c.Closed():
				t.Stop()
				return true, fmt.Errorf("mailbox: connection lost: %w", net.ErrClosed)
			case <-newMail:
				t.Stop()
			case <-t.C:
			}
			if err := cmd.Close(); err != nil {
				return true, fmt.Errorf("mailbox: unable to end the wait: %w", err)
			}
		} else {
			st.check(w.now(), StatePolling)
			t := time.NewTimer(poll)
			select {
			case <-ctx.Done():
				t.Stop()
				return true, ctx.Err()
			case <-c.Closed():
				t.Stop()
				return true, fmt.Errorf("mailbox: connection lost: %w", net.ErrClosed)
			case <-newMail:
				t.Stop()
			case <-t.C:
			}
			if err := c.Noop().Wait(); err != nil {
				return true, fmt.Errorf("mailbox: unable to check for new mail: %w", err)
			}
		}
		if err := r.read(ctx, &imap.SearchCriteria{UID: []imap.UIDSet{{imap.UIDRange{Start: r.last + 1, Stop: 0}}}}); err != nil {
			return true, err
		}
	}
}

// reader fetches, recognises and files the e-mails of one session.
type reader struct {
	w        *Watcher
	c        *imapclient.Client
	validity uint32
	last     imap.UID
}

func (r *reader) read(ctx context.Context, criteria *imap.SearchCriteria) error {
	data, err := r.c.UIDSearch(criteria, nil).Wait()
	if err != nil {
		return fmt.Errorf("mailbox: unable to search the folder: %w", err)
	}
	var uids []imap.UID
	for _, uid := range data.AllUIDs() {
		if uid > r.last { // "n:*" also gives the last e-mail when none is newer
			uids = append(uids, uid)
		}
	}
	if len(uids) == 0 {
		return nil
	}
	section := &imap.FetchItemBodySection{Peek: true} // leaves the e-mails unread
	msgs, err := r.c.Fetch(imap.UIDSetNum(uids...), &imap.FetchOptions{
		UID: true, InternalDate: true, BodySection: []*imap.FetchItemBodySection{section},
	}).Collect()
	if err != nil {
		return fmt.Errorf("mailbox: unable to fetch e-mails: %w", err)
	}
	for _, m := range msgs {
		if err := r.file(ctx, m, section); err != nil {
			return err
		}
		if m.UID > r.last {
			r.last = m.UID
		}
	}
	return nil
}

func (r *reader) file(ctx context.Context, m *imapclient.FetchMessageBuffer, section *imap.FetchItemBodySection) error {
	rec, ok := Recognise(m.FindBodySection(section))
	if !ok {
		return nil
	}
	if rec.Date.IsZero() {
		rec.Date = m.InternalDate
	}
	f, ok, err := Match(ctx, r.w.Records, rec)
	if err != nil || !ok {
		return err
	}
	f.MessageKey = fmt.Sprintf("%s/%d/%d", r.w.Account.key(), r.validity, m.UID)
	f.FoundAt = r.w.now()
	added, err := r.w.Store.SaveMailFinding(ctx, &f)
	if err != nil {
		return fmt.Errorf("mailbox: unable to file an e-mail: %w", err)
	}
	if added {
		if r.w.Log != nil {
			r.w.Log.WithField("kind", string(f.Kind)).WithField("byHeaders", f.ByHeaders).Info("mailbox: e-mail filed")
		}
		if r.w.OnFinding != nil {
			r.w.OnFinding(f)
		}
	}
	return nil
}

// statusTracker remembers the last check and tells each change.
type statusTracker struct {
	mu     sync.Mutex
	last   *time.Time
	notify func(PickupStatus)
}

func (s *statusTracker) set(st PickupStatus) {
	if s.notify != nil {
		s.notify(st)
	}
}

func (s *statusTracker) check(at time.Time, state PickupState) {
	s.mu.Lock()
	s.last = &at
	s.mu.Unlock()
	s.set(PickupStatus{State: state, LastCheckAt: &at})
}

func (s *statusTracker) lastCheck() *time.Time {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.last
}

// errorKind names a failure for the log without its text (which may hold
// the server's reply).
func errorKind(err error) string {
	var tlsErr *tls.CertificateVerificationError
	switch {
	case err == nil:
		return "none"
	case errors.Is(err, errAuth):
		return "login_refused"
	case errors.Is(err, errFolder):
		return "folder"
	case errors.As(err, &tlsErr):
		return "certificate"
	case errors.Is(err, net.ErrClosed):
		return "connection_lost"
	}
	var netErr net.Error
	if errors.As(err, &netErr) {
		return "network"
	}
	return "protocol"
}

// frenchError is the secretary's wording of a failure.
func frenchError(err error) string {
	switch errorKind(err) {
	case "login_refused":
		return "Le serveur de messagerie a refusé l'identifiant ou le mot de passe."
	case "certificate":
		return "Le certificat du serveur de messagerie n'est pas reconnu : connexion refusée."
	case "connection_lost":
		return "La connexion au serveur de messagerie a été perdue."
	case "network":
		return "Le serveur de messagerie est injoignable."
	case "folder":
		return "Le dossier de la boîte aux lettres est introuvable."
	}
	return "Le serveur de messagerie a répondu de façon inattendue."
}
