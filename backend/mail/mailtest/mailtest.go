// Package mailtest runs a real SMTP server (github.com/emersion/go-smtp)
// in-process on loopback for tests, with a certificate generated for the
// test (STARTTLS or implicit TLS) and AUTH PLAIN, and keeps what it receives.
package mailtest

import (
	"crypto/tls"
	"crypto/x509"
	"io"
	"net"
	"sync"
	"testing"
	"time"

	"github.com/emersion/go-sasl"
	"github.com/emersion/go-smtp"

	"erpps/backend/internal/testcert"
)

// Options configures a test server. Security is "none", "starttls" or
// "tls"; with a Username, AUTH PLAIN is required with Password.
type Options struct {
	Security string
	Username string
	Password string
}

// Received is one message the server took.
type Received struct {
	From string
	To   []string
	Data []byte
	User string // who authenticated, "" when nobody did
	TLS  bool   // whether the session was encrypted
}

// Server is a running test SMTP server.
type Server struct {
	Addr    string
	RootCAs *x509.CertPool // trusts the server's certificate
	CertPEM []byte         // the certificate of the authority that signed the server's, PEM (a CA file for a process)

	opts       Options
	mu         sync.Mutex
	received   []Received
	rejectRcpt bool
	arrived    chan struct{}
}

// Start runs a server until the test ends.
func Start(t testing.TB, opts Options) *Server {
	t.Helper()
	ca := testcert.NewAuthority(t, "erpps test SMTP")
	cert := ca.Server(t)
	s := &Server{RootCAs: ca.Pool, opts: opts, arrived: make(chan struct{}, 64), CertPEM: ca.PEM}
	srv := smtp.NewServer(smtp.BackendFunc(s.newSession))
	srv.Domain = "localhost"
	srv.ReadTimeout, srv.WriteTimeout = 10*time.Second, 10*time.Second
	srv.AllowInsecureAuth = opts.Security == "none"
	srv.ErrorLog = discard{}
	tlsConfig := &tls.Config{Certificates: []tls.Certificate{cert}, MinVersion: tls.VersionTLS12}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	switch opts.Security {
	case "starttls":
		srv.TLSConfig = tlsConfig
	case "tls":
		l = tls.NewListener(l, tlsConfig)
	}
	s.Addr = l.Addr().String()
	go srv.Serve(l)
	t.Cleanup(func() { srv.Close() })
	return s
}

// RejectRecipients makes the server refuse every recipient (550).
func (s *Server) RejectRecipients(reject bool) {
	s.mu.Lock()
	s.rejectRcpt = reject
	s.mu.Unlock()
}

// Messages returns what the server took so far.
func (s *Server) Messages() []Received {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Received(nil), s.received...)
}

// Wait returns the messages once there are n at least, failing the test
// after timeout.
func (s *Server) Wait(t testing.TB, n int, timeout time.Duration) []Received {
	t.Helper()
	deadline := time.After(timeout)
	for {
		if got := s.Messages(); len(got) >= n {
			return got
		}
		select {
		case <-s.arrived:
		case <-deadline:
			t.Fatalf("the SMTP server received %d messages, want %d", len(s.Messages()), n)
		}
	}
}

func (s *Server) newSession(c *smtp.Conn) (smtp.Session, error) {
	_, encrypted := c.TLSConnectionState()
	return &session{server: s, conn: c, tls: encrypted}, nil
}

type session struct {
	server *Server
	conn   *smtp.Conn
	tls    bool
	user   string
	from   string
	to     []string
}

func (x *session) AuthMechanisms() []string { return []string{sasl.Plain} }

func (x *session) Auth(mech string) (sasl.Server, error) {
	return sasl.NewPlainServer(func(identity, username, password string) error {
		if x.server.opts.Username == "" || username != x.server.opts.Username || password != x.server.opts.Password {
			return smtp.ErrAuthFailed
		}
		x.user = username
		return nil
	}), nil
}

func (x *session) Mail(from string, _ *smtp.MailOptions) error {
	if x.server.opts.Username != "" && x.user == "" {
		return smtp.ErrAuthRequired
	}
	x.from = from
	return nil
}

func (x *session) Rcpt(to string, _ *smtp.RcptOptions) error {
	x.server.mu.Lock()
	reject := x.server.rejectRcpt
	x.server.mu.Unlock()
	if reject {
		return &smtp.SMTPError{Code: 550, EnhancedCode: smtp.EnhancedCode{5, 1, 1}, Message: "No such user here: " + to}
	}
	x.to = append(x.to, to)
	return nil
}

func (x *session) Data(r io.Reader) error {
	data, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	_, encrypted := x.conn.TLSConnectionState()
	x.server.mu.Lock()
	x.server.received = append(x.server.received, Received{From: x.from, To: x.to, Data: data, User: x.user,
		TLS: x.tls || encrypted})
	x.server.mu.Unlock()
	select {
	case x.server.arrived <- struct{}{}:
	default:
	}
	return nil
}

func (x *session) Reset()        { x.from, x.to = "", nil }
func (x *session) Logout() error { return nil }

type discard struct{}

func (discard) Printf(string, ...any) {}
func (discard) Println(...any)        {}
