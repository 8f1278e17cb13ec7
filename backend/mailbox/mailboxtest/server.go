// Package mailboxtest runs go-imap's in-memory IMAP server over TLS on
// loopback, with a certificate generated for 127.0.0.1, for the tests of
// the mailbox pickup and of its callers.
package mailboxtest

import (
	"bytes"
	"crypto/tls"
	"crypto/x509"
	"encoding/pem"
	"net"
	"regexp"
	"sync"
	"testing"
	"time"

	"github.com/emersion/go-imap/v2"
	"github.com/emersion/go-imap/v2/imapserver"
	"github.com/emersion/go-imap/v2/imapserver/imapmemserver"

	"erpps/backend/internal/testcert"
)

// The mailbox's login on the test server.
const (
	User     = "cabinet@example.org"
	Password = "mot-de-passe-de-la-boite"
)

// Server is go-imap's in-memory IMAP server over TLS on loopback, with a
// certificate generated for 127.0.0.1.
type Server struct {
	Addr *net.TCPAddr
	// Roots holds the server's certificate: the client's TLS roots.
	Roots *x509.CertPool
	// CertPEM is the server's certificate, PEM-encoded (SSL_CERT_FILE for
	// a process that must trust it).
	CertPEM []byte
	user    *imapmemserver.User
	ln      *trackingListener
}

// NewServer starts the server; idle tells whether it offers IDLE
// (IMAP4rev2 includes it; an IMAP4rev1-only server does not).
func NewServer(t testing.TB, idle bool) *Server {
	t.Helper()
	ca := testcert.NewAuthority(t, "erpps test IMAP")
	cert, roots := ca.Server(t), ca.Pool
	mem := imapmemserver.New()
	user := imapmemserver.NewUser(User, Password)
	if err := user.Create("INBOX", nil); err != nil {
		t.Fatal(err)
	}
	mem.AddUser(user)
	caps := imap.CapSet{imap.CapIMAP4rev1: {}, imap.CapIMAP4rev2: {}}
	srv := imapserver.New(&imapserver.Options{
		NewSession: func(*imapserver.Conn) (imapserver.Session, *imapserver.GreetingData, error) {
			return mem.NewSession(), nil, nil
		},
		Caps:   caps,
		Logger: testLogger{t},
		// TLS is the listener's (below the filter that hides IDLE).
		InsecureAuth: true,
	})
	raw, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ln := &trackingListener{Listener: tls.NewListener(raw, &tls.Config{Certificates: []tls.Certificate{cert}}), noIdle: !idle}
	go func() { _ = srv.Serve(ln) }()
	t.Cleanup(func() { _ = srv.Close() })
	certPEM := pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: cert.Certificate[0]})
	return &Server{Addr: raw.Addr().(*net.TCPAddr), user: user, Roots: roots, CertPEM: certPEM, ln: ln}
}

// TLS is the client's TLS configuration trusting the server.
func (s *Server) TLS() *tls.Config {
	return &tls.Config{RootCAs: s.Roots, ServerName: "127.0.0.1", MinVersion: tls.VersionTLS12}
}

// Deliver puts an e-mail in the INBOX, as the mail server would.
func (s *Server) Deliver(t testing.TB, raw []byte) {
	t.Helper()
	if _, err := s.user.Append("INBOX", literal{bytes.NewReader(raw), int64(len(raw))}, &imap.AppendOptions{Time: time.Now()}); err != nil {
		t.Fatal(err)
	}
}

type literal struct {
	*bytes.Reader
	size int64
}

func (l literal) Size() int64 { return l.size }

// trackingListener keeps the accepted connections, to cut them. With
// noIdle, the server's capabilities lose IDLE (go-imap's server always
// offers it; many servers do not).
type trackingListener struct {
	net.Listener
	noIdle bool
	mu     sync.Mutex
	conns  []net.Conn
}

func (l *trackingListener) Accept() (net.Conn, error) {
	c, err := l.Listener.Accept()
	if err == nil {
		l.mu.Lock()
		l.conns = append(l.conns, c)
		l.mu.Unlock()
		if l.noIdle {
			c = noIdleConn{c}
		}
	}
	return c, err
}

// noIdleConn removes IDLE from what the server says it can do. The test
// e-mails never hold the word.
type noIdleConn struct{ net.Conn }

func (c noIdleConn) Write(p []byte) (int, error) {
	if _, err := c.Conn.Write(idleCapRe.ReplaceAll(p, nil)); err != nil {
		return 0, err
	}
	return len(p), nil
}

var idleCapRe = regexp.MustCompile(` (IDLE|IMAP4rev2)\b`)

// cut closes every connection accepted so far.
func (l *trackingListener) cut() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	n := len(l.conns)
	for _, c := range l.conns {
		_ = c.Close()
	}
	l.conns = nil
	return n
}

type testLogger struct{ t testing.TB }

func (l testLogger) Printf(format string, args ...any) { l.t.Logf("imapserver: "+format, args...) }

// Cut closes the connections accepted so far (a network failure); it
// returns how many there were.
func (s *Server) Cut() int { return s.ln.cut() }

// Unseen is the number of unread e-mails in the INBOX.
func (s *Server) Unseen(t testing.TB) uint32 {
	t.Helper()
	st, err := s.user.Status("INBOX", &imap.StatusOptions{NumUnseen: true})
	if err != nil || st.NumUnseen == nil {
		t.Fatalf("status: %v", err)
	}
	return *st.NumUnseen
}
